"""The participation indicators' charts, measured here and drawn by the template as SVG
(monia/ui/charts.py's style): answer counts as lines, the share answering 4–5 as bars."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from monia.ui.charts import HEIGHT, PAD_BOTTOM, PAD_LEFT, PAD_TOP, PALETTE, WIDTH, LineChart
from monia.ui.charts import line_chart as _line_chart
from monia.ui.numbers import percent
from monia.voice.selectors import MonthRow


def _month_label(row: MonthRow) -> str:
    return row.month.strftime("%m/%y")


def counts_chart(rows: Sequence[MonthRow]) -> LineChart:
    """ "Were you heard?" answers and My voice entries per month."""
    return _line_chart(
        [
            (_("“Were you heard?” answers"), [r.heard_answers for r in rows]),
            (_("My voice entries"), [r.voice_entries for r in rows]),
        ],
        [_month_label(r) for r in rows],
    )


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str  # e.g. "04/25: 67 %" (in Finnish: ui.numbers.percent)


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    bars: list[Bar]
    x_ticks: list[tuple[float, str]]
    y_ticks: list[tuple[float, int]]
    baseline: float
    left: int
    colour: str


def share_chart(rows: Sequence[MonthRow]) -> BarChart:
    """Per cent answering 4–5 per month; a month nobody answered has no bar at all."""
    plot_w, plot_h = WIDTH - PAD_LEFT - 24, HEIGHT - PAD_TOP - PAD_BOTTOM
    slot = plot_w / max(len(rows), 1)

    def y(percent: int) -> float:
        return round(PAD_TOP + plot_h * (1 - percent / 100), 1)

    bars = []
    for i, row in enumerate(rows):
        if row.heard_high_share is None:
            continue
        top = y(row.heard_high_share)
        bars.append(
            Bar(
                x=round(PAD_LEFT + slot * i + slot * 0.2, 1),
                y=top,
                width=round(slot * 0.6, 1),
                height=round(y(0) - top, 1),
                label=f"{_month_label(row)}: {percent(row.heard_high_share)}",
            )
        )
    return BarChart(
        width=WIDTH,
        height=HEIGHT,
        bars=bars,
        x_ticks=[
            (round(PAD_LEFT + slot * (i + 0.5), 1), _month_label(r)) for i, r in enumerate(rows)
        ],
        y_ticks=[(y(v), v) for v in range(0, 101, 25)],
        baseline=y(0),
        left=PAD_LEFT,
        colour=PALETTE[2],
    )
