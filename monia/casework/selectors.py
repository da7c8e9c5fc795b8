"""Reads for casework. Callers reach cases through ``monia.access.policy`` first."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page
from django.db.models import Count, Max, Min, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce, Least

from monia import deadlines
from monia.accounts.models import QUALIFIED_SOCIAL_WORK_ROLES, User
from monia.casework import list_selectors, stages
from monia.casework.exception_selectors import CaseException, case_exceptions
from monia.casework.list_selectors import CaseListOptions
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
from monia.people.models import NAME_FIELDS, full_name


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


_CHILD = tuple(f"case__child__{f}" for f in NAME_FIELDS)


def _deadlines_query(
    cases: QuerySet[Case], until: datetime.date | None, today: datetime.date, warn: int
) -> list[Deadline]:
    """Open deadlines of ``cases`` (all, or those due by ``until``): four queries in all,
    each reading rows (no model instances: a team's dashboard reads hundreds)."""

    def due_by(field_name: str) -> Q:
        return Q(**{f"{field_name}__lte": until}) if until else Q()

    found: list[Deadline] = []

    def add(case_id: int, kind: str, due: datetime.date, pk: int, child: list[Any]) -> None:
        status = _status(due, today, None, warn)
        found.append(Deadline(case_id, kind, due, status, pk, full_name(*child)))

    intakes = Intake.objects.filter(due_by("decision_due"), case__in=cases, decision="")
    for case_id, stage, due, pk, *child in intakes.values_list(
        "case_id", "case__stage", "decision_due", "pk", *_CHILD
    ):
        # About a client now: handled within the client relationship, no 7-day
        # decision on an assessment (the same days remain the team's target).
        kind = "client_notification" if stage == CaseStage.CLIENT else "decision"
        add(case_id, kind, due, pk, child)
    assessments = ServiceNeedsAssessment.objects.filter(
        due_by("completion_due"), case__in=cases, completed_on__isnull=True
    )
    for case_id, due, pk, *child in assessments.values_list(
        "case_id", "completion_due", "pk", *_CHILD
    ):
        add(case_id, "assessment", due, pk, child)
    # The review is due by the date approved, or earlier when a new notification brought it
    # forward (``Intake.plan_review_by``, handled within the client relationship).
    plans = ClientPlan.objects.filter(case__in=cases, status=PlanStatus.APPROVED).annotate(
        due=Least(
            "review_due", Coalesce(Min("reviews_brought_forward__plan_review_by"), "review_due")
        )
    )
    for case_id, due, pk, *child in plans.filter(due_by("due")).values_list(
        "case_id", "due", "pk", *_CHILD
    ):
        add(case_id, "plan_review", due, pk, child)
    measures = Measure.objects.filter(
        case__in=cases,
        ended_on__isnull=True,
        kind__in=[MeasureKind.EMERGENCY_PLACEMENT, MeasureKind.AFTERCARE],
    )
    for case_id, kind, extended_to, expires_on, pk, *child in measures.values_list(
        "case_id", "kind", "extended_to", "expires_on", "pk", *_CHILD
    ):
        due = extended_to or expires_on
        assert due is not None
        if until is None or due <= until:
            kind = "emergency_placement" if kind == MeasureKind.EMERGENCY_PLACEMENT else "aftercare"
            add(case_id, kind, due, pk, child)
    return sorted(found, key=lambda d: (d.due, d.case_id))


@dataclass
class Dashboard:
    """The front page: one page of my cases and one of my team's (a senior official: the
    county's) others, as filtered and sorted, and the deadlines due soon."""

    my_cases: Page[Case]
    team_cases: Page[Case]
    deadlines: list[Deadline]
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def shown(self) -> list[Case]:
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
    totals = open_cases.aggregate(mine=Count("pk", filter=mine), every=Count("pk"))
    listed = list_selectors.case_list(
        open_cases, options, today=today, warn_working_days=warn_working_days
    )
    pages = [
        list_selectors.case_page(cases, number, today=today, warn_working_days=warn_working_days)
        for cases, number in ((listed.filter(mine), my_page), (listed.exclude(mine), team_page))
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


def case_overview(case: Case, *, today: datetime.date) -> CaseOverview:
    intakes = list(
        case.intakes.select_related("recorded_by", "decided_by").order_by("-received_at")
    )
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
    relationship = case.client_relationships.filter(closed_on__isnull=True).first()
    placed = any(m.kind in PLACEMENT_KINDS and m.ended_on is None for m in measures)
    return CaseOverview(
        case=case,
        intakes=intakes,
        assessments=assessments,
        approved_plan=plans.get(PlanStatus.APPROVED),
        draft_plan=plans.get(PlanStatus.DRAFT),
        measures=measures,
        client_since=relationship.opened_on if relationship else None,
        deadlines=deadlines_for_cases(Case.objects.filter(pk=case.pk), today=today),
        placed=placed,
        aftercare_age_limit=deadlines.AFTERCARE_AGE_LIMIT.on(today),
        earlier_plans=sum(1 for p in every_plan if p.status == PlanStatus.SUPERSEDED),
        exceptions=case_exceptions(Case.objects.filter(pk=case.pk), today=today),
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
    active_clients = ClientRelationship.objects.filter(
        Q(closed_on__isnull=True) | Q(closed_on__gte=on),
        opened_on__lte=on,
    ).values("case_id")
    counted = (
        DesignatedWorkerAssignment.objects.filter(
            Q(ended_on__isnull=True) | Q(ended_on__gte=on),
            started_on__lte=on,
            case_id__in=active_clients,
            case__county_id=county_id,
        )
        .values("worker_id")
        .annotate(n=Count("case_id", distinct=True))
    )
    per_worker = {row["worker_id"]: row["n"] for row in counted}
    workers = User.objects.filter(
        county_id=county_id, is_active=True, role__in=QUALIFIED_SOCIAL_WORK_ROLES
    )
    if team_id is not None:
        workers = workers.filter(team_id=team_id)
    cap = deadlines.CASELOAD_CAP.on(on)
    return [
        Caseload(worker=w, children=per_worker.get(w.pk, 0), cap=cap)
        for w in workers.order_by("last_name", "first_name")
    ]


@dataclass(frozen=True)
class CaseloadSeries:
    """Caseloads of a set of workers at month ends, for the team lead's chart."""

    dates: list[datetime.date]
    workers: list[User]
    children: dict[int, list[int]]  # worker id → count per date
    caps: list[int]


def caseload_series(
    *, county_id: int, until: datetime.date, months: int = 12, team_id: int | None = None
) -> CaseloadSeries:
    """Month-end caseloads for the last ``months`` months (two queries a month)."""
    dates = [until]
    for _ in range(months - 1):
        dates.insert(0, dates[0].replace(day=1) - datetime.timedelta(days=1))
    rows = [caseloads(county_id=county_id, on=d, team_id=team_id) for d in dates]
    workers = [r.worker for r in rows[-1]]
    children = {
        w.pk: [next((r.children for r in day if r.worker.pk == w.pk), 0) for day in rows]
        for w in workers
    }
    caps = [deadlines.CASELOAD_CAP.on(d) for d in dates]
    return CaseloadSeries(dates=dates, workers=workers, children=children, caps=caps)


def decisions_open_to_appeal(case: Case, *, today: datetime.date) -> list[Any]:
    """The case's signed decisions still open to appeal (one query): a party who may appeal
    is not served yet, or the last appeal period has not ended. Read through the reverse
    relation with string lookups: casework is a floor below monia.decisions and does not
    import it."""
    decisions = case.decisions
    return list(
        decisions.filter(state="signed")
        .annotate(
            unserved=Count(
                "parties",
                filter=Q(parties__may_appeal=True, parties__services__isnull=True),
                distinct=True,
            ),
            open_until=Max("services__appeal_ends"),
        )
        .filter(Q(unserved__gt=0) | Q(open_until__gte=today))
        .order_by("-signed_at", "-pk")
    )
