"""The anonymised results: per question and period (month or quarter) the number of
answers, the mean and the distribution — shown only for a group of at least MIN_GROUP
answers. A smaller group is not shown anywhere (not its count, mean or distribution, in
the table or the chart). Free-text answers are never aggregated. Pure: no query."""

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
    """One Group per period start, from (answered on, value) pairs."""
    by_start: dict[datetime.date, list[int]] = defaultdict(list)
    for day, value in answers:
        by_start[period_of(day, period)].append(value)
    return [group(period_label(s, period), by_start.get(s, []), scale) for s in starts]
