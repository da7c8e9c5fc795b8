"""The yearly child welfare statistics (THL, Lastensuojelu) counted from the record: each
figure is a condition on a county's cases, so one aggregate query counts all of them and the
same condition lists the children behind any one (``figure_cases``). docs/statistics.md
states every rule.

Children are counted once (distinct persons), whatever number of cases they had. The year
runs from 1.1. to 31.12.; notifications by the Europe/Helsinki day they arrived.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from monia.casework.models import (
    CareForm,
    Case,
    Channel,
    ClientRelationship,
    Intake,
    IntakeKind,
    Measure,
    MeasureKind,
)
from monia.deadlines import HELSINKI

# THL's age groups of the community-care (avohuolto) clients: age on 31.12. of the year;
# 18–20 are young adults in aftercare. Monia adds "21 and over" so that no aftercare client
# drops out (aftercare runs to 23, to 25 before 2024) and "unknown" for a missing birth date.
AGE_GROUPS: tuple[tuple[str, int, int | None], ...] = (
    ("0-2", 0, 2),
    ("3-6", 3, 6),
    ("7-12", 7, 12),
    ("13-15", 13, 15),
    ("16-17", 16, 17),
    ("18-20", 18, 20),
    ("21-", 21, None),
)
PLACED_KINDS = (
    MeasureKind.PLACEMENT_AS_SUPPORT,
    MeasureKind.EMERGENCY_PLACEMENT,
    MeasureKind.CARE_ORDER,
    MeasureKind.SUBSTITUTE_CARE,
)
FORMS = (*CareForm.values, "")  # "": the placement's form is not recorded


def _years_before(day: datetime.date, years: int) -> datetime.date:
    return day.replace(year=day.year - years)  # day is 31.12.: always valid


@dataclass(frozen=True)
class _Year:
    year: int

    @property
    def start(self) -> datetime.date:
        return datetime.date(self.year, 1, 1)

    @property
    def end(self) -> datetime.date:
        return datetime.date(self.year, 12, 31)

    def measures(self, *kinds: str) -> Any:
        return Measure.objects.filter(case=OuterRef("pk"), kind__in=kinds)

    def during(self, *kinds: str) -> Exists:
        return Exists(
            self.measures(*kinds).filter(
                Q(ended_on__isnull=True) | Q(ended_on__gte=self.start), started_on__lte=self.end
            )
        )

    def started(self, *kinds: str) -> Exists:
        return Exists(self.measures(*kinds).filter(started_on__range=(self.start, self.end)))

    def at_end(self, *kinds: str) -> Exists:
        return Exists(
            self.measures(*kinds).filter(
                Q(ended_on__isnull=True) | Q(ended_on__gte=self.end), started_on__lte=self.end
            )
        )

    def notifications(self) -> Any:
        start = datetime.datetime(self.year, 1, 1, tzinfo=HELSINKI)
        end = datetime.datetime(self.year + 1, 1, 1, tzinfo=HELSINKI)
        return Intake.objects.filter(
            kind=IntakeKind.NOTIFICATION, received_at__gte=start, received_at__lt=end
        )

    def client(self) -> Exists:
        return Exists(
            ClientRelationship.objects.filter(
                Q(closed_on__isnull=True) | Q(closed_on__gte=self.start),
                case=OuterRef("pk"),
                opened_on__lte=self.end,
            )
        )

    def client_last_year(self) -> Exists:
        """The child (any case of theirs) was a client at some time in the year before."""
        return Exists(
            ClientRelationship.objects.filter(
                Q(closed_on__isnull=True)
                | Q(closed_on__gte=self.start.replace(year=self.year - 1)),
                case__child_id=OuterRef("child_id"),
                opened_on__lt=self.start,
            )
        )

    def age_group(self, low: int, high: int | None) -> Q:
        """Aged ``low``–``high`` on 31.12. (born in the window that gives those ages)."""
        q = Q(child__birth_date__lte=_years_before(self.end, low))
        if high is not None:
            q &= Q(child__birth_date__gt=_years_before(self.end, high + 1))
        return q


def conditions(year: int) -> dict[str, Q]:
    """figure key -> the condition on a case that puts its child behind the figure."""
    y = _Year(year)
    client = Q(y.client())
    new = client & ~Q(y.client_last_year())
    out: dict[str, Q] = {
        "notified": Q(Exists(y.notifications().filter(case=OuterRef("pk")))),
        "community_all": client,
        "community_new": new,
        "emergency": Q(y.started(MeasureKind.EMERGENCY_PLACEMENT)),
        "care_order_new": Q(y.started(MeasureKind.CARE_ORDER)),
        "in_care_year": Q(y.during(MeasureKind.CARE_ORDER)),
        "in_care_end": Q(y.at_end(MeasureKind.CARE_ORDER)),
        "placed_year": Q(y.during(*PLACED_KINDS)),
        "placed_end": Q(y.at_end(*PLACED_KINDS)),
        "aftercare": Q(y.during(MeasureKind.AFTERCARE)),
    }
    for key, low, high in AGE_GROUPS:
        out[f"community_all:{key}"] = client & y.age_group(low, high)
        out[f"community_new:{key}"] = new & y.age_group(low, high)
    out["community_all:unknown"] = client & Q(child__birth_date__isnull=True)
    out["community_new:unknown"] = new & Q(child__birth_date__isnull=True)
    return out


@dataclass(frozen=True)
class ChannelRow:
    channel: str
    label: str
    notifications: int
    children: int


@dataclass(frozen=True)
class YearlyReport:
    year: int
    children: dict[str, int]  # figure key -> children
    notifications: int
    channels: list[ChannelRow]
    placed_by_form: dict[str, dict[str, int]]  # "placed_year"/"placed_end" -> form -> children

    @property
    def per_child(self) -> float | None:
        n = self.children["notified"]
        return round(self.notifications / n, 1) if n else None

    def age_rows(self) -> list[tuple[str, str, int, int]]:
        """(key, label, new, all) per age group; the unknown row only when it has children."""
        rows = [
            (
                key,
                age_label(key),
                self.children[f"community_new:{key}"],
                self.children[f"community_all:{key}"],
            )
            for key, _low, _high in AGE_GROUPS
        ]
        if self.children["community_all:unknown"]:
            unknown = ("unknown", str(_("Age not known")))
            rows.append(
                (
                    *unknown,
                    self.children["community_new:unknown"],
                    self.children["community_all:unknown"],
                )
            )
        return rows


def age_label(key: str) -> str:
    if key == "18-20":
        return str(_("18–20 (aftercare)"))
    if key == "21-":
        return str(_("21 and over (aftercare)"))
    return key.replace("-", "–")


def form_label(form: str) -> str:
    return str(CareForm(form).label) if form else str(_("Form not recorded"))


def yearly_report(*, county_id: int, year: int) -> YearlyReport:
    """Every figure of the year: one aggregate over the cases, one over the notifications,
    one over the placements (their forms)."""
    conds = conditions(year)
    cases = Case.objects.filter(county_id=county_id)
    children = cases.aggregate(
        **{
            key.replace(":", "__").replace("-", "_"): Count("child_id", distinct=True, filter=q)
            for key, q in conds.items()
        }
    )
    counts = {key: children[key.replace(":", "__").replace("-", "_")] or 0 for key in conds}
    notes = (
        _Year(year)
        .notifications()
        .filter(case__county_id=county_id)
        .values("channel")
        .annotate(n=Count("id"), children=Count("case__child_id", distinct=True))
        .order_by("channel")
    )
    channels = [
        ChannelRow(r["channel"], str(Channel(r["channel"]).label), r["n"], r["children"])
        for r in notes
    ]
    return YearlyReport(
        year=year,
        children=counts,
        notifications=sum(c.notifications for c in channels),
        channels=channels,
        placed_by_form=_placed_by_form(county_id, year),
    )


def _placements(
    county_id: int, year: int
) -> list[tuple[int, int, str, datetime.date, datetime.date | None]]:
    y = _Year(year)
    return list(
        Measure.objects.filter(
            Q(ended_on__isnull=True) | Q(ended_on__gte=y.start),
            case__county_id=county_id,
            kind__in=PLACED_KINDS,
            started_on__lte=y.end,
        )
        .order_by("started_on", "pk")
        .values_list("case__child_id", "case_id", "care_form", "started_on", "ended_on")
    )


def _last_forms(county_id: int, year: int) -> dict[str, dict[int, tuple[str, int]]]:
    """child -> (form of their last placement, its case) during the year and on 31.12."""
    end = datetime.date(year, 12, 31)
    during: dict[int, tuple[str, int]] = {}
    at_end: dict[int, tuple[str, int]] = {}
    for child, case, form, _started, ended in _placements(county_id, year):
        during[child] = (form, case)  # ordered by start: the last one wins
        if ended is None or ended >= end:
            at_end[child] = (form, case)
    return {"placed_year": during, "placed_end": at_end}


def _placed_by_form(county_id: int, year: int) -> dict[str, dict[str, int]]:
    return {
        key: {form: n for form, n in Counter(f for f, _c in by_child.values()).items()}
        for key, by_child in _last_forms(county_id, year).items()
    }


def figure_cases(*, county_id: int, year: int, figure: str) -> list[int] | None:
    """The case ids behind one figure, or None for a figure that does not exist.

    Figures: the keys of ``conditions``; ``notified:<channel>``; ``placed_year:<form>`` and
    ``placed_end:<form>`` (form "" for not recorded)."""
    base, _sep, part = figure.partition(":")
    cases = Case.objects.filter(county_id=county_id)
    if base == "notified" and part:
        if part not in Channel.values:
            return None
        notes = _Year(year).notifications().filter(case__county_id=county_id, channel=part)
        return list(notes.values_list("case_id", flat=True).distinct())
    if base in ("placed_year", "placed_end") and _sep:
        if part not in FORMS:
            return None
        by_child = _last_forms(county_id, year)[base]
        return sorted({case for form, case in by_child.values() if form == part})
    q = conditions(year).get(figure)
    if q is None:
        return None
    return list(cases.filter(q).values_list("pk", flat=True))
