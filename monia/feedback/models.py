"""Questionnaires defined as data, asked after events, meetings and plan reviews; anonymised
results (issue 16, evaluation: palautekyselyt).

A coordinator writes a questionnaire (its questions, their kind and their wording per
language and age band) and says when it is asked. Once published its questions are frozen:
editing makes a new version. Monia ships no licensed instrument: a county that holds a
licence loads the wording itself and marks the questionnaire licensed. Each answer belongs
to an invitation (one per questionnaire, respondent and context); the results pages show
only anonymised groups of five or more.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from monia.ui.languages import in_reader_language


class Trigger(models.TextChoices):
    """When a questionnaire is asked (the daily job feedback/tasks.py, or a caller)."""

    AFTER_NETWORK_MEETING = "after_network_meeting", _("After a network meeting")
    AT_PLAN_REVIEW = "at_plan_review", _("At a client plan review")
    AFTER_EVENT = "after_event", _("After an event")
    MANUAL = "manual", _("Only when asked by hand")


class QuestionKind(models.TextChoices):
    FACE = "face", _("Five faces (1–5)")
    SCALE_10 = "scale_10", _("Scale 0–10")
    YES_NO = "yes_no", _("Yes or no")
    TEXT = "text", _("Free text")


class AgeBand(models.TextChoices):
    """Whose wording: a child 7–12, a young person 13–17, an adult (guardians, staff too)."""

    CHILD = "child", _("Child (7–12)")
    YOUTH = "youth", _("Young person (13–17)")
    ADULT = "adult", _("Adult")


class Language(models.TextChoices):
    FI = "fi", "suomi"
    SV = "sv", "svenska"
    EN = "en", "English"


class ContextKind(models.TextChoices):
    NETWORK_MEETING = "network_meeting", _("Network meeting")
    PLAN = "plan", _("Client plan")
    EVENT = "event", _("Event")
    MANUAL = "manual", _("Asked by hand")


class Questionnaire(models.Model):
    """One version of a county's questionnaire. ``published_at`` freezes its questions."""

    county = models.ForeignKey("teams.County", on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("name"), max_length=200)
    # Shown to the people asked, in their language (fallback: Finnish).
    purpose = models.TextField(_("purpose"), blank=True)
    purpose_sv = models.TextField(_("purpose in Swedish"), blank=True)
    purpose_en = models.TextField(_("purpose in English"), blank=True)
    trigger = models.CharField(_("when it is asked"), max_length=24, choices=Trigger.choices)
    active = models.BooleanField(_("active"), default=True)
    version = models.PositiveSmallIntegerField(default=1)
    previous = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="next_version"
    )
    licensed = models.BooleanField(_("licensed instrument"), default=False)
    licence_note = models.TextField(_("licence"), blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        ordering = ["name", "-version"]
        constraints = [
            models.CheckConstraint(
                condition=Q(licensed=False) | ~Q(licence_note=""),
                name="feedback_licensed_has_note",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} v{self.version}"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def display_purpose(self) -> str:
        """The purpose in the reader's language, else in Finnish."""
        return in_reader_language(fi=self.purpose, sv=self.purpose_sv, en=self.purpose_en)


class Question(models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="questions"
    )
    order = models.PositiveSmallIntegerField(_("order"))
    kind = models.CharField(_("kind"), max_length=10, choices=QuestionKind.choices)
    required = models.BooleanField(_("an answer is required"), default=False)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["questionnaire", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "order"], name="feedback_question_order_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"question {self.pk}"


class QuestionText(models.Model):
    """The wording of one question in one language for one age band."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="texts")
    language = models.CharField(max_length=2, choices=Language.choices)
    age_band = models.CharField(max_length=5, choices=AgeBand.choices)
    text = models.CharField(max_length=500)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["question", "language", "age_band"], name="feedback_text_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.text


class Invitation(models.Model):
    """One respondent asked one questionnaire about one thing (a meeting, a plan, an
    event). A portal client is a ``respondent_person`` (their row in the county's
    register); a staff member or partner asked after an event is a ``respondent_user``."""

    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.PROTECT, related_name="invitations"
    )
    respondent_person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    respondent_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    case = models.ForeignKey(
        "casework.Case", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    context_kind = models.CharField(max_length=16, choices=ContextKind.choices)
    context_id = models.PositiveIntegerField(default=0)
    context_date = models.DateField()  # the meeting's, plan's or event's day, for the wording
    age_band = models.CharField(max_length=5, choices=AgeBand.choices, default=AgeBand.ADULT)
    created_at = models.DateTimeField(default=timezone.now)
    closes_on = models.DateField()
    answered_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # When the one reminder went (services.reminders_send, a week after the invitation):
    # set once, so a reminder is never sent twice.
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(respondent_person__isnull=True) ^ Q(respondent_user__isnull=True),
                name="feedback_one_respondent",
            ),
            models.UniqueConstraint(
                fields=["questionnaire", "respondent_person", "context_kind", "context_id"],
                condition=Q(respondent_person__isnull=False),
                name="feedback_one_invitation_per_person",
            ),
            models.UniqueConstraint(
                fields=["questionnaire", "respondent_user", "context_kind", "context_id"],
                condition=Q(respondent_user__isnull=False),
                name="feedback_one_invitation_per_user",
            ),
        ]

    def __str__(self) -> str:
        return f"invitation {self.pk}"


class Answer(models.Model):
    invitation = models.ForeignKey(Invitation, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    value = models.SmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["invitation", "question"], name="feedback_one_answer_per_question"
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=True) | Q(value__gte=0, value__lte=10),
                name="feedback_value_0_to_10",
            ),
        ]

    def __str__(self) -> str:
        return f"answer {self.pk}"
