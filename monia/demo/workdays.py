"""The demo's working days: what a team does at the office — a meeting, a decision, a
completed assessment, a home visit — falls on a Finnish working day (``monia.deadlines``'s
calendar), not on a Saturday, a Sunday or a public holiday, whatever weekday the demo is
loaded on. Notifications, emergency placements and a family's answers keep their own
days: they come when they come.

No randomness: a day is moved, never drawn again, so the seed's other choices stay.
"""

from __future__ import annotations

import datetime

from monia import deadlines

DAY = datetime.timedelta(days=1)


def on_or_before(day: datetime.date) -> datetime.date:
    """``day`` if a working day, else the last working day before it."""
    while not deadlines.is_working_day(day):
        day -= DAY
    return day


def on_or_after(day: datetime.date) -> datetime.date:
    """``day`` if a working day, else the first working day after it."""
    while not deadlines.is_working_day(day):
        day += DAY
    return day


def within(
    day: datetime.date, *, not_before: datetime.date, not_after: datetime.date
) -> datetime.date:
    """``day``, or the nearest working day before it down to ``not_before``, or else the
    nearest after it up to ``not_after`` (what a step follows stays before it, and nothing
    moves past the demo's today); ``day`` itself when the span has no working day."""
    earlier = day
    while earlier >= not_before:
        if deadlines.is_working_day(earlier):
            return earlier
        earlier -= DAY
    later = day + DAY
    while later <= not_after:
        if deadlines.is_working_day(later):
            return later
        later += DAY
    return day


def meeting_day(today: datetime.date) -> datetime.date:
    """The day of the team's weekly meeting in the week the demo is loaded: today, or the
    last working day before it when the demo is loaded on a weekend or a holiday."""
    return on_or_before(today)
