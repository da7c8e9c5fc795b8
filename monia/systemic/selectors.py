"""Reads for the team's shared space. Each runs a fixed number of queries, whatever the
team's size; callers log the children shown through ``monia.access.policy``."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Max, Q, QuerySet

from monia import deadlines
from monia.access import policy
from monia.access.policy import NotFound
from monia.accounts.models import User
from monia.casework import stages
from monia.casework.exception_selectors import (
    CaseException,
    case_exceptions,
    exceptions_by_case,
)
from monia.casework.models import Case
from monia.casework.selectors import Deadline, deadlines_for_cases
from monia.systemic.models import (
    AgendaItem,
    AgendaReason,
    AttendanceStatus,
    CaseFlag,
    Hypothesis,
    NextStep,
    TeamMeeting,
)
from monia.teams.models import Team


@dataclass
class BoardRow:
    case: Case
    next_deadline: Deadline | None
    last_discussed: datetime.date | None
    flags: list[CaseFlag] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    exceptions: list[CaseException] = field(default_factory=list)

    @property
    def reason_labels(self) -> list[str]:
        return [str(AgendaReason(r).label) for r in self.reasons]


def teams_to_choose(*, user: User) -> list[Team]:
    """The team chooser of a user who opens more teams than her own (the senior official:
    every team of her county), by name; the rule (``policy.team_basis``) admits each team
    listed. One query; no client data. 404 to everyone else: she has her own team."""
    if not policy.opens_every_team(user) or user.county_id is None:
        raise NotFound
    county_teams = Team.objects.filter(county_id=user.county_id).order_by("name", "pk")
    return [team for team in county_teams if policy.team_basis(user, team) is not None]


def _open_cases(team: Team) -> QuerySet[Case]:
    return stages.open_cases(Case.objects.filter(team=team))


# What a row shows and the log needs (``policy.log_case_list``): no other column is read.
_ROW_FIELDS = (
    "county_id",
    "team_id",
    "stage",
    "child",
    "designated_worker",
    "child__first_names",
    "child__last_name",
    "child__unidentified",
    "child__approximate_age",
    "child__expected_birth_date",
    "designated_worker__username",
    "designated_worker__first_name",
    "designated_worker__last_name",
)
_BY_NAME = ("child__last_name", "child__first_names", "child__birth_date", "pk")
PAGE_SIZE = 25


def _board_rows(
    cases: list[Case], cases_qs: QuerySet[Case], today: datetime.date
) -> list[BoardRow]:
    """The rows of ``cases`` (``cases_qs`` holds the same cases): four queries in all."""
    warn = settings.MONIA_DUE_SOON_WORKING_DAYS
    next_due: dict[int, Deadline] = {}
    for d in deadlines_for_cases(cases_qs, today=today, warn_working_days=warn):
        if d.case_id not in next_due or d.due < next_due[d.case_id].due:
            next_due[d.case_id] = d
    last = dict(
        AgendaItem.objects.filter(case__in=cases_qs, discussed=True)
        .values("case_id")
        .annotate(last=Max("meeting__held_on"))
        .values_list("case_id", "last")
    )
    flags: dict[int, list[CaseFlag]] = defaultdict(list)
    for flag in (
        CaseFlag.objects.filter(case__in=cases_qs, resolved_in__isnull=True)
        .select_related("raised_by")
        .order_by("raised_at")
    ):
        flags[flag.case_id].append(flag)
    exceptions = exceptions_by_case(case_exceptions(cases_qs, today=today))
    return [
        BoardRow(
            case=c,
            next_deadline=next_due.get(c.pk),
            last_discussed=last.get(c.pk),
            flags=flags[c.pk],
            exceptions=exceptions[c.pk],
        )
        for c in cases
    ]


def caseboard(*, team: Team, today: datetime.date) -> list[BoardRow]:
    """Every open family of the team: worker, stage, next deadline, last discussed, flags,
    and the exceptions a supervisor must see."""
    cases_qs = _open_cases(team)
    cases = list(cases_qs.select_related("child", "designated_worker").order_by(*_BY_NAME))
    return _board_rows(cases, cases_qs, today)


@dataclass
class BoardPage:
    """One page of the caseboard: its rows, and the page (number, count) for the pager."""

    rows: list[BoardRow]
    page: Page[Case]


def caseboard_page(*, team: Team, today: datetime.date, number: str | int | None) -> BoardPage:
    """One page (``PAGE_SIZE``, by the child's name) of the team's open families, each row
    as ``caseboard`` makes it; the deadlines, flags and exceptions are read for the page's
    families only. Six queries whatever the team's size (a page number out of range:
    the nearest page)."""
    listed = (
        _open_cases(team)
        .select_related("child", "designated_worker")
        .only(*_ROW_FIELDS)
        .order_by(*_BY_NAME)
    )
    page = Paginator(listed, PAGE_SIZE).get_page(number)
    cases = list(page.object_list)
    rows = _board_rows(cases, Case.objects.filter(pk__in=[c.pk for c in cases]), today)
    return BoardPage(rows=rows, page=page)


REASON_ORDER = [
    AgendaReason.FLAGGED,
    AgendaReason.DECISION_PENDING,
    AgendaReason.DEADLINE_SOON,
    AgendaReason.PLAN_REVIEW,
    AgendaReason.NOT_DISCUSSED,
]


def agenda_proposal(*, team: Team, today: datetime.date) -> list[BoardRow]:
    """Every family the next meeting should think about, and why, most pressing first:
    7-day decisions, deadlines, plan reviews, flags, then families not discussed lately.
    The meeting takes the first few (``services.meeting_open``); the rest are "more"."""
    return _ranked(caseboard(team=team, today=today), team=team, today=today)


def _ranked(rows: list[BoardRow], *, team: Team, today: datetime.date) -> list[BoardRow]:
    horizon = deadlines.add_working_days(today, settings.MONIA_DUE_SOON_WORKING_DAYS)
    stale_before = today - datetime.timedelta(weeks=team.reflection_interval_weeks)
    cases_qs = _open_cases(team)
    due_soon = [d for d in deadlines_for_cases(cases_qs, today=today) if d.due <= horizon]
    by_case: dict[int, set[str]] = defaultdict(set)
    for d in due_soon:
        if d.kind in ("decision", "client_notification"):  # a new intake awaits its handling
            by_case[d.case_id].add(AgendaReason.DECISION_PENDING)
        elif d.kind == "plan_review":
            by_case[d.case_id].add(AgendaReason.PLAN_REVIEW)
        else:
            by_case[d.case_id].add(AgendaReason.DEADLINE_SOON)
    proposed = []
    for row in rows:
        reasons = set(by_case.get(row.case.pk, set()))
        if row.flags:
            reasons.add(AgendaReason.FLAGGED)
        if row.last_discussed is None or row.last_discussed < stale_before:
            reasons.add(AgendaReason.NOT_DISCUSSED)
        if reasons:
            row.reasons = [r.value for r in REASON_ORDER if r in reasons]
            proposed.append(row)

    def urgency(row: BoardRow) -> tuple[int, datetime.date]:
        first = REASON_ORDER.index(AgendaReason(row.reasons[0]))
        due = row.next_deadline.due if row.next_deadline else datetime.date.max
        return (first, due)

    return sorted(proposed, key=urgency)


@dataclass
class AgendaCandidates:
    """The families a meeting may still add: ``more`` are those the proposal ranks (most
    pressing first, with their reasons), ``others`` every other open family of the team."""

    more: list[BoardRow]
    others: list[BoardRow]

    @property
    def rows(self) -> list[BoardRow]:
        return self.more + self.others


def agenda_candidates(*, team: Team, today: datetime.date, on_agenda: set[int]) -> AgendaCandidates:
    rows = [r for r in caseboard(team=team, today=today) if r.case.pk not in on_agenda]
    more = _ranked(rows, team=team, today=today)
    ranked = {r.case.pk for r in more}
    return AgendaCandidates(more=more, others=[r for r in rows if r.case.pk not in ranked])


def meeting_default_date(*, team: Team, today: datetime.date) -> datetime.date:
    """The day the form proposes for the next meeting: the first day from today on that is
    the team's usual weekday (the most common among its last eight meetings held on working
    days) and has no meeting yet; a holiday moves it to the next working day. A team without
    meetings gets the first free working day."""
    recent = list(team.meetings.order_by("-held_on").values_list("held_on", flat=True)[:8])
    weekdays = [d.weekday() for d in recent if deadlines.is_working_day(d)]  # newest first
    usual = (
        max(set(weekdays), key=lambda w: (weekdays.count(w), -weekdays.index(w)))
        if weekdays
        else None
    )
    taken = set(team.meetings.filter(held_on__gte=today).values_list("held_on", flat=True))
    day = today
    for _ in range(366):
        if usual is None or day.weekday() == usual:
            held_on = day if deadlines.is_working_day(day) else deadlines.add_working_days(day, 1)
            if held_on not in taken:
                return held_on
        day += datetime.timedelta(days=1)
    return deadlines.add_working_days(today, 1)  # a team that met every day of the year


@dataclass
class Attendance:
    """Who took part in a meeting, as recorded; names in alphabetical order."""

    recorded: bool
    present: list[str] = field(default_factory=list)
    apologised: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    guests: list[str] = field(default_factory=list)
    statuses: dict[int, str] = field(default_factory=dict)  # member id -> AttendanceStatus


def meeting_attendance(meeting: TeamMeeting) -> Attendance:
    attendance = Attendance(
        recorded=meeting.attendance_recorded_at is not None, guests=meeting.guest_names
    )
    lists = {
        AttendanceStatus.PRESENT: attendance.present,
        AttendanceStatus.APOLOGISED: attendance.apologised,
        AttendanceStatus.ABSENT: attendance.absent,
    }
    for row in meeting.attendance.select_related("member").order_by(
        "member__last_name", "member__first_name", "member_id"
    ):
        attendance.statuses[row.member_id] = row.status
        lists[AttendanceStatus(row.status)].append(row.member.display_name)
    return attendance


def meeting_members(meeting: TeamMeeting) -> list[User]:
    """Whose attendance the team records: the team's active members, and anyone recorded
    already (e.g. a member who has since left the team)."""
    recorded = meeting.attendance.values("member_id")
    return list(
        User.objects.filter(
            Q(team_id=meeting.team_id, county_id=meeting.team.county_id, is_active=True)
            | Q(pk__in=recorded)
        ).order_by("last_name", "first_name", "pk")
    )


def meeting_items(meeting: TeamMeeting) -> list[AgendaItem]:
    return list(
        meeting.items.select_related(
            "case__child", "case__designated_worker", "reflection"
        ).order_by("position", "pk")
    )


def agenda_case_ids(meeting: TeamMeeting) -> set[int]:
    return set(meeting.items.values_list("case_id", flat=True))


def hypotheses_for(case: Case) -> QuerySet[Hypothesis]:
    return case.hypotheses.prefetch_related("revisions").order_by("status", "created_at")


def open_tasks_for(user: User) -> QuerySet[NextStep]:
    return (
        NextStep.objects.filter(owner=user, done_on__isnull=True)
        .select_related("case__child")
        .order_by("due_on", "pk")
    )


def task_get_for_owner(user: User, task_id: int) -> NextStep:
    """A next step the user owns; anyone else's answers 404, like a missing one."""
    step = NextStep.objects.filter(pk=task_id, owner_id=user.pk).first()
    if step is None or not user.is_active:
        raise NotFound
    return step


def step_owners(case: Case) -> QuerySet[User]:
    """Who may own a next step about a family: the active members of the case's team."""
    return User.objects.filter(county_id=case.county_id, team_id=case.team_id, is_active=True)
