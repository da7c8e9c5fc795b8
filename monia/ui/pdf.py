"""What every PDF document of Monia shares — the client plan, the team's minutes, the
genogram and the ecomap: A4, the font, the text styles, tables, and the page marking drawn
on every page: "Salassa pidettävä" / "Sekretessbelagd" at the top, the legal ground and
"page n of m" at the foot, and from the second page on a running head that names the
document, so that a loose page is still known for what it is.

ReportLab's platypus lays out the pages. The text is set in Bitstream Vera, a TrueType font
that ships inside ReportLab (no system fonts or libraries): it covers Finnish and Swedish
(äöå ÄÖÅ) and Latin-1 with Č, Š and Ž; it lacks a few letters, e.g. the Sámi Đ and Ŋ, which
print as an empty box. ``render`` writes every PDF as PDF/A-2b (``monia.ui.pdfa``): every
font embedded, the title, the child and the date and the secrecy marking in its metadata.
Imports nothing of Monia.
"""

from __future__ import annotations

import datetime
import functools
import io
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

import reportlab
from django.utils import translation
from django.utils.translation import gettext as _
from reportlab.graphics.shapes import Drawing, Group, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from . import pdfa
from .document import Document

FONT = "MoniaSans"
FONT_DIR = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
MARGIN = 20 * mm
WIDTH = A4[0] - 2 * MARGIN
GREY = colors.HexColor("#555560")
RULE = colors.HexColor("#b8b8c0")


@functools.cache
def fonts() -> None:
    faces = {"": "Vera", "-Bold": "VeraBd", "-Italic": "VeraIt", "-BoldItalic": "VeraBI"}
    for suffix, file in faces.items():
        pdfmetrics.registerFont(TTFont(FONT + suffix, os.path.join(FONT_DIR, f"{file}.ttf")))
    pdfmetrics.registerFontFamily(
        FONT,
        normal=FONT,
        bold=f"{FONT}-Bold",
        italic=f"{FONT}-Italic",
        boldItalic=f"{FONT}-BoldItalic",
    )


def _style(name: str, size: float, *, bold: bool = False, **extra: Any) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=f"{FONT}-Bold" if bold else FONT,
        fontSize=size,
        leading=size * 1.3,
        alignment=TA_LEFT,
        **extra,
    )


STYLES = {
    "secrecy": _style("secrecy", 9, bold=True, spaceAfter=2),
    "county": _style("county", 9, textColor=GREY),
    "title": _style("title", 16, bold=True, spaceBefore=4, spaceAfter=6),
    "h2": _style("h2", 12, bold=True, spaceBefore=12, spaceAfter=2, keepWithNext=1),
    "h3": _style("h3", 10, bold=True, spaceBefore=7, spaceAfter=2, keepWithNext=1),
    "body": _style("body", 9.5),
    "cell": _style("cell", 8.5),
    "head": _style("head", 8.5, bold=True),
    "muted": _style("muted", 9, textColor=GREY),
}


def date_text(day: datetime.date | None) -> str:
    """A date as Monia writes it everywhere (j.n.Y), or a dash."""
    return f"{day.day}.{day.month}.{day.year}" if day else "—"


def para(text: str, style: str = "body") -> Paragraph:
    """A paragraph of user-written text: escaped, line breaks kept."""
    fonts()  # a paragraph measures its text in the font as it is made
    return Paragraph(escape(text or "—").replace("\n", "<br/>"), STYLES[style])


