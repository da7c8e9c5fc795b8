"""Small SVG helpers shared by the genogram and the ecomap: markup and line geometry. Pure
Python but for ``english``, the drawings' fallback words; the printable PDF is laid out in
``diagram_pdf``.

Styles are written as presentation attributes, not CSS, so that the downloaded file and
its PDF (svglib reads attributes reliably, stylesheets less so) look like the page.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from xml.sax.saxutils import escape, quoteattr

from django.utils import translation

Point = tuple[float, float]

INK = "#1b1b1f"
MUTED = "#4a4a55"
RED = "#a4001d"
GREEN = "#11652f"
AMBER = "#8a4b00"
FONT = "sans-serif"


def num(value: float) -> str:
    """A coordinate with at most one decimal, without a trailing ``.0``."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def english(words: Mapping[str, object]) -> dict[str, str]:
    """Lazily marked words as the code writes them, in English (no catalogue active): what a
    drawing says when it is given no translated words."""
    with translation.override(None):
        return {key: str(word) for key, word in words.items()}


def _attr_name(name: str) -> str:
    return name.rstrip("_").replace("_", "-")


def el(tag: str, attrs: dict[str, object] | None = None, *children: str, text: str = "") -> str:
    """One element. ``None``/``False`` attributes are left out; ``True`` is written "true"."""
    parts = [tag]
    for name, value in (attrs or {}).items():
        if value is None or value is False:
            continue
        if value is True:
            value = "true"
        elif isinstance(value, float):
            value = num(value)
        parts.append(f"{_attr_name(name)}={quoteattr(str(value))}")
    inner = escape(text) + "".join(children)
    head = " ".join(parts)
    return f"<{head}>{inner}</{tag}>" if inner else f"<{head}/>"


def path_d(*lines: Sequence[Point]) -> str:
    """``d`` for one or more polylines (each its own subpath)."""
    out = []
    for points in lines:
        if len(points) < 2:
            continue
        head, *rest = points
        out.append(f"M{num(head[0])} {num(head[1])}")
        out.extend(f"L{num(x)} {num(y)}" for x, y in rest)
    return " ".join(out)


def quad(p0: Point, control: Point, p1: Point, *, step: float = 4.0) -> list[Point]:
    """A quadratic Bézier curve sampled about every ``step`` units."""
    length = math.dist(p0, control) + math.dist(control, p1)
    n = max(8, int(length / step))
    points = []
    for i in range(n + 1):
        t = i / n
        a, b, c = (1 - t) ** 2, 2 * (1 - t) * t, t**2
        points.append(
            (a * p0[0] + b * control[0] + c * p1[0], a * p0[1] + b * control[1] + c * p1[1])
        )
    return points


def _normals(points: Sequence[Point]) -> list[Point]:
    normals = []
    for i in range(len(points)):
        a = points[max(i - 1, 0)]
        b = points[min(i + 1, len(points) - 1)]
        dx, dy = b[0] - a[0], b[1] - a[1]
        length = math.hypot(dx, dy) or 1.0
        normals.append((-dy / length, dx / length))
    return normals


def offset(points: Sequence[Point], distance: float) -> list[Point]:
    """A parallel of a polyline ``distance`` units to its left."""
    return [
        (x + nx * distance, y + ny * distance)
        for (x, y), (nx, ny) in zip(points, _normals(points), strict=True)
    ]


def _lengths(points: Sequence[Point]) -> list[float]:
    total = [0.0]
    for a, b in zip(points, points[1:], strict=False):
        total.append(total[-1] + math.dist(a, b))
    return total


