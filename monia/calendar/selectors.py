"""The worker's week: meetings with the child that the client plan asks for, network
meetings, the team's meetings and the statutory deadlines of the worker's own cases.

Meetings with the child (LsL 29 § and 30 §: the designated worker meets the child
personally as often as the plan says, ``ClientPlan.child_meeting_interval_weeks``): the
rhythm runs from the later of the plan's approval and the last meeting with the child;
every date of the rhythm that has passed without a meeting is flagged as missed.

"The last meeting with the child" comes from ``LAST_MET_SOURCES``, each a function
``(case ids) -> {case id: date}``: the child's hearings in person (a meeting, a home
visit, a remote meeting), network meetings the child attended, and signed client notes
of a meeting with the child (``_child_meeting_notes``).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Max, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from monia.access import policy
from monia.access.purposes import Purpose
from monia.accounts.models import User
from monia.casework import selectors as casework_selectors
from monia.casework import stages
from monia.casework.models import (
    Case,
    ChildHearing,
    ClientNote,
    ClientPlan,
    ContactMethod,
    HearingMethod,
    NoteType,
    PlanStatus,
)
from monia.netmeet.models import MeetingStatus, NetworkMeeting
from monia.systemic.models import TeamMeeting

CHILD_MEETING = "child_meeting"
NETWORK_MEETING = "network_meeting"
TEAM_MEETING = "team_meeting"
DEADLINE = "deadline"


@dataclass(frozen=True)
class Item:
    """One thing in the worker's calendar. ``child_name`` and ``detail`` are for the page
    only: the feed (``feed.py``) carries the kind, the time and the link."""

    kind: str
    day: datetime.date
    url: str
    uid: str
    at: datetime.datetime | None = None  # a timed event; None: the whole day
    case_id: int | None = None
    child_name: str = ""
    detail: str = ""
    was_due: datetime.date | None = None  # a missed meeting shown today: when it was due
    missed: bool = False
    status: str = ""


def _in_person_hearings(case_ids: list[int]) -> dict[int, datetime.date]:
    rows = (
        ChildHearing.objects.filter(
            case_id__in=case_ids,
            heard=True,
            method__in=[HearingMethod.MEETING, HearingMethod.HOME_VISIT, HearingMethod.REMOTE],
        )
        .values("case_id")
        .annotate(last=Max("heard_on"))
    )
    return {r["case_id"]: r["last"] for r in rows}


def _network_meetings_attended(case_ids: list[int]) -> dict[int, datetime.date]:
    rows = (
        NetworkMeeting.objects.filter(
            case_id__in=case_ids, status=MeetingStatus.HELD, child_absent_reason=""
        )
        .exclude(child_view="")
        .values("case_id")
        .annotate(last=Max("held_at"))
    )
    return {r["case_id"]: timezone.localdate(r["last"]) for r in rows}


# The ways of contact in which the worker meets the child personally (LsL 29 §): face to
# face anywhere, or by video — as a remote hearing counts. A phone call or a message does
# not, nor a note that names no way of contact.
MEETING_IN_PERSON = (
    ContactMethod.OFFICE,
    ContactMethod.ELSEWHERE,
    ContactMethod.HOME_VISIT,
    ContactMethod.VIDEO,
)


def _child_meeting_notes(case_ids: list[int]) -> dict[int, datetime.date]:
    """Signed notes of a meeting or contact (Sosmeta 19005) in which the child took part,
    met in person: the worker's own record of meeting the child. Drafts do not count."""
    rows = (
        ClientNote.objects.filter(
            case_id__in=case_ids,
            signed_at__isnull=False,
            note_type=NoteType.MEETING_OR_CONTACT,
            child_took_part=True,
            contact_method__in=MEETING_IN_PERSON,
        )
        .values("case_id")
        .annotate(last=Max("occurred_on"))
    )
    return {r["case_id"]: r["last"] for r in rows}


LAST_MET_SOURCES: list[Callable[[list[int]], dict[int, datetime.date]]] = [
    _in_person_hearings,
    _network_meetings_attended,
    _child_meeting_notes,
]


def child_last_met(case_ids: list[int]) -> dict[int, datetime.date]:
    """When the worker last met each child in person, from every source: one query each."""
    found: dict[int, datetime.date] = {}
    for source in LAST_MET_SOURCES:
        for case_id, day in source(case_ids).items():
            if day is not None and (case_id not in found or day > found[case_id]):
                found[case_id] = day
    return found


def own_cases(user: User) -> QuerySet[Case]:
    """The open cases of which the user is the designated worker (within the policy)."""
    return stages.open_cases(policy.cases_visible_to(user)).filter(designated_worker=user)


