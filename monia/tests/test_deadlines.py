"""Tests for monia.deadlines (pure Python; run with ``-p no:django``)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monia.deadlines import (
    AFTERCARE_AGE_LIMIT,
    AFTERCARE_YEARS_AFTER_PLACEMENT,
    CASELOAD_CAP,
    HELSINKI,
    DeadlineStatus,
    LegalParameter,
    add_working_days,
    aftercare_ends,
    appeal_ends,
    assessment_completion_due,
    assessment_decision_due,
    client_plan_review_due_latest,
    deadline_status,
    emergency_placement_expires,
    emergency_placement_extended_expires,
    helsinki_date,
    is_working_day,
    served_on,
    working_days_between,
)

# No example database: keep the working tree free of a .hypothesis directory.
PROPERTY = settings(deadline=None, database=None, max_examples=200)

dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))
aware_datetimes = st.datetimes(
    min_value=datetime(2000, 1, 2),  # noqa: DTZ001 - bounds for an aware strategy
    max_value=datetime(2099, 12, 30),  # noqa: DTZ001
    timezones=st.timezones(),
)


def at_helsinki_noon(d: date) -> datetime:
    return datetime(d.year, d.month, d.day, 12, tzinfo=HELSINKI)


# --- Calendar --------------------------------------------------------------------------------


def test_weekends_are_not_working_days() -> None:
    assert is_working_day(date(2026, 3, 6))  # Friday
    assert not is_working_day(date(2026, 3, 7))  # Saturday
    assert not is_working_day(date(2026, 3, 8))  # Sunday


@pytest.mark.parametrize(
    "holiday",
    [
        date(2026, 1, 1),  # New Year's Day
        date(2026, 1, 6),  # Epiphany
        date(2026, 4, 3),  # Good Friday
        date(2026, 4, 6),  # Easter Monday
        date(2026, 5, 1),  # May Day
        date(2026, 5, 14),  # Ascension Day
        date(2026, 6, 19),  # Midsummer Eve (150/1930 5 §)
        date(2026, 12, 24),  # Christmas Eve (150/1930 5 §)
        date(2026, 12, 25),  # Christmas Day
        date(2027, 12, 6),  # Independence Day (a Monday)
    ],
)
def test_public_holidays_and_eves_are_not_working_days(holiday: date) -> None:
    assert holiday.weekday() < 5
    assert not is_working_day(holiday)


def test_new_years_eve_is_a_working_day() -> None:
    assert is_working_day(date(2026, 12, 31))


def test_add_working_days_does_not_count_start_day() -> None:
    assert add_working_days(date(2026, 3, 3), 1) == date(2026, 3, 4)
    assert add_working_days(date(2026, 3, 6), 1) == date(2026, 3, 9)  # Fri -> Mon
    assert add_working_days(date(2026, 3, 7), 0) == date(2026, 3, 7)


def test_add_working_days_rejects_negative_n() -> None:
    with pytest.raises(ValueError):
        add_working_days(date(2026, 3, 3), -1)


def test_working_days_between_counts_after_start_through_end() -> None:
    assert working_days_between(date(2026, 3, 3), date(2026, 3, 12)) == 7
    assert working_days_between(date(2026, 3, 3), date(2026, 3, 3)) == 0
    assert working_days_between(date(2026, 3, 12), date(2026, 3, 3)) == 0


def test_helsinki_date_uses_helsinki_not_utc_date() -> None:
    assert helsinki_date(datetime(2026, 3, 2, 23, 30, tzinfo=UTC)) == date(2026, 3, 3)
    assert helsinki_date(datetime(2026, 7, 1, 20, 59, tzinfo=UTC)) == date(2026, 7, 1)
    assert helsinki_date(datetime(2026, 7, 1, 21, 0, tzinfo=UTC)) == date(2026, 7, 2)  # EEST


def test_helsinki_date_rejects_naive_datetime() -> None:
    with pytest.raises(ValueError):
        helsinki_date(datetime(2026, 3, 3, 12, 0))  # noqa: DTZ001 - naive on purpose


# --- Assessment decision: 7 working days (LsL 26 § 3 mom) -------------------------------------


def test_decision_due_thl_example_tuesday_to_next_thursday() -> None:
    received = at_helsinki_noon(date(2026, 3, 3))  # Tuesday, no holidays
    assert assessment_decision_due(received) == date(2026, 3, 12)  # next week's Thursday


def test_decision_due_uses_helsinki_date_of_late_utc_receipt() -> None:
    # 23:30 UTC on Monday is already Tuesday 01:30 in Helsinki.
    received = datetime(2026, 3, 2, 23, 30, tzinfo=UTC)
    assert assessment_decision_due(received) == date(2026, 3, 12)


def test_decision_due_skips_easter_holidays() -> None:
    # Tue 2026-03-31; Good Friday 4.4. and Easter Monday 6.4. are skipped.
    assert assessment_decision_due(at_helsinki_noon(date(2026, 3, 31))) == date(2026, 4, 13)


def test_decision_due_skips_christmas_holidays() -> None:
    # Mon 2026-12-21; Christmas Eve, Christmas Day and New Year's Day are skipped.
    assert assessment_decision_due(at_helsinki_noon(date(2026, 12, 21))) == date(2027, 1, 4)


def test_decision_due_skips_midsummer_eve() -> None:
    # Wed 2026-06-17; Midsummer Eve Fri 19.6. is skipped.
    assert assessment_decision_due(at_helsinki_noon(date(2026, 6, 17))) == date(2026, 6, 29)


def test_decision_due_skips_independence_day() -> None:
    # Wed 2027-12-01; Independence Day falls on Monday 6.12.
    assert assessment_decision_due(at_helsinki_noon(date(2027, 12, 1))) == date(2027, 12, 13)


def test_decision_due_rejects_naive_datetime() -> None:
    with pytest.raises(ValueError):
        assessment_decision_due(datetime(2026, 3, 3, 12, 0))  # noqa: DTZ001 - naive on purpose


# --- Assessment completion: 3 months (SHL 36 §) ----------------------------------------------


def test_completion_due_is_three_calendar_months_later() -> None:
    assert assessment_completion_due(at_helsinki_noon(date(2026, 1, 15))) == date(2026, 4, 15)


def test_completion_due_clamps_to_month_end() -> None:
    assert assessment_completion_due(at_helsinki_noon(date(2028, 11, 30))) == date(2029, 2, 28)
    assert assessment_completion_due(at_helsinki_noon(date(2027, 11, 30))) == date(2028, 2, 29)


def test_completion_due_clamped_to_sunday_rolls_to_monday() -> None:
    # 2026-11-30 + 3 months = Sun 2027-02-28, moved to Mon 2027-03-01 (150/1930 5 §).
    assert assessment_completion_due(at_helsinki_noon(date(2026, 11, 30))) == date(2027, 3, 1)


def test_completion_due_on_midsummer_eve_rolls_past_midsummer() -> None:
    # 2026-03-19 + 3 months = Midsummer Eve Fri 19.6.; Sat and Sun follow.
    assert assessment_completion_due(at_helsinki_noon(date(2026, 3, 19))) == date(2026, 6, 22)


def test_completion_due_on_good_friday_rolls_past_easter_monday() -> None:
    assert assessment_completion_due(at_helsinki_noon(date(2026, 1, 3))) == date(2026, 4, 7)


def test_completion_due_uses_helsinki_date() -> None:
    received = datetime(2026, 1, 14, 22, 30, tzinfo=UTC)  # 2026-01-15 00:30 in Helsinki
    assert assessment_completion_due(received) == date(2026, 4, 15)


# --- Emergency placement and client plan -----------------------------------------------------


def test_emergency_placement_lasts_30_days_counting_the_day_it_began() -> None:
    # LsL 38 §, KHO:2015:27: the placement's days as the child is placed, the first included.
    assert emergency_placement_expires(date(2026, 3, 1)) == date(2026, 3, 30)


def test_the_case_of_kho_2015_27_lapses_on_its_31st_day() -> None:
    # Placed 11.10.2013: the placement had lapsed on 10.11.2013 (a Sunday), so its last day
    # was 9.11., and an extension decided on Monday 11.11. came too late.
    assert emergency_placement_expires(date(2013, 10, 11)) == date(2013, 11, 9)


def test_emergency_placement_expiry_is_not_rolled_over_holidays() -> None:
    # Its 30th day is Christmas Eve: it ends then, not on the next working day.
    assert emergency_placement_expires(date(2026, 11, 25)) == date(2026, 12, 24)


def test_emergency_placement_extension_adds_30_days() -> None:
    assert emergency_placement_extended_expires(date(2026, 3, 30)) == date(2026, 4, 29)


def test_client_plan_review_due_one_year_later() -> None:
    assert client_plan_review_due_latest(date(2026, 3, 10)) == date(2027, 3, 10)


def test_client_plan_review_from_leap_day_is_feb_28() -> None:
    assert client_plan_review_due_latest(date(2024, 2, 29)) == date(2025, 2, 28)


def test_client_plan_review_on_midsummer_day_rolls_to_monday() -> None:
    assert client_plan_review_due_latest(date(2025, 6, 20)) == date(2026, 6, 22)


# --- Legal parameters ------------------------------------------------------------------------


def test_caseload_cap_drops_from_35_to_30_in_2024() -> None:
    assert CASELOAD_CAP.on(date(2021, 6, 1)) == 35
    assert CASELOAD_CAP.on(date(2023, 12, 31)) == 35
    assert CASELOAD_CAP.on(date(2024, 1, 1)) == 30


def test_aftercare_age_limit_drops_from_25_to_23_in_2024() -> None:
    assert AFTERCARE_AGE_LIMIT.on(date(2019, 12, 31)) == 21
    assert AFTERCARE_AGE_LIMIT.on(date(2020, 1, 1)) == 25
    assert AFTERCARE_AGE_LIMIT.on(date(2023, 12, 31)) == 25
    assert AFTERCARE_AGE_LIMIT.on(date(2024, 1, 1)) == 23


def test_aftercare_years_after_placement_is_five() -> None:
    assert AFTERCARE_YEARS_AFTER_PLACEMENT.on(date(2026, 1, 1)) == 5


def test_legal_parameter_rejects_unordered_dates() -> None:
    with pytest.raises(ValueError):
        LegalParameter("x", ((date(2024, 1, 1), 1), (date(2023, 1, 1), 2)))
    with pytest.raises(ValueError):
        LegalParameter[int]("x", ())


def test_legal_parameter_without_value_in_force_raises() -> None:
    parameter = LegalParameter("x", ((date(2024, 1, 1), 1),))
    with pytest.raises(ValueError):
        parameter.on(date(2023, 12, 31))


# --- Aftercare (LsL 75–76 §) -----------------------------------------------------------------


def test_aftercare_ends_at_23_when_turning_23_after_the_transition() -> None:
    # LsL 75 § 3 mom (HE 56/2023): "viimeistään, kun nuori täyttää 23 vuotta".
    assert aftercare_ends(date(2001, 7, 1), date(2021, 1, 15)) == date(2024, 7, 1)
    assert aftercare_ends(date(2002, 1, 1), date(2021, 1, 15)) == date(2025, 1, 1)


def test_aftercare_turning_23_in_the_first_half_of_2024_lasts_until_30_june() -> None:
    # The transitional provision of HE 56/2023: the right lasts until 30.6.2024.
    assert aftercare_ends(date(2001, 6, 1), date(2021, 1, 15)) == date(2024, 6, 30)
    assert aftercare_ends(date(2001, 1, 1), date(2021, 1, 15)) == date(2024, 6, 30)


def test_aftercare_of_a_23_or_24_year_old_on_1_january_2024_ends_on_30_june_2024() -> None:
    # Not at 25, as the old limit would give: the transition keeps the right until 30.6.2024.
    assert aftercare_ends(date(2000, 6, 1), date(2021, 1, 15)) == date(2024, 6, 30)
    assert aftercare_ends(date(2000, 12, 31), date(2022, 1, 1)) == date(2024, 6, 30)


def test_aftercare_turning_25_before_30_june_2024_ends_at_25() -> None:
    # The transition does not reach those who turn 25 first.
    assert aftercare_ends(date(1999, 3, 1), date(2020, 1, 15)) == date(2024, 3, 1)


def test_aftercare_ended_at_21_before_2020() -> None:
    # 542/2019 raised the limit from 21 to 25 on 1.1.2020, not for rights already ended
    # (HE 71/2019): turned 21 on 1.6.2019 -> ended then; on 1.3.2020 -> the limit of 25.
    assert aftercare_ends(date(1998, 6, 1), date(2016, 6, 1)) == date(2019, 6, 1)
    assert aftercare_ends(date(1999, 3, 1), date(2017, 3, 1)) == date(2022, 3, 1)  # 5 years


def test_aftercare_ends_five_years_after_placement_if_earlier() -> None:
    assert aftercare_ends(date(2005, 3, 10), date(2016, 8, 31)) == date(2021, 8, 31)


def test_aftercare_age_limit_for_leap_day_birth_is_feb_28() -> None:
    assert aftercare_ends(date(2004, 2, 29), date(2024, 2, 29)) == date(2027, 2, 28)


def test_aftercare_rejects_placement_ending_before_birth() -> None:
    with pytest.raises(ValueError):
        aftercare_ends(date(2010, 1, 1), date(2009, 1, 1))


# --- Deadline status -------------------------------------------------------------------------


def test_status_done_on_time_and_late() -> None:
    due = date(2026, 3, 12)
    assert deadline_status(due, date(2026, 4, 1), date(2026, 3, 12)) == "done_on_time"
    assert deadline_status(due, date(2026, 4, 1), date(2026, 3, 13)) == "done_late"


def test_status_overdue_after_due_date() -> None:
    assert deadline_status(date(2026, 3, 12), date(2026, 3, 13), None) == "overdue"


def test_status_due_soon_within_warning_working_days_inclusive() -> None:
    today = date(2026, 3, 2)  # Monday
    assert deadline_status(today, today, None) == DeadlineStatus.DUE_SOON
    assert deadline_status(date(2026, 3, 16), today, None) == "due_soon"  # 10th working day
    assert deadline_status(date(2026, 3, 17), today, None) == "pending"  # 11th working day
    assert deadline_status(date(2026, 3, 5), today, None, warn_working_days=2) == "pending"


def test_status_due_on_weekend_after_last_warning_day_is_due_soon() -> None:
    # Fri 13.3. is the 9th working day from Mon 2.3.; Sun 15.3. still counts 9.
    assert deadline_status(date(2026, 3, 15), date(2026, 3, 2), None, 9) == "due_soon"


# --- Properties ------------------------------------------------------------------------------


@PROPERTY
@given(start=dates, n=st.integers(min_value=1, max_value=400))
def test_add_working_days_lands_on_working_day_after_start(start: date, n: int) -> None:
    result = add_working_days(start, n)
    assert is_working_day(result)
    assert result > start
    assert working_days_between(start, result) == n


@PROPERTY
@given(received_at=aware_datetimes)
def test_decision_due_is_seventh_working_day(received_at: datetime) -> None:
    due = assessment_decision_due(received_at)
    assert is_working_day(due)
    assert working_days_between(helsinki_date(received_at), due) == 7


@PROPERTY
@given(received_at=aware_datetimes)
def test_completion_due_is_working_day_at_least_89_days_later(received_at: datetime) -> None:
    due = assessment_completion_due(received_at)
    assert is_working_day(due)
    assert due >= helsinki_date(received_at) + timedelta(days=89)


@PROPERTY
@given(received_at=aware_datetimes)
def test_any_timezone_gives_same_result_as_helsinki(received_at: datetime) -> None:
    in_helsinki = received_at.astimezone(ZoneInfo("Europe/Helsinki"))
    assert helsinki_date(received_at) == in_helsinki.date()
    assert assessment_decision_due(received_at) == assessment_decision_due(in_helsinki)
    assert assessment_completion_due(received_at) == assessment_completion_due(in_helsinki)


@PROPERTY
@given(received_at=st.datetimes())
def test_naive_datetime_always_raises(received_at: datetime) -> None:
    with pytest.raises(ValueError):
        helsinki_date(received_at)


@PROPERTY
@given(start=dates, end=dates)
def test_working_days_between_is_bounded_by_calendar_days(start: date, end: date) -> None:
    count = working_days_between(start, end)
    assert 0 <= count <= max((end - start).days, 0)
    if end <= start:
        assert count == 0


@PROPERTY
@given(due=dates, today=dates, warn=st.integers(min_value=0, max_value=30))
def test_status_matches_working_day_count(due: date, today: date, warn: int) -> None:
    status = deadline_status(due, today, None, warn)
    if today > due:
        assert status == "overdue"
    elif working_days_between(today, due) <= warn:
        assert status == "due_soon"
    else:
        assert status == "pending"


@PROPERTY
@given(birth=dates, years=st.integers(min_value=0, max_value=30))
def test_aftercare_ends_no_later_than_either_limit(birth: date, years: int) -> None:
    ended = birth + timedelta(days=365 * years)
    result = aftercare_ends(birth, ended)
    assert result <= ended + timedelta(days=5 * 366)
    assert result <= birth + timedelta(days=25 * 366)
    assert result >= min(ended + timedelta(days=5 * 365), birth + timedelta(days=23 * 365))


# --- Service of a decision and the time to appeal (issue 13) --------------------------------


@pytest.mark.parametrize(
    ("sent", "channel", "served"),
    [
        (date(2026, 12, 3), "letter", date(2026, 12, 10)),  # Thursday → Thursday
        (date(2026, 11, 30), "electronic", date(2026, 12, 3)),
        # Deemed received on a Sunday and on Independence Day alike: days, not working days.
        (date(2026, 12, 6), "letter", date(2026, 12, 13)),
        (date(2026, 12, 3), "electronic", date(2026, 12, 6)),
    ],
)
def test_a_decision_is_served_on_the_7th_day_by_letter_and_the_3rd_electronically(
    sent: date, channel: str, served: date
) -> None:
    assert served_on(sent, channel) == served


def test_an_unknown_service_channel_is_refused() -> None:
    with pytest.raises(ValueError, match="letter or electronic"):
        served_on(date(2026, 12, 3), "fax")


@pytest.mark.parametrize(
    ("served", "ends"),
    [
        (date(2026, 11, 3), date(2026, 12, 3)),  # a Thursday: stays
        (date(2026, 12, 10), date(2027, 1, 11)),  # Saturday 9.1. → Monday
        (date(2026, 12, 7), date(2027, 1, 7)),  # Epiphany, Wednesday 6.1. → Thursday
        (date(2026, 11, 24), date(2026, 12, 28)),  # Christmas Eve → Monday after Christmas
        (date(2027, 5, 26), date(2027, 6, 28)),  # Midsummer Eve 25.6. → Monday
        (date(2026, 11, 6), date(2026, 12, 7)),  # Independence Day, Sunday 6.12. → Monday
    ],
)
def test_the_appeal_period_ends_30_days_after_service_or_the_next_working_day(
    served: date, ends: date
) -> None:
    assert appeal_ends(served) == ends


def test_a_letter_sent_before_christmas_can_be_appealed_until_the_date_shown() -> None:
    # Sent Thursday 3.12.2026, deemed received Thursday 10.12., 30 days end Saturday 9.1.2027.
    assert appeal_ends(served_on(date(2026, 12, 3), "letter")) == date(2027, 1, 11)


def test_an_appeal_period_ending_on_the_saturday_before_christmas_ends_five_days_late() -> None:
    # 30 days from Thursday 22.11.2029 is Saturday 22.12.; Sunday, Christmas Eve, Christmas
    # Day and Boxing Day follow: the first working day is Thursday 27.12. (150/1930 5 §).
    assert appeal_ends(date(2029, 11, 22)) == date(2029, 12, 27)


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2040, 12, 31)))
@settings(max_examples=300, deadline=None)
def test_the_appeal_period_always_ends_on_a_working_day_at_most_five_days_late(
    served: date,
) -> None:
    # Five at Christmas (a Saturday, then Sunday and 24.-26.12.), four at Easter at most.
    ends = appeal_ends(served)
    assert is_working_day(ends)
    assert timedelta(days=30) <= ends - served <= timedelta(days=35)
