"""When a job is due: the latest slot at or before now, on Helsinki's clock."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monia.jobs.registry import Daily, Every, Monthly, Weekly

HKI = ZoneInfo("Europe/Helsinki")
T = datetime.time


def at(*args: int) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=HKI)  # type: ignore[misc]


def test_daily_is_due_today_after_its_time_and_yesterday_before_it() -> None:
    assert Daily(T(5, 0)).last_slot(at(2026, 3, 10, 5, 0)) == at(2026, 3, 10, 5, 0)
    assert Daily(T(5, 0)).last_slot(at(2026, 3, 10, 4, 59)) == at(2026, 3, 9, 5, 0)


def test_daily_follows_helsinki_summer_time() -> None:
    winter = Daily(T(5, 0)).last_slot(at(2026, 1, 15, 12))
    summer = Daily(T(5, 0)).last_slot(at(2026, 7, 15, 12))
    assert winter.astimezone(datetime.UTC).hour == 3
    assert summer.astimezone(datetime.UTC).hour == 2


def test_every_n_minutes_falls_on_the_clocks_multiples() -> None:
    assert Every(15).last_slot(at(2026, 3, 10, 10, 44, 59)) == at(2026, 3, 10, 10, 30)


def test_weekly_and_monthly_step_back_to_their_day() -> None:
    sunday_2am = Weekly(6, T(2, 0))
    assert sunday_2am.last_slot(at(2026, 3, 11, 12)) == at(2026, 3, 8, 2)  # a Wednesday
    assert sunday_2am.last_slot(at(2026, 3, 8, 1)) == at(2026, 3, 1, 2)
    first = Monthly(1, T(2, 0))
    assert first.last_slot(at(2026, 3, 1, 1)) == at(2026, 2, 1, 2)
    assert first.last_slot(at(2026, 1, 1, 1)) == at(2025, 12, 1, 2)
    assert first.last_slot(at(2026, 3, 20)) == at(2026, 3, 1, 2)


def test_impossible_schedules_are_refused() -> None:
    for make in (lambda: Every(0), lambda: Weekly(7, T(1)), lambda: Monthly(29, T(1))):
        with pytest.raises(ValueError):
            make()


NOW = st.datetimes(
    min_value=datetime.datetime(2000, 1, 1), max_value=datetime.datetime(2099, 12, 31)
).map(lambda d: d.replace(tzinfo=datetime.UTC))
WHEN = st.one_of(
    st.builds(Every, st.integers(1, 1440)),
    st.builds(Daily, st.times()),
    st.builds(Weekly, st.integers(0, 6), st.times()),
    st.builds(Monthly, st.integers(1, 28), st.times()),
)
LONGEST = {Every: 1, Daily: 2, Weekly: 8, Monthly: 32}  # days, with a DST hour to spare


@settings(deadline=None, database=None)  # a loaded machine is not a wrong answer
@given(when=WHEN, now=NOW)
def test_the_slot_is_the_latest_at_or_before_now_and_stable(when: object, now: object) -> None:
    """Every scheduler computes the same slot for the same moment, at or before it, within
    one period, and the slot is its own slot (so a late tick finds the same one)."""
    slot = when.last_slot(now)  # type: ignore[attr-defined]
    assert slot <= now  # type: ignore[operator]
    assert now - slot < datetime.timedelta(days=LONGEST[type(when)])  # type: ignore[operator]
    assert when.last_slot(slot) == slot  # type: ignore[attr-defined]
