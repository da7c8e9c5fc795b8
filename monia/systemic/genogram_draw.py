"""Drawing a laid-out genogram: symbols, partnership and child lines, the household
boundary, emotional lines and the legend. Every element carries data attributes that
say what it means (``data-person-id``, ``data-status``, ``data-kind`` …) so tests and
tools can read the picture without guessing from geometry.
"""

from __future__ import annotations

import math
from typing import Any

from monia.systemic.diagram_svg import (
    INK,
    Point,
    document,
    el,
    num,
    offset,
    part,
    path_d,
    point_at,
    quad,
    text_lines,
    wrap,
    zigzag,
)
from monia.systemic.genogram_layout import BAR_DROP, SYMBOL, Layout, Union
from monia.systemic.genogram_legend import (
    CHILD_STYLE,
    EMOTION_COLOUR,
    LEGEND_WIDTH,
    PARTNER_STYLE,
    SLASHES,
    legend,
)

HALF = SYMBOL / 2
INDEX_GAP = 5  # the index child's second outline


def draw(data: dict[str, Any], layout: Layout, *, title: str, labels: dict[str, str]) -> str:
    persons = {p["id"]: p for p in data["persons"]}
    parts = [
        _household(persons, layout),
        *(_partnership(u, layout, persons) for u in layout.unions if len(u.parents) == 2),
        *_child_lines(layout, persons),
        *(_emotional(t, i, layout, persons) for i, t in enumerate(data["emotional"])),
        *(_person(p, layout, labels) for p in data["persons"]),
    ]
    legend_svg, legend_height = legend(data, layout, labels)
    width = max(layout.width, LEGEND_WIDTH)
    return document(
        width=width,
        height=layout.height + legend_height,
        title=title,
        desc=_desc(data, layout, labels),
        body="".join(parts) + legend_svg,
        id_prefix="genogram",
        kind="genogram",
    )


def _desc(data: dict[str, Any], layout: Layout, labels: dict[str, str]) -> str:
    text = labels["desc"].format(persons=len(data["persons"]), generations=len(layout.rows))
    home = [p["name"] or labels["unnamed"] for p in data["persons"] if p["household"]]
    if home:
        text += " " + labels["desc_household"].format(names=", ".join(home))
    return text


def _top(p: dict[str, Any], layout: Layout) -> float:
    y = layout.y[p["id"]]
    if p["unborn"]:
        return y - 16
    return y - HALF - (INDEX_GAP if p["role"] == "index" else 0)


def _bottom(p: dict[str, Any], layout: Layout) -> float:
    y = layout.y[p["id"]]
    if p["unborn"]:
        return y + 12
    return y + HALF + (INDEX_GAP if p["role"] == "index" else 0)


def _shape(p: dict[str, Any], css_class: str, grow: float = 0.0, fill: str = "#ffffff") -> str:
    h = HALF + grow
    style = {"class": css_class, "fill": fill, "stroke": INK, "stroke-width": 2}
    if p["unborn"]:
        t = 16 + grow
        return el("polygon", {"points": f"0 {-t} {t} {t * 0.75} {-t} {t * 0.75}", **style})
    if p["gender"] == "male":
        return el("rect", {"x": -h, "y": -h, "width": 2 * h, "height": 2 * h, **style})
    if p["gender"] == "female":
        return el("circle", {"cx": 0, "cy": 0, "r": h, **style})
    return el("polygon", {"points": f"0 {-h} {h} 0 0 {h} {-h} 0", **style})


def _years(p: dict[str, Any], labels: dict[str, str]) -> str:
    if p["unborn"] and p["expected_on"]:
        year, month, _day = p["expected_on"].split("-")
        return f"{labels['expected']} {int(month)}/{year}"
    born = str(p["birth_year"] or "")
    if p["deceased"]:
        return f"{born or '?'}–{p['death_year']}"
    return born


