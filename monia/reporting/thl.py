"""THL's child welfare processing-time and staffing statistics, counted from the record.

Pure Python, no Django (like ``monia.deadlines``, whose calendar it uses): the page and the
exports build ``Notification`` and ``Assignment`` records through a selector and call
``processing_times`` and ``caseload_snapshot``. docs/statistics.md explains every rule.

Processing times (lastensuojelun käsittelyajat; THL collects them for 1.4–30.9, due 17.10,
and 1.10–31.3, due 17.4: thl.fi "Lastensuojelun käsittelyajat", ohjeet and laatuseloste):

1. A matter comes pending (vireille) on the Europe/Helsinki date the notification arrived,
   whatever the channel or the hour (LsL 26 § 1 mom; THL handbook "Lastensuojelun
   aikarajat"). Never the UTC date: 1.4. 00:30 EEST is 31.3. 21:30 UTC and belongs to the
   period that starts on 1.4.
2. One matter per child: a notification about two siblings is two matters (THL counts
   matters, "yksi per lapsi").
3. Seven working days (LsL 26 § 3 mom): the day of arrival is not counted, day 1 is the next
   working day; Saturdays, Sundays, public holidays, Midsummer Eve and Christmas Eve are not
   working days (150/1930 2 and 5 §; ``deadlines.assessment_decision_due``). The matter is on
   time if the assessment was started (``decided_on``) on or before the 7th working day.
4. Three months (SHL 36 §): from the matter's arrival, never from the start decision, to the
   same day number three months on, or that month's last day (150/1930 3 §). An assessment
   counts in the period in which it was COMPLETED, whenever its matter came pending.
5. Open and overdue (for supervisors, not sent to THL): matters still open at the end of the
   period's last day whose three months ended on or before it.

Rules THL does not publish (domain.md §1.10 [U]) are ``CountingRules`` fields, each with
its default named there: a notification about a child whose matter is still open (undecided,
or the assessment under way) joins that matter and starts no clock; a notification about a
current client creates no new matter; "clearly no need" decisions (LsL 26 § 3 mom: the
assessment is "ilmeisen tarpeeton") are reported apart from the seven-day figure.

Staffing (lastensuojelun sosiaalityön henkilöstömitoitus, THL decision 4706/5.03.00/2022)
is taken as at ``snapshot_dates``: the second Tuesday of April and of October; the counting
is ``monia.reporting.caseload.caseload_snapshot``.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from itertools import groupby
from operator import attrgetter
from typing import Literal, NamedTuple

from monia.deadlines import (
    HELSINKI,
    _add_months,  # the month arithmetic of 150/1930 3 §, shared rather than copied
    assessment_completion_due,
    assessment_decision_due,
    helsinki_date,
)

Status = Literal["on_time", "late", "pending"]


# --- Records ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Notification:
    """One notification (any channel) about one child, with what became of its matter.

    ``received_at`` is an aware datetime. ``decided_on`` is the day the worker decided on the
    assessment: started it (``assessment_started``) or found it clearly unnecessary (not
    started). ``completed_on`` is the day the assessment was completed. ``existing_client``:
    the child was a child welfare client when it arrived.
    """

    child: Hashable
    municipality: str
    received_at: datetime
    existing_client: bool = False
    decided_on: date | None = None
    assessment_started: bool = True
    completed_on: date | None = None
    # The team that holds the child's case: any key ordered among its kind (the record's is
    # ``thl_selectors.TeamKey``, the team's id with its name), None when not known.
    team: Hashable | None = None

    def __post_init__(self) -> None:
        if self.received_at.tzinfo is not HELSINKI:  # told in Helsinki time: aware already
            helsinki_date(self.received_at)  # a naive datetime raises ValueError here


@dataclass(frozen=True)
class CountingRules:
    """The rules THL does not publish: a county's choice, each default named.

    ``join_open_matter`` (True): a notification about a child whose matter is still open
    joins it and starts no clock. ``client_opens_matter`` (False): a notification about a
    current client creates no new matter. ``no_need_in_seven_day`` (False): "clearly no
    need" decisions are reported apart, not in the seven-day figure. ``closing_day_joins``
    (True): a matter stays open through the day it was closed, so a notification that day
    joins it (the record holds dates, not hours). ``three_months_to_working_day`` (True):
    three months ending on a Saturday, Sunday or holiday end on the next working day
    (150/1930 5 §), the due date every case page shows.
    """

    join_open_matter: bool = True
    client_opens_matter: bool = False
    no_need_in_seven_day: bool = False
    closing_day_joins: bool = True
    three_months_to_working_day: bool = True


DEFAULT_RULES = CountingRules()


class Matter(NamedTuple):
    """A child's matter: its first notification's arrival and what became of it (a named
    tuple: immutable, and quick to make by the hundred thousand)."""

    child: Hashable
    municipality: str
    team: Hashable | None
    received_at: datetime
    arrived_on: date
    decided_on: date | None
    assessment_started: bool
    completed_on: date | None
    decision_due: date
    completion_due: date
    notifications: int = 1

    @property
    def no_need(self) -> bool:
        """Decided that an assessment is clearly unnecessary."""
        return self.decided_on is not None and not self.assessment_started

    @property
    def closed_on(self) -> date | None:
        """The day the matter closed: the "no need" decision or the completed assessment."""
        return self.decided_on if self.no_need else self.completed_on

    def open_on(self, day: date, rules: CountingRules = DEFAULT_RULES) -> bool:
        """Whether the matter is still open (undecided or assessment under way) on ``day``."""
        return _is_open(self.arrived_on, self.closed_on, day, rules)


# --- Results ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Counts:
    """Matters, on time and late; ``matters - on_time - late`` are not yet due."""

    matters: int = 0
    on_time: int = 0
    late: int = 0


@dataclass(frozen=True)
class Figure:
    """One THL figure, broken down, with the children behind each count (child keys)."""

    matters: int
    on_time: int
    late: int
    pending: int
    by_municipality: Mapping[str, Counts]
    by_team: Mapping[Hashable | None, Counts]
    on_time_children: tuple[Hashable, ...]
    late_children: tuple[Hashable, ...]
    pending_children: tuple[Hashable, ...]


@dataclass(frozen=True)
class Tally:
    """A count with its breakdown and children: figures that have no on-time/late split."""

    count: int
    by_municipality: Mapping[str, int]
    children: tuple[Hashable, ...]


@dataclass(frozen=True)
class ProcessingTimes:
    """THL's half-year processing times for ``start``–``end``, and what supervisors want."""

    start: date
    end: date
    seven_day: Figure  # matters that came pending in the period: assessment started in 7 days
    three_month: Figure  # assessments completed in the period: within 3 months of arrival
    open_overdue: Tally  # open at the period's end with the three months passed
    no_need: Figure  # came pending in the period, "clearly no need" (reported apart)
    joined: Tally  # notifications in the period that joined an open matter
    client_notifications: Tally  # notifications in the period about current clients
    matters: tuple[Matter, ...]  # every matter the figures count, for the drill-down
    rules: CountingRules


@contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while a report makes its records by the hundred
    thousand (none of them cyclic), then back as it was: its passes over the growing heap
    took about a third of the national report's time."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


# --- Periods and dates -----------------------------------------------------------------------


def half_year_period(day: date) -> tuple[date, date]:
    """THL's half-year period holding ``day``: 1.4–30.9 or 1.10–31.3."""
    if 4 <= day.month <= 9:
        return date(day.year, 4, 1), date(day.year, 9, 30)
    first = day.year if day.month >= 10 else day.year - 1
    return date(first, 10, 1), date(first + 1, 3, 31)


def report_due(day: date) -> date:
    """The day THL wants the figures of the period holding ``day``: 17.10 or 17.4."""
    _, end = half_year_period(day)
    return date(end.year, 10, 17) if end.month == 9 else date(end.year, 4, 17)


def snapshot_dates(year: int) -> tuple[date, date]:
    """The staffing snapshot days: the second Tuesday of April and of October."""

    def second_tuesday(month: int) -> date:
        first = date(year, month, 1)
        return first + timedelta(days=(1 - first.weekday()) % 7 + 7)

    return second_tuesday(4), second_tuesday(10)


@lru_cache(maxsize=8192)
def decision_due(arrived_on: date) -> date:
    """The 7th working day after the arrival date (``deadlines.assessment_decision_due``)."""
    return assessment_decision_due(datetime.combine(arrived_on, time(12), tzinfo=HELSINKI))


@lru_cache(maxsize=8192)
def completion_due(arrived_on: date, to_working_day: bool = True) -> date:
    """Three months from the arrival date (``deadlines.assessment_completion_due``)."""
    if not to_working_day:
        return _add_months(arrived_on, 3)
    return assessment_completion_due(datetime.combine(arrived_on, time(12), tzinfo=HELSINKI))


