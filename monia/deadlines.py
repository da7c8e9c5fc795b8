"""Statutory deadlines for child welfare casework (pure Python: no Django).

Sources: Child Welfare Act 417/2007 (lastensuojelulaki, "LsL"), Social Welfare Act 1301/2014
(sosiaalihuoltolaki, "SHL") and the Act on Calculating Statutory Time Limits 150/1930
(laki säädettyjen määräaikain laskemisesta). All deadlines are computed on Europe/Helsinki
calendar dates, never on UTC dates.
"""

from __future__ import annotations

import calendar
import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from typing import Generic, Protocol, TypeVar
from zoneinfo import ZoneInfo

import holidays

HELSINKI = ZoneInfo("Europe/Helsinki")

T = TypeVar("T")


# --- Calendar --------------------------------------------------------------------------------


@cache
def _holidays(year: int) -> frozenset[date]:
    """Finnish public holidays of one year, including Midsummer Eve and Christmas Eve."""
    return frozenset(holidays.country_holidays("FI", years=year).keys())


def is_working_day(d: date) -> bool:
    """Return True if ``d`` is a working day (arkipäivä).

    Saturdays, Sundays and Finnish public holidays are not working days. Midsummer Eve and
    Christmas Eve count as holidays, as they do for time limits under 150/1930 5 §.
    """
    return d.weekday() < 5 and d not in _holidays(d.year)


@lru_cache(maxsize=4096)
def add_working_days(start: date, n: int) -> date:
    """Return the ``n``-th working day after ``start``; ``start`` itself is never counted.

    Day 1 is the first working day after ``start``. ``n == 0`` returns ``start`` unchanged.
    Remembered (the answer never changes): a dashboard asks the same "ten working days from
    today" for every row it shows.
    """
    if n < 0:
        raise ValueError("n must be non-negative")
    current = start
    remaining = n
    while remaining:
        current += timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def working_days_between(start: date, end: date) -> int:
    """Count working days after ``start`` up to and including ``end`` (0 if end <= start)."""
    count = 0
    current = start + timedelta(days=1)
    while current <= end:
        count += is_working_day(current)
        current += timedelta(days=1)
    return count


def helsinki_date(dt: datetime) -> date:
    """Return the Europe/Helsinki calendar date of an aware datetime; naive raises ValueError."""
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError("naive datetime: a timezone-aware datetime is required")
    return dt.astimezone(HELSINKI).date()


def _add_months(d: date, months: int) -> date:
    """Add calendar months; a missing day becomes the month's last day (150/1930 3 §)."""
    index = d.month - 1 + months
    year, month = d.year + index // 12, index % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def add_years(d: date, years: int) -> date:
    """``years`` calendar years on; 29 February becomes 28 February (150/1930 3 §)."""
    return _add_months(d, 12 * years)


def _roll_to_working_day(d: date) -> date:
    """Move a deadline falling on a Saturday, Sunday or public holiday to the next working day.

    Follows 150/1930 5 §: if the last day of a time limit for an act is a public holiday,
    Independence Day, May Day, Christmas Eve, Midsummer Eve or a Saturday, the act may be
    done on the next working day. Used for calendar-day, month and year deadlines.
    """
    while not is_working_day(d):
        d += timedelta(days=1)
    return d


# --- Assessment of the need for services -----------------------------------------------------


def assessment_decision_due(received_at: datetime) -> date:
    """Last day to decide whether to start a service-needs assessment (LsL 26 § 3 mom).

    The social worker decides by the 7th working day after the matter became pending
    (palvelutarpeen arviointi). The receipt day is not counted: a notification received on a
    Tuesday with no holidays is due on the following week's Thursday (THL worked example).
    """
    return add_working_days(helsinki_date(received_at), 7)


def urgency_assessment_due(received_at: datetime) -> date:
    """Last day to record the immediate urgency assessment (LsL 26 §): Monia's rule.

    The Act says "immediately" (välittömästi) and sets no day. Monia's rule, named so a
    supervisor can see it: the assessment is recorded by the end of the next working day
    after receipt; an intake still unassessed after that is an exception. Received on a
    Friday 2026-03-06 -> due Monday 2026-03-09; received on Maundy Thursday 2026-04-02 ->
    Good Friday and Easter Monday are holidays -> due Tuesday 2026-04-07.
    """
    return add_working_days(helsinki_date(received_at), 1)


