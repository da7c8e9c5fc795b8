"""Who outside child welfare sees something of the child's matter now, for the family's
"Who can see what": the sharing grants in force, and the professionals the partner rules
let in by what the workers sent them (``netmeet.access``: a network meeting's invitation;
``contrib.access``: a request for a statement; ``consult.access``: a question asked with
consent). The page said "Nothing is shared with them now" while a school nurse invited to
the meeting read its agenda and the child's first name, as "Who has seen my data" showed."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from monia.consult.models import Consultation, ConsultationMode
from monia.contrib.models import ContributionRequest
from monia.netmeet.models import InviteeRole, NetworkMeetingInvitee
from monia.network import selectors as network_selectors
from monia.network.models import SharingGrant
from monia.portal.access import PortalCase
from monia.portal.selectors import hidden_meeting_ids


@dataclass
class Invited:
    """An organisation (or one named professional of it) and the days it was asked."""

    organisation: Any
    partner: Any
    days: list[datetime.date] = field(default_factory=list)


@dataclass(frozen=True)
class Outside:
    grants: list[SharingGrant]
    meetings: list[Invited]
    statements: list[Invited]
    consultations: list[Invited]

    @property
    def empty(self) -> bool:
        return not (self.grants or self.meetings or self.statements or self.consultations)


def _grouped(rows: list[Any], day: Any) -> list[Invited]:
    found: dict[tuple[int, int | None], Invited] = {}
    for row in rows:
        key = (row.organisation_id, row.partner_id)
        invited = found.setdefault(key, Invited(row.organisation, row.partner))
        if day(row) not in invited.days:
            invited.days.append(day(row))
    return list(found.values())


def outside_child_welfare(pc: PortalCase, *, on: datetime.date) -> Outside:
    """What professionals outside child welfare see of ``pc``'s matter (four queries). A
    meeting hidden from this guardian is left out, so the list does not tell of it."""
    case = pc.case
    invitees = (
        NetworkMeetingInvitee.objects.filter(meeting__case=case, role=InviteeRole.PARTNER)
        .exclude(meeting_id__in=hidden_meeting_ids(pc))
        .select_related("organisation", "partner", "meeting")
        .order_by("meeting__held_at", "pk")
    )
    requests = (
        ContributionRequest.objects.filter(assessment__case=case)
        .select_related("organisation", "partner")
        .order_by("requested_at", "pk")
    )
    asked = (
        Consultation.objects.filter(case=case, mode=ConsultationMode.CONSENT)
        .select_related("organisation", "partner")
        .order_by("asked_at", "pk")
    )
    return Outside(
        grants=network_selectors.grants_in_force_for_case(case.pk, on=on),
        meetings=_grouped(list(invitees), lambda i: timezone.localdate(i.meeting.held_at)),
        statements=_grouped(list(requests), lambda r: timezone.localdate(r.requested_at)),
        consultations=_grouped(list(asked), lambda c: timezone.localdate(c.asked_at)),
    )
