"""Properties of ``processing_times`` that hold for any record, checked with hypothesis."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from monia.deadlines import is_working_day
from monia.reporting import thl
from monia.reporting.thl import Figure, Notification, processing_times

PROPERTY = settings(max_examples=150, database=None, deadline=None)
MUNICIPALITIES = ("Akaa", "Nokia", "Vesilahti")
FIRST, LAST = date(2023, 6, 1), date(2024, 12, 31)


@st.composite
def notifications(draw: st.DrawFn, *, child_municipality: bool = False) -> Notification:
    """One notification; ``child_municipality``: a child always in the same municipality."""
    child = draw(st.integers(0, 6))
    municipality = (
        MUNICIPALITIES[child % 3] if child_municipality else draw(st.sampled_from(MUNICIPALITIES))
    )
    day = draw(st.dates(FIRST, LAST))
    moment = datetime.combine(day, draw(st.times()), tzinfo=thl.HELSINKI)
    if draw(st.booleans()):
        moment = moment.astimezone(UTC)  # the same instant, told in UTC
    decided = draw(st.none() | st.integers(0, 20).map(lambda n: day + timedelta(days=n)))
    completed = None
    if decided is not None and draw(st.booleans()):
        completed = decided + timedelta(days=draw(st.integers(0, 150)))
    return Notification(
        child=child,
        municipality=municipality,
        received_at=moment,
        existing_client=draw(st.integers(0, 9)) == 0,
        decided_on=decided,
        assessment_started=draw(st.integers(0, 4)) > 0,
        completed_on=completed,
        team=draw(st.sampled_from((None, "Team 1", "Team 2"))),
    )


records = st.lists(notifications(), max_size=30)
periods = st.sampled_from(
    [thl.half_year_period(d) for d in (date(2023, 10, 1), date(2024, 4, 1), date(2024, 10, 1))]
)


def _figures(r: thl.ProcessingTimes) -> list[Figure]:
    return [r.seven_day, r.three_month, r.no_need]


@PROPERTY
@given(records, periods)
def test_final_figures_are_on_time_or_late(items: list[Notification], period: tuple) -> None:
    r = processing_times(items, start=period[0], end=period[1])
    for f in _figures(r):
        assert f.on_time + f.late == f.matters and f.pending == 0
        assert len(f.on_time_children) == f.on_time and len(f.late_children) == f.late


@PROPERTY
@given(records, periods, st.dates(FIRST, LAST))
def test_read_early_a_figure_is_on_time_late_or_pending(
    items: list[Notification], period: tuple, as_of: date
) -> None:
    f = processing_times(items, start=period[0], end=period[1], as_of=as_of).seven_day
    assert f.on_time + f.late + f.pending == f.matters


@PROPERTY
@given(records, periods)
def test_breakdowns_sum_to_the_totals(items: list[Notification], period: tuple) -> None:
    r = processing_times(items, start=period[0], end=period[1])
    for f in _figures(r):
        for breakdown in (f.by_municipality, f.by_team):
            parts = breakdown.values()
            assert sum(c.matters for c in parts) == f.matters
            assert sum(c.on_time for c in parts) == f.on_time
            assert sum(c.late for c in parts) == f.late
    assert sum(r.open_overdue.by_municipality.values()) == r.open_overdue.count


@PROPERTY
@given(records, periods, st.randoms(use_true_random=False))
def test_the_result_does_not_depend_on_the_order_of_input(
    items: list[Notification], period: tuple, rnd: random.Random
) -> None:
    shuffled = list(items)
    rnd.shuffle(shuffled)
    start, end = period
    assert processing_times(shuffled, start=start, end=end) == processing_times(
        items, start=start, end=end
    )


@PROPERTY
@given(st.lists(notifications(child_municipality=True), max_size=30), periods)
def test_a_municipality_counted_alone_is_its_row_of_the_whole(
    items: list[Notification], period: tuple
) -> None:
    whole = processing_times(items, start=period[0], end=period[1])
    for name in MUNICIPALITIES:
        alone = processing_times(
            [n for n in items if n.municipality == name], start=period[0], end=period[1]
        )
        for part, of_whole in zip(_figures(alone), _figures(whole), strict=True):
            row = of_whole.by_municipality.get(name, thl.Counts())
            assert (part.matters, part.on_time, part.late) == (row.matters, row.on_time, row.late)


@PROPERTY
@given(records, periods)
def test_joining_open_matters_never_makes_more_matters(
    items: list[Notification], period: tuple
) -> None:
    start, end = period
    joined = processing_times(items, start=start, end=end)
    apart = processing_times(
        items, start=start, end=end, rules=thl.CountingRules(join_open_matter=False)
    )
    assert joined.seven_day.matters + joined.no_need.matters <= (
        apart.seven_day.matters + apart.no_need.matters
    )
    # Every notification of the period that is not about a client opens a matter or joins one.
    assert (
        joined.seven_day.matters + joined.no_need.matters + joined.joined.count
        == apart.seven_day.matters + apart.no_need.matters
    )
    assert apart.joined.count == 0


@PROPERTY
@given(records, periods)
def test_the_same_instants_told_in_utc_give_the_same_result(
    items: list[Notification], period: tuple
) -> None:
    in_utc = [replace(n, received_at=n.received_at.astimezone(UTC)) for n in items]
    start, end = period
    assert processing_times(in_utc, start=start, end=end) == processing_times(
        items, start=start, end=end
    )


@PROPERTY
@given(
    st.dates(date(2023, 1, 1), date(2025, 12, 31)),
    st.times(),
    st.integers(-400, 400),
    st.booleans(),
)
def test_moving_a_notification_by_whole_days_moves_it_to_its_helsinki_days_period(
    day: date, at: time, days: int, in_utc: bool
) -> None:
    """Shifted by whole days of Helsinki wall-clock time, a lone notification's matter lands in
    the half-year holding its new Helsinki date, in no other, whatever the hour or the DST."""
    moved = day + timedelta(days=days)
    received = datetime.combine(moved, at, tzinfo=thl.HELSINKI)
    n = Notification("X", "Akaa", received.astimezone(UTC) if in_utc else received)
    home = thl.half_year_period(moved)
    before = thl.half_year_period(home[0] - timedelta(days=1))
    after = thl.half_year_period(home[1] + timedelta(days=1))
    counted = [
        processing_times([n], start=s, end=e).seven_day.matters for s, e in (before, home, after)
    ]
    assert counted == [0, 1, 0]


@PROPERTY
@given(st.dates(FIRST, LAST))
def test_the_deadlines_are_the_calendars(arrived: date) -> None:
    """The counting reuses ``monia.deadlines``: the 7th working day and three months on."""
    due = thl.decision_due(arrived)
    assert due > arrived and is_working_day(due)
    assert thl.completion_due(arrived, False).day in {arrived.day, 28, 29, 30}
    assert thl.completion_due(arrived) >= thl.completion_due(arrived, False)


@PROPERTY
@given(st.integers(1990, 2100))
def test_snapshot_days_are_second_tuesdays(year: int) -> None:
    for d, month in zip(thl.snapshot_dates(year), (4, 10), strict=True):
        assert (d.year, d.month, d.weekday()) == (year, month, 1) and 8 <= d.day <= 14
