"""The partner's rule for network meetings: an invited organisation's professionals (all of
them, or the one invited by name) see the meeting. Each read shows the child's first name
and the agenda: one disclosure row per meeting, for the invited organisation."""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import QuerySet
from django.utils import timezone

from monia.accounts.models import User
from monia.netmeet.models import InviteeRole, MeetingStatus, NetworkMeeting
from monia.network.access import addressed_to, is_partner, partner_get, partner_read
from monia.network.models import DisclosureBasis, DisclosureSource
from monia.network.services import Disclosure


def _invited(user: User) -> QuerySet[NetworkMeeting]:
    if not is_partner(user):
        return NetworkMeeting.objects.none()
    return (
        NetworkMeeting.objects.filter(
            addressed_to(user, prefix="invitees__"), invitees__role=InviteeRole.PARTNER
        )
        .distinct()
        .select_related("case__child")
    )


def _disclosures_for(user: User) -> Callable[[NetworkMeeting], list[Disclosure]]:
    """The disclosures of a meeting read by this partner: for their (invited) organisation."""
    organisation_id = user.organisation_id

    def disclosures(meeting: NetworkMeeting) -> list[Disclosure]:
        return [
            Disclosure(
                source=DisclosureSource.NETWORK_MEETING,
                source_id=meeting.pk,
                organisation_id=organisation_id or 0,
                person_id=meeting.case.child_id,
                case_id=meeting.case_id,
                basis=DisclosureBasis.MEETING_INVITATION,
            )
        ]

    return disclosures


def partner_network_meetings_list(
    user: User, *, purpose: str, coming_only: bool = False
) -> list[NetworkMeeting]:
    """A partner's network meetings, newest first (``coming_only``: the planned ones still
    ahead, soonest first); each child's first name shown is logged."""
    rows = _invited(user).order_by("-held_at", "-pk")
    if coming_only:
        rows = rows.filter(status=MeetingStatus.PLANNED, held_at__gte=timezone.now()).order_by(
            "held_at", "pk"
        )
    return partner_read(user, rows, disclosures=_disclosures_for(user), purpose=purpose)


def partner_network_meeting_get(user: User, meeting_id: int, *, purpose: str) -> NetworkMeeting:
    """One meeting as an invited partner may see it, the read logged; 404 otherwise."""
    return partner_get(
        user, _invited(user), meeting_id, disclosures=_disclosures_for(user), purpose=purpose
    )
