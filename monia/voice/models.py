"""The client's own voice (nuoren ääni): what a young person, a young adult in aftercare or
a guardian tells the workers before a network meeting, and whether they felt heard after it.

LsL 20 §: the child's wishes and views are found out and taken into account; LsL 30 §:
the client plan is drawn up together with the child and the guardians. A young person's
own words before a meeting reach the meeting, the team's weekly meeting and the record
(chronology), and the "Were you heard?" answers feed the development indicators.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

SCALE_FIELDS = ("home", "school", "friends", "feeling", "child_doing")
TEXT_FIELDS = ("adults_know", "who_there", "hopes")


class VoiceKind(models.TextChoices):
    """In which capacity the client answered (portal.access.PortalKind)."""

    YOUNG_PERSON = "young_person", _("Young person")
    YOUNG_ADULT = "young_adult", _("Young adult")
    GUARDIAN = "guardian", _("Guardian")


class Face(models.IntegerChoices):
    """A picture scale's five faces, each with its words."""

    VERY_BAD = 1, pgettext_lazy("face", "Very bad")
    BAD = 2, pgettext_lazy("face", "Bad")
    OKAY = 3, pgettext_lazy("face", "Okay")
    GOOD = 4, pgettext_lazy("face", "Good")
    VERY_GOOD = 5, pgettext_lazy("face", "Very good")


class HeardScore(models.IntegerChoices):
    NOT_AT_ALL = 1, pgettext_lazy("heard", "Not at all")
    A_LITTLE = 2, pgettext_lazy("heard", "A little")
    PARTLY = 3, pgettext_lazy("heard", "Partly")
    MOSTLY = 4, pgettext_lazy("heard", "Mostly")
    COMPLETELY = 5, pgettext_lazy("heard", "Completely")


def _in_range(field: str) -> Q:
    return Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": 1, f"{field}__lte": 5})


class VoiceEntry(models.Model):
    """My voice (nuoren ääni) before a network meeting: picture scales and free text.

    ``meeting`` is empty when the client wrote "for my next meeting"; the staff pages show
    such an entry at the first meeting of the case planned after it was given.
    """

    case = models.ForeignKey(
        "casework.Case", on_delete=models.PROTECT, related_name="voice_entries"
    )
    meeting = models.ForeignKey(
        "netmeet.NetworkMeeting",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="voice_entries",
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    author_person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("answered as"), max_length=12, choices=VoiceKind.choices)
    home = models.PositiveSmallIntegerField(_("home"), choices=Face.choices, null=True, blank=True)
    school = models.PositiveSmallIntegerField(
        _("school, studies or work"), choices=Face.choices, null=True, blank=True
    )
    friends = models.PositiveSmallIntegerField(
        _("friends"), choices=Face.choices, null=True, blank=True
    )
    feeling = models.PositiveSmallIntegerField(
        _("feeling now"), choices=Face.choices, null=True, blank=True
    )
    child_doing = models.PositiveSmallIntegerField(
        _("how the child is doing"), choices=Face.choices, null=True, blank=True
    )
    adults_know = models.TextField(_("what I want the adults to know"), blank=True)
    who_there = models.TextField(_("who I want to be there"), blank=True)
    hopes = models.TextField(_("what I hope from the meeting"), blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    # The client's form session: a double click or a form sent again saves one answer.
    submission_key = models.UUIDField(unique=True, null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("my voice entry")
        verbose_name_plural = _("my voice entries")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["case", "created_at"], name="voice_case_time_idx")]
        constraints = [
            models.CheckConstraint(
                condition=_in_range("home")
                & _in_range("school")
                & _in_range("friends")
                & _in_range("feeling")
                & _in_range("child_doing"),
                name="voice_scales_1_to_5",
            ),
            models.CheckConstraint(
                condition=Q(home__isnull=False)
                | Q(school__isnull=False)
                | Q(friends__isnull=False)
                | Q(feeling__isnull=False)
                | Q(child_doing__isnull=False)
                | ~Q(adults_know="")
                | ~Q(who_there="")
                | ~Q(hopes=""),
                name="voice_has_an_answer",
            ),
            # A guardian is asked about home and the child; a young person about themselves.
            models.CheckConstraint(
                condition=(
                    Q(kind="guardian")
                    & Q(school__isnull=True, friends__isnull=True, feeling__isnull=True)
                )
                | (~Q(kind="guardian") & Q(child_doing__isnull=True)),
                name="voice_scales_fit_the_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"voice entry {self.pk}"


class HeardFeedback(models.Model):
    """ "Were you heard?" (tulitko kuulluksi?) after a held network meeting: one answer per
    meeting and client account; answering again changes it."""

    meeting = models.ForeignKey(
        "netmeet.NetworkMeeting", on_delete=models.PROTECT, related_name="heard_feedback"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    author_person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("answered as"), max_length=12, choices=VoiceKind.choices)
    score = models.PositiveSmallIntegerField(_("were you heard"), choices=HeardScore.choices)
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("were-you-heard answer")
        verbose_name_plural = _("were-you-heard answers")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "author"], name="heard_one_per_author"),
            models.CheckConstraint(
                condition=Q(score__gte=1, score__lte=5), name="heard_score_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"heard feedback {self.pk}"
