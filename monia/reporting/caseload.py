"""THL's staffing statistic (lastensuojelun sosiaalityön henkilöstömitoitus), counted from
the designations of workers (pure Python: no Django).

THL decision 4706/5.03.00/2022 and the laatuseloste: as at the second Tuesday of April and of
October (``thl.snapshot_dates``), three totals: child welfare clients under 18, designated
social workers, and social workers with more children than the limit of LsL 13 b § in force
that day (35, 30 from 1.1.2024: ``deadlines.CASELOAD_CAP``, its effective dates).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from monia.deadlines import CASELOAD_CAP


@dataclass(frozen=True)
class Assignment:
    """A worker designated for a child from ``assigned_from`` to ``assigned_to`` (both days
    included; None: still designated)."""

    worker: Hashable
    child: Hashable
    assigned_from: date
    assigned_to: date | None = None

    def on(self, day: date) -> bool:
        return self.assigned_from <= day and (self.assigned_to is None or day <= self.assigned_to)


@dataclass(frozen=True)
class CaseloadSnapshot:
    """THL's staffing totals on one day, with the per-worker list behind them."""

    on: date
    cap: int
    clients_under_18: int
    workers: int
    workers_over_cap: int
    caseloads: Mapping[Hashable, int]  # worker -> children counted against the cap
    over_cap: tuple[Hashable, ...]
    without_worker: tuple[Hashable, ...]  # clients under 18 with no designated worker


def eighteenth_birthday(birth_date: date) -> date:
    """The day a child turns 18; born on 29.2, on 1.3 of a common year [U]."""
    try:
        return birth_date.replace(year=birth_date.year + 18)
    except ValueError:
        return date(birth_date.year + 18, 3, 1)


def caseload_snapshot(
    assignments: Iterable[Assignment],
    birth_dates: Mapping[Hashable, date | None],
    on: date,
    *,
    clients: Iterable[Hashable] | None = None,
    count_adults: bool = False,
) -> CaseloadSnapshot:
    """Clients under 18, designated workers and workers over the cap in force on ``on``.

    ``clients`` are the children who were child welfare clients that day (default: the
    children with a worker), so that a client without a worker is counted too. A child with
    no known birth date counts as under 18. ``count_adults`` (False): aftercare clients of 18
    and over also count against the cap (LsL 13 b § says "lasta": a child is under 18, 6 §).
    """

    def under_18(child: Hashable) -> bool:
        born = birth_dates.get(child)
        return born is None or on < eighteenth_birthday(born)

    active = [a for a in assignments if a.on(on)]
    by_worker: dict[Hashable, set[Hashable]] = defaultdict(set)
    for a in active:
        by_worker[a.worker].add(a.child)
    assigned = {a.child for a in active}
    client_set = set(assigned if clients is None else clients)
    cap = CASELOAD_CAP.on(on)
    caseloads = {
        w: sum(1 for c in children if count_adults or under_18(c))
        for w, children in sorted(by_worker.items(), key=lambda item: repr(item[0]))
    }
    over = tuple(w for w, n in caseloads.items() if n > cap)
    return CaseloadSnapshot(
        on=on,
        cap=cap,
        clients_under_18=sum(1 for c in client_set if under_18(c)),
        workers=len(caseloads),
        workers_over_cap=len(over),
        caseloads=caseloads,
        over_cap=over,
        without_worker=tuple(sorted((c for c in client_set - assigned if under_18(c)), key=repr)),
    )
