"""Partners' contributions to the multi-agency service-needs assessment.

Lapsen monitoimijainen palvelutarpeen arviointi (SHL 36 §, LsL 26–27 §; LUMO's action
cards): the designated worker asks the school, child psychiatry … for a statement on
the child's situation, with the partner's view of what the child thinks.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from monia.network.models import PartnerAddressee


class RequestBasis(models.TextChoices):
    LSL_41_REQUEST = "lsl_41_request", _("Request for information (LsL 41 §)")
    GUARDIAN_CONSENT = "guardian_consent", _("Consent of the guardian")


class ContributionRequest(PartnerAddressee):
    """One partner organisation's part in one assessment: the worker's questions and,
    once submitted, the partner's statement."""

    assessment = models.ForeignKey(
        "casework.ServiceNeedsAssessment",
        on_delete=models.PROTECT,
        related_name="contribution_requests",
    )
    basis = models.CharField(_("legal basis"), max_length=30, choices=RequestBasis.choices)
    consent_given_by = models.CharField(_("consent given by"), max_length=200, blank=True)
    questions = models.TextField(_("questions to the partner"))
    due_on = models.DateField(_("statement due"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField()
    statement = models.TextField(_("statement"), blank=True)
    child_view_noted = models.TextField(_("how the child's view was brought in"), blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reminded_on = models.DateField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("contribution request")
        verbose_name_plural = _("contribution requests")
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(basis="guardian_consent") | ~models.Q(consent_given_by=""),
                name="contribution_consent_names_who",
            ),
            models.CheckConstraint(
                condition=(models.Q(submitted_at__isnull=True) & models.Q(statement=""))
                | (models.Q(submitted_at__isnull=False) & ~models.Q(statement="")),
                name="contribution_statement_iff_submitted",
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "submitted_at"], name="contribution_org_open_idx")
        ]

    def __str__(self) -> str:
        return f"contribution request {self.pk}"
