"""THL's processing times, proved on a fixture whose every figure was counted by hand.

Periods: P1 = 1.10.2023–31.3.2024 (due 17.4.2024), P2 = 1.4.2024–30.9.2024 (due 17.10.2024).
Holidays met (Finland): Independence Day Wed 6.12.2023; Christmas Eve Sun 24.12, Christmas
Mon 25.12 and Tue 26.12.2023; New Year Mon 1.1.2024; Good Friday 29.3 and Easter Monday
1.4.2024; Midsummer Eve Fri 21.6.2024. "due" below is the 7th working day after arrival (the
arrival day not counted), "3 m" three months from arrival (moved to the next working day).
Municipalities: T = Tampere, N = Nokia, Y = Ylöjärvi.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from monia.reporting import thl
from monia.reporting.thl import Counts, Notification, processing_times

HKI = thl.HELSINKI
P1 = (date(2023, 10, 1), date(2024, 3, 31))
P2 = (date(2024, 4, 1), date(2024, 9, 30))
T, N, Y = "Tampere", "Nokia", "Ylöjärvi"


def at(y: int, m: int, d: int, hh: int = 10, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=HKI)


def nt(
    child: str,
    municipality: str,
    received_at: datetime,
    decided: tuple[int, int, int] | None = None,
    completed: tuple[int, int, int] | None = None,
    *,
    started: bool = True,
) -> Notification:
    """A notification whose matter was decided and completed on the given (y, m, d)."""
    return Notification(
        child,
        municipality,
        received_at,
        decided_on=date(*decided) if decided else None,
        assessment_started=started,
        completed_on=date(*completed) if completed else None,
    )


FIXTURE = [
    # A, Independence Day: arrived Mon 4.12.2023; Tue 5 is day 1, Wed 6.12 a holiday, so day 7
    # is Thu 14.12: decided 14.12 = on time (weekdays without holidays say 13.12: late).
    # 3 m: Mon 4.3.2024; completed 1.3.2024 = on time, in P1.
    nt("A", T, at(2023, 12, 4), (2023, 12, 14), (2024, 3, 1)),
    # B, Christmas: arrived Wed 20.12.2023; 21, 22 (2), 25 and 26.12 holidays, 27, 28, 29 (5),
    # 1.1 a holiday, 2.1 (6), 3.1 (7): decided 3.1.2024 = on time (weekdays only: 29.12;
    # calendar days: 27.12). 3 m: Wed 20.3.2024, still open at 31.3 = open overdue in P1;
    # completed 3.4.2024 = late, in P2.
    nt("B", T, at(2023, 12, 20), (2024, 1, 3), (2024, 4, 3)),
    # C, New Year: arrived Fri 29.12.2023; 1.1 a holiday, 2, 3, 4, 5 (4), 8, 9, 10.1 (7):
    # decided 11.1 = late. 3 m: 29.3.2024 is Good Friday, 1.4 Easter Monday -> Tue 2.4.2024;
    # so not overdue at 31.3 (it would be without the move); completed 2.4 = on time, in P2.
    nt("C", T, at(2023, 12, 29), (2024, 1, 11), (2024, 4, 2)),
    # D, Easter: arrived Wed 27.3.2024; 28.3 (1), 29.3 and 1.4 holidays, 2, 3, 4, 5 (5), 8 (6),
    # 9.4 (7): decided 9.4 = on time (weekdays only: 5.4). 3 m: Thu 27.6.2024; completed
    # 9.7.2024 = late, in P2.
    nt("D", T, at(2024, 3, 27), (2024, 4, 9), (2024, 7, 9)),
    # E, just after midnight: 1.4.2024 00:30 EEST is 31.3.2024 21:30 UTC. The matter is P2's
    # (a UTC date would put it in P1). From 1.4 (Easter Monday): 2, 3, 4, 5, 8, 9, 10.4 (7):
    # decided 10.4 = on time. 3 m: Mon 1.7.2024; completed 1.7 = on time, in P2.
    Notification(
        "E",
        T,
        datetime(2024, 3, 31, 21, 30, tzinfo=UTC),
        decided_on=date(2024, 4, 10),
        completed_on=date(2024, 7, 1),
    ),
    # F1 and F2, siblings in one notification: two matters. Arrived Tue 10.10.2023; day 7 is
    # the next week's Thursday 19.10 (THL's own example). F1 decided 19.10 = on time, F2 20.10
    # = late. 3 m: Wed 10.1.2024: F1 completed 10.1 = on time, F2 12.1 = late, both in P1.
    nt("F1", T, at(2023, 10, 10, 9), (2023, 10, 19), (2024, 1, 10)),
    nt("F2", T, at(2023, 10, 10, 9), (2023, 10, 20), (2024, 1, 12)),
    # G, a second notification joins the open matter: arrived Mon 6.11.2023, due Wed 15.11,
    # decided 8.11 = on time, assessment under way when the second one came on 20.11.2023:
    # it joins and starts no clock. 3 m from 6.11: Tue 6.2.2024; completed 5.2 = on time.
    nt("G", N, at(2023, 11, 6), (2023, 11, 8), (2024, 2, 5)),
    Notification("G", N, at(2023, 11, 20)),
    # H, a current client: no matter; a client notification in P1.
    Notification("H", N, at(2024, 1, 15), existing_client=True),
    # I, counted from the arrival, not from the decision: arrived Mon 2.10.2023, decided Wed
    # 11.10 (day 7 exactly = on time). 3 m from arrival: Tue 2.1.2024; completed Fri 5.1.2024
    # = late (from the decision, 11.1.2024: on time).
    nt("I", N, at(2023, 10, 2), (2023, 10, 11), (2024, 1, 5)),
    # J, three months not 90 days: arrived Fri 1.12.2023 (due 13.12; decided 5.12 = on time).
    # 3 m: Fri 1.3.2024; completed 1.3 = on time (90 days: 29.2.2024, late).
    nt("J", N, at(2023, 12, 1), (2023, 12, 5), (2024, 3, 1)),
    # K, a month's last day: arrived Thu 30.11.2023 (decided 1.12 = on time). 3 m: 30.2 does
    # not exist -> Thu 29.2.2024 (a leap year); completed 29.2 = on time (90 days: 28.2).
    nt("K", N, at(2023, 11, 30), (2023, 12, 1), (2024, 2, 29)),
    # L, Easter then Midsummer: arrived Thu 21.3.2024; 22, 25, 26, 27, 28 (5), 29.3 and 1.4
    # holidays, 2.4 (6), 3.4 (7): decided 3.4 = on time (weekdays only: 1.4). 3 m: 21.6.2024
    # is Midsummer Eve, 22.6 Midsummer Day -> Mon 24.6; completed 24.6 = on time, in P2.
    nt("L", Y, at(2024, 3, 21), (2024, 4, 3), (2024, 6, 24)),
    # M, "clearly no need": arrived Mon 8.1.2024, decided 10.1 not to start = reported apart
    # (1 matter, on time), not in the seven-day figure.
    nt("M", N, at(2024, 1, 8), (2024, 1, 10), started=False),
    # N, open for long: arrived Mon 9.10.2023, decided 10.10 = on time, never completed; 3 m
    # Tue 9.1.2024 -> open overdue at 31.3 and at 30.9. A new notification on 15.5.2024 joins
    # it (the assessment is still under way).
    nt("N", Y, at(2023, 10, 9), (2023, 10, 10)),
    Notification("N", Y, at(2024, 5, 15)),
    # O, undecided: arrived Thu 14.3.2024; due Mon 25.3 passed = late. 3 m: Fri 14.6.2024 ->
    # open overdue at 30.9 (not yet at 31.3).
    Notification("O", Y, at(2024, 3, 14)),
    # P, came pending before P1, completed in it: arrived Tue 1.8.2023, decided 3.8; 3 m: Wed
    # 1.11.2023; completed 2.11.2023 = late in P1 (from the decision, 3.11: on time).
    nt("P", Y, at(2023, 8, 1), (2023, 8, 3), (2023, 11, 2)),
    # Q, 00:30 on a Friday: 19.1.2024 00:30 EET is Thu 18.1 22:30 UTC. From Fri 19.1: 22, 23,
    # 24, 25, 26 (5), 29 (6), 30.1 (7): decided 30.1 = on time (from a UTC date: 29.1, late).
    # 3 m: Fri 19.4.2024; completed 19.4 = on time, in P2.
    nt("Q", Y, at(2024, 1, 19, 0, 30), (2024, 1, 30), (2024, 4, 19)),
    # R, Midsummer: arrived Wed 19.6.2024; 20.6 (1), 21.6 Midsummer Eve, 24, 25, 26, 27 (5),
    # 28 (6), Mon 1.7 (7): decided 1.7 = on time (weekdays only: 28.6). Never completed; 3 m
    # Thu 19.9.2024 -> open overdue at 30.9.
    nt("R", T, at(2024, 6, 19), (2024, 7, 1)),
    # S, arrived on Midsummer Eve 21.6.2024: 24, 25, 26, 27, 28 (5), 1.7 (6), 2.7 (7): decided
    # 3.7 = late. 3 m: Sat 21.9.2024 -> Mon 23.9; completed 20.9 = on time (90 days: 19.9).
    nt("S", N, at(2024, 6, 21), (2024, 7, 3), (2024, 9, 20)),
]


def summary(result: thl.ProcessingTimes) -> tuple[object, ...]:
    seven, three = result.seven_day, result.three_month
    return (
        (seven.matters, seven.on_time, seven.late),
        (three.matters, three.on_time, three.late),
        result.open_overdue.count,
    )


def both_periods(notifications: list[Notification]) -> tuple[object, ...]:
    return tuple(summary(processing_times(notifications, start=s, end=e)) for s, e in (P1, P2))


def test_first_period_figures_are_the_hand_counted_ones() -> None:
    r = processing_times(FIXTURE, start=P1[0], end=P1[1])
    # Came pending in P1 (one per child, no-need apart): A B C D F1 F2 G I J K L N O Q;
    # late: F2 (20.10 > 19.10), C (11.1 > 10.1), O (undecided).
    assert (r.seven_day.matters, r.seven_day.on_time, r.seven_day.late) == (14, 11, 3)
    assert r.seven_day.pending == 0
    assert r.seven_day.late_children == ("F2", "C", "O")
    assert r.seven_day.by_municipality == {
        N: Counts(4, 4, 0),  # G I J K
        T: Counts(6, 4, 2),  # A B C D F1 F2
        Y: Counts(4, 3, 1),  # L N O Q
    }
    # Completed in P1: A F1 G J K on time; F2 I P late (P came pending in August).
    assert (r.three_month.matters, r.three_month.on_time, r.three_month.late) == (8, 5, 3)
    assert r.three_month.late_children == ("P", "I", "F2")
    assert r.three_month.by_municipality == {
        N: Counts(4, 3, 1),
        T: Counts(3, 2, 1),
        Y: Counts(1, 0, 1),
    }
    assert r.open_overdue.children == ("N", "B")
    assert r.open_overdue.by_municipality == {T: 1, Y: 1}
    assert (r.no_need.matters, r.no_need.on_time, r.no_need.late) == (1, 1, 0)
    assert r.no_need.on_time_children == ("M",)
    assert r.joined.children == ("G",)
    assert r.client_notifications.children == ("H",)


def test_second_period_figures_are_the_hand_counted_ones() -> None:
    r = processing_times(FIXTURE, start=P2[0], end=P2[1])
    # Came pending in P2: E (the 00:30 one), R on time; S late.
    assert (r.seven_day.matters, r.seven_day.on_time, r.seven_day.late) == (3, 2, 1)
    assert r.seven_day.on_time_children == ("E", "R")
    assert r.seven_day.by_municipality == {N: Counts(1, 0, 1), T: Counts(2, 2, 0)}
    # Completed in P2: C Q E L S on time; B D late.
    assert (r.three_month.matters, r.three_month.on_time, r.three_month.late) == (7, 5, 2)
    assert r.three_month.late_children == ("B", "D")
    assert r.three_month.by_municipality == {
        N: Counts(1, 1, 0),
        T: Counts(4, 2, 2),
        Y: Counts(2, 2, 0),
    }
    assert r.open_overdue.children == ("N", "O", "R")
    assert r.joined.children == ("N",)  # 15.5.2024 joins N's matter opened in October
    assert r.no_need.matters == 0 and r.client_notifications.count == 0


CORRECT = (((14, 11, 3), (8, 5, 3), 2), ((3, 2, 1), (7, 5, 2), 3))


def test_the_fixture_summary_is_the_one_the_wrong_variants_are_compared_with() -> None:
    assert both_periods(FIXTURE) == CORRECT


# --- The wrong implementations supervisors have met: each fails on the fixture ---------------


def weekdays_without_holidays(arrived_on: date) -> date:
    d, n = arrived_on, 0
    while n < 7:
        d += timedelta(days=1)
        n += d.weekday() < 5
    return d


def calendar_days(arrived_on: date) -> date:
    return arrived_on + timedelta(days=7)


def utc_date(dt: datetime) -> date:
    return dt.astimezone(UTC).date()


def ninety_days(arrived_on: date, to_working_day: bool = True) -> date:
    return arrived_on + timedelta(days=90)


def test_weekdays_without_holidays_would_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(thl, "decision_due", weekdays_without_holidays)
    # P1 late: A (13.12), B (29.12), C, D (5.4), F2, L (1.4), O; P2 late: R (28.6), S.
    assert both_periods(FIXTURE) == (((14, 7, 7), (8, 5, 3), 2), ((3, 1, 2), (7, 5, 2), 3))
    assert both_periods(FIXTURE) != CORRECT


def test_calendar_days_would_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(thl, "decision_due", calendar_days)
    assert both_periods(FIXTURE) != CORRECT
    assert summary(processing_times(FIXTURE, start=P1[0], end=P1[1]))[0] != (14, 11, 3)


def test_utc_dates_would_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(thl, "_arrival_day", utc_date)
    p1, p2 = both_periods(FIXTURE)
    # E moves into P1 and out of P2; Q's day 7 becomes 29.1, so its decision on 30.1 is late.
    assert p1[0] == (15, 11, 4)
    assert p2[0] == (2, 1, 1)
    assert (p1, p2) != CORRECT


def test_ninety_days_instead_of_three_months_would_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(thl, "completion_due", ninety_days)
    # J (1.3 > 29.2) and K (29.2 > 28.2) turn late in P1; S (20.9 > 19.9) in P2.
    assert both_periods(FIXTURE) != CORRECT
    p1 = processing_times(FIXTURE, start=P1[0], end=P1[1])
    assert {"J", "K"} <= set(p1.three_month.late_children)


def test_counting_from_the_decision_would_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    right = thl._matter

    def from_decision(o: thl._Opening, rules: thl.CountingRules) -> thl.Matter:
        m = right(o, rules)
        if m.decided_on is None:
            return m
        return m._replace(completion_due=thl.completion_due(m.decided_on))

    monkeypatch.setattr(thl, "_matter", from_decision)
    p1 = processing_times(FIXTURE, start=P1[0], end=P1[1])
    assert "I" in p1.three_month.on_time_children and "P" in p1.three_month.on_time_children
    assert both_periods(FIXTURE) != CORRECT


# --- The rules a county may choose -----------------------------------------------------------


def test_a_notification_joins_only_while_the_matter_is_open() -> None:
    # G's second notification after the assessment was completed (5.2.2024) opens a new matter.
    later = [*FIXTURE, Notification("G", N, at(2024, 2, 6))]
    r = processing_times(later, start=P1[0], end=P1[1])
    assert r.seven_day.matters == 15
    assert r.seven_day.late_children == ("F2", "C", "G", "O")
    # On the completion day itself it still joins (closing_day_joins).
    same_day = [*FIXTURE, Notification("G", N, at(2024, 2, 5, 16))]
    assert processing_times(same_day, start=P1[0], end=P1[1]).joined.children == ("G", "G")


def test_counting_rules_are_parameters_with_the_defaults_named() -> None:
    every = thl.CountingRules(join_open_matter=False, client_opens_matter=True)
    r = processing_times(FIXTURE, start=P1[0], end=P1[1], rules=every)
    assert r.seven_day.matters == 16  # G's second notification and H's open matters too
    with_no_need = thl.CountingRules(no_need_in_seven_day=True)
    r = processing_times(FIXTURE, start=P1[0], end=P1[1], rules=with_no_need)
    assert (r.seven_day.matters, r.seven_day.on_time) == (15, 12)
    # Without the move to a working day, C's three months end on Good Friday 29.3.2024.
    strict = thl.CountingRules(three_months_to_working_day=False)
    r = processing_times(FIXTURE, start=P1[0], end=P1[1], rules=strict)
    assert r.open_overdue.children == ("N", "B", "C")


def test_an_undecided_matter_is_pending_until_its_seventh_working_day() -> None:
    # O arrived 14.3.2024, due Mon 25.3: read on 20.3 it is pending, on 26.3 late.
    r = processing_times(FIXTURE, start=P1[0], end=P1[1], as_of=date(2024, 3, 20))
    assert (r.seven_day.pending, r.seven_day.pending_children) == (1, ("O",))
    assert r.seven_day.on_time + r.seven_day.late + r.seven_day.pending == 14
    later = processing_times(FIXTURE, start=P1[0], end=P1[1], as_of=date(2024, 3, 26))
    assert later.seven_day.late == 3


def test_a_naive_received_at_is_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        Notification("X", T, datetime(2024, 1, 1, 12))  # noqa: DTZ001
    with pytest.raises(ValueError):
        processing_times([], start=P1[1], end=P1[0])


# --- Periods and snapshot days ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "period", "due"),
    [
        (date(2024, 4, 1), (date(2024, 4, 1), date(2024, 9, 30)), date(2024, 10, 17)),
        (date(2024, 9, 30), (date(2024, 4, 1), date(2024, 9, 30)), date(2024, 10, 17)),
        (date(2024, 10, 1), (date(2024, 10, 1), date(2025, 3, 31)), date(2025, 4, 17)),
        (date(2024, 12, 31), (date(2024, 10, 1), date(2025, 3, 31)), date(2025, 4, 17)),
        (date(2025, 3, 31), (date(2024, 10, 1), date(2025, 3, 31)), date(2025, 4, 17)),
    ],
)
def test_half_year_periods_and_their_due_dates(day: date, period: object, due: date) -> None:
    assert thl.half_year_period(day) == period
    assert thl.report_due(day) == due


@pytest.mark.parametrize(
    ("year", "april", "october"),
    [
        # 2023: 1.4 a Saturday -> Tuesdays 4 and 11; 1.10 a Sunday -> 3 and 10.
        (2023, date(2023, 4, 11), date(2023, 10, 10)),
        # 2024: 1.4 a Monday -> 2 and 9; 1.10 a Tuesday -> 1 and 8.
        (2024, date(2024, 4, 9), date(2024, 10, 8)),
        # 2025: 1.4 a Tuesday -> 1 and 8; 1.10 a Wednesday -> 7 and 14.
        (2025, date(2025, 4, 8), date(2025, 10, 14)),
        # 2026: 1.4 a Wednesday -> 7 and 14; 1.10 a Thursday -> 6 and 13.
        (2026, date(2026, 4, 14), date(2026, 10, 13)),
    ],
)
def test_snapshot_dates_are_the_second_tuesdays(year: int, april: date, october: date) -> None:
    assert thl.snapshot_dates(year) == (april, october)


def test_a_notification_at_any_hour_belongs_to_its_helsinki_day() -> None:
    for hh in (0, 3, 12, 23):
        arrived = datetime.combine(date(2024, 10, 1), time(hh, 30), tzinfo=HKI)
        n = Notification("X", T, arrived.astimezone(UTC))
        in_period = processing_times([n], start=date(2024, 10, 1), end=date(2025, 3, 31))
        before = processing_times([n], start=P2[0], end=P2[1])
        assert (in_period.seven_day.matters, before.seven_day.matters) == (1, 0)


def test_the_collector_pause_restores_the_collector_even_after_an_error() -> None:
    import gc

    from monia.reporting.thl import gc_paused

    assert gc.isenabled()
    with pytest.raises(RuntimeError), gc_paused():
        assert not gc.isenabled()
        raise RuntimeError
    assert gc.isenabled()
    processing_times(FIXTURE, start=P1[0], end=P1[1])
    assert gc.isenabled()
