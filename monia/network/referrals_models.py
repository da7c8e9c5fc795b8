"""Referrals to mental-health, substance and other support, and the time to support.

Lähete (referral) from child welfare to a partner service. Its state is derived only from
its timestamps — referred → accepted → first contact → ongoing → ended — and the database
refuses a later step dated before an earlier one. Time to support is counted from the day
the need was identified to the first support received.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

__all__ = ["STEP_FIELDS", "Referral", "ReferralStep"]


class ReferralStep(models.TextChoices):
    REFERRED = "referred", _("Referred")
    ACCEPTED = "accepted", _("Accepted")
    FIRST_CONTACT = "first_contact", _("First support received")
    ONGOING = "ongoing", _("Ongoing")
    ENDED = "ended", _("Ended")


# Each step in order, with the timestamp that records it.
STEP_FIELDS: dict[str, str] = {
    ReferralStep.REFERRED: "referred_at",
    ReferralStep.ACCEPTED: "accepted_at",
    ReferralStep.FIRST_CONTACT: "first_contact_at",
    ReferralStep.ONGOING: "ongoing_at",
    ReferralStep.ENDED: "ended_at",
}


def _after(field: str, previous: str) -> models.Q:
    """``field`` is empty, or set with ``previous`` set and not later than it."""
    return models.Q(**{f"{field}__isnull": True}) | models.Q(
        **{f"{previous}__isnull": False, f"{field}__gte": models.F(previous)}
    )


class Referral(models.Model):
    """A referral of the child to a support service (lähete), and how far it has got."""

    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, related_name="referrals")
    organisation = models.ForeignKey(
        "network.Organisation",
        on_delete=models.PROTECT,
        related_name="referrals",
        verbose_name=_("service provider"),
    )
    service = models.CharField(_("service"), max_length=200)
    need_identified_on = models.DateField(_("need identified on"))
    referred_at = models.DateTimeField(_("referred"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    first_contact_at = models.DateTimeField(_("first support received"), null=True, blank=True)
    ongoing_at = models.DateTimeField(_("ongoing since"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    end_reason = models.TextField(_("reason for ending"), blank=True)
    contact_person = models.CharField(_("contact person"), max_length=200, blank=True)
    next_date = models.DateField(_("next appointment"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering = ["referred_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=_after("accepted_at", "referred_at"),
                name="referral_accepted_after_referred",
            ),
            models.CheckConstraint(
                condition=_after("first_contact_at", "accepted_at"),
                name="referral_contact_after_accepted",
            ),
            models.CheckConstraint(
                condition=_after("ongoing_at", "first_contact_at"),
                name="referral_ongoing_after_contact",
            ),
            # A referral may end at any step (declined, refused, finished), never before it.
            models.CheckConstraint(
                condition=models.Q(ended_at__isnull=True)
                | models.Q(
                    ended_at__gte=Coalesce(
                        "ongoing_at", "first_contact_at", "accepted_at", "referred_at"
                    )
                ),
                name="referral_ended_after_last_step",
            ),
            models.CheckConstraint(
                condition=models.Q(ended_at__isnull=True) | ~models.Q(end_reason=""),
                name="referral_ended_has_reason",
            ),
        ]
        indexes = [
            models.Index(
                fields=["case"],
                condition=models.Q(ended_at__isnull=True),
                name="referral_open_case_idx",
            )
        ]

    def __str__(self) -> str:
        return f"referral {self.pk}: {self.service}"

    @property
    def state(self) -> str:
        """The latest step whose timestamp is set."""
        return next(step for step, field in reversed(STEP_FIELDS.items()) if getattr(self, field))

    def get_state_display(self) -> str:
        return str(ReferralStep(self.state).label)
