"""Letters to the family (kirjeet asiakkaalle): what was sent, to whom, in which language,
kept as the very words sent (``content``: the `monia.ui.document.Document` as JSON), so
the case shows a sent letter again exactly as it went out. Written only by
``services.letter_send``; never changed afterwards (the runtime role may only insert and
read this table)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LetterKind(models.TextChoices):
    NOTIFICATION_RECEIVED = (
        "notification_received",
        _("A child welfare notification was received (LsL 26 §)"),
    )
    ASSESSMENT_SUMMARY = (
        "assessment_summary",
        _("Summary of the service-needs assessment (SHL 37 §)"),
    )
    CLIENT_PLAN = "client_plan", _("The client plan (LsL 30 §)")
    NETWORK_MEETING = "network_meeting", _("Invitation to a network meeting")
    MEETING = "meeting", _("Invitation to a client plan meeting or to meet the worker")


class LetterChannel(models.TextChoices):
    POST = "post", _("By post")
    BY_HAND = "by_hand", _("Handed over in person")


class LetterLanguage(models.TextChoices):
    FINNISH = "fi", _("Finnish")
    SWEDISH = "sv", _("Swedish")


class Letter(models.Model):
    """One letter sent to one person about one case (a guardian, a parent, the young
    person)."""

    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, related_name="letters")
    kind = models.CharField(_("letter"), max_length=30, choices=LetterKind.choices)
    recipient = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="letters_received"
    )
    language = models.CharField(_("language"), max_length=2, choices=LetterLanguage.choices)
    title = models.CharField(_("title"), max_length=300)
    content = models.JSONField(_("the letter as sent"))
    channel = models.CharField(_("sent"), max_length=10, choices=LetterChannel.choices)
    sent_on = models.DateField(_("sent on"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    submission_key = models.UUIDField(unique=True, null=True, blank=True)

    class Meta:
        verbose_name = _("letter")
        verbose_name_plural = _("letters")
        ordering = ["-sent_on", "-pk"]
        indexes = [models.Index(fields=["case", "sent_on"], name="letter_case_sent_idx")]

    def __str__(self) -> str:
        return f"letter {self.pk} ({self.kind})"
