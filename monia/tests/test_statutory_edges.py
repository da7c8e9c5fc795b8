"""The law's numbers on the edges of the calendar: late receipts, weekends, moving holidays,
Christmas Eve and Midsummer Eve, year ends and leap days (monia.deadlines; pure Python).

Each test names its rule and cites the section that sets it. The working-day calendar is
that of 150/1930: Saturdays, Sundays, public holidays, Christmas Eve and Midsummer Eve do
not count (5 §), nor does the day a period starts from (2 §); a period in months ends on
the same day number, or on the month's last day (3 §).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from monia.deadlines import (
    HELSINKI,
    aftercare_ends,
    assessment_completion_due,
    assessment_decision_due,
    client_plan_review_due_latest,
    emergency_placement_expires,
    emergency_placement_extended_expires,
    is_working_day,
    support_placement_gives_aftercare,
    urgency_assessment_due,
)


def at(d: date, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(d.year, d.month, d.day, hour, minute, tzinfo=HELSINKI)


# --- The working-day calendar (150/1930 5 §) --------------------------------------------------


@pytest.mark.parametrize("year", range(2024, 2031))
def test_midsummer_eve_and_christmas_eve_are_never_working_days(year: int) -> None:
    midsummer_eve = next(date(year, 6, d) for d in range(19, 26) if date(year, 6, d).weekday() == 4)
    assert not is_working_day(midsummer_eve)
    assert not is_working_day(date(year, 12, 24))


@pytest.mark.parametrize(
    "holiday",
    [
        date(2027, 3, 26),  # Good Friday 2027 (Easter moves: 2026's was 3.4.)
        date(2027, 3, 29),  # Easter Monday 2027
        date(2027, 5, 6),  # Ascension Day 2027 (a Thursday, 39 days after Easter)
        date(2028, 4, 14),  # Good Friday 2028
        date(2028, 5, 25),  # Ascension Day 2028
    ],
)
def test_moving_holidays_of_other_years_are_not_working_days(holiday: date) -> None:
    assert holiday.weekday() < 5
    assert not is_working_day(holiday)


def test_the_leap_day_is_a_working_day_when_a_weekday() -> None:
    assert is_working_day(date(2028, 2, 29))  # a Tuesday


# --- Urgency assessed immediately (LsL 26 § 1 mom; Monia's rule: next working day) -----------


def test_urgency_of_a_notification_on_the_day_before_christmas_eve_is_due_after_christmas() -> None:
    # Wed 23.12.2026: Christmas Eve, Christmas Day and the weekend follow -> Mon 28.12.
    assert urgency_assessment_due(at(date(2026, 12, 23), 15)) == date(2026, 12, 28)


def test_urgency_of_a_notification_before_midsummer_is_due_on_monday() -> None:
    # Thu 18.6.2026: Midsummer Eve Fri 19.6. is no working day -> Mon 22.6.
    assert urgency_assessment_due(at(date(2026, 6, 18), 16)) == date(2026, 6, 22)


# --- Decision to start the assessment: 7 working days (LsL 26 § 3 mom) ----------------------


def test_decision_for_a_notification_late_on_friday_counts_from_monday() -> None:
    # Fri 6.3.2026 23:50 Helsinki: Friday is the day of receipt (not counted); Mon 9.3. is
    # day 1 -> day 7 is Tue 17.3.
    assert assessment_decision_due(at(date(2026, 3, 6), 23, 50)) == date(2026, 3, 17)


def test_decision_for_a_notification_at_00_30_helsinki_counts_from_that_day_not_utcs() -> None:
    # Thu 5.3.2026 22:30 UTC is Fri 6.3. 00:30 in Helsinki: received on Friday, not Thursday.
    assert assessment_decision_due(datetime(2026, 3, 5, 22, 30, tzinfo=UTC)) == date(2026, 3, 17)
    assert assessment_decision_due(datetime(2026, 3, 5, 21, 30, tzinfo=UTC)) == date(2026, 3, 16)


def test_decision_for_a_notification_received_on_saturday_counts_from_monday() -> None:
    # An e-notification sent on Sat 7.3.2026: Mon 9.3. is day 1 -> Tue 17.3.
    assert assessment_decision_due(at(date(2026, 3, 7), 10)) == date(2026, 3, 17)


def test_decision_due_that_would_fall_on_christmas_eve_moves_past_christmas() -> None:
    # Tue 15.12.2026: days 1-6 are 16.-23.12.; 24.-27.12. do not count -> day 7 Mon 28.12.
    assert assessment_decision_due(at(date(2026, 12, 15))) == date(2026, 12, 28)


def test_decision_for_a_notification_on_christmas_eve_skips_new_year_and_epiphany() -> None:
    # Thu 24.12.2026: 28., 29., 30., 31.12., 4., 5. and (Epiphany Wed 6.1. skipped) 7.1.2027.
    assert assessment_decision_due(at(date(2026, 12, 24), 9)) == date(2027, 1, 7)


def test_decision_for_a_notification_on_new_years_eve_runs_into_january() -> None:
    # Thu 31.12.2026: 1.1. and 6.1. are holidays -> 4., 5., 7., 8., 11., 12., 13.1.2027.
    assert assessment_decision_due(at(date(2026, 12, 31))) == date(2027, 1, 13)


def test_decision_due_that_would_fall_on_midsummer_eve_moves_to_monday() -> None:
    # Wed 10.6.2026: days 1-6 are 11.-18.6.; Midsummer Eve 19.6. -> day 7 Mon 22.6.
    assert assessment_decision_due(at(date(2026, 6, 10))) == date(2026, 6, 22)


def test_decision_due_skips_ascension_day() -> None:
    # Wed 6.5.2026: Ascension Day Thu 14.5. does not count -> day 7 Mon 18.5.
    assert assessment_decision_due(at(date(2026, 5, 6))) == date(2026, 5, 18)


def test_decision_due_skips_easter_of_2027() -> None:
    # Tue 23.3.2027: Good Friday 26.3. and Easter Monday 29.3. -> day 7 Mon 5.4.2027.
    assert assessment_decision_due(at(date(2027, 3, 23))) == date(2027, 4, 5)


def test_decision_for_a_notification_on_the_leap_day() -> None:
    # Tue 29.2.2028 -> 1., 2., 3., 6., 7., 8., 9.3.2028.
    assert assessment_decision_due(at(date(2028, 2, 29))) == date(2028, 3, 9)


# --- Assessment completed within 3 months of receipt (SHL 36 §) ------------------------------


def test_completion_due_on_christmas_eve_moves_to_the_next_working_day() -> None:
    # 24.9.2026 + 3 months = Thu 24.12.2026 -> Christmas, the weekend -> Mon 28.12.
    assert assessment_completion_due(at(date(2026, 9, 24))) == date(2026, 12, 28)


def test_completion_due_across_the_year_end_on_a_sunday_moves_to_monday() -> None:
    # 31.10.2026 + 3 months = Sun 31.1.2027 -> Mon 1.2.2027.
    assert assessment_completion_due(at(date(2026, 10, 31))) == date(2027, 2, 1)


def test_completion_due_on_independence_day_moves_to_the_next_day() -> None:
    # 6.9.2027 + 3 months = Independence Day, Mon 6.12.2027 -> Tue 7.12.
    assert assessment_completion_due(at(date(2027, 9, 6))) == date(2027, 12, 7)


def test_completion_due_from_the_leap_day_is_the_same_day_number() -> None:
    assert assessment_completion_due(at(date(2028, 2, 29))) == date(2028, 5, 29)  # a Monday


def test_completion_due_counts_from_the_helsinki_date_at_midnight() -> None:
    # 31.10.2026 22:30 UTC is already 1.11. 00:30 in Helsinki: 1.2.2027, a Monday.
    received = datetime(2026, 10, 31, 22, 30, tzinfo=UTC)
    assert assessment_completion_due(received) == date(2027, 2, 1)
    received = datetime(2026, 11, 30, 22, 30, tzinfo=UTC)  # 1.12. in Helsinki
    assert assessment_completion_due(received) == date(2027, 3, 1)


# --- Emergency placement: 30 days, one extension of at most 30 (LsL 38 §, 38 a §) ------------


def test_emergency_placement_over_the_leap_day_lasts_30_calendar_days() -> None:
    # 10.2.–29.2.2028 is 20 days, 1.3.–10.3. ten more (KHO:2015:27: the first day counts).
    assert emergency_placement_expires(date(2028, 2, 10)) == date(2028, 3, 10)
    assert emergency_placement_extended_expires(date(2028, 3, 10)) == date(2028, 4, 9)


def test_emergency_placement_across_the_year_end() -> None:
    assert emergency_placement_expires(date(2026, 12, 15)) == date(2027, 1, 13)


def test_emergency_placement_ending_on_midsummer_eve_is_not_extended_by_the_holiday() -> None:
    # The maximum length of a coercive measure, not a time limit for an act (KHO:2015:27).
    assert emergency_placement_expires(date(2026, 5, 21)) == date(2026, 6, 19)


# --- Client plan reviewed at least once a year (LsL 30 § 1 mom) ------------------------------


def test_client_plan_review_a_year_after_christmas_eve_moves_to_the_next_working_day() -> None:
    # Monia applies 150/1930 5 §: Thu 24.12.2026 -> Mon 28.12.2026 (see the report's note).
    assert client_plan_review_due_latest(date(2025, 12, 24)) == date(2026, 12, 28)


def test_client_plan_review_a_year_after_the_leap_day_of_a_weekday_year() -> None:
    # 29.2.2028 -> Wed 28.2.2029 (the month's last day, 150/1930 3 §).
    assert client_plan_review_due_latest(date(2028, 2, 29)) == date(2029, 2, 28)


# --- Aftercare (LsL 75 §) --------------------------------------------------------------------


def test_aftercare_ends_on_the_23rd_birthday_when_it_is_also_the_fifth_year() -> None:
    assert aftercare_ends(date(2005, 3, 10), date(2023, 3, 10)) == date(2028, 3, 10)


def test_aftercare_ends_five_years_after_a_placement_ended_on_a_leap_day() -> None:
    # Placement ended 29.2.2028 -> 28.2.2033 (150/1930 3 §); the 23rd birthday is later.
    assert aftercare_ends(date(2012, 5, 5), date(2028, 2, 29)) == date(2033, 2, 28)


def test_a_support_placement_of_six_months_gives_aftercare_a_shorter_one_does_not() -> None:
    # LsL 75 § 1 mom: a 37 § placement that "lasted at least six months".
    assert support_placement_gives_aftercare(date(2026, 1, 15), date(2026, 7, 15))
    assert not support_placement_gives_aftercare(date(2026, 1, 15), date(2026, 7, 14))
    # From 31.8. six months end on the month's last day, 28.2. (150/1930 3 §).
    assert support_placement_gives_aftercare(date(2026, 8, 31), date(2027, 2, 28))
    assert not support_placement_gives_aftercare(date(2026, 8, 31), date(2027, 2, 27))