# --- Matters ---------------------------------------------------------------------------------


_RECEIVED_AT = attrgetter("received_at")


def _order(
    n: Notification,
) -> tuple[datetime, bool, date, bool, date, str, bool, Hashable | None]:
    # Total on the record's content (not on how its time zone is told), so the result never
    # depends on the input's order. No team first; teams are compared only with each other.
    return (
        n.received_at,
        n.existing_client,
        n.decided_on or date.min,
        n.assessment_started,
        n.completed_on or date.min,
        n.municipality,
        n.team is not None,
        n.team,
    )


def _arrival_day(received_at: datetime) -> date:
    """``helsinki_date``; a record told in Helsinki time already holds its date."""
    if received_at.tzinfo is HELSINKI:
        return received_at.date()
    return helsinki_date(received_at)


def _closed_on(n: Notification) -> date | None:
    if n.decided_on is not None and not n.assessment_started:
        return n.decided_on
    return n.completed_on


def _is_open(arrived_on: date, closed_on: date | None, day: date, rules: CountingRules) -> bool:
    if day < arrived_on:
        return False
    return closed_on is None or day < closed_on or (rules.closing_day_joins and day == closed_on)


class _Opening:
    """A matter while the notifications are sorted out: its first notification, its arrival
    day and how many notifications it has (a light stand-in for ``Matter``)."""

    __slots__ = ("n", "arrived_on", "closed_on", "count")

    def __init__(self, n: Notification, arrived_on: date) -> None:
        self.n = n
        self.arrived_on = arrived_on
        self.closed_on = _closed_on(n)
        self.count = 1


def _matter(o: _Opening, rules: CountingRules) -> Matter:
    n = o.n
    return Matter(
        child=n.child,
        municipality=n.municipality,
        team=n.team,
        received_at=n.received_at,
        arrived_on=o.arrived_on,
        decided_on=n.decided_on,
        assessment_started=n.assessment_started,
        completed_on=n.completed_on,
        decision_due=decision_due(o.arrived_on),
        completion_due=completion_due(o.arrived_on, rules.three_months_to_working_day),
        notifications=o.count,
    )


@dataclass
class _Sorted:
    openings: list[_Opening]
    joined: list[tuple[Notification, date]]
    client: list[tuple[Notification, date]]


def _in_time_order(notifications: Iterable[Notification]) -> list[Notification]:
    """By arrival; records of one instant by their content, so the input's order never
    matters (siblings in one notification share their instant)."""
    items: list[Notification] = []
    for _, same in groupby(sorted(notifications, key=_RECEIVED_AT), key=_RECEIVED_AT):
        group = list(same)
        items.extend(sorted(group, key=_order) if len(group) > 1 else group)
    return items


def _sort_out(notifications: Iterable[Notification], rules: CountingRules) -> _Sorted:
    out = _Sorted([], [], [])
    current: dict[Hashable, _Opening] = {}  # each child's latest matter
    for n in _in_time_order(notifications):
        arrived_on = _arrival_day(n.received_at)
        if n.existing_client and not rules.client_opens_matter:
            out.client.append((n, arrived_on))
            continue
        matter = current.get(n.child)
        if (
            rules.join_open_matter
            and matter is not None
            and _is_open(matter.arrived_on, matter.closed_on, arrived_on, rules)
        ):
            out.joined.append((n, arrived_on))
            matter.count += 1
        else:
            current[n.child] = opening = _Opening(n, arrived_on)
            out.openings.append(opening)
    return out


def matters(
    notifications: Iterable[Notification], rules: CountingRules = DEFAULT_RULES
) -> tuple[Matter, ...]:
    """Every matter the notifications open, in order of arrival."""
    found = _sort_out(notifications, rules)
    return tuple(sorted((_matter(o, rules) for o in found.openings), key=_matter_order))


def _matter_order(m: Matter) -> tuple[datetime, str]:
    return m.received_at, repr(m.child)


# --- Counting --------------------------------------------------------------------------------


def _seven_day_status(m: Matter, as_of: date | None) -> Status:
    if m.decided_on is not None:
        return "on_time" if m.decided_on <= m.decision_due else "late"
    return "late" if as_of is None or m.decision_due < as_of else "pending"


def _first_matter_order(pair: tuple[Matter, int]) -> tuple[datetime, str]:
    return _matter_order(pair[0])


