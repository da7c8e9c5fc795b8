"""Reads for casework. Callers reach cases through ``monia.access.policy`` first."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.core.paginator import Page
from django.db import connection
from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.db.models.expressions import RawSQL

from monia import deadlines
from monia.accounts.models import QUALIFIED_SOCIAL_WORK_ROLES, User
from monia.casework import list_selectors, stages
from monia.casework.exception_selectors import CaseException, exceptions_of_case
from monia.casework.list_selectors import CaseListOptions, CaseRow
from monia.casework.models import (
    PLACEMENT_KINDS,
    Case,
    CaseStage,
    ChronologyEvent,
    ClientPlan,
    ClientRelationship,
    DesignatedWorkerAssignment,
    Intake,
    Measure,
    MeasureConsent,
    MeasureKind,
    PlanStatus,
    ServiceNeedsAssessment,
)
from monia.people.models import Person, full_name


@dataclass(frozen=True)
class Deadline:
    """One statutory time limit on a case, for the dashboard and the case page."""

    case_id: int
    kind: str  # decision | assessment | plan_review | emergency_placement | aftercare
    due: datetime.date
    status: str
    object_id: int
    child_name: str = ""


def _status(
    due: datetime.date, today: datetime.date, done_on: datetime.date | None, warn: int
) -> str:
    return str(deadlines.deadline_status(due, today, done_on, warn))


def _deadline(
    case_id: int, kind: str, due: datetime.date, pk: int, name: str, today: datetime.date, warn: int
) -> Deadline:
    return Deadline(case_id, kind, due, _status(due, today, None, warn), pk, name)


def _intake_kind(stage: str) -> str:
    # About a client now: handled within the client relationship, no 7-day decision on an
    # assessment (the same days remain the team's target).
    return "client_notification" if stage == CaseStage.CLIENT else "decision"


def _measure_due(
    kind: str, extended_to: datetime.date | None, expires_on: datetime.date | None
) -> tuple[datetime.date, str]:
    """When a running measure's deadline falls, and its kind of deadline."""
    due = extended_to or expires_on
    assert due is not None
    return due, "emergency_placement" if kind == MeasureKind.EMERGENCY_PLACEMENT else "aftercare"


# The case page shows the newest intakes in full, the rest a click away: a case with many
# intakes rendered them all on every visit (issue 15).
INTAKES_SHOWN = 10
DEADLINE_MEASURES = (MeasureKind.EMERGENCY_PLACEMENT, MeasureKind.AFTERCARE)


def _deadlines_query(
    cases: QuerySet[Case] | RawSQL, until: datetime.date | None, today: datetime.date, warn: int
) -> list[Deadline]:
    """Open deadlines of ``cases`` (all, or those due by ``until``), in one query:
    ``list_selectors.deadline_rows`` of the cases, each with its child's name. The cases'
    sub-select is Django's own compilation of ``cases`` (the access policy's), sent once as
    a CTE. ``_case_deadlines`` is the same rules for one case's records already read; a
    test compares the two.
    """
    cases_sql, cases_params = list_selectors.sub_select(cases)
    if cases_sql is None:  # a filter that can match nothing (``pk__in=[]``)
        return []
    due_by = "WHERE d.due <= %s" if until else ""
    rows = list_selectors.deadline_rows("IN (SELECT s.id FROM shown s)")
    query = f"""
        WITH shown (id) AS MATERIALIZED ({cases_sql})
        SELECT d.case_id,
               CASE WHEN d.kind <> 'intake' THEN d.kind
                    WHEN c.stage = %s THEN 'client_notification' ELSE 'decision' END,
               d.due, d.pk, p.first_names, p.last_name, p.unidentified, p.approximate_age,
               p.expected_birth_date
        FROM ({rows}) AS d (case_id, kind, due, pk)
        JOIN {Case._meta.db_table} c ON c.id = d.case_id
        JOIN {Person._meta.db_table} p ON p.id = c.child_id
        {due_by}"""  # noqa: S608 - table names from the models, values as parameters
    params = [*cases_params, CaseStage.CLIENT, *([until] if until else [])]
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        rows = cursor.fetchall()
    found = []
    for case_id, kind, due, pk, *child in rows:
        assert due is not None  # a running emergency placement or aftercare has its end
        found.append(_deadline(case_id, kind, due, pk, full_name(*child), today, warn))
    return sorted(found, key=lambda d: (d.due, d.case_id, d.kind, d.object_id))


