"""Reads of the participation portal: meetings and what is hidden from a guardian. The
other sub-domains have their own modules: documents and family versions in
``document_selectors``, the access log in ``log_selectors``, safety alerts in
``safety_selectors``.

Everything here takes a case the policy has already opened (``portal_access.portal_case_get``
for clients, ``policy.case_get_for_user`` for staff); nothing here decides access, except
that a guardian's hidden documents are filtered out.
"""

from __future__ import annotations

import dataclasses
import datetime

from django.utils import timezone

from monia.casework.models import Case
from monia.netmeet.models import MeetingStatus, NetworkMeeting
from monia.portal.access import PortalCase
from monia.portal.document_selectors import CaseDocument
from monia.portal.models import ChildPortalAccess, GuardianRestriction, RestrictionStatus


@dataclasses.dataclass(frozen=True)
class RestrictionRow:
    """A document hidden from a guardian (or asked to be), for the worker's page."""

    restriction: GuardianRestriction
    title: str


def _title(key: str, titles: dict[str, str]) -> str:
    return titles.get(key, key)


def guardian_restrictions(case: Case, documents: list[CaseDocument]) -> list[RestrictionRow]:
    """The case's documents hidden from a guardian (in force), each with its title."""
    titles = {d.key: d.named for d in documents}
    return [
        RestrictionRow(r, _title(r.document_key, titles))
        for r in GuardianRestriction.objects.filter(
            case=case, status=RestrictionStatus.IN_FORCE
        ).select_related("guardian", "restricted_by", "requested_by")
    ]


@dataclasses.dataclass(frozen=True)
class PendingRequest:
    """A young person's request that one document or My voice answer is not shown to the
    guardians, waiting for the worker's decision."""

    document_key: str
    title: str
    asked_by: str
    asked_at: datetime.datetime
    guardians: list[str]


def pending_requests(case: Case, documents: list[CaseDocument]) -> list[PendingRequest]:
    titles = {d.key: d.named for d in documents}
    found: dict[str, PendingRequest] = {}
    rows = (
        GuardianRestriction.objects.filter(case=case, status=RestrictionStatus.REQUESTED)
        .select_related("guardian", "requested_by")
        .order_by("requested_at", "pk")
    )
    for r in rows:
        assert r.requested_by is not None and r.requested_at is not None
        request = found.setdefault(
            r.document_key,
            PendingRequest(
                r.document_key,
                _title(r.document_key, titles),
                r.requested_by.full_name,
                r.requested_at,
                [],
            ),
        )
        request.guardians.append(r.guardian.full_name)
    return list(found.values())


def child_portal_allowed(case: Case) -> bool:
    """The worker has let this child (under 12) into the portal."""
    return ChildPortalAccess.objects.filter(person=case.child).exists()


def hidden_meeting_ids(pc: PortalCase) -> set[int]:
    """Network meetings (their invitation and record) hidden from this guardian."""
    return {
        int(key.split(":", 1)[1]) for key in pc.hidden_document_keys if key.startswith("netmeet:")
    }


def visible_upcoming_meetings(pc: PortalCase) -> list[NetworkMeeting]:
    hidden = hidden_meeting_ids(pc)
    return [m for m in upcoming_meetings(pc.case) if m.pk not in hidden]


def visible_recently_held_meetings(pc: PortalCase) -> list[NetworkMeeting]:
    hidden = hidden_meeting_ids(pc)
    return [m for m in recently_held_meetings(pc.case) if m.pk not in hidden]


def may_see(pc: PortalCase, key: str) -> bool:
    return key not in pc.hidden_document_keys


def upcoming_meetings(case: Case, now: datetime.datetime | None = None) -> list[NetworkMeeting]:
    now = now or timezone.now()
    return list(
        NetworkMeeting.objects.filter(
            case=case, status=MeetingStatus.PLANNED, held_at__gte=now - datetime.timedelta(hours=3)
        ).order_by("held_at")
    )


def recently_held_meetings(case: Case, days: int = 60) -> list[NetworkMeeting]:
    """Meetings held lately: the client may still say whether they were heard."""
    since = timezone.now() - datetime.timedelta(days=days)
    return list(
        NetworkMeeting.objects.filter(
            case=case, status=MeetingStatus.HELD, held_at__gte=since
        ).order_by("-held_at")
    )
