"""The child's ecomap (verkostokartta): the people, groups and services around the child,
with how strong and how supportive each tie is (Hartman 1978).

``ecomap_data(case)`` reads the current ties (ended ones are not drawn) as plain data that
can be stored; ``render_ecomap_svg(data, ...)`` is pure: the child in the centre, the ties
evenly round a circle, line thickness for strength and line style for quality.
"""

from __future__ import annotations

import datetime
import math
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy

from monia.casework.models import Case
from monia.systemic.diagram_svg import (
    AMBER,
    GREEN,
    INK,
    MUTED,
    RED,
    document,
    el,
    english,
    num,
    path_d,
    text_lines,
    ticks,
    wrap,
    zigzag,
)
from monia.systemic.models import NetworkKind, NetworkQuality, TieStrength

DATA_VERSION = 1
CENTRE_R = 62
NODE_R = 48
NODE_SPACING = 160  # along the circle, from one tie's centre to the next
MARGIN = 40
LABEL_ROOM = 30  # below a node, for its kind
LEGEND_ROW = 22

WIDTH = {"strong": 6.0, "moderate": 3.0, "weak": 1.5}
COLOUR = {"supportive": GREEN, "stressful": RED, "mixed": AMBER}
FILL = {
    **dict.fromkeys(("relative", "friend", "hobby"), "#eaf5ee"),
    **dict.fromkeys(("school", "early_education"), "#e8f0fa"),
    **dict.fromkeys(("health_care", "child_psychiatry"), "#fbeef0"),
}

# English words, all marked lazily: the page passes them translated (``Diagram.labels``), a
# drawing without them falls back to the English (``diagram_svg.english``).
DEFAULT_LABELS = {
    "kind.relative": gettext_lazy("Relative"),
    "kind.friend": gettext_lazy("Friend"),
    "kind.school": gettext_lazy("School"),
    "kind.early_education": gettext_lazy("Early childhood education"),
    "kind.hobby": gettext_lazy("Hobby"),
    "kind.health_care": gettext_lazy("Health care"),
    "kind.child_psychiatry": gettext_lazy("Child and adolescent psychiatry"),
    "kind.social_services": gettext_lazy("Social services"),
    "kind.youth_services": gettext_lazy("Youth services"),
    "kind.ngo": gettext_lazy("NGO"),
    "kind.other": gettext_lazy("Other"),
    "strength.strong": gettext_lazy("Strong"),
    "strength.moderate": gettext_lazy("Moderate"),
    "strength.weak": gettext_lazy("Weak"),
    "quality.supportive": gettext_lazy("Supportive"),
    "quality.stressful": gettext_lazy("Stressful"),
    "quality.mixed": gettext_lazy("Both supportive and stressful"),
    "legend": gettext_lazy("Legend"),
    "desc": gettext_lazy("{count} ties around {name}."),
    "empty": gettext_lazy("No network ties recorded."),
    "unnamed": gettext_lazy("Unborn child"),
}


def ecomap_data(case: Case, *, today: datetime.date | None = None) -> dict[str, Any]:
    """The child and the ties that have not ended, grouped by kind, ready to store or draw."""
    today = today or timezone.localdate()
    child = case.child
    ties = case.network_ties.filter(Q(ended_on__isnull=True) | Q(ended_on__gt=today)).order_by(
        "kind", "created_at", "pk"
    )
    return {
        "version": DATA_VERSION,
        "child": {
            "id": child.pk,
            "name": child.recorded_name,
            "birth_year": child.birth_date.year if child.birth_date else None,
        },
        "ties": [
            {
                "id": t.pk,
                "name": t.name,
                "kind": t.kind,
                "strength": t.strength,
                "quality": t.quality,
                "contact_person": t.contact_person,
                "note": t.note,
                "since": timezone.localdate(t.created_at).isoformat(),
            }
            for t in ties
        ],
    }


def orbit_radius(count: int) -> float:
    return max(190.0, count * NODE_SPACING / (2 * math.pi))


def render_ecomap_svg(
    data: dict[str, Any], *, title: str, labels: dict[str, str] | None = None
) -> str:
    """The ecomap as an accessible SVG image with a legend; ``labels`` are translated words."""
    words = {**english(DEFAULT_LABELS), **(labels or {})}
    ties = data["ties"]
    radius = orbit_radius(len(ties))
    reach = radius + NODE_R + LABEL_ROOM
    size = 2 * (reach + MARGIN)
    centre = (size / 2, size / 2)
    parts = [_tie(t, i, len(ties), centre, radius, words) for i, t in enumerate(ties)]
    parts.append(_centre(data, centre, words))
    if not ties:
        parts.append(text_lines([words["empty"]], x=centre[0], y=centre[1] + CENTRE_R + 28))
    legend, legend_height = _legend(size, words)
    name = data["child"]["name"] or words["unnamed"]
    return document(
        width=size,
        height=size + legend_height,
        title=title,
        desc=words["desc"].format(count=len(ties), name=name),
        body="".join(parts) + legend,
        id_prefix="ecomap",
        kind="ecomap",
    )


def _angle(i: int, count: int) -> float:
    """Degrees clockwise from twelve o'clock."""
    return 360.0 * i / count if count else 0.0


