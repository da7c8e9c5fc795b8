"""Reads: a case's network meetings and one meeting with its people and actions."""

from __future__ import annotations

import datetime

from django.db.models import Count, QuerySet
from django.utils import timezone

from monia.casework.models import Case
from monia.netmeet.models import NetworkMeeting


def meetings_for_case(case: Case) -> QuerySet[NetworkMeeting]:
    return (
        NetworkMeeting.objects.filter(case=case)
        .select_related("organised_by")
        .annotate(invitee_count=Count("invitees", distinct=True))
    )


def meeting_for_case(case: Case, meeting_id: int) -> NetworkMeeting | None:
    return (
        NetworkMeeting.objects.filter(case=case, pk=meeting_id)
        .select_related("organised_by")
        .prefetch_related("invitees__organisation", "invitees__partner", "agreed_actions")
        .first()
    )


def is_held_already(meeting: NetworkMeeting, *, now: datetime.datetime | None = None) -> bool:
    """The meeting's time has passed: whoever is added now took part, nobody is invited."""
    return meeting.held_at <= (now or timezone.now())


def child_first_name(meeting: NetworkMeeting) -> str:
    """Partners see only the child's first name (data minimisation, GDPR art. 5(1)(c))."""
    names = meeting.case.child.first_names.split()
    return names[0] if names else ""
