"""THL's staffing statistic (henkilöstömitoitus) from the database: the designations of
workers (casework ``DesignatedWorkerAssignment``), the children's birth dates and their
client relationships, counted by the pure ``caseload.caseload_snapshot``.

A child counts on a day when a client relationship (lastensuojelun asiakkuus) of theirs in
the county covered that day; a designation counts when it covered the day and the child was
a client then (a worker named for an intake or an assessment is responsible for the matter,
not yet the child's designated worker of LsL 13 b §). Two queries for any number of days.
"""

from __future__ import annotations

import datetime
from collections.abc import Hashable
from dataclasses import dataclass
from typing import cast

from django.db.models import Q

from monia.accounts.models import User
from monia.casework.models import ClientRelationship, DesignatedWorkerAssignment
from monia.reporting import thl
from monia.reporting.caseload import (
    Assignment,
    CaseloadSnapshot,
    caseload_snapshot,
    eighteenth_birthday,
)

HISTORY_YEARS = 3
FIGURES = ("clients", "assigned", "over", "without", "worker")


def default_snapshot_date(today: datetime.date) -> datetime.date:
    """The latest snapshot day (second Tuesday of April or October) on or before today."""
    days = [d for y in (today.year - 1, today.year) for d in thl.snapshot_dates(y) if d <= today]
    return max(days)


def history_dates(until: datetime.date, *, years: int = HISTORY_YEARS) -> list[datetime.date]:
    """The snapshot days of the last ``years`` years up to ``until``: six for three years."""
    latest = default_snapshot_date(until)
    days = [d for y in range(latest.year - years, latest.year + 1) for d in thl.snapshot_dates(y)]
    return [d for d in days if d <= latest][-2 * years :]


@dataclass(frozen=True)
class _Record:
    """Who was designated for which child, and which children were clients when."""

    assignments: list[tuple[Assignment, int]]  # with the case id
    relationships: list[tuple[int, int, datetime.date, datetime.date | None]]  # child, case
    birth_dates: dict[Hashable, datetime.date | None]

    def clients_on(self, day: datetime.date) -> dict[int, int]:
        """child id -> case id of the children who were clients on ``day``."""
        return {
            child: case
            for child, case, opened, closed in self.relationships
            if opened <= day and (closed is None or day <= closed)
        }

    def snapshot(self, day: datetime.date) -> tuple[CaseloadSnapshot, dict[int, int]]:
        clients = self.clients_on(day)
        counted = [a for a, case in self.assignments if a.child in clients and a.on(day)]
        snap = caseload_snapshot(counted, self.birth_dates, day, clients=clients.keys())
        return snap, clients


def _record(county_id: int, start: datetime.date, end: datetime.date) -> _Record:
    """The designations and client relationships of the county that touch [start, end]."""
    overlaps = Q(ended_on__isnull=True) | Q(ended_on__gte=start)
    rows = DesignatedWorkerAssignment.objects.filter(
        overlaps, started_on__lte=end, case__county_id=county_id
    ).values_list(
        "worker_id",
        "case_id",
        "case__child_id",
        "case__child__birth_date",
        "started_on",
        "ended_on",
    )
    rels = ClientRelationship.objects.filter(
        Q(closed_on__isnull=True) | Q(closed_on__gte=start),
        opened_on__lte=end,
        case__county_id=county_id,
    ).values_list("case__child_id", "case_id", "case__child__birth_date", "opened_on", "closed_on")
    birth_dates: dict[Hashable, datetime.date | None] = {}
    assignments = []
    for worker, case, child, born, started, ended in rows:
        birth_dates[child] = born
        assignments.append((Assignment(worker, child, started, ended), case))
    relationships = []
    for child, case, born, opened, closed in rels:
        birth_dates[child] = born
        relationships.append((child, case, opened, closed))
    return _Record(assignments, relationships, birth_dates)


@dataclass(frozen=True)
class WorkerRow:
    worker: User
    team: str
    children: int
    over_cap: bool


@dataclass(frozen=True)
class CaseloadReport:
    """THL's three totals on one day, the per-worker list and the children behind each."""

    snapshot: CaseloadSnapshot
    workers: list[WorkerRow]
    cases: dict[str, frozenset[int]]  # figure -> case ids of the children behind it
    worker_cases: dict[int, frozenset[int]]  # worker id -> case ids counted against the cap


def caseload_report(*, county_id: int, on: datetime.date) -> CaseloadReport:
    """The snapshot on ``on`` with its per-worker list (three queries)."""
    record = _record(county_id, on, on)
    snap, clients = record.snapshot(on)
    under_18 = {c for c in clients if _under_18(record, c, on)}
    worker_children: dict[int, set[int]] = {cast(int, w): set() for w in snap.caseloads}
    for a, _case in record.assignments:
        if a.on(on) and a.child in under_18 and a.worker in snap.caseloads:
            worker_children[cast(int, a.worker)].add(clients[cast(int, a.child)])
    users = User.objects.filter(pk__in=worker_children).select_related("team")
    by_id = {u.pk: u for u in users}
    rows = sorted(
        (
            WorkerRow(
                worker=user,
                team=user.team.display_name if user.team is not None else "",
                children=snap.caseloads[user.pk],
                over_cap=user.pk in snap.over_cap,
            )
            for user in by_id.values()
        ),
        key=lambda r: (r.worker.last_name, r.worker.first_name, r.worker.pk),
    )
    assigned = {c for ids in worker_children.values() for c in ids}
    over = {c for w in snap.over_cap for c in worker_children[cast(int, w)]}
    cases = {
        "clients": frozenset(clients[c] for c in under_18),
        "assigned": frozenset(assigned),
        "over": frozenset(over),
        "without": frozenset(clients[cast(int, c)] for c in snap.without_worker),
    }
    return CaseloadReport(
        snapshot=snap,
        workers=rows,
        cases=cases,
        worker_cases={w: frozenset(ids) for w, ids in worker_children.items()},
    )


def _under_18(record: _Record, child: int, on: datetime.date) -> bool:
    born = record.birth_dates.get(child)
    return born is None or on < eighteenth_birthday(born)


@dataclass(frozen=True)
class HistoryRow:
    on: datetime.date
    cap: int
    clients_under_18: int
    workers: int
    workers_over_cap: int
    largest: int
    clients_assigned: int

    @property
    def mean(self) -> float | None:
        """Children counted against the cap per designated worker, one decimal."""
        if not self.workers:
            return None
        return round(self.clients_assigned / self.workers, 1)


def caseload_history(*, county_id: int, days: list[datetime.date]) -> list[HistoryRow]:
    """The snapshot at each of ``days`` (two queries for all of them)."""
    if not days:
        return []
    record = _record(county_id, min(days), max(days))
    out = []
    for day in days:
        snap, _clients = record.snapshot(day)
        out.append(
            HistoryRow(
                on=day,
                cap=snap.cap,
                clients_under_18=snap.clients_under_18,
                workers=snap.workers,
                workers_over_cap=snap.workers_over_cap,
                largest=max(snap.caseloads.values(), default=0),
                clients_assigned=sum(snap.caseloads.values()),
            )
        )
    return out


def figure_cases(report: CaseloadReport, figure: str, worker_id: int | None) -> frozenset[int]:
    """The case ids behind one figure of the report (``FIGURES``); empty if unknown."""
    if figure == "worker":
        return report.worker_cases.get(worker_id or 0, frozenset())
    return report.cases.get(figure, frozenset())
