"""What every PDF document of Monia shares: A4, the font, the styles, the secrecy footer.

ReportLab's platypus lays out the pages. The text is set in Bitstream Vera, a TrueType font
that ships inside ReportLab (no system fonts): it covers Finnish and Swedish (äöå ÄÖÅ).
Every page carries the footer given (the secrecy marking) and "page n of m".
Imports nothing of Monia; the caller translates the words.
"""

from __future__ import annotations

import datetime
import functools
import io
import os
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

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
    "h2": _style("h2", 11.5, bold=True, spaceBefore=10, spaceAfter=2, keepWithNext=1),
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
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


class NumberedCanvas(Canvas):
    """Draws the footer once the page count is known (ReportLab's two-pass recipe)."""

    def __init__(self, *args: Any, footer: tuple[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # ReportLab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_footer(total)
            super().showPage()
        super().save()

    def _draw_footer(self, total: int) -> None:
        secrecy, page_text = self._footer
        self.saveState()
        self.setFont(FONT, 7.5)
        self.setFillColor(GREY)
        self.drawString(MARGIN, 12 * mm, secrecy)
        page = page_text % {"page": self._pageNumber, "pages": total}
        self.drawRightString(A4[0] - MARGIN, 12 * mm, page)
        self.restoreState()


def render(
    flow: list[Flowable],
    *,
    title: str,
    language: str,
    footer: tuple[str, str],
    plain: bool = False,
) -> bytes:
    """Lay ``flow`` out on A4 with the footer (secrecy marking, "page %(page)s of
    %(pages)s") on every page. ``plain`` writes an uncompressed, reproducible file, for
    tests that read the text back."""
    fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=22 * mm,
        title=title,
        author="Monia",
        lang=language,
        invariant=1 if plain else 0,
        pageCompression=0 if plain else 1,
    )
    doc.build(flow, canvasmaker=functools.partial(NumberedCanvas, footer=footer))
    return buffer.getvalue()
