"""Multi-agency consultation (monialainen konsultaatio, LsL 14 § 3 mom.; Act 703/2023).

A worker asks an expert of another sector about a case, either pseudonymised (the
expert never learns who the child is) or with consent (named). The answer is due within
a set number of working days; a late answer is escalated.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from monia.network.models import PartnerAddressee


class ConsultationMode(models.TextChoices):
    PSEUDONYMISED = "pseudonymised", _("Pseudonymised")
    CONSENT = "consent", _("With consent (named)")


class Consultation(PartnerAddressee):
    """One question to a partner organisation (or one named expert of it: ``partner``)."""

    case = models.ForeignKey(
        "casework.Case", on_delete=models.PROTECT, related_name="consultations"
    )
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    mode = models.CharField(_("mode"), max_length=20, choices=ConsultationMode.choices)
    consent_given_by = models.CharField(_("consent given by"), max_length=200, blank=True)
    pseudonym = models.CharField(_("pseudonym"), max_length=100, blank=True)
    question = models.TextField(_("question"))
    asked_at = models.DateTimeField(_("asked at"))
    answer_due = models.DateField(_("answer due"))
    answer = models.TextField(_("answer"), blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    escalated_at = models.DateTimeField(_("escalated at"), null=True, blank=True)
    # The asking form's key: the form sent again ("Back" and send) asks nothing new.
    submission_key = models.UUIDField(unique=True, null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["-asked_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(mode="consent") | ~models.Q(consent_given_by=""),
                name="consultation_consent_names_who",
            ),
            models.CheckConstraint(
                condition=~models.Q(mode="pseudonymised") | ~models.Q(pseudonym=""),
                name="consultation_pseudonym_given",
            ),
            models.CheckConstraint(
                condition=models.Q(answered_at__isnull=True) | ~models.Q(answer=""),
                name="consultation_answered_has_answer",
            ),
        ]
        indexes = [
            models.Index(
                fields=["answer_due"],
                condition=models.Q(answered_at__isnull=True),
                name="consultation_open_due_idx",
            )
        ]

    def __str__(self) -> str:
        return f"consultation {self.pk}"

    @property
    def is_pseudonymised(self) -> bool:
        return self.mode == ConsultationMode.PSEUDONYMISED
