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

Callers pass cases they have reached through ``monia.access.policy``; one query, whatever
the number of cases.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from monia import deadlines
from monia.casework.list_selectors import sub_select
from monia.casework.models import (
    Case,
    CaseStage,
    ClientPlan,
    ClientRelationship,
    Intake,
    PlanStatus,
    ServiceNeedsAssessment,
)
from monia.people.models import Person, full_name

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


def case_exceptions(cases: QuerySet[Case] | RawSQL, *, today: datetime.date) -> list[CaseException]:
    """The exceptions on ``cases`` (open ones only), the oldest first. One query."""
    found = _found(_rows(cases, today), today)
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


def _rows(cases: QuerySet[Case] | RawSQL, today: datetime.date) -> list[tuple[Any, ...]]:
    """The rows both kinds of exception are made of, in one query: each undecided intake
    of an open case received before today with no urgency assessment (``"intake"``), and
    each case in assessment or a client with no worker or, a client, no approved plan
    (``"case"``), with the dates its exceptions count from.

    Written in SQL (issue 15): building the two ORM queries took longer than the database
    took to answer them. The cases' sub-select is Django's own compilation of ``cases``,
    sent once as a CTE; ``exceptions_of_case`` is the same rules for one case's records
    already read (a test compares the two).
    """
    cases_sql, cases_params = sub_select(cases)
    if cases_sql is None:  # a filter that can match nothing (``pk__in=[]``)
        return []
    approved = f"""EXISTS (SELECT 1 FROM {ClientPlan._meta.db_table} pl
                           WHERE pl.case_id = c.id AND pl.status = %s)"""  # noqa: S608
    query = f"""
        WITH shown (id) AS MATERIALIZED ({cases_sql})
        SELECT 'intake', i.case_id, NULL, NULL, NULL, NULL, NULL, i.received_at,
               p.first_names, p.last_name, p.unidentified, p.approximate_age,
               p.expected_birth_date
        FROM {Intake._meta.db_table} i
        JOIN {Case._meta.db_table} c ON c.id = i.case_id
        JOIN {Person._meta.db_table} p ON p.id = c.child_id
        WHERE i.case_id IN (SELECT s.id FROM shown s) AND i.urgency = '' AND i.decision = ''
          AND i.received_at < %s AND c.stage <> %s
      UNION ALL
        SELECT 'case', c.id, c.designated_worker_id, c.stage, {approved},
               (SELECT MIN(a.started_on) FROM {ServiceNeedsAssessment._meta.db_table} a
                WHERE a.case_id = c.id AND a.completed_on IS NULL),
               (SELECT MIN(r.opened_on) FROM {ClientRelationship._meta.db_table} r
                WHERE r.case_id = c.id AND r.closed_on IS NULL),
               c.opened_at, p.first_names, p.last_name, p.unidentified, p.approximate_age,
               p.expected_birth_date
        FROM {Case._meta.db_table} c
        JOIN {Person._meta.db_table} p ON p.id = c.child_id
        WHERE c.id IN (SELECT s.id FROM shown s) AND c.stage IN (%s, %s)
          AND (c.designated_worker_id IS NULL OR (c.stage = %s AND NOT {approved}))
        """  # noqa: S608 - table names from the models, values as parameters
    params = [
        *cases_params,
        _start_of(today),
        CaseStage.CLOSED,
        PlanStatus.APPROVED,
        CaseStage.ASSESSMENT,
        CaseStage.CLIENT,
        CaseStage.CLIENT,
        PlanStatus.APPROVED,
    ]
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return cursor.fetchall()


def _found(rows: list[tuple[Any, ...]], today: datetime.date) -> list[CaseException]:
    found: list[CaseException] = []
    for (
        what,
        case_id,
        worker_id,
        stage,
        has_plan,
        assessment_since,
        client_since,
        at,
        *child,
    ) in rows:
        name = full_name(*child)
        if what == "intake":
            late = _late_urgency(case_id, at, today, name)
            found += [late] if late is not None else []
        else:
            found += _ownership(
                case_id,
                worker_id,
                stage,
                at,
                has_plan=has_plan,
                assessment_since=assessment_since,
                client_since=client_since,
                today=today,
                name=name,
            )
    return found
