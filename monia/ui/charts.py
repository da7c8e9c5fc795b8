"""Geometry for small server-rendered SVG charts; templates draw, this module measures."""

from __future__ import annotations

from dataclasses import dataclass

WIDTH, HEIGHT, PAD_LEFT, PAD_BOTTOM, PAD_TOP = 560, 240, 36, 28, 10
# Colour-blind-safe palette (Okabe–Ito), each ≥3:1 against white.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#7a5c00", "#56B4E9", "#000000"]


@dataclass(frozen=True)
class Line:
    label: str
    points: str  # "x,y x,y …" for <polyline points>
    colour: str
    dash: str = ""


@dataclass(frozen=True)
class LineChart:
    width: int
    height: int
    lines: list[Line]
    x_ticks: list[tuple[float, str]]
    y_ticks: list[tuple[float, int]]
    baseline: float
    left: int


def line_chart(
    series: list[tuple[str, list[int]]],
    x_labels: list[str],
    reference: tuple[str, list[int]] | None = None,
) -> LineChart:
    """Scale the series (and a dashed reference line, e.g. the cap) into one chart."""
    values = [v for _, ys in series for v in ys] + (reference[1] if reference else [])
    top = max(values + [1])
    plot_w, plot_h = WIDTH - PAD_LEFT - 24, HEIGHT - PAD_TOP - PAD_BOTTOM
    n = max(len(x_labels) - 1, 1)

    def x(i: int) -> float:
        return round(PAD_LEFT + plot_w * i / n, 1)

    def y(v: int) -> float:
        return round(PAD_TOP + plot_h * (1 - v / top), 1)

    def points(ys: list[int]) -> str:
        return " ".join(f"{x(i)},{y(v)}" for i, v in enumerate(ys))

    lines = [
        Line(label, points(ys), PALETTE[i % len(PALETTE)]) for i, (label, ys) in enumerate(series)
    ]
    if reference:
        lines.append(Line(reference[0], points(reference[1]), "#a4001d", dash="6 4"))
    step = max(1, top // 4)
    return LineChart(
        width=WIDTH,
        height=HEIGHT,
        lines=lines,
        x_ticks=[(x(i), label) for i, label in enumerate(x_labels)],
        y_ticks=[(y(v), v) for v in range(0, top + 1, step)],
        baseline=y(0),
        left=PAD_LEFT,
    )