def _person(p: dict[str, Any], layout: Layout, labels: dict[str, str]) -> str:
    index = p["role"] == "index"
    shapes = [_shape(p, "index-outline", INDEX_GAP, fill="none")] if index else []
    shapes.append(_shape(p, "symbol"))
    if p["deceased"]:
        r = HALF + 4
        shapes.append(
            el(
                "path",
                {
                    "class": "deceased-mark",
                    "d": path_d([(-r, -r), (r, r)], [(r, -r), (-r, r)]),
                    "stroke": INK,
                    "stroke-width": 2,
                    "fill": "none",
                },
            )
        )
    name = p["name"] or labels["unnamed"]
    lines = [*wrap(name, 16), _years(p, labels)]
    label_x = HALF + (INDEX_GAP + 6 if index else 6)
    text = text_lines(
        [line for line in lines if line],
        x=label_x,
        y=-7,
        gap=13,
        anchor="start",
        bold=index,
    )
    return el(
        "g",
        {
            "class": "person",
            "data-person-id": p["id"],
            "data-generation": p["generation"],
            "data-gender": p["gender"],
            "data-deceased": p["deceased"],
            "data-unborn": p["unborn"],
            "data-index": index,
            "data-household": p["household"],
            "transform": f"translate({num(layout.x[p['id']])},{num(layout.y[p['id']])})",
        },
        el("title", text=" ".join(x for x in (name, _years(p, labels)) if x)),
        *shapes,
        text,
    )


def _bar_y(u: Union, layout: Layout, persons: dict[int, Any]) -> float:
    bottoms = [_bottom(persons[p], layout) for p in u.parents]
    if len(u.parents) == 1:
        return bottoms[0]
    # partners who do not stand side by side get a lower line, and neighbouring couples
    # of one chain alternate in depth, so that no two partnership lines run together
    row = next(r for r in layout.rows if u.parents[0] in r)
    first, second = sorted(row.index(p) for p in u.parents)
    return max(bottoms) + BAR_DROP + 8 * min(second - first - 1, 3) + 6 * (first % 2)


def _partnership(u: Union, layout: Layout, persons: dict[int, Any]) -> str:
    a, b = sorted(u.parents, key=lambda pid: layout.x[pid])
    legs = layout.legs(u)
    xa, xb, bar = legs[a], legs[b], _bar_y(u, layout, persons)
    line = [
        (xa, _bottom(persons[a], layout)),
        (xa, bar),
        (xb, bar),
        (xb, _bottom(persons[b], layout)),
    ]
    style = PARTNER_STYLE.get(u.status, PARTNER_STYLE["unknown"])
    marks = []
    for i in range(SLASHES.get(u.status, 0)):
        cx = (xa + xb) / 2 - 16 - 8 * i
        marks.append(
            el(
                "path",
                {
                    "class": "slash",
                    "d": path_d([(cx - 5, bar + 8), (cx + 5, bar - 8)]),
                    "stroke": INK,
                    "stroke-width": 2,
                },
            )
        )
    return el(
        "g",
        {
            "class": "partnership",
            "data-union": u.id,
            "data-a": a,
            "data-b": b,
            "data-status": u.status,
        },
        el("path", {"d": path_d(line), "fill": "none", "stroke-width": 2, **style}),
        *marks,
    )


def _child_lines(layout: Layout, persons: dict[int, Any]) -> list[str]:
    out: list[str] = []
    lanes: dict[int, int] = {}
    for u in layout.unions:
        kids = [(c, k) for c, k in u.children if c in layout.x]
        if not kids:
            continue
        child_row = min(layout.y[c] for c, _k in kids)
        lane = lanes.get(int(child_row), 0)
        lanes[int(child_row)] = lane + 1
        sibship = child_row - HALF - 20 - 8 * (lane % 3)
        if u.parents:
            mid = layout.mid(u)
            if len(kids) == 1 and abs(layout.x[kids[0][0]] - mid) < 14:
                mid = layout.x[kids[0][0]]  # a straight line rather than a tiny jog
            out.append(
                el(
                    "path",
                    {
                        "class": "descent",
                        "data-union": u.id,
                        "d": path_d([(mid, _bar_y(u, layout, persons)), (mid, sibship)]),
                        "stroke": INK,
                        "stroke-width": 2,
                        "fill": "none",
                    },
                )
            )
        else:  # siblings whose parents are not recorded: a sibship line only
            mid = sum(layout.x[c] for c, _k in kids) / len(kids)
        for child, kind in kids:
            x, top = layout.x[child], _top(persons[child], layout)
            out.append(
                el(
                    "path",
                    {
                        "class": "child-line",
                        "data-parent-union": u.id,
                        "data-child": child,
                        "data-kind": kind,
                        "d": path_d([(mid, sibship), (x, sibship), (x, top)]),
                        "fill": "none",
                        "stroke-width": 2,
                        **CHILD_STYLE[kind],
                    },
                )
            )
    return out


