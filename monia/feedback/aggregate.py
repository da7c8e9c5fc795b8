"""The anonymised results: per question and period (month or quarter) the number of
answers, the mean and the distribution — shown only for a group of at least MIN_GROUP
answers. A smaller group is not shown anywhere (not its count, mean or distribution, in
the table or the chart). Free-text answers are never aggregated. Pure: no query.

A small group must not come back by subtraction either. The page offers months and
quarters, so a quarter minus its months shown would give the rest of the quarter: where
that rest is 1 to MIN_GROUP - 1 answers, the month view also hides the quarter's smallest
month shown, until the rest is none or a group of MIN_GROUP (secondary suppression; the
months of the quarter outside the window count as hidden). The line above the table sums
only the periods shown, so it gives nothing a reader could not add up."""

from __future__ import annotations

import dataclasses
import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence

MIN_GROUP = 5


def period_of(day: datetime.date, period: str) -> datetime.date:
    """The first day of the day's month, or of its quarter."""
    month = day.month if period == "month" else 3 * ((day.month - 1) // 3) + 1
    return day.replace(month=month, day=1)


def periods(today: datetime.date, period: str, count: int) -> list[datetime.date]:
    """The last ``count`` periods ending with today's, oldest first."""
    step = 1 if period == "month" else 3
    first = period_of(today, period)
    out = []
    for i in range(count):
        months = first.year * 12 + first.month - 1 - i * step
        out.append(datetime.date(months // 12, months % 12 + 1, 1))
    return out[::-1]


def period_label(start: datetime.date, period: str) -> str:
    if period == "month":
        return start.strftime("%m/%Y")
    return f"Q{(start.month - 1) // 3 + 1}/{start.year}"


@dataclasses.dataclass(frozen=True)
class Group:
    """One question's answers in one period; ``shown`` False hides everything else."""

    label: str
    shown: bool
    n: int | None = None
    # Hidden although a group of MIN_GROUP: showing it would reveal a smaller one.
    protects: bool = False
    mean: float | None = None
    distribution: tuple[tuple[int, int], ...] = ()  # (value, how many)


def group(label: str, values: Sequence[int], scale: Sequence[int]) -> Group:
    if len(values) < MIN_GROUP:
        return Group(label=label, shown=False)
    counts = {v: 0 for v in scale}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return Group(
        label=label,
        shown=True,
        n=len(values),
        mean=round(sum(values) / len(values), 1),
        distribution=tuple(sorted(counts.items())),
    )


def groups_by_period(
    answers: Iterable[tuple[datetime.date, int]],
    *,
    starts: Sequence[datetime.date],
    period: str,
    scale: Sequence[int],
) -> list[Group]:
    """One Group per period start, from (answered on, value) pairs. For months, the pairs
    must reach back to the first month's quarter (``first_day``)."""
    by_start: dict[datetime.date, list[int]] = defaultdict(list)
    for day, value in answers:
        by_start[period_of(day, period)].append(value)
    protected = _protecting_months(by_start, starts) if period == "month" else set()
    return [
        Group(label=period_label(s, period), shown=False, protects=True)
        if s in protected
        else group(period_label(s, period), by_start.get(s, []), scale)
        for s in starts
    ]


def first_day(starts: Sequence[datetime.date], period: str) -> datetime.date:
    """The first day whose answers ``groups_by_period`` needs: the first month's quarter."""
    return period_of(starts[0], "quarter") if period == "month" else starts[0]


def _protecting_months(
    by_month: dict[datetime.date, list[int]], starts: Sequence[datetime.date]
) -> set[datetime.date]:
    """The months of at least MIN_GROUP answers to hide as well, so that no quarter minus
    its months shown leaves 1 to MIN_GROUP - 1 answers."""
    window = set(starts)
    quarters: dict[datetime.date, list[datetime.date]] = defaultdict(list)
    for month in by_month:
        quarters[period_of(month, "quarter")].append(month)
    protected: set[datetime.date] = set()
    for months in quarters.values():
        shown = sorted(
            (m for m in months if m in window and len(by_month[m]) >= MIN_GROUP),
            key=lambda m: (len(by_month[m]), m),
        )
        rest = sum(len(by_month[m]) for m in months) - sum(len(by_month[m]) for m in shown)
        while 0 < rest < MIN_GROUP and shown:
            smallest = shown.pop(0)
            protected.add(smallest)
            rest += len(by_month[smallest])
    return protected


def shown_total(groups: Sequence[Group]) -> Group:
    """The answers of the periods shown, with their mean: what a reader could add up from
    the table, and nothing more. Not shown when no period is."""
    shown = [g for g in groups if g.shown]
    n = sum(g.n or 0 for g in shown)
    if not n:
        return Group(label="", shown=False)
    total = sum(value * count for g in shown for value, count in g.distribution)
    return Group(label="", shown=True, n=n, mean=round(total / n, 1))