def assessment_completion_due(received_at: datetime) -> date:
    """Last day to complete the service-needs assessment: 3 months from receipt (SHL 36 §).

    Counted in calendar months from the date the matter became pending (vireilletulo):
    2026-01-15 -> 2026-04-15; a missing day becomes the month's last day (2028-11-30 ->
    2029-02-28). A result on a Saturday, Sunday or public holiday moves to the next working
    day under 150/1930 5 § (so 2026-11-30 -> Sun 2027-02-28 -> Mon 2027-03-01).
    """
    return _roll_to_working_day(_add_months(helsinki_date(received_at), 3))


# --- Emergency placement and client plan -----------------------------------------------------

# An emergency placement (kiireellinen sijoitus) lasts at most 30 days (LsL 38 §), counted as
# the days the child is actually placed: the day it began is the first, and no weekend or
# holiday moves the end, because the act on computing time limits (150/1930) does not apply
# to it (KHO:2015:27: placed 11.10.2013, the placement had lapsed on 10.11.2013, and an
# extension decided on 11.11. was annulled). ``expires_on`` is the placement's last day; an
# extension must be decided by then.
EMERGENCY_PLACEMENT_DAYS = 30


def emergency_placement_expires(start: date) -> date:
    """The last day of an emergency placement: the 30th day, the day it began counted as the
    first (LsL 38 §, KHO:2015:27). It has lapsed on the day after."""
    return start + timedelta(days=EMERGENCY_PLACEMENT_DAYS - 1)


def emergency_placement_extended_expires(original_expiry: date) -> date:
    """The last day after the single extension of at most 30 days (LsL 38 a §): the 30 days
    that follow the placement's original last day."""
    return original_expiry + timedelta(days=EMERGENCY_PLACEMENT_DAYS)


def client_plan_review_due_latest(approved_on: date) -> date:
    """Latest review date of a client plan (asiakassuunnitelma): one year on (LsL 30 §).

    Feb 29 becomes Feb 28. Like other calendar deadlines for an act, a result on a Saturday,
    Sunday or public holiday moves to the next working day (150/1930 5 §).
    """
    return _roll_to_working_day(_add_months(approved_on, 12))


# --- Legal parameters with effective dates ---------------------------------------------------


@dataclass(frozen=True)
class LegalParameter(Generic[T]):
    """A legal parameter whose value changes on effective dates (oldest first)."""

    name: str
    values: tuple[tuple[date, T], ...]

    def __post_init__(self) -> None:
        starts = [start for start, _ in self.values]
        if not starts or starts != sorted(set(starts)):
            raise ValueError(f"{self.name}: effective dates must be strictly increasing")

    def on(self, d: date) -> T:
        """Return the value in force on date ``d``."""
        in_force = [value for start, value in self.values if start <= d]
        if not in_force:
            raise ValueError(f"{self.name}: no value in force on {d.isoformat()}")
        return in_force[-1]