def _household(persons: dict[int, Any], layout: Layout) -> str:
    """A dashed boundary around the members of the child's household, row by row."""
    members = [pid for pid, p in persons.items() if p["household"]]
    if not members:
        return ""
    spans = []
    for row in layout.rows:
        xs = [layout.x[pid] for pid in row if pid in members]
        if xs:
            y = layout.y[row[0]]
            spans.append((min(xs) - HALF - 14, max(xs) + SYMBOL * 3.2, y - HALF - 16, y))
    runs: list[list[tuple[float, float, float, float]]] = [[spans[0]]]
    for span in spans[1:]:
        prev = runs[-1][-1]
        if span[2] - prev[3] < HALF * 4 + 40:  # the next generation: one outline
            runs[-1].append(span)
        else:
            runs.append([span])
    outlines = [_staircase(run) for run in runs]
    return el(
        "path",
        {
            "class": "household",
            "data-members": " ".join(str(m) for m in sorted(members)),
            "d": " ".join(path_d([*o, o[0]]) + " Z" for o in outlines),
            "fill": "#f3f7fb",
            "stroke": "#0b4f8a",
            "stroke-width": 1.5,
            "stroke-dasharray": "8 5",
        },
    )


def _staircase(run: list[tuple[float, float, float, float]]) -> list[Point]:
    """The outline of stacked row bands: down the right side, back up the left."""
    bands = []
    for i, (left, right, top, _y) in enumerate(run):
        bottom = run[i + 1][2] if i + 1 < len(run) else run[i][3] + HALF + 16
        bands.append((left, right, top, bottom))
    for i in range(1, len(bands)):  # neighbouring bands must overlap to make one outline
        left, right, top, bottom = bands[i]
        pl, pr = bands[i - 1][0], bands[i - 1][1]
        bands[i] = (min(left, pr - 20), max(right, pl + 20), top, bottom)
    right_side = [
        pt for left, right, top, bottom in bands for pt in ((right, top), (right, bottom))
    ]
    left_side = [
        pt for left, right, top, bottom in reversed(bands) for pt in ((left, bottom), (left, top))
    ]
    return right_side + left_side


def _emotional(tie: dict[str, Any], i: int, layout: Layout, persons: dict[int, Any]) -> str:
    a, b = persons.get(tie["a"]), persons.get(tie["b"])
    if a is None or b is None:
        return ""
    pa = (layout.x[a["id"]], layout.y[a["id"]])
    pb = (layout.x[b["id"]], layout.y[b["id"]])
    if abs(pa[1] - pb[1]) < 1:  # the same row: arch over the symbols between them
        start, end = (pa[0], _top(a, layout)), (pb[0], _top(b, layout))
        # the arch's top stays below the labels of the generation above
        lift = 30 + 8 * (i % 3) + min(abs(pa[0] - pb[0]) * 0.02, 12)
        control = ((pa[0] + pb[0]) / 2, start[1] - lift * 2)
    else:
        length = math.dist(pa, pb) or 1.0
        ux, uy = (pb[0] - pa[0]) / length, (pb[1] - pa[1]) / length
        start = (pa[0] + ux * (HALF + 8), pa[1] + uy * (HALF + 8))
        end = (pb[0] - ux * (HALF + 8), pb[1] - uy * (HALF + 8))
        bend = 0.18 * length * (1 if i % 2 == 0 else -1)
        control = ((start[0] + end[0]) / 2 - uy * bend, (start[1] + end[1]) / 2 + ux * bend)
    curve = quad(start, control, end)
    quality = tie["quality"]
    style: dict[str, object] = {"stroke": EMOTION_COLOUR.get(quality, INK), "stroke-width": 2}
    if quality == "close":
        d = path_d(offset(curve, 3), offset(curve, -3))
    elif quality == "very_close":
        d = path_d(offset(curve, 5), curve, offset(curve, -5))
    elif quality in ("conflictual", "hostile"):
        d = path_d(zigzag(curve, amplitude=6 if quality == "hostile" else 5))
        style["stroke-width"] = 2.5 if quality == "hostile" else 2
    elif quality == "cut_off":
        bars = []
        for fraction in (0.44, 0.56):
            (x, y), (nx, ny) = point_at(curve, fraction)
            bars.append([(x - nx * 9, y - ny * 9), (x + nx * 9, y + ny * 9)])
        d = path_d(part(curve, 0, 0.44), part(curve, 0.56, 1), *bars)
    else:
        d = path_d(curve)
        style["stroke-dasharray"] = "6 5"
    return el(
        "path",
        {
            "class": "emotional",
            "data-quality": quality,
            "data-a": tie["a"],
            "data-b": tie["b"],
            "d": d,
            "fill": "none",
            "stroke-linejoin": "round",
            **style,
        },
    )