def _case_deadlines(
    case: Case,
    *,
    intakes: list[Intake],
    assessments: list[ServiceNeedsAssessment],
    approved_plan: ClientPlan | None,
    measures: list[Measure],
    today: datetime.date,
    warn: int = 10,
) -> list[Deadline]:
    """``deadlines_for_cases`` of one case from its records already read (no query): the
    same rules, each deadline built by the same functions."""
    name = case.child.full_name

    def make(kind: str, due: datetime.date, pk: int) -> Deadline:
        return _deadline(case.pk, kind, due, pk, name, today, warn)

    found = [
        make(_intake_kind(case.stage), i.decision_due, i.pk) for i in intakes if i.decision == ""
    ]
    found += [
        make("assessment", a.completion_due, a.pk) for a in assessments if a.completed_on is None
    ]
    if approved_plan is not None:
        forward = [
            i.plan_review_by
            for i in intakes
            if i.reviewed_plan_id == approved_plan.pk and i.plan_review_by is not None
        ]
        assert approved_plan.review_due is not None  # an approved plan has its review date
        found.append(
            make("plan_review", min([approved_plan.review_due, *forward]), approved_plan.pk)
        )
    for m in measures:
        if m.ended_on is None and m.kind in DEADLINE_MEASURES:
            due, kind = _measure_due(m.kind, m.extended_to, m.expires_on)
            found.append(make(kind, due, m.pk))
    return sorted(found, key=lambda d: (d.due, d.case_id, d.kind, d.object_id))


@dataclass
class Dashboard:
    """The front page: one page of my cases and one of my team's (a senior official: the
    county's) others, as filtered and sorted, and the deadlines due soon."""

    my_cases: Page[CaseRow]
    team_cases: Page[CaseRow]
    deadlines: list[Deadline]
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def shown(self) -> list[CaseRow]:
        """The cases the page lists (each read is logged)."""
        return [*self.my_cases.object_list, *self.team_cases.object_list]


def dashboard_for_user(
    *,
    user: User,
    visible: QuerySet[Case],
    today: datetime.date,
    warn_working_days: int = 10,
    options: CaseListOptions | None = None,
    my_page: str | int | None = 1,
    team_page: str | int | None = 1,
) -> Dashboard:
    """My cases, my team's, and deadlines due within ``warn_working_days`` working days;
    each list a page of ``list_selectors.PAGE_SIZE``, filtered and sorted by ``options``.

    A fixed number of queries whatever the caseload.
    """
    options = options or CaseListOptions()
    open_cases = stages.open_cases(visible)
    until = deadlines.add_working_days(today, warn_working_days)
    due = _deadlines_query(open_cases, until, today, warn_working_days)
    mine = Q(designated_worker_id=user.pk)
    # The counts and both lists' lengths in one query (the lists' pagers count nothing).
    shown = list_selectors.list_filter(options, today=today, warn_working_days=warn_working_days)
    counted = list_selectors.with_next_deadline(open_cases) if options.due else open_cases
    totals = counted.aggregate(
        mine=Count("pk", filter=mine),
        every=Count("pk"),
        mine_listed=Count("pk", filter=mine & shown),
        every_listed=Count("pk", filter=shown),
    )
    listed = list_selectors.case_list(
        open_cases, options, today=today, warn_working_days=warn_working_days
    )
    lists = (
        (listed.filter(mine), my_page, totals["mine_listed"]),
        (listed.exclude(mine), team_page, totals["every_listed"] - totals["mine_listed"]),
    )
    pages = [
        list_selectors.case_page(
            cases, number, today=today, warn_working_days=warn_working_days, count=count
        )
        for cases, number, count in lists
    ]
    counts = {
        "my_cases": totals["mine"],
        "team_cases": totals["every"] - totals["mine"],
        "overdue": sum(1 for d in due if d.status == "overdue"),
        "due_soon": sum(1 for d in due if d.status == "due_soon"),
        "awaiting_decision": sum(1 for d in due if d.kind == "decision"),
    }
    return Dashboard(my_cases=pages[0], team_cases=pages[1], deadlines=due, counts=counts)


def deadlines_for_cases(
    cases: QuerySet[Case], *, today: datetime.date, warn_working_days: int = 10
) -> list[Deadline]:
    return _deadlines_query(cases, None, today, warn_working_days)


