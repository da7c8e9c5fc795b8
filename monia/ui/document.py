"""A document's content, once: the same `Document` is rendered on the screen
(``ui/document.html``), printed, and written as PDF/A (``ui.pdf.document_pdf``), so the
paper, the PDF and the screen say the same words. Decisions, their service letters and
every letter to a family are built as a `Document` by the app that owns them. Imports
nothing of Monia."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext


@dataclass(frozen=True)
class Section:
    """One headed part: paragraphs of plain text (a blank line inside one is kept as a
    break) and/or label–value rows (a definition list on the screen, a table on paper)."""

    heading: str
    paragraphs: tuple[str, ...] = ()
    rows: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Document:
    """``title`` heads the document and names it in the PDF's metadata; ``subject`` is the
    child (or the person) it is about; ``language`` is the language it is written in
    ("fi" or "sv"); ``recipient`` the address block of a letter (empty lines: none);
    ``service_task`` the case's service task (palvelutehtävä) in that language, which
    every social welfare document names (empty in a letter kept before it was named)."""

    title: str
    subject: str
    date: datetime.date | None
    language: str
    county: str
    controller: str
    sections: tuple[Section, ...]
    number: str = ""
    recipient: tuple[str, ...] = ()
    confidential: bool = True
    legal_ground: str = ""
    footer: tuple[str, ...] = field(default=())
    service_task: str = ""

    @property
    def county_line(self) -> str:
        """The county, and the controller named as such when it is another name, in the
        document's language: a county that is its own controller (the usual case) is not
        named twice ("Keski-Suomen hyvinvointialue · Keski-Suomen hyvinvointialue")."""
        return county_line(self.county, self.controller, self.language)

    @property
    def service_task_line(self) -> str:
        """ "Service task: Child welfare" in the document's language, or "" without one."""
        if not self.service_task:
            return ""
        with translation.override(self.language):
            return gettext("Service task: %(name)s") % {"name": self.service_task}


def county_line(county: str, controller: str, language: str) -> str:
    """ "County · Controller: …" in ``language``, or the county alone when the controller is
    the county itself (or not given): the heading of every printed document."""
    if not controller or controller == county:
        return county
    with translation.override(language):
        named = gettext("Controller: %(name)s") % {"name": controller}
    return " · ".join(p for p in (county, named) if p)
