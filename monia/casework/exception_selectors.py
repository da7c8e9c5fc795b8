"""Exceptions a supervisor must see: where a case has fallen out of what the law expects.

Unlike a deadline, an exception has no date still ahead: it has already happened, and it
stays until somebody acts. Three are watched, on the dashboard, the caseboard and the
case page:

- ``urgency_not_assessed``: the immediate urgency assessment (LsL 26 §) is not recorded
  by the end of the next working day after receipt (Monia's rule,
  ``deadlines.urgency_assessment_due``), and the intake is not decided;
- ``no_worker``: a case in assessment, or a client, has no responsible social worker —
  nobody owns it (LsL 13 b §; SHL 42 §). One may be named from the intake on;
- ``no_plan``: a child welfare client has no approved client plan (LsL 30 §: a plan is
  made for every client), counted in days since the client relationship began.

Callers pass cases they have reached through ``monia.access.policy``; two queries, whatever
the number of cases.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Exists, Min, OuterRef, Q, QuerySet

from monia import deadlines
from monia.casework.list_selectors import compiled_once
from monia.casework.models import (
    Case,
    CaseStage,
    ClientPlan,
    Intake,
    PlanStatus,
    ServiceNeedsAssessment,
)
from monia.people.models import NAME_FIELDS, full_name

URGENCY_NOT_ASSESSED = "urgency_not_assessed"
NO_WORKER = "no_worker"
NO_PLAN = "no_plan"


@dataclass(frozen=True)
class CaseException:
    """One exception on one case: what, since when, for how many days."""

    case_id: int
    kind: str
    since: datetime.date
    days: int
    child_name: str = ""


def case_exceptions(cases: QuerySet[Case], *, today: datetime.date) -> list[CaseException]:
    """The exceptions on ``cases`` (open ones only), the oldest first. Two queries."""
    cases = compiled_once(cases)  # one sub-select in both queries
    found = _urgency_not_assessed(cases, today) + _unowned_or_unplanned(cases, today)
    return sorted(found, key=lambda e: (e.since, e.case_id, e.kind))


def exceptions_by_case(exceptions: list[CaseException]) -> dict[int, list[CaseException]]:
    by_case: dict[int, list[CaseException]] = defaultdict(list)
    for e in exceptions:
        by_case[e.case_id].append(e)
    return by_case


def exceptions_of_case(
    case: Case,
    *,
    intakes: list[Intake],
    assessments: list[ServiceNeedsAssessment],
    has_plan: bool,
    client_since: datetime.date | None,
    today: datetime.date,
) -> list[CaseException]:
    """``case_exceptions`` of one case from its records already read (the case page): no
    query; the queries' conditions in Python, each exception built by the same function."""
    if case.stage == CaseStage.CLOSED:
        return []
    start = _start_of(today)
    name = case.child.full_name
    found = [
        late
        for i in intakes
        if i.urgency == ""
        and i.decision == ""
        and i.received_at < start
        and (late := _late_urgency(i.case_id, i.received_at, today, name)) is not None
    ]
    if case.stage in (CaseStage.ASSESSMENT, CaseStage.CLIENT):
        open_since = [a.started_on for a in assessments if a.completed_on is None]
        found += _ownership(
            case.pk,
            case.designated_worker_id,
            case.stage,
            case.opened_at,
            has_plan=has_plan,
            assessment_since=min(open_since, default=None),
            client_since=client_since,
            today=today,
            name=name,
        )
    return sorted(found, key=lambda e: (e.since, e.case_id, e.kind))


def _start_of(today: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(today, datetime.time(), tzinfo=deadlines.HELSINKI)


def _late_urgency(
    case_id: int, received_at: datetime.datetime, today: datetime.date, name: str
) -> CaseException | None:
    """The exception of an undecided intake whose urgency is not assessed, if it is late."""
    if deadlines.urgency_assessment_due(received_at) >= today:
        return None
    received = deadlines.helsinki_date(received_at)
    return CaseException(case_id, URGENCY_NOT_ASSESSED, received, (today - received).days, name)


def _ownership(
    case_id: int,
    worker_id: int | None,
    stage: str,
    opened_at: datetime.datetime,
    *,
    has_plan: bool,
    assessment_since: datetime.date | None,
    client_since: datetime.date | None,
    today: datetime.date,
    name: str,
) -> list[CaseException]:
    """No worker, or a client without an approved plan (a case in assessment or a client)."""
    found = []
    if worker_id is None:
        since = assessment_since or client_since or deadlines.helsinki_date(opened_at)
        found.append(CaseException(case_id, NO_WORKER, since, (today - since).days, name))
    if stage == CaseStage.CLIENT and not has_plan:
        since = client_since or deadlines.helsinki_date(opened_at)
        found.append(CaseException(case_id, NO_PLAN, since, (today - since).days, name))
    return found


def _urgency_not_assessed(cases: QuerySet[Case], today: datetime.date) -> list[CaseException]:
    # Anything received today is not late yet: only earlier receipts are read.
    intakes = Intake.objects.filter(
        case__in=cases, urgency="", decision="", received_at__lt=_start_of(today)
    ).exclude(case__stage=CaseStage.CLOSED)
    found = [
        _late_urgency(case_id, received_at, today, full_name(*child))
        for case_id, received_at, *child in intakes.values_list(
            "case_id", "received_at", *(f"case__child__{f}" for f in NAME_FIELDS)
        )
    ]
    return [e for e in found if e is not None]


def _unowned_or_unplanned(cases: QuerySet[Case], today: datetime.date) -> list[CaseException]:
    approved = ClientPlan.objects.filter(case=OuterRef("pk"), status=PlanStatus.APPROVED)
    rows = (
        Case.objects.filter(pk__in=cases)
        .filter(stage__in=[CaseStage.ASSESSMENT, CaseStage.CLIENT])
        .annotate(
            has_plan=Exists(approved),
            assessment_since=Min(
                "assessments__started_on", filter=Q(assessments__completed_on__isnull=True)
            ),
            client_since=Min(
                "client_relationships__opened_on",
                filter=Q(client_relationships__closed_on__isnull=True),
            ),
        )
        .filter(Q(designated_worker__isnull=True) | Q(stage=CaseStage.CLIENT, has_plan=False))
        .values_list(
            "pk",
            "designated_worker_id",
            "stage",
            "has_plan",
            "assessment_since",
            "client_since",
            "opened_at",
            *(f"child__{f}" for f in NAME_FIELDS),
        )
    )
    found = []
    for pk, worker_id, stage, has_plan, assessment_since, client_since, opened_at, *child in rows:
        found += _ownership(
            pk,
            worker_id,
            stage,
            opened_at,
            has_plan=has_plan,
            assessment_since=assessment_since,
            client_since=client_since,
            today=today,
            name=full_name(*child),
        )
    return found
