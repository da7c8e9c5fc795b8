"""The network meeting with the family (verkostopalaveri).

The worker gathers the family, the child and the professionals around the child to
agree who does what (LsL 30 §: the client plan is drawn up together with the child,
the guardians and the network). The meeting is planned, held, and its record keeps the
family's and the child's own views (LsL 20 §: the child's view is found out and
recorded) and the agreed actions, each with an owner and a due date.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from monia.network.models import PartnerAddressee


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")


class InviteeRole(models.TextChoices):
    PARTNER = "partner", _("Partner professional")
    GUARDIAN = "guardian", _("Guardian")
    CHILD = "child", _("Child")
    OTHER = "other", _("Other")


class NetworkMeeting(models.Model):
    """One verkostopalaveri of one case; planned by a worker, recorded once held."""

    case = models.ForeignKey(
        "casework.Case", on_delete=models.PROTECT, related_name="network_meetings"
    )
    held_at = models.DateTimeField(_("time"))
    place = models.CharField(_("place"), max_length=200)
    remote_link = models.URLField(_("remote meeting link"), blank=True)
    agenda = models.TextField(_("agenda"))
    organised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    minutes = models.TextField(_("minutes"), blank=True)
    family_view = models.TextField(_("the family's view"), blank=True)
    child_view = models.TextField(_("the child's view"), blank=True)
    child_absent_reason = models.TextField(_("why the child was not present"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # The planning form's key: the form sent again ("Back" and send) plans nothing new.
    submission_key = models.UUIDField(unique=True, null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("network meeting")
        verbose_name_plural = _("network meetings")
        ordering = ["-held_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="planned")
                | (
                    ~models.Q(minutes="")
                    & ~models.Q(family_view="")
                    & (~models.Q(child_view="") | ~models.Q(child_absent_reason=""))
                ),
                name="netmeet_held_has_views",
            ),
        ]

    def __str__(self) -> str:
        return f"network meeting {self.pk}"


class NetworkMeetingInvitee(PartnerAddressee):
    """Who is asked to the meeting: a partner organisation (or one of its professionals)
    or a member of the family by name."""

    meeting = models.ForeignKey(NetworkMeeting, on_delete=models.CASCADE, related_name="invitees")
    # A family member is invited by name: no organisation (the shape's one exception).
    organisation = models.ForeignKey(
        "network.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    family_member_name = models.CharField(_("family member"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=10, choices=InviteeRole.choices)
    attends = models.BooleanField(_("attends"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitee")
        verbose_name_plural = _("invitees")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role="partner") | models.Q(organisation__isnull=False),
                name="netmeet_partner_invitee_has_organisation",
            ),
            models.CheckConstraint(
                condition=models.Q(role="partner") | ~models.Q(family_member_name=""),
                name="netmeet_family_invitee_has_name",
            ),
        ]

    def __str__(self) -> str:
        return self.family_member_name or str(self.organisation)


class AgreedAction(models.Model):
    """What one member of the network promised to do, and by when."""

    meeting = models.ForeignKey(
        NetworkMeeting, on_delete=models.CASCADE, related_name="agreed_actions"
    )
    description = models.TextField(_("action"))
    owner_name = models.CharField(_("who"), max_length=200)
    owner_organisation = models.ForeignKey(
        "network.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    due_on = models.DateField(_("due"))

    class Meta:
        verbose_name = _("agreed action")
        verbose_name_plural = _("agreed actions")
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.description[:50]