def line_d(start: tuple[float, float], end: tuple[float, float], quality: str) -> str:
    line = [start, end]
    if quality == "stressful":
        return path_d(zigzag(_dense(start, end), amplitude=6, wavelength=12))
    if quality == "mixed":
        return path_d(line, *ticks(_dense(start, end), every=14, half=7))
    return path_d(line)


def _dense(start: tuple[float, float], end: tuple[float, float]) -> list[tuple[float, float]]:
    n = max(2, int(math.dist(start, end) / 4))
    return [
        (start[0] + (end[0] - start[0]) * i / n, start[1] + (end[1] - start[1]) * i / n)
        for i in range(n + 1)
    ]


def _tie(
    t: dict[str, Any],
    i: int,
    count: int,
    centre: tuple[float, float],
    radius: float,
    labels: dict[str, str],
) -> str:
    angle = _angle(i, count)
    ux, uy = math.sin(math.radians(angle)), -math.cos(math.radians(angle))
    node = (centre[0] + ux * radius, centre[1] + uy * radius)
    start = (centre[0] + ux * (CENTRE_R + 4), centre[1] + uy * (CENTRE_R + 4))
    end = (node[0] - ux * (NODE_R + 4), node[1] - uy * (NODE_R + 4))
    line_style: dict[str, object] = {
        "stroke": COLOUR.get(t["quality"], INK),
        "stroke-width": WIDTH.get(t["strength"], 2.0),
        "fill": "none",
        "stroke-linejoin": "round",
    }
    if t["strength"] == "weak":
        line_style["stroke-dasharray"] = "6 4"
    name_lines = wrap(t["name"], 15, lines=3)
    first = node[1] - (len(name_lines) - 1) * 6.5 + 4
    return el(
        "g",
        {
            "class": "tie",
            "data-tie-id": t["id"],
            "data-kind": t["kind"],
            "data-strength": t["strength"],
            "data-quality": t["quality"],
            "data-angle": num(angle),
        },
        el("title", text=f"{t['name']} – {labels.get('kind.' + t['kind'], t['kind'])}"),
        el("path", {"class": "tie-line", "d": line_d(start, end, t["quality"]), **line_style}),
        el(
            "circle",
            {
                "class": "tie-node",
                "cx": node[0],
                "cy": node[1],
                "r": NODE_R,
                "fill": FILL.get(t["kind"], "#fff6e0"),
                "stroke": INK,
                "stroke-width": 1.5,
            },
        ),
        text_lines(name_lines, x=node[0], y=first, size=10, gap=13),
        text_lines(
            [labels.get(f"kind.{t['kind']}", t["kind"])],
            x=node[0],
            # outside the node, away from the centre, so the tie's line stays clear
            y=node[1] - NODE_R - 7 if uy < -0.3 else node[1] + NODE_R + 14,
            size=10,
            fill=MUTED,
        ),
    )


def _centre(data: dict[str, Any], centre: tuple[float, float], labels: dict[str, str]) -> str:
    child = data["child"]
    lines = [*wrap(child["name"] or labels["unnamed"], 14), str(child["birth_year"] or "")]
    lines = [line for line in lines if line]
    first = centre[1] - (len(lines) - 1) * 7 + 4
    return el(
        "g",
        {"class": "centre", "data-person-id": child["id"]},
        el(
            "circle",
            {
                "class": "centre-circle",
                "cx": centre[0],
                "cy": centre[1],
                "r": CENTRE_R,
                "fill": "#ffffff",
                "stroke": INK,
                "stroke-width": 2.5,
            },
        ),
        text_lines(lines, x=centre[0], y=first, size=12, gap=14, bold=True),
    )


def _legend(size: float, labels: dict[str, str]) -> tuple[str, float]:
    top = size
    items = [(f"strength.{s}", s, "supportive") for s in ("strong", "moderate", "weak")] + [
        (f"quality.{q}", "moderate", q) for q in ("supportive", "stressful", "mixed")
    ]
    cells = []
    for n, (key, strength, quality) in enumerate(items):
        col, row = divmod(n, 3)
        x, y = MARGIN + col * 240, top + 34 + row * LEGEND_ROW
        style: dict[str, object] = {
            "stroke": COLOUR[quality] if key.startswith("quality") else INK,
            "stroke-width": WIDTH[strength],
            "fill": "none",
        }
        if strength == "weak":
            style["stroke-dasharray"] = "6 4"
        sample = el("path", {"d": line_d((0, 0), (40, 0), quality), **style})
        cells.append(
            el(
                "g",
                {
                    "class": "legend-item",
                    "data-key": key,
                    "transform": f"translate({num(x)},{num(y)})",
                },
                sample,
                text_lines([labels[key]], x=50, y=4, anchor="start"),
            )
        )
    heading = text_lines(
        [labels["legend"]],
        x=MARGIN,
        y=top + 12,
        size=12,
        anchor="start",
        bold=True,
    )
    return el("g", {"class": "legend"}, heading, *cells), 34 + 3 * LEGEND_ROW + 12


def ecomap_table(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The ecomap's ties as table rows with translated words: the figure's text version."""
    kinds, strengths = dict(NetworkKind.choices), dict(TieStrength.choices)
    qualities = dict(NetworkQuality.choices)
    return [
        {
            **t,
            "kind_label": kinds.get(t["kind"], t["kind"]),
            "strength_label": strengths.get(t["strength"], t["strength"]),
            "quality_label": qualities.get(t["quality"], t["quality"]),
        }
        for t in data["ties"]
    ]
