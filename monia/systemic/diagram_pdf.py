"""The genogram and the ecomap as a document to print or file: A4 (landscape when the figure
is wide) with the county, the title, the child, the date the figure shows, the figure
scaled to fit the first page, then its data as tables; every page marked "Salassa
pidettävä" with the legal ground and its number (``monia.ui.pdf``).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from monia.casework.models import Case
from monia.systemic import ecomap, genogram
from monia.systemic.models import DiagramSnapshot
from monia.ui.pdf import MARGIN, fonts, marks, para, render, table
from monia.ui.pdf import date_text as day

FRAME_PADDING = 6  # points, SimpleDocTemplate's frame padding on each side
BOTTOM_MARGIN = 20 * mm


@dataclass
class PrintTable:
    caption: str
    rows: list[list[str]]  # the header row first
    widths: list[float]  # fractions of the text width
    empty: str = ""  # said instead of a table without data rows


@dataclass
class DiagramPrint:
    title: str
    county: str
    child: str
    born: str
    shows: str  # the day the figure shows
    data_heading: str
    tables: list[PrintTable]


def print_facts(
    case: Case,
    *,
    title: str,
    language: str,
    snapshot: DiagramSnapshot | None,
    data_heading: str,
    tables: list[PrintTable],
) -> DiagramPrint:
    """The words around the figure, in the active language."""
    child = case.child
    if child.birth_date:
        born = day(child.birth_date)
    elif child.expected_birth_date:
        expected = _("expected")
        born = f"{expected} {day(child.expected_birth_date)}"
    else:
        born = "—"
    return DiagramPrint(
        title=title,
        county=case.county.localized_name(language),
        child=child.full_name or _("unborn child"),
        born=born,
        shows=_shows(snapshot),
        data_heading=data_heading,
        tables=tables,
    )


def _shows(snapshot: DiagramSnapshot | None) -> str:
    if snapshot is None:
        return day(timezone.localdate())
    if snapshot.meeting is not None:
        text = _("as it stood at the meeting of %(d)s") % {"d": day(snapshot.meeting.held_on)}
    else:
        saved = date_format(timezone.localtime(snapshot.taken_at), "j.n.Y H:i")
        text = _("the version saved %(d)s") % {"d": saved}
    return str(capfirst(text))


def _yes(value: bool) -> str:
    return _("yes") if value else _("no")


def genogram_tables(data: dict[str, Any]) -> list[PrintTable]:
    table_data = genogram.genogram_table(data)
    persons = [
        [
            p["name"],
            str(p["role"]),
            str(p["born"] or (_("expected") + f" {p['expected_on']}" if p["expected_on"] else "—")),
            str(p["died"]) if p["deceased"] else "—",
            _yes(p["household"]),
            _yes(p["guardian"]),
        ]
        for p in table_data["persons"]
    ]
    ties = [[t["a"], str(t["tie"]), t["b"], t["note"] or ""] for t in table_data["ties"]]
    tables = [
        PrintTable(
            _("Persons"),
            [
                [
                    _("Name"),
                    _("Relationship to the child"),
                    _("Born"),
                    _("Died"),
                    _("Lives with the child"),
                    _("Guardian"),
                ],
                *persons,
            ],
            [0.26, 0.22, 0.14, 0.1, 0.15, 0.13],
        ),
        PrintTable(
            _("Relationships"),
            [[_("Who"), _("Relationship"), _("With whom"), _("Note")], *ties],
            [0.25, 0.25, 0.25, 0.25],
            empty=_("No relationships recorded."),
        ),
    ]
    if table_data["others"]:
        others = [[o["name"], str(o["role"])] for o in table_data["others"]]
        tables.append(
            PrintTable(
                _("Other relatives and close persons (not drawn)"),
                [[_("Name"), _("Relationship to the child")], *others],
                [0.5, 0.5],
            )
        )
    return tables


def ecomap_tables(data: dict[str, Any]) -> list[PrintTable]:
    rows = [
        [
            t["name"],
            str(t["kind_label"]),
            str(t["strength_label"]),
            str(t["quality_label"]),
            t["contact_person"] or "—",
            t["note"] or "",
        ]
        for t in ecomap.ecomap_table(data)
    ]
    header = [_("Name"), _("Kind"), _("Strength"), _("Quality"), _("Contact person"), _("Note")]
    return [
        PrintTable(
            _("The child's network"),
            [header, *rows],
            [0.2, 0.16, 0.12, 0.16, 0.16, 0.2],
            empty=_("No network ties recorded."),
        )
    ]


def _drawing(svg: str) -> Any:
    from svglib.svglib import svg2rlg

    drawing = svg2rlg(io.BytesIO(svg.encode("utf-8")))
    if drawing is None:  # our own markup always parses; guard the type for mypy
        raise ValueError("SVG could not be read")
    return drawing


def _head(facts: DiagramPrint, width: float) -> list[Flowable]:
    rows = [[_("Child"), facts.child], [_("Date of birth"), facts.born], [_("Date"), facts.shows]]
    return [
        para(facts.county, "county"),
        para(facts.title, "title"),
        table(rows, [35 * mm, width - 35 * mm], header=False),
        Spacer(1, 4 * mm),
    ]


def _fit(drawing: Any, *, width: float, height: float) -> Any:
    """Scale the figure to the space left on the first page (enlarged at most by half, so
    that a small family's figure stays in proportion to the text)."""
    scale = min(width / drawing.width, height / drawing.height, 1.5)
    drawing.width, drawing.height = drawing.width * scale, drawing.height * scale
    drawing.scale(scale, scale)
    drawing.hAlign = "LEFT"
    return drawing


def _data(facts: DiagramPrint, width: float) -> list[Flowable]:
    flow: list[Flowable] = [PageBreak(), para(facts.data_heading, "h2")]
    for t in facts.tables:
        flow.append(para(t.caption, "h3"))
        if len(t.rows) == 1 and t.empty:
            flow.append(para(t.empty, "muted"))
        else:
            flow.append(table(t.rows, [f * width for f in t.widths]))
    return flow


def diagram_pdf(svg: str, facts: DiagramPrint, *, language: str, plain: bool = False) -> bytes:
    """The figure and its data as PDF bytes. ``plain`` writes an uncompressed, reproducible
    file, for tests that read the text back."""
    fonts()
    drawing = _drawing(svg)
    page = landscape(A4) if drawing.width > drawing.height else A4
    width = page[0] - 2 * MARGIN - 2 * FRAME_PADDING
    height = page[1] - MARGIN - BOTTOM_MARGIN - 2 * FRAME_PADDING
    head = _head(facts, width)
    used = sum(f.wrap(width, height)[1] for f in head) + 12 * mm  # styles' spacing
    figure = _fit(drawing, width=width, height=height - used)
    return render(
        [*head, figure, *_data(facts, width)],
        title=f"{facts.title} {facts.shows}",
        language=language,
        marks=marks(running_head=f"{facts.title} · {facts.born} · {facts.shows}"),
        plain=plain,
        subject=f"{facts.child} · {facts.shows}",
        pagesize=page,
        bottom_margin=BOTTOM_MARGIN,
    )