def _figure(rows: list[tuple[Matter, Status]]) -> Figure:
    """The figure of ``rows``, given in ``_matter_order``."""
    children: dict[Status, list[Hashable]] = {"on_time": [], "late": [], "pending": []}
    by_mun: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    by_team: dict[Hashable | None, list[int]] = defaultdict(lambda: [0, 0, 0])
    for m, status in rows:
        children[status].append(m.child)
        for counts in (by_mun[m.municipality], by_team[m.team]):
            counts[0] += 1
            counts[1] += status == "on_time"
            counts[2] += status == "late"
    return Figure(
        matters=len(rows),
        on_time=len(children["on_time"]),
        late=len(children["late"]),
        pending=len(children["pending"]),
        by_municipality={k: Counts(*by_mun[k]) for k in sorted(by_mun)},
        by_team={k: Counts(*by_team[k]) for k in sorted(by_team, key=lambda t: (t is None, t))},
        on_time_children=tuple(children["on_time"]),
        late_children=tuple(children["late"]),
        pending_children=tuple(children["pending"]),
    )


def _tally(rows: list[tuple[Hashable, str, datetime]]) -> Tally:
    rows = sorted(rows, key=lambda row: (row[2], repr(row[0])))
    by_mun: dict[str, int] = defaultdict(int)
    for _, municipality, _ in rows:
        by_mun[municipality] += 1
    return Tally(len(rows), dict(sorted(by_mun.items())), tuple(child for child, _, _ in rows))


def _open_overdue(openings: list[_Opening], end: date, rules: CountingRules) -> Tally:
    roll = rules.three_months_to_working_day
    rows = [
        (o.n.child, o.n.municipality, o.n.received_at)
        for o in openings
        if (o.closed_on is None or o.closed_on > end) and completion_due(o.arrived_on, roll) <= end
    ]
    return _tally(rows)


def processing_times(
    notifications: Iterable[Notification],
    *,
    start: date,
    end: date,
    as_of: date | None = None,
    rules: CountingRules = DEFAULT_RULES,
) -> ProcessingTimes:
    """THL's processing times for the days ``start``–``end`` (both included).

    Pass every notification that can bear on the period, also those before it: an older
    matter may still be open (a new notification joins it) or be completed in the period.
    ``as_of`` (None: the figures are final) is the day the record was read: an undecided
    matter whose 7th working day is not yet before it is pending, not late.
    """
    if end < start:
        raise ValueError("end is before start")
    with gc_paused():
        return _processing_times(notifications, start, end, as_of, rules)


def _processing_times(
    notifications: Iterable[Notification],
    start: date,
    end: date,
    as_of: date | None,
    rules: CountingRules,
) -> ProcessingTimes:
    found = _sort_out(notifications, rules)
    arrived_o = [o for o in found.openings if start <= o.arrived_on <= end]
    completed_o = [
        o
        for o in found.openings
        if o.n.assessment_started
        and o.n.completed_on is not None
        and start <= o.n.completed_on <= end
    ]
    made = {id(o): o for o in (*arrived_o, *completed_o)}
    # Sorted once into the figures' order (by arrival, then the child); each figure keeps
    # that order instead of sorting its rows again.
    ordered = sorted(((_matter(o, rules), k) for k, o in made.items()), key=_first_matter_order)
    in_arrived = {id(o) for o in arrived_o}
    in_completed = {id(o) for o in completed_o}
    arrived = [m for m, k in ordered if k in in_arrived]
    completed = [m for m, k in ordered if k in in_completed]
    seven = [m for m in arrived if rules.no_need_in_seven_day or not m.no_need]
    return ProcessingTimes(
        start=start,
        end=end,
        seven_day=_figure([(m, _seven_day_status(m, as_of)) for m in seven]),
        three_month=_figure([(m, _three_month_status(m)) for m in completed]),
        open_overdue=_open_overdue(found.openings, end, rules),
        no_need=_figure([(m, _seven_day_status(m, as_of)) for m in arrived if m.no_need]),
        joined=_in_period(found.joined, start, end),
        client_notifications=_in_period(found.client, start, end),
        matters=tuple(m for m, _ in ordered),
        rules=rules,
    )


def _three_month_status(m: Matter) -> Status:
    assert m.completed_on is not None
    return "on_time" if m.completed_on <= m.completion_due else "late"


def _in_period(rows: list[tuple[Notification, date]], start: date, end: date) -> Tally:
    return _tally([(n.child, n.municipality, n.received_at) for n, d in rows if start <= d <= end])
