"""The county overview's chart: a horizontal bar per team, the share trained in per cent
(measured here, drawn by the template as SVG; the table beside it gives the numbers)."""

from __future__ import annotations

from dataclasses import dataclass

from monia.training.selectors import TeamShare
from monia.ui.charts import PALETTE

WIDTH, LABEL_W, ROW_H, BAR_H = 560, 180, 28, 18
LABEL_CHARS = 24  # what fits in LABEL_W at the label's font size


@dataclass(frozen=True)
class Bar:
    y: float
    width: float
    label: str  # the team's name, shortened with "…" to fit beside the bar
    name: str  # the whole name, for the bar's tooltip
    percent: int


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    left: int
    plot_width: int
    bars: list[Bar]
    colour: str
    ticks: list[tuple[float, int]]


def _short(name: str) -> str:
    """A name cut to fit, marked as cut: "Lastensuojelu, tiimi 1 (systeeminen)" read
    "Lastensuojelu, tiimi 1 (", two teams alike and an opened bracket."""
    if len(name) <= LABEL_CHARS:
        return name
    return name[: LABEL_CHARS - 1].rstrip(" ,(–-") + "…"


def share_chart(shares: list[TeamShare]) -> BarChart:
    plot = WIDTH - LABEL_W - 40
    bars = [
        Bar(
            y=8 + i * ROW_H,
            width=round(plot * s.share.percent / 100, 1),
            label=_short(s.display_name),
            name=s.display_name,
            percent=s.share.percent,
        )
        for i, s in enumerate(shares)
    ]
    ticks = [(round(LABEL_W + plot * p / 100, 1), p) for p in (0, 25, 50, 75, 100)]
    return BarChart(WIDTH, 8 + len(shares) * ROW_H + 24, LABEL_W, plot, bars, PALETTE[0], ticks)