def facts_table(rows: Sequence[tuple[str, str]], label_width: float = 38 * mm) -> Table:
    """Label–value rows, e.g. the document's header."""
    cells = [[para(label, "head"), para(value, "cell")] for label, value in rows]
    table = Table(cells, colWidths=[label_width, WIDTH - label_width], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), FONT),  # not the unembedded Helvetica
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def table(rows: list[list[str]], widths: list[float], *, header: bool = True) -> Table:
    cells = [
        [para(text, "head" if header and r == 0 else "cell") for text in row]
        for r, row in enumerate(rows)
    ]
    result = Table(cells, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
    commands: list[Any] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # a table's own default is Helvetica
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#ececf1")))
    result.setStyle(TableStyle(commands))
    return result


@dataclass(frozen=True)
class Marks:
    """The words on every page, translated when the document is laid out."""

    confidential: str
    legal_ground: str
    page: str  # with %(page)s and %(pages)s
    running_head: str = ""


def marks(*, running_head: str = "") -> Marks:
    return Marks(
        confidential=_("Confidential"),
        legal_ground=_(
            "Confidential: secret under section 24(1)(25) of the Act on the Openness of "
            "Government Activities (621/1999)"
        ),
        page=_("Page %(page)s of %(pages)s"),
        running_head=running_head,
    )


class NumberedCanvas(Canvas):
    """Draws the marks once the page count is known (ReportLab's two-pass recipe)."""

    def __init__(self, *args: Any, marks: Marks, **kwargs: Any) -> None:
        # Monia's font from the start: ReportLab's default, Helvetica, is not embedded,
        # which PDF/A forbids even when no text is set in it.
        super().__init__(*args, **{**kwargs, "initialFontName": FONT})
        self._marks = marks
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # ReportLab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_marks(total)
            super().showPage()
        super().save()

    def _draw_marks(self, total: int) -> None:
        width, height = self._pagesize
        self.saveState()
        self.setFillColor(colors.black)
        self.setFont(f"{FONT}-Bold", 9)
        self.drawRightString(width - MARGIN, height - 12 * mm, self._marks.confidential)
        self.setFont(FONT, 7.5)
        self.setFillColor(GREY)
        if self._marks.running_head and self._pageNumber > 1:
            self.drawString(MARGIN, height - 12 * mm, self._marks.running_head)
        self.drawString(MARGIN, 12 * mm, self._marks.legal_ground)
        page = self._marks.page % {"page": self._pageNumber, "pages": total}
        self.drawRightString(width - MARGIN, 12 * mm, page)
        self.restoreState()


def embed_fonts(drawing: Drawing) -> Drawing:
    """A figure's text in Monia's font: svglib sets SVG text in Helvetica, and a drawing
    starts in it, which is not embedded."""

    def walk(node: Any) -> None:
        if isinstance(node, String):
            bold = "Bold" in node.fontName
            node.fontName = f"{FONT}-Bold" if bold else FONT
        elif isinstance(node, Group):
            for child in node.contents:
                walk(child)

    walk(drawing)
    drawing.initialFontName = FONT  # the state a drawing starts from, else Helvetica
    return drawing


def render(
    flow: list[Flowable],
    *,
    title: str,
    language: str,
    marks: Marks,
    plain: bool = False,
    subject: str = "",
    pagesize: tuple[float, float] = A4,
    bottom_margin: float = 22 * mm,
) -> bytes:
    """Lay ``flow`` out on ``pagesize`` with the marks on every page, as PDF/A-2b.
    ``title`` names the document and ``subject`` the child and the date, both in the
    metadata; ``plain`` writes an uncompressed, reproducible file, for tests that read
    the text back."""
    fonts()
    for flowable in flow:
        if isinstance(flowable, Drawing):
            embed_fonts(flowable)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=bottom_margin,
        title=title,
        author="Monia",
        subject=subject,
        keywords=marks.confidential,
        lang=language,
        invariant=1 if plain else 0,
        pageCompression=0 if plain else 1,
    )
    doc.build(flow, canvasmaker=functools.partial(NumberedCanvas, marks=marks))
    return pdfa.make_pdfa(
        buffer.getvalue(),
        title=title,
        language=language,
        subject=subject,
        keywords=marks.confidential,
    )


def document_pdf(document: Document, *, plain: bool = False) -> bytes:
    """A `Document` as PDF, in the same words as ``ui/document.html`` shows it."""
    fonts()
    flow: list[Flowable] = []
    if document.confidential:
        flow.append(para(document.legal_ground, "secrecy"))
    flow.append(para(document.county_line, "county"))
    if document.service_task_line:
        flow.append(para(document.service_task_line, "county"))
    if document.recipient:
        flow.append(para("\n".join(document.recipient)))
    flow.append(para(document.title, "title"))
    meta = [document.subject, date_text(document.date) if document.date else "", document.number]
    flow.append(para(" · ".join(p for p in meta if p), "muted"))
    for section in document.sections:
        if section.heading:
            flow.append(para(section.heading, "h2"))
        if section.rows:
            flow.append(facts_table(section.rows))
        flow += [para(text) for text in section.paragraphs]
    if document.footer:
        flow.append(para("\n".join(document.footer), "muted"))
    running_head = " · ".join(p for p in (document.title, document.subject) if p)
    with translation.override(document.language):  # the page marks in the document's words
        page_marks = marks(running_head=running_head)
    return render(
        flow,
        title=document.title,
        language=document.language,
        marks=page_marks,
        plain=plain,
        subject=" · ".join(p for p in meta[:2] if p),
    )