def point_at(points: Sequence[Point], fraction: float) -> tuple[Point, Point]:
    """The point at a fraction of the polyline's length, and the unit normal there."""
    lengths = _lengths(points)
    target = lengths[-1] * fraction
    for i in range(1, len(points)):
        if lengths[i] >= target:
            a, b = points[i - 1], points[i]
            seg = lengths[i] - lengths[i - 1] or 1.0
            t = (target - lengths[i - 1]) / seg
            dx, dy = b[0] - a[0], b[1] - a[1]
            n = math.hypot(dx, dy) or 1.0
            return (a[0] + dx * t, a[1] + dy * t), (-dy / n, dx / n)
    return points[-1], (0.0, 0.0)


def part(points: Sequence[Point], start: float, end: float) -> list[Point]:
    """The stretch of a polyline between two fractions of its length."""
    lengths = _lengths(points)
    total = lengths[-1]
    inside = [p for p, s in zip(points, lengths, strict=True) if start * total < s < end * total]
    return [point_at(points, start)[0], *inside, point_at(points, end)[0]]


def zigzag(
    points: Sequence[Point], *, amplitude: float = 5.0, wavelength: float = 10.0
) -> list[Point]:
    """The polyline as a zigzag, straight for a short stretch at each end."""
    total = _lengths(points)[-1]
    if total < 3 * wavelength:
        return list(points)
    steps = int((total - 2 * wavelength) / (wavelength / 2))
    out = [points[0]]
    for i in range(steps + 1):
        fraction = (wavelength + i * wavelength / 2) / total
        (x, y), (nx, ny) = point_at(points, fraction)
        side = amplitude if i % 2 else -amplitude
        out.append((x + nx * side, y + ny * side) if 0 < i < steps else (x, y))
    out.append(points[-1])
    return out


def ticks(points: Sequence[Point], *, every: float, half: float) -> list[list[Point]]:
    """Short strokes across a polyline every ``every`` units (hatching)."""
    total = _lengths(points)[-1]
    count = int(total // every)
    marks = []
    for i in range(1, count):
        (x, y), (nx, ny) = point_at(points, i * every / total)
        marks.append([(x - nx * half, y - ny * half), (x + nx * half, y + ny * half)])
    return marks


def wrap(text: str, width: int, *, lines: int = 2) -> list[str]:
    """Break text into at most ``lines`` lines of about ``width`` characters."""
    words, out, current = [], [], ""
    for word in text.split():  # a long compound word is broken with a hyphen
        while len(word) > width:
            words.append(word[: width - 1] + "-")
            word = word[width - 1 :]
        words.append(word)
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    if current:
        out.append(current)
    if len(out) > lines:
        out = [*out[: lines - 1], " ".join(out[lines - 1 :])]
    return [line if len(line) <= width else line[: width - 1] + "…" for line in out]


def text_lines(
    lines: Iterable[str],
    *,
    x: float,
    y: float,
    size: int = 11,
    gap: float = 13,
    anchor: str = "middle",
    bold: bool = False,
    fill: str = INK,
) -> str:
    """Lines of text one below the other, from ``y`` down."""
    return "".join(
        el(
            "text",
            {
                "x": x,
                "y": y + i * gap,
                "font-family": FONT,
                "font-size": size,
                "font-weight": "bold" if bold else None,
                "text-anchor": anchor,
                "fill": fill,
            },
            text=line,
        )
        for i, line in enumerate(lines)
    )


def document(
    *, width: float, height: float, title: str, desc: str, body: str, id_prefix: str, kind: str
) -> str:
    """The ``<svg>`` root: an image with a title and a description for assistive tech."""
    return el(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "class": kind,
            "role": "img",
            "width": math.ceil(width),
            "height": math.ceil(height),
            "viewBox": f"0 0 {math.ceil(width)} {math.ceil(height)}",
            "aria-labelledby": f"{id_prefix}-title {id_prefix}-desc",
        },
        el("title", {"id": f"{id_prefix}-title"}, text=title),
        el("desc", {"id": f"{id_prefix}-desc"}, text=desc),
        el("rect", {"width": math.ceil(width), "height": math.ceil(height), "fill": "#ffffff"}),
        body,
    )
