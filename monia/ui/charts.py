"""Geometry for small server-rendered SVG charts; templates draw, this module measures."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

WIDTH, HEIGHT, PAD_LEFT, PAD_BOTTOM, PAD_TOP = 560, 240, 36, 28, 10
PAD_RIGHT = 24
# Colour-blind-safe palette (Okabe–Ito), each ≥3:1 against white.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#7a5c00", "#56B4E9", "#000000"]
REFERENCE_COLOUR = "#a4001d"


def nice_step(top: int, ticks: int = 4) -> int:
    """A round tick step (1, 2 or 5 times a power of ten) giving about ``ticks`` steps up
    to ``top``: 0, 25, 50, 75, 100 rather than 0, 23, 46, 69, 92."""
    raw = max(top / ticks, 1)
    power = 10 ** (len(str(int(raw))) - 1)
    for factor in (1, 2, 2.5, 5, 10):
        step = int(factor * power)
        if step >= raw:
            return step
    return 10 * power


@dataclass(frozen=True)
class Line:
    label: str
    points: str  # "x,y x,y …" for <polyline points>
    colour: str
    dash: str = ""
    last: int = 0  # the last value, for a label at the line's end
    end: tuple[float, float] = (0.0, 0.0)  # where the line ends


@dataclass(frozen=True)
class LineChart:
    width: int
    height: int
    lines: list[Line]
    x_ticks: list[tuple[float, str]]
    y_ticks: list[tuple[float, int]]
    baseline: float
    left: int
    top_value: int = 0

    @property
    def right(self) -> float:
        """Where the plot ends: labels at the lines' ends go to the right of it."""
        return self.x_ticks[-1][0] if self.x_ticks else float(self.width)


def _axes(
    n_labels: int, width: int, height: int, pad_left: int, pad_right: int, top: int
) -> tuple[Callable[[int], float], Callable[[int], float]]:
    """The x of the i-th label and the y of a value, on a plot whose top value is ``top``."""
    plot_w, plot_h = width - pad_left - pad_right, height - PAD_TOP - PAD_BOTTOM
    n = max(n_labels - 1, 1)

    def x(i: int) -> float:
        return round(pad_left + plot_w * i / n, 1)

    def y(v: int) -> float:
        return round(PAD_TOP + plot_h * (1 - v / top), 1)

    return x, y


def _line(
    x: Callable[[int], float],
    y: Callable[[int], float],
    label: str,
    ys: Sequence[int],
    colour: str,
    dash: str = "",
) -> Line:
    points = " ".join(f"{x(i)},{y(v)}" for i, v in enumerate(ys))
    last = ys[-1] if ys else 0
    end = (x(len(ys) - 1), y(last)) if ys else (x(0), y(0))
    return Line(label, points, colour, dash, last, end)


def line_chart(
    series: Sequence[tuple[str, Sequence[int]]],
    x_labels: Sequence[str],
    reference: tuple[str, Sequence[int]] | None = None,
    *,
    width: int = WIDTH,
    height: int = HEIGHT,
    pad_left: int = PAD_LEFT,
    pad_right: int = PAD_RIGHT,
    top: int | None = None,
) -> LineChart:
    """Scale the series (and a dashed reference line, e.g. the cap) into one chart.

    ``top`` fixes the value at the top of the plot, so that several small charts share one
    scale (small multiples are compared by eye only when their scales agree)."""
    values = [v for _, ys in series for v in ys] + list(reference[1] if reference else [])
    step = nice_step(max(values + [1]) if top is None else max(top, 1))
    top = -(-(max(values + [1]) if top is None else max(top, 1)) // step) * step
    x, y = _axes(len(x_labels), width, height, pad_left, pad_right, top)

    def line(label: str, ys: Sequence[int], colour: str, dash: str = "") -> Line:
        return _line(x, y, label, ys, colour, dash)

    lines = [line(label, ys, PALETTE[i % len(PALETTE)]) for i, (label, ys) in enumerate(series)]
    if reference:
        lines.append(line(reference[0], reference[1], REFERENCE_COLOUR, dash="6 4"))
    return LineChart(
        width=width,
        height=height,
        lines=lines,
        x_ticks=[(x(i), label) for i, label in enumerate(x_labels)],
        y_ticks=[(y(v), v) for v in range(0, top + 1, step)],
        baseline=y(0),
        left=pad_left,
        top_value=top,
    )


@dataclass(frozen=True)
class SmallMultiple:
    """One series in a small chart of its own, on the scale all of them share."""

    label: str
    chart: LineChart
    last: int
    over_reference: bool  # the last value is above the reference's last (e.g. over the cap)


def small_multiples(
    series: Sequence[tuple[str, Sequence[int]]],
    x_labels: Sequence[str],
    reference: tuple[str, Sequence[int]] | None = None,
    *,
    width: int = 240,
    height: int = 110,
) -> list[SmallMultiple]:
    """A small chart per series, all on one scale: readable with any number of series, and
    no colour has to tell one line from another (each chart is labelled by its name)."""
    values = [v for _, ys in series for v in ys] + list(reference[1] if reference else [])
    top = max(values + [1])
    # Every chart shares the scale, the ticks and the reference line: measured once, and
    # each series then adds only its own line (a senior official's page draws ~100).
    shared = line_chart(
        [], x_labels, reference, width=width, height=height, pad_left=28, pad_right=30, top=top
    )
    x, y = _axes(len(x_labels), width, height, 28, 30, shared.top_value)
    # Two x labels are enough for a small chart: stretch them over the whole series.
    x_ticks = [shared.x_ticks[0], shared.x_ticks[-1]] if shared.x_ticks else []
    y_ticks = [shared.y_ticks[0], shared.y_ticks[-1]] if shared.y_ticks else []
    cap = reference[1][-1] if reference and reference[1] else None
    out = []
    for label, ys in series:
        chart = replace(
            shared,
            lines=[_line(x, y, label, ys, PALETTE[0]), *shared.lines],
            x_ticks=x_ticks,
            y_ticks=y_ticks,
        )
        last = ys[-1] if ys else 0
        out.append(SmallMultiple(label, chart, last, cap is not None and last > cap))
    return out