def _child_meetings(
    cases: QuerySet[Case], start: datetime.date, end: datetime.date, today: datetime.date
) -> list[Item]:
    plans = list(
        ClientPlan.objects.filter(
            case__in=cases, status=PlanStatus.APPROVED, child_meeting_interval_weeks__gt=0
        ).select_related("case__child")
    )
    last_met = child_last_met([p.case_id for p in plans])
    items = []
    for plan in plans:
        assert plan.approved_on is not None and plan.child_meeting_interval_weeks
        step = datetime.timedelta(weeks=plan.child_meeting_interval_weeks)
        met = last_met.get(plan.case_id)
        anchor = max(plan.approved_on, met) if met else plan.approved_on
        first_due = anchor + step
        k = max(1, -(-(start - anchor).days // step.days))  # the first date on or after start
        url = reverse("case_detail", args=[plan.case_id])
        for due in (anchor + step * n for n in range(k, k + 8)):
            if due > end:
                break
            items.append(_child_item(plan, due, url, missed=due < today))
        if start <= today <= end and first_due < start:
            # Overdue from an earlier week: shown today, flagged, with the date it was due.
            items.append(_child_item(plan, today, url, missed=True, was_due=first_due))
    return items


def _child_item(
    plan: ClientPlan,
    due: datetime.date,
    url: str,
    *,
    missed: bool,
    was_due: datetime.date | None = None,
) -> Item:
    return Item(
        kind=CHILD_MEETING,
        day=due,
        url=url,
        uid=f"child-{plan.case_id}-{due:%Y%m%d}",
        case_id=plan.case_id,
        child_name=plan.case.child.full_name,
        was_due=was_due,
        missed=missed,
    )


def _network_meetings(
    user: User, start: datetime.date, end: datetime.date, visible: QuerySet[Case]
) -> list[Item]:
    rows = (
        NetworkMeeting.objects.filter(
            Q(organised_by=user) | Q(case__designated_worker=user),
            case__in=visible,
            held_at__date__gte=start,
            held_at__date__lte=end,
        )
        .select_related("case__child")
        .order_by("held_at")
    )
    return [
        Item(
            kind=NETWORK_MEETING,
            day=timezone.localdate(m.held_at),
            at=m.held_at,
            url=reverse("network_meeting_detail", args=[m.case_id, m.pk]),
            uid=f"netmeet-{m.pk}",
            case_id=m.case_id,
            child_name=m.case.child.full_name,
            detail=m.place,
            status=m.status,
        )
        for m in rows
    ]


def _team_meetings(user: User, start: datetime.date, end: datetime.date) -> list[Item]:
    team = user.team
    if team is None or policy.team_basis(user, team) is None:
        return []
    return [
        Item(
            kind=TEAM_MEETING,
            day=m.held_on,
            url=reverse("meeting_detail", args=[m.pk]),
            uid=f"team-{m.pk}",
            status=m.status,
        )
        for m in TeamMeeting.objects.filter(team=team, held_on__gte=start, held_on__lte=end)
    ]


def _deadlines(
    cases: QuerySet[Case], start: datetime.date, end: datetime.date, today: datetime.date
) -> list[Item]:
    return [
        Item(
            kind=DEADLINE,
            day=d.due,
            url=reverse("case_detail", args=[d.case_id]),
            uid=f"deadline-{d.kind}-{d.object_id}",
            case_id=d.case_id,
            child_name=d.child_name,
            detail=d.kind,
            missed=d.status == "overdue",
            status=d.status,
        )
        for d in casework_selectors.deadlines_for_cases(cases, today=today)
        if start <= d.due <= end
    ]


def calendar_items(
    user: User, *, start: datetime.date, end: datetime.date, today: datetime.date
) -> list[Item]:
    """Everything in the user's calendar from ``start`` to ``end`` (both included), by day
    and time. Reads no client data for the page by itself: the caller logs the children
    it shows (``log_children_shown``); the feed shows none."""
    own = own_cases(user)
    items = [
        *_child_meetings(own, start, end, today),
        *_network_meetings(user, start, end, policy.cases_visible_to(user)),
        *_team_meetings(user, start, end),
        *_deadlines(own, start, end, today),
    ]
    order = {CHILD_MEETING: 1, NETWORK_MEETING: 2, TEAM_MEETING: 0, DEADLINE: 3}
    return sorted(items, key=lambda i: (i.day, i.at is not None, i.at or i.day, order[i.kind]))


def log_children_shown(user: User, items: Iterable[Item]) -> None:
    """One access-log row per child named on the page (policy.log_case_list)."""
    ids = {i.case_id for i in items if i.case_id is not None}
    if ids:
        policy.log_case_list(
            user, policy.cases_visible_to(user).filter(pk__in=ids), purpose=Purpose.CALENDAR
        )