# LsL 75 § 3 mom: aftercare ends at 21 until 2019, at 25 from 1.1.2020 (542/2019; not for
# those whose right had ended before then, HE 71/2019), at 23 from 1.1.2024 (HE 56/2023).
AFTERCARE_AGE_LIMIT: LegalParameter[int] = LegalParameter(
    "aftercare_age_limit", ((date.min, 21), (date(2020, 1, 1), 25), (date(2024, 1, 1), 23))
)
# The transitional provision of the 2024 amendment (HE 56/2023): a young person whose right
# the limit of 23 would end before 30.6.2024 (23 or 24 on 1.1.2024, or turning 23 before
# 30.6.2024) keeps it until 30.6.2024, unless they turn 25 first. [U] Read in the bill and
# in Hyvil's and the Ombudsman for Children's summaries; the Finlex text was not reached.
AFTERCARE_TRANSITION_FROM = date(2024, 1, 1)
AFTERCARE_TRANSITION_UNTIL = date(2024, 6, 30)
# LsL 75 § 1 mom: a placement as a support measure (37 §) gives a right to aftercare when the
# child was placed alone and it lasted at least six months (the first condition is the
# measure's support_placement_type: casework.measure_selectors.last_placement_ended).
AFTERCARE_SUPPORT_PLACEMENT_MONTHS = 6
# LsL 13 b § (HE 170/2021): children per responsible social worker; 35 also before 2022.
CASELOAD_CAP: LegalParameter[int] = LegalParameter(
    "caseload_cap", ((date.min, 35), (date(2022, 1, 1), 35), (date(2024, 1, 1), 30))
)
# LsL 75 § 3 mom: aftercare ends at the latest 5 years after the last placement ended.
AFTERCARE_YEARS_AFTER_PLACEMENT: LegalParameter[int] = LegalParameter(
    "aftercare_years_after_placement", ((date.min, 5),)
)


# --- Aftercare --------------------------------------------------------------------------------


def _aftercare_age_limit_birthday(birth_date: date) -> date:
    # The limit is the one in force on the birthday itself: candidate ages are the limits
    # in the schedule, lowest first; the duty ends on the first candidate birthday A on
    # which the limit in force is <= A. Turned 21 before 2020 -> ended at 21 (HE 71/2019);
    # turning 23 on/after 2024-01-01 -> ends at 23; else at 25. Then the 2024 transition:
    # an end at 23 before 30.6.2024, or at 25 after 1.1.2024, moves to 30.6.2024 at most.
    # Feb 29 birthdays fall on Feb 28 (150/1930 3 §) [U: Monia's reading for an age].
    ages = sorted({age for _, age in AFTERCARE_AGE_LIMIT.values})
    ends = _add_months(birth_date, 12 * ages[-1])
    for age in ages[:-1]:
        birthday = _add_months(birth_date, 12 * age)
        if AFTERCARE_AGE_LIMIT.on(birthday) <= age:
            ends = birthday
            break
    if ends >= AFTERCARE_TRANSITION_FROM and _add_months(birth_date, 12 * 23) < (
        AFTERCARE_TRANSITION_UNTIL
    ):
        return min(_add_months(birth_date, 12 * 25), AFTERCARE_TRANSITION_UNTIL)
    return ends


def support_placement_gives_aftercare(started_on: date, ended_on: date) -> bool:
    """Whether a placement as a support measure (LsL 37 §) gives a right to aftercare: it
    "lasted at least six months" (LsL 75 § 1 mom), counted as a period of months (150/1930
    3 §): placed 15.1., ended on 15.7. or later."""
    return ended_on >= _add_months(started_on, AFTERCARE_SUPPORT_PLACEMENT_MONTHS)


def aftercare_ends(birth_date: date, last_placement_ended: date) -> date:
    """Day the duty to arrange aftercare (jälkihuolto) ends (LsL 75–76 §).

    The earlier of (a) the birthday on which the young person reaches the aftercare age limit
    (see ``AFTERCARE_AGE_LIMIT``; the limit in force on that birthday applies, and the 2024
    transition keeps a right the new limit would end earlier until 30.6.2024) and (b) five
    years after the last placement ended. Not rolled to a working day: it ends a duty, it is
    not a time limit for an act.
    """
    if last_placement_ended < birth_date:
        raise ValueError("last_placement_ended is before birth_date")
    years = AFTERCARE_YEARS_AFTER_PLACEMENT.on(last_placement_ended)
    period_end = _add_months(last_placement_ended, 12 * years)
    return min(_aftercare_age_limit_birthday(birth_date), period_end)


# --- Service of a decision and the time to appeal --------------------------------------------

# Days after sending on which a decision is deemed received unless shown otherwise: an
# ordinary letter on the 7th day (HL 434/2003 59 § 2 mom), an electronic message on the 3rd
# (HL 59 b § 2 mom). Not moved for weekends or holidays: the law counts calendar days.
SERVICE_DAYS = {"letter": 7, "electronic": 3}
# Days to request a correction or to appeal, from the day after service (HL 49 c §, the
# Administrative Judicial Procedure Act 808/2019 13 §).
APPEAL_DAYS = 30


