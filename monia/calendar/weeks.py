"""ISO weeks as the calendar page names them (``2026-W49``): pure, no Django."""

from __future__ import annotations

import datetime
import re

_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})$")


def monday_of(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def week_of(value: str | None, *, today: datetime.date) -> datetime.date:
    """The Monday of the ISO week ``value`` names; this week's for no value or one that
    names no week (a typing error lands on the current week, never on an error page).

    >>> week_of("2026-W49", today=datetime.date(2026, 1, 1))
    datetime.date(2026, 11, 30)
    >>> week_of("2026-W99", today=datetime.date(2026, 1, 7))
    datetime.date(2026, 1, 5)
    """
    match = _WEEK.match((value or "").strip())
    if match:
        try:
            return datetime.date.fromisocalendar(int(match[1]), int(match[2]), 1)
        except ValueError:
            pass
    return monday_of(today)


def week_name(monday: datetime.date) -> str:
    """``2026-W49``: the page's address for the week beginning ``monday``."""
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"
