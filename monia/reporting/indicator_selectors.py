"""The projects' development indicators (LUMO, Pohjois-Suomi; domain brief §3), per month
for the last twelve months, over the county's or one team's cases. Each row keeps the
cases behind it so that the page can open them. A fixed number of queries (the caseload
history, ``casework.selectors.caseload_series``, two a month) whatever the data.

The "Were you heard?" scores and My voice use are ``voice.selectors.participation_by_month``
on their own page (``participation_indicators``): monia.voice sits above this app."""

from __future__ import annotations

import datetime
import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, QuerySet

from monia import deadlines
from monia.casework import selectors as case_selectors
from monia.casework.models import Case, Sector, ServiceNeedsAssessment
from monia.consult.models import Consultation
from monia.contrib.models import ContributionRequest
from monia.netmeet.models import InviteeRole, MeetingStatus, NetworkMeeting, NetworkMeetingInvitee
from monia.network import referral_selectors
from monia.network.models import Referral
from monia.reporting.access import Scope

MONTHS = 12
# The needs of the Pohjois-Suomi goal: support from child psychiatry or from mental-health
# and substance services (the sector of the organisation the child was referred to).
NEED_SECTORS = (Sector.CHILD_PSYCHIATRY, Sector.MENTAL_HEALTH_SUBSTANCE)


def median(values: Sequence[int]) -> float | None:
    """The middle value; with an even count the mean of the two middle ones."""
    return float(statistics.median(values)) if values else None


def percentile(values: Sequence[int], q: int) -> int | None:
    """The nearest-rank percentile: the smallest value with at least ``q`` % of the values
    at or below it (90th of 1..10 is 9; of 1..11 is 10). Always one of the values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(math.ceil(q * len(ordered) / 100), 1) - 1]


def share(hits: int, total: int) -> int | None:
    """Per cent, rounded half up; None when nothing was counted."""
    return math.floor(100 * hits / total + 0.5) if total else None


def month_starts(today: datetime.date, months: int = MONTHS) -> list[datetime.date]:
    """The first days of the last ``months`` months, this month last."""
    firsts = [today.replace(day=1)]
    for _ in range(months - 1):
        firsts.insert(0, (firsts[0] - datetime.timedelta(days=1)).replace(day=1))
    return firsts


def _month(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


@dataclass
class ShareRow:
    """One month of a yes/no indicator: how many were counted, how many said yes."""

    month: datetime.date
    total: int = 0
    hits: int = 0
    case_ids: set[int] = field(default_factory=set)
    miss_ids: set[int] = field(default_factory=set)  # the children of the "no" answers

    @property
    def share(self) -> int | None:
        return share(self.hits, self.total)

    @property
    def misses(self) -> int:
        return self.total - self.hits


@dataclass
class SupportRow(ShareRow):
    """One month of time to support: the days of each referral whose first support came
    that month; ``hits`` are those within the target."""

    days: list[int] = field(default_factory=list)

    @property
    def median(self) -> float | None:
        return median(self.days)

    @property
    def p90(self) -> int | None:
        return percentile(self.days, 90)


@dataclass(frozen=True)
class CaseloadRow:
    month_end: datetime.date
    workers: int  # designated social workers with at least one client child
    over_cap: int
    largest: int
    cap: int


@dataclass(frozen=True)
class Indicators:
    months: list[datetime.date]
    target_days: int
    support: list[SupportRow]
    contributions: list[ShareRow]
    meetings: list[ShareRow]
    consultations: list[ShareRow]
    caseload: list[CaseloadRow]


def scope_cases(scope: Scope) -> QuerySet[Case]:
    cases = Case.objects.filter(county=scope.county)
    return cases if scope.team is None else cases.filter(team=scope.team)


def indicators(scope: Scope, *, today: datetime.date) -> Indicators:
    months = month_starts(today)
    cases = scope_cases(scope)
    return Indicators(
        months=months,
        target_days=referral_selectors.target_days(),
        support=support_rows(cases, months),
        contributions=contribution_rows(cases, months),
        meetings=meeting_rows(cases, months),
        consultations=consultation_rows(cases, months, today),
        caseload=caseload_rows(scope, today),
    )


def figure_rows(scope: Scope, figure: str, *, today: datetime.date) -> list[ShareRow]:
    """One indicator's rows only (for the list of children behind one of its figures)."""
    months = month_starts(today)
    cases = scope_cases(scope)
    if figure == "support":
        return list(support_rows(cases, months))
    if figure == "contributions":
        return contribution_rows(cases, months)
    if figure == "meetings":
        return meeting_rows(cases, months)
    if figure == "consultations":
        return consultation_rows(cases, months, today)
    raise KeyError(figure)


