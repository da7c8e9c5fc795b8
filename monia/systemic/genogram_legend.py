"""The genogram's words and line styles, and its legend: a small sample of each symbol
and line the picture uses, with its (translated) name."""

from __future__ import annotations

import math
from typing import Any

from django.utils.translation import gettext_lazy, pgettext_lazy

from monia.systemic.diagram_svg import (
    AMBER,
    GREEN,
    INK,
    MUTED,
    RED,
    el,
    num,
    offset,
    path_d,
    text_lines,
    zigzag,
)
from monia.systemic.genogram_layout import Layout

# English words, all marked lazily (a context where a word means more than one thing): the
# page passes them translated (``Diagram.labels``), a drawing without them falls back to the
# English (``diagram_svg.english``).
DEFAULT_LABELS = {
    "male": gettext_lazy("Male"),
    "female": gettext_lazy("Female"),
    "other": gettext_lazy("Other or unknown gender"),
    "unborn": gettext_lazy("Pregnancy / unborn child"),
    "deceased": gettext_lazy("Deceased"),
    "index": gettext_lazy("The child"),
    "household": gettext_lazy("Lives with the child"),
    "status.married": gettext_lazy("Married"),
    "status.together": gettext_lazy("Living together"),
    "status.separated": gettext_lazy("Separated"),
    "status.divorced": gettext_lazy("Divorced"),
    "status.unknown": gettext_lazy("Partnership not recorded"),
    "kind.biological": gettext_lazy("Biological child"),
    "kind.adoptive": gettext_lazy("Adopted child"),
    "kind.foster": gettext_lazy("Foster child"),
    "kind.step": gettext_lazy("Stepchild"),
    "kind.unknown": gettext_lazy("Sibling, parents not recorded"),
    "quality.close": pgettext_lazy("relationship", "Close"),
    "quality.very_close": gettext_lazy("Very close"),
    "quality.conflictual": gettext_lazy("Conflictual"),
    "quality.distant": gettext_lazy("Distant"),
    "quality.cut_off": gettext_lazy("Cut off"),
    "quality.hostile": gettext_lazy("Hostile"),
    "legend": gettext_lazy("Legend"),
    "expected": gettext_lazy("expected"),
    "unnamed": gettext_lazy("Unborn child"),
    "desc": gettext_lazy("{persons} persons in {generations} generations."),
    "desc_household": gettext_lazy("Living with the child: {names}."),
}

PARTNER_STYLE = {
    "married": {"stroke": INK},
    "together": {"stroke": INK, "stroke-dasharray": "7 4"},
    "separated": {"stroke": INK},
    "divorced": {"stroke": INK},
    "unknown": {"stroke": MUTED, "stroke-dasharray": "2 3"},
}
SLASHES = {"separated": 1, "divorced": 2}
CHILD_STYLE = {
    "biological": {"stroke": INK},
    "adoptive": {"stroke": INK, "stroke-dasharray": "7 4"},
    "foster": {"stroke": INK, "stroke-dasharray": "1.5 3.5", "stroke-linecap": "round"},
    "step": {"stroke": INK, "stroke-dasharray": "9 3 2 3"},
    "unknown": {"stroke": MUTED, "stroke-dasharray": "2 3"},
}
EMOTION_COLOUR = {
    "close": GREEN,
    "very_close": GREEN,
    "conflictual": AMBER,
    "distant": MUTED,
    "cut_off": MUTED,
    "hostile": RED,
}

LEGEND_ROW = 22
LEGEND_COLUMN = 210
LEGEND_WIDTH = 3 * LEGEND_COLUMN + 40

STROKE = {"stroke": INK, "stroke-width": 1.5, "fill": "#ffffff"}
LINE = [(0.0, 0.0), (28.0, 0.0)]


def _sample_status(status: str) -> str:
    style = PARTNER_STYLE[status]
    marks = [
        el(
            "path",
            {"d": path_d([(10 + 6 * i, 6), (16 + 6 * i, -6)]), "stroke": INK, "stroke-width": 1.5},
        )
        for i in range(SLASHES.get(status, 0))
    ]
    return el("path", {"d": path_d(LINE), "stroke-width": 2, **style}) + "".join(marks)


def _sample_kind(kind: str) -> str:
    return el("path", {"d": path_d(LINE), "stroke-width": 2, "fill": "none", **CHILD_STYLE[kind]})