def served_on(sent: date, channel: str) -> date:
    """The day a decision sent on ``sent`` is deemed received: ``channel`` is ``"letter"``
    (the 7th day after sending) or ``"electronic"`` (the 3rd)."""
    try:
        days = SERVICE_DAYS[channel]
    except KeyError:
        raise ValueError(f"unknown service channel {channel!r}: letter or electronic") from None
    return sent + timedelta(days=days)


def appeal_ends(served: date) -> date:
    """The last day to request a correction or appeal a decision served on ``served``: 30
    days, the day of service not counted, moved to the next working day when the last day is
    a Saturday, Sunday, public holiday, Midsummer Eve or Christmas Eve (150/1930 5 §)."""
    return _roll_to_working_day(served + timedelta(days=APPEAL_DAYS))


class Service(Protocol):
    """A recorded service of a decision to one party, as the appeal rule reads it: the day
    it counts as received and the last day of the period that day would start."""

    @property
    def served_on(self) -> date: ...

    @property
    def appeal_ends(self) -> date: ...


S = TypeVar("S", bound=Service)


def first_service(services: Iterable[S]) -> S | None:
    """The service a party's time to appeal runs from: the one by which they first received
    the decision (tiedoksisaanti, HL 59 §; 808/2019 13 §). Serving the decision to the same
    party again — sent a second time, or handed over after a letter — does not start the 30
    days again. The earliest receipt wins, not the earliest sending: a decision handed over
    on the 3rd after a letter sent on the 1st (deemed received on the 8th) was received on
    the 3rd."""
    return min(services, key=lambda s: (s.served_on, s.appeal_ends), default=None)


@dataclass(frozen=True)
class AppealPeriods:
    """Where a decision's appeal periods stand. ``unserved``: parties who may appeal and
    have not been served (their time has not begun); ``until``: the last day of the latest
    party's own period, each party's counted from their first service. The decision stays
    open to appeal — not final (lainvoimainen) — while anyone is unserved or until then."""

    unserved: int
    until: date | None

    def open_on(self, today: date) -> bool:
        return self.unserved > 0 or (self.until is not None and self.until >= today)


def appeal_periods(parties: Iterable[Iterable[S]]) -> AppealPeriods:
    """``parties``: for each party who may appeal, the services recorded to them.

    Two guardians, one handed the decision on Monday 2.3.2026 (period ends Wednesday 1.4.),
    the other sent a letter on 2.3. (received 9.3., ends Wednesday 8.4.) and handed it
    again on 16.3.: open until 8.4., not until the second service's 15.4."""
    firsts = [first_service(services) for services in parties]
    return AppealPeriods(
        unserved=sum(1 for f in firsts if f is None),
        until=max((f.appeal_ends for f in firsts if f is not None), default=None),
    )


# --- Status -----------------------------------------------------------------------------------


class DeadlineStatus(enum.StrEnum):
    """Status of a deadline; members compare equal to their string values."""

    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    PENDING = "pending"


def deadline_status(
    due: date, today: date, done_on: date | None, warn_working_days: int = 10
) -> DeadlineStatus:
    """Classify a deadline.

    Done tasks are on time if ``done_on <= due``. Open tasks are overdue after ``due``, due
    soon if ``due`` is within ``warn_working_days`` working days from ``today`` (inclusive;
    ``due == today`` is due soon), otherwise pending.
    """
    if warn_working_days < 0:
        raise ValueError("warn_working_days must be non-negative")
    if done_on is not None:
        return DeadlineStatus.DONE_ON_TIME if done_on <= due else DeadlineStatus.DONE_LATE
    if today > due:
        return DeadlineStatus.OVERDUE
    # Equivalent to working_days_between(today, due) <= warn, without walking to a far due.
    if due < add_working_days(today, warn_working_days + 1):
        return DeadlineStatus.DUE_SOON
    return DeadlineStatus.PENDING