def _window(months: list[datetime.date]) -> tuple[datetime.datetime, datetime.datetime]:
    """The months as Helsinki instants: from the first month's first midnight to the next
    month's after the last."""
    end = (months[-1] + datetime.timedelta(days=32)).replace(day=1)
    return (
        datetime.datetime.combine(months[0], datetime.time(), tzinfo=deadlines.HELSINKI),
        datetime.datetime.combine(end, datetime.time(), tzinfo=deadlines.HELSINKI),
    )


def _add(
    rows: Mapping[datetime.date, ShareRow], day: datetime.date, case_id: int, hit: bool
) -> None:
    row = rows.get(_month(day))
    if row is None:
        return
    row.total += 1
    row.hits += hit
    row.case_ids.add(case_id)
    if not hit:
        row.miss_ids.add(case_id)


def support_rows(cases: QuerySet[Case], months: list[datetime.date]) -> list[SupportRow]:
    """Referrals to child psychiatry or mental-health and substance services whose first
    support came in the month (Helsinki date): days from the need identified to it."""
    start, end = _window(months)
    rows = {m: SupportRow(m) for m in months}
    target = referral_selectors.target_days()
    referrals = Referral.objects.filter(
        case__in=cases,
        organisation__sector__in=NEED_SECTORS,
        first_contact_at__gte=start,
        first_contact_at__lt=end,
    ).only("case_id", "need_identified_on", "first_contact_at")
    for r in referrals:
        days = referral_selectors.time_to_support(r)
        assert days is not None and r.first_contact_at is not None
        row = rows[_month(deadlines.helsinki_date(r.first_contact_at))]
        row.days.append(days)
        _add(rows, row.month, r.case_id, days <= target)
    return list(rows.values())


def contribution_rows(cases: QuerySet[Case], months: list[datetime.date]) -> list[ShareRow]:
    """Service-needs assessments completed in the month; yes: at least one partner's
    statement was submitted to it."""
    rows = {m: ShareRow(m) for m in months}
    submitted = ContributionRequest.objects.filter(
        assessment=OuterRef("pk"), submitted_at__isnull=False
    )
    found = (
        ServiceNeedsAssessment.objects.filter(
            case__in=cases, completed_on__gte=months[0], completed_on__lte=_last_day(months)
        )
        .annotate(with_partners=Exists(submitted))
        .values_list("case_id", "completed_on", "with_partners")
    )
    for case_id, completed_on, with_partners in found:
        assert completed_on is not None  # filtered on it
        _add(rows, completed_on, case_id, with_partners)
    return list(rows.values())


def meeting_rows(cases: QuerySet[Case], months: list[datetime.date]) -> list[ShareRow]:
    """Network meetings recorded as held in the month; yes: the child or a guardian is
    recorded as attending."""
    start, end = _window(months)
    rows = {m: ShareRow(m) for m in months}
    family = NetworkMeetingInvitee.objects.filter(
        meeting=OuterRef("pk"),
        role__in=[InviteeRole.CHILD, InviteeRole.GUARDIAN],
        attends=True,
    )
    found = (
        NetworkMeeting.objects.filter(
            case__in=cases, status=MeetingStatus.HELD, held_at__gte=start, held_at__lt=end
        )
        .annotate(family_present=Exists(family))
        .values_list("case_id", "held_at", "family_present")
    )
    for case_id, held_at, present in found:
        _add(rows, deadlines.helsinki_date(held_at), case_id, present)
    return list(rows.values())


def consultation_rows(
    cases: QuerySet[Case], months: list[datetime.date], today: datetime.date
) -> list[ShareRow]:
    """Consultations whose answer was due in the month, once answered or past due; yes:
    answered on or before the due day (Helsinki date)."""
    rows = {m: ShareRow(m) for m in months}
    found = Consultation.objects.filter(
        case__in=cases, answer_due__gte=months[0], answer_due__lte=_last_day(months)
    ).values_list("case_id", "answer_due", "answered_at")
    for case_id, due, answered_at in found:
        answered = deadlines.helsinki_date(answered_at) if answered_at else None
        if answered is None and due >= today:
            continue  # not late yet: not counted
        _add(rows, due, case_id, answered is not None and answered <= due)
    return list(rows.values())


def caseload_rows(scope: Scope, today: datetime.date) -> list[CaseloadRow]:
    """At each month's end (this month: today), the caseloads of ``casework.selectors``."""
    team_id = scope.team.pk if scope.team else None
    series = case_selectors.caseload_series(
        county_id=scope.county.pk, until=today, months=MONTHS, team_id=team_id
    )
    rows = []
    for i, day in enumerate(series.dates):
        loads = [series.children[w.pk][i] for w in series.workers]
        rows.append(
            CaseloadRow(
                month_end=day,
                workers=sum(1 for n in loads if n > 0),
                over_cap=sum(1 for n in loads if n > series.caps[i]),
                largest=max(loads, default=0),
                cap=series.caps[i],
            )
        )
    return rows


def _last_day(months: list[datetime.date]) -> datetime.date:
    return (months[-1] + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