@dataclass
class CaseOverview:
    case: Case
    intakes: list[Intake]
    assessments: list[ServiceNeedsAssessment]
    approved_plan: ClientPlan | None
    draft_plan: ClientPlan | None
    measures: list[Measure]
    client_since: datetime.date | None
    deadlines: list[Deadline]
    placed: bool
    aftercare_age_limit: int
    earlier_plans: int = 0
    exceptions: list[CaseException] = field(default_factory=list)

    def intakes_shown(self, *, every: bool = False) -> list[Intake]:
        """The intakes the case page shows, newest first: the newest ``INTAKES_SHOWN`` and any
        older one still awaiting its decision (there is work to do on it); with ``every``,
        all. The deadlines and exceptions are built from all of them."""
        if every:
            return self.intakes
        return [i for n, i in enumerate(self.intakes) if n < INTAKES_SHOWN or i.decision == ""]


def case_overview(case: Case, *, today: datetime.date) -> CaseOverview:
    intakes = list(case.intakes.order_by("-received_at"))  # the page names no recorder
    assessments = list(
        case.assessments.prefetch_related("hearings", "contribution_requests").order_by(
            "-started_on"
        )
    )
    every_plan = list(case.plans.all())
    plans = {p.status: p for p in every_plan if p.status != PlanStatus.SUPERSEDED}
    measures = list(
        case.measures.order_by("-started_on", "-pk").prefetch_related(
            "hearings", Prefetch("consents", MeasureConsent.objects.select_related("person"))
        )
    )
    open_since = [r.opened_on for r in case.client_relationships.filter(closed_on__isnull=True)]
    placed = any(m.kind in PLACEMENT_KINDS and m.ended_on is None for m in measures)
    approved = plans.get(PlanStatus.APPROVED)
    # The deadlines and exceptions from the records read above, by the lists' own rules.
    return CaseOverview(
        case=case,
        intakes=intakes,
        assessments=assessments,
        approved_plan=approved,
        draft_plan=plans.get(PlanStatus.DRAFT),
        measures=measures,
        client_since=min(open_since, default=None),
        deadlines=_case_deadlines(
            case,
            intakes=intakes,
            assessments=assessments,
            approved_plan=approved,
            measures=measures,
            today=today,
        ),
        placed=placed,
        aftercare_age_limit=deadlines.AFTERCARE_AGE_LIMIT.on(today),
        earlier_plans=sum(1 for p in every_plan if p.status == PlanStatus.SUPERSEDED),
        exceptions=exceptions_of_case(
            case,
            intakes=intakes,
            assessments=assessments,
            has_plan=approved is not None,
            client_since=min(open_since, default=None),
            today=today,
        ),
    )


def case_chronology(case: Case) -> QuerySet[ChronologyEvent]:
    return case.events.select_related("actor", "client_note").order_by("occurred_at", "pk")


@dataclass(frozen=True)
class Caseload:
    worker: User
    children: int
    cap: int

    @property
    def over_cap(self) -> bool:
        return self.children > self.cap


def caseloads(*, county_id: int, on: datetime.date, team_id: int | None = None) -> list[Caseload]:
    """Children per designated worker on a date, against the cap then in force (LsL 13 b §).

    A child counts when the worker was their designated worker on that date and the
    child was a child welfare client then. Two queries whatever the county's size.
    """
    return caseload_series(county_id=county_id, until=on, months=1, team_id=team_id).latest()


@dataclass(frozen=True)
class CaseloadSeries:
    """Caseloads of a set of workers at month ends, for the team lead's chart."""

    dates: list[datetime.date]
    workers: list[User]
    children: dict[int, list[int]]  # worker id → count per date
    caps: list[int]

    def latest(self) -> list[Caseload]:
        """Each worker's caseload on the last date."""
        return [
            Caseload(worker=w, children=self.children[w.pk][-1], cap=self.caps[-1])
            for w in self.workers
        ]


def caseload_series(
    *, county_id: int, until: datetime.date, months: int = 12, team_id: int | None = None
) -> CaseloadSeries:
    """Month-end caseloads for the last ``months`` months, ``until`` the last of them.

    Two queries whatever the number of months: the workers, then their children at every
    date in one pass over the workers' own assignments (the worker index), so the time
    follows the county's (or team's) caseload, not the whole installation's.
    """
    dates = [until]
    for _ in range(months - 1):
        dates.insert(0, dates[0].replace(day=1) - datetime.timedelta(days=1))
    workers = User.objects.filter(
        county_id=county_id, is_active=True, role__in=QUALIFIED_SOCIAL_WORK_ROLES
    )
    if team_id is not None:
        workers = workers.filter(team_id=team_id)
    listed = list(workers.order_by("last_name", "first_name"))
    counted = _children_per_worker(
        county_id=county_id, worker_ids=[w.pk for w in listed], dates=dates
    )
    children = {w.pk: counted.get(w.pk, [0] * len(dates)) for w in listed}
    caps = [deadlines.CASELOAD_CAP.on(d) for d in dates]
    return CaseloadSeries(dates=dates, workers=listed, children=children, caps=caps)


