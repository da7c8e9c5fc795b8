"""Horizontal bar charts for the yearly statistics, measured here and drawn by the template
as SVG (monia/ui/charts.py's palette); the data table beside each chart holds the figures."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from monia.ui.charts import PALETTE

ROW, GAP, LABEL_WIDTH, WIDTH = 22, 8, 190, 560


@dataclass(frozen=True)
class HBar:
    label: str
    value: int
    y: float
    width: float
    text_x: float  # where the value is written, after the bar


@dataclass(frozen=True)
class HBarChart:
    width: int
    height: int
    left: int
    bar_height: int
    bars: list[HBar]
    colour: str


def bar_chart(rows: Sequence[tuple[str, int]], *, colour: int = 0) -> HBarChart:
    """One bar per (label, value), scaled to the largest value."""
    top = max([v for _l, v in rows] + [1])
    plot = WIDTH - LABEL_WIDTH - 50
    bars = []
    for i, (label, value) in enumerate(rows):
        width = round(plot * value / top, 1)
        bars.append(HBar(label, value, GAP + i * (ROW + GAP), width, LABEL_WIDTH + width + 6))
    return HBarChart(
        width=WIDTH,
        height=GAP + len(rows) * (ROW + GAP),
        left=LABEL_WIDTH,
        bar_height=ROW,
        bars=bars,
        colour=PALETTE[colour % len(PALETTE)],
    )
