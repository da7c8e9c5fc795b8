"""The THL page's tables, export rows and chart, from ``thl.ProcessingTimes``: the same
rows on the page, beside the chart and in the files (no Django models here)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext as _

from monia.reporting import thl
from monia.reporting.thl_selectors import TeamKey
from monia.ui.charts import HEIGHT, PAD_BOTTOM, PAD_TOP, PALETTE, WIDTH
from monia.ui.numbers import percent

FIGURES = (
    "seven_day_on_time",
    "seven_day_late",
    "seven_day_pending",
    "three_month_on_time",
    "three_month_late",
    "open_overdue",
    "no_need",
)


@dataclass(frozen=True)
class Row:
    """One municipality's or team's figures (``key`` as it goes into a link)."""

    label: str
    key: str
    matters: int
    on_time: int
    late: int
    completed: int
    completed_on_time: int
    completed_late: int

    @property
    def share_on_time(self) -> int | None:
        return share(self.on_time, self.matters)

    @property
    def share_completed_on_time(self) -> int | None:
        return share(self.completed_on_time, self.completed)


def share(part: int, whole: int) -> int | None:
    """A whole per cent, None when there is nothing to share."""
    return round(100 * part / whole) if whole else None


def periods(today: date, back: int = 6) -> list[tuple[date, date]]:
    """The current half-year and ``back`` before it, newest first."""
    out = [thl.half_year_period(today)]
    for _i in range(back):
        out.append(thl.half_year_period(out[-1][0] - timedelta(days=1)))
    return out


def rows_by(
    times: thl.ProcessingTimes, attr: str, labels: Mapping[int, str] | None = None
) -> list[Row]:
    """Rows by ``by_municipality`` (keyed by its name) or ``by_team`` (keyed by the team's
    ``TeamKey``): every key either figure has, in the order of the names, the unknown last.
    A team's row is labelled as ``labels`` has its id (the team's name in the reader's
    language), else by the name recorded, and its links carry the id."""
    seven: dict = getattr(times.seven_day, attr)
    three: dict = getattr(times.three_month, attr)
    empty = thl.Counts()
    out = []
    for key in sorted({*seven, *three}, key=_by_name):
        s, t = seven.get(key, empty), three.get(key, empty)
        label, link = _named(key, labels or {})
        out.append(Row(label, link, s.matters, s.on_time, s.late, t.matters, t.on_time, t.late))
    return out


def _by_name(key: str | TeamKey | None) -> tuple[bool, str, int]:
    if isinstance(key, TeamKey):
        return False, key.name, key.id
    return not key, key or "", 0


def _named(key: str | TeamKey | None, labels: Mapping[int, str]) -> tuple[str, str]:
    """A row's label and the key its links carry."""
    if isinstance(key, TeamKey):
        return labels.get(key.id, key.name), str(key.id)
    return (key, key) if key else (_("Not known"), "")


def total_row(times: thl.ProcessingTimes, label: str) -> Row:
    s, t = times.seven_day, times.three_month
    return Row(label, "", s.matters, s.on_time, s.late, t.matters, t.on_time, t.late)


def export_header() -> list[str]:
    """THL's columns: matters that came pending and whether the assessment started within
    7 working days; assessments completed and whether within three months."""
    return [
        _("Municipality"),
        _("Matters that came pending"),
        _("Assessment started within 7 working days"),
        _("Started late"),
        _("Assessments completed"),
        _("Completed within three months"),
        _("Completed late"),
    ]


def export_rows(rows: Sequence[Row], total: Row) -> list[list[str | int]]:
    return [
        [r.label, r.matters, r.on_time, r.late, r.completed, r.completed_on_time, r.completed_late]
        for r in (*rows, total)
    ]


def compare_header() -> list[str]:
    return [
        _("County"),
        *export_header()[1:],
        _("Open, three months passed"),
    ]


# --- Chart -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    x: float
    width: float
    colour: str
    label: str


@dataclass(frozen=True)
class StackedBar:
    label: str
    y: float
    height: float
    segments: list[Segment]


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    left: int
    bars: list[StackedBar]
    x_ticks: list[tuple[float, int]]
    baseline: float
    legend: list[tuple[str, str]]


def on_time_chart(bars: Sequence[tuple[str, int, int]]) -> BarChart:
    """Horizontal bars, one per figure: on time and late side by side in per cent of the
    figure's matters (so both figures share one scale whatever their size)."""
    left, right = 150, 24
    plot_w, plot_h = WIDTH - left - right, HEIGHT - PAD_TOP - PAD_BOTTOM
    slot = plot_h / max(len(bars), 1)
    on_label, late_label = _("On time"), _("Late")
    out = []
    for i, (label, on_time, late) in enumerate(bars):
        whole = on_time + late
        on_w = plot_w * on_time / whole if whole else 0.0
        late_w = plot_w * late / whole if whole else 0.0
        on_text = f"{label}: {on_label} {on_time} ({percent(share(on_time, whole) or 0)})"
        late_text = f"{label}: {late_label} {late} ({percent(share(late, whole) or 0)})"
        out.append(
            StackedBar(
                label=label,
                y=round(PAD_TOP + slot * i + slot * 0.2, 1),
                height=round(slot * 0.6, 1),
                segments=[
                    Segment(left, round(on_w, 1), PALETTE[0], on_text),
                    Segment(round(left + on_w, 1), round(late_w, 1), PALETTE[1], late_text),
                ],
            )
        )
    return BarChart(
        width=WIDTH,
        height=HEIGHT,
        left=left,
        bars=out,
        x_ticks=[(round(left + plot_w * p / 100, 1), p) for p in range(0, 101, 25)],
        baseline=HEIGHT - PAD_BOTTOM,
        legend=[(on_label, PALETTE[0]), (late_label, PALETTE[1])],
    )