def _children_per_worker(
    *, county_id: int, worker_ids: list[int], dates: list[datetime.date]
) -> dict[int, list[int]]:
    """Worker id → the children counted on each date (one query): the county's cases whose
    designated worker the worker was on the date while the child was a client then.

    Written in SQL: the ORM took longer to build thirteen filtered counts than the database
    to answer them. The rows are reached from the workers' own assignments (the worker
    index), so nothing scans the other counties' assignments; a team's page looks up each
    assignment's case and client relationship by index.
    """
    if not worker_ids:
        return {}
    counts = ",\n".join(
        f"COUNT(DISTINCT a.case_id) FILTER (WHERE a.started_on <= %(d{i})s"
        f" AND (a.ended_on IS NULL OR a.ended_on >= %(d{i})s) AND r.opened_on <= %(d{i})s"
        f" AND (r.closed_on IS NULL OR r.closed_on >= %(d{i})s))"
        for i in range(len(dates))
    )
    query = f"""
        SELECT a.worker_id, {counts}
        FROM {DesignatedWorkerAssignment._meta.db_table} a
        JOIN {ClientRelationship._meta.db_table} r ON r.case_id = a.case_id
        JOIN {Case._meta.db_table} c ON c.id = a.case_id
        WHERE a.worker_id = ANY(%(workers)s) AND c.county_id = %(county)s
          AND a.started_on <= %(last)s AND (a.ended_on IS NULL OR a.ended_on >= %(first)s)
          AND r.opened_on <= %(last)s AND (r.closed_on IS NULL OR r.closed_on >= %(first)s)
        GROUP BY a.worker_id"""  # noqa: S608 - table names from the models, values as parameters
    params: dict[str, Any] = {f"d{i}": d for i, d in enumerate(dates)}
    params |= {"workers": worker_ids, "first": dates[0], "last": dates[-1], "county": county_id}
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return {row[0]: list(row[1:]) for row in cursor.fetchall()}


class _Service(NamedTuple):
    served_on: datetime.date
    appeal_ends: datetime.date


def decisions_open_to_appeal(case: Case, *, today: datetime.date) -> list[Any]:
    """The case's signed decisions still open to appeal, by the decisions' one rule
    (``deadlines.appeal_periods``): a party who may appeal is not served yet, or a party's
    period — from their first service, which a later one does not extend — has not ended.
    Each decision found carries ``unserved`` and ``open_until``. One query: a row per
    decision, party and service (the outer joins), grouped here. Read through the reverse
    relation with string lookups: casework is a floor below monia.decisions and does not
    import it."""
    rows = (
        case.decisions.filter(state="signed")
        .only("kind", "number")
        .annotate(
            party=F("parties__pk"),
            may_appeal=F("parties__may_appeal"),
            served_on=F("parties__services__served_on"),
            appeal_ends=F("parties__services__appeal_ends"),
        )
        .order_by("-signed_at", "-pk")
    )
    decisions: dict[int, Any] = {}
    services: dict[int, dict[int, list[_Service]]] = {}
    for row in rows:
        decisions.setdefault(row.pk, row)
        of_parties = services.setdefault(row.pk, {})
        if row.party is not None and row.may_appeal:
            own = of_parties.setdefault(row.party, [])
            if row.served_on is not None:
                own.append(_Service(row.served_on, row.appeal_ends))
    found = []
    for pk, decision in decisions.items():
        periods = deadlines.appeal_periods(services[pk].values())
        if periods.open_on(today):
            decision.unserved, decision.open_until = periods.unserved, periods.until
            found.append(decision)
    return found


def intake_decided(case: Case, intake_id: int) -> bool:
    """Whether the case's intake has its decision recorded already (a decision page reopened
    with Back, or another worker was first)."""
    return case.intakes.filter(pk=intake_id).exclude(decision="").exists()