def _sample_quality(quality: str) -> str:
    line = [(0.0, 0.0), (28.0, 0.0)]
    dense = [(x * 2.0, 0.0) for x in range(15)]
    style: dict[str, object] = {
        "stroke": EMOTION_COLOUR[quality],
        "stroke-width": 2,
        "fill": "none",
    }
    if quality == "close":
        d = path_d(offset(line, 3), offset(line, -3))
    elif quality == "very_close":
        d = path_d(offset(line, 5), line, offset(line, -5))
    elif quality in ("conflictual", "hostile"):
        d = path_d(zigzag(dense, amplitude=4, wavelength=6))
    elif quality == "cut_off":
        d = path_d([(0, 0), (11, 0)], [(17, 0), (28, 0)], [(11, -6), (11, 6)], [(17, -6), (17, 6)])
    else:
        d = path_d(line)
        style["stroke-dasharray"] = "6 5"
    return el("path", {"d": d, **style})


SYMBOLS = {
    "male": el("rect", {"x": 7, "y": -7, "width": 14, "height": 14, **STROKE}),
    "female": el("circle", {"cx": 14, "cy": 0, "r": 7, **STROKE}),
    "other": el("polygon", {"points": "14 -8 22 0 14 8 6 0", **STROKE}),
    "unborn": el("polygon", {"points": "14 -7 21 6 7 6", **STROKE}),
    "deceased": el("rect", {"x": 7, "y": -7, "width": 14, "height": 14, **STROKE})
    + el(
        "path",
        {"d": path_d([(5, -9), (23, 9)], [(23, -9), (5, 9)]), "stroke": INK, "stroke-width": 1.5},
    ),
    "index": el("rect", {"x": 4, "y": -10, "width": 20, "height": 20, **STROKE, "fill": "none"})
    + el("rect", {"x": 7, "y": -7, "width": 14, "height": 14, **STROKE}),
    "household": el(
        "rect",
        {
            "x": 1,
            "y": -8,
            "width": 26,
            "height": 16,
            "fill": "#f3f7fb",
            "stroke": "#0b4f8a",
            "stroke-width": 1.5,
            "stroke-dasharray": "5 3",
        },
    ),
}


def legend_items(data: dict[str, Any], layout: Layout) -> list[tuple[str, str]]:
    """(label key, sample) for what this genogram shows; the basic symbols always."""
    persons = data["persons"]
    genders = {p["gender"] for p in persons if not p["unborn"]}
    shown = ["male", "female", "index"]
    if genders - {"male", "female"}:
        shown.insert(2, "other")
    shown += [k for k in ("unborn", "deceased", "household") if any(p[k] for p in persons)]
    items = [(key, SYMBOLS[key]) for key in shown]
    statuses = {u.status for u in layout.unions if len(u.parents) == 2}
    items += [(f"status.{s}", _sample_status(s)) for s in PARTNER_STYLE if s in statuses]
    kinds = {k for u in layout.unions for _c, k in u.children}
    items += [(f"kind.{k}", _sample_kind(k)) for k in CHILD_STYLE if k in kinds]
    qualities = {t["quality"] for t in data["emotional"]}
    items += [(f"quality.{q}", _sample_quality(q)) for q in EMOTION_COLOUR if q in qualities]
    return items


def legend(data: dict[str, Any], layout: Layout, labels: dict[str, str]) -> tuple[str, float]:
    items = legend_items(data, layout)
    top = layout.height + 10
    cells = []
    rows = math.ceil(len(items) / 3)
    for n, (key, sample) in enumerate(items):
        col, row = divmod(n, rows)
        x, y = 40 + col * LEGEND_COLUMN, top + 34 + row * LEGEND_ROW
        cells.append(
            el(
                "g",
                {
                    "class": "legend-item",
                    "data-key": key,
                    "transform": f"translate({num(x)},{num(y)})",
                },
                sample,
                text_lines([labels[key]], x=34, y=4, anchor="start"),
            )
        )
    heading = text_lines(
        [labels["legend"]],
        x=40,
        y=top + 12,
        size=12,
        anchor="start",
        bold=True,
    )
    body = el("g", {"class": "legend"}, heading, *cells)
    return body, 34 + rows * LEGEND_ROW + 16
