"""The approved client plan (LsL 30 §) as a PDF, in Finnish or Swedish.

The same document as the read page (``plan_selectors.PlanDocument``): the secrecy marking,
the county as the controller, the child, who approved the plan and when, the next review
and which version it is; then each item of the plan. Every page carries the secrecy
marking and its number (``monia.ui.pdf``).
"""

from __future__ import annotations

import datetime

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from monia.casework.plan_selectors import PlanDocument, PlanItem
from monia.teams.selectors import county_line
from monia.ui import pdf
from monia.ui.languages import DOCUMENT_LANGUAGE_CODES
from monia.ui.pdf import date_text

LANGUAGES = DOCUMENT_LANGUAGE_CODES

SECRECY = gettext_lazy(
    "Confidential: secret under section 24(1)(25) of the Act on the Openness of "
    "Government Activities (621/1999)"
)


def plan_language(requested: str | None, current: str | None) -> str:
    """The PDF's language: the one asked for, else the user's, else Finnish."""
    for language in (requested, current):
        if language in LANGUAGES:
            return language
    return LANGUAGES[0]


def _version_text(doc: PlanDocument) -> str:
    version = doc.version
    text = _("Version %(n)s of %(total)s") % {"n": version.number, "total": len(doc.versions)}
    if version.in_force:
        state = _("in force")
    else:
        state = _("superseded on %(date)s") % {"date": date_text(version.valid_until)}
    return f"{text}: {state}"


def _address_rows(doc: PlanDocument) -> list[tuple[str, str]]:
    """The child's address as the contact rule gives it to a document (never protected)."""
    card = doc.contact
    if card.hidden:
        return [(_("Address"), _("Non-disclosure for personal safety"))]
    return [
        (_("Address"), card.address or "—"),
        (_("Municipality of residence"), card.municipality or "—"),
    ]


def _header(doc: PlanDocument, language: str, printed: datetime.date) -> list[Flowable]:
    case, plan = doc.case, doc.plan
    child = case.child
    approver = plan.approved_by.display_name if plan.approved_by else "—"
    rows = [
        (_("Child"), child.full_name),
        (_("Identity code"), child.identity_code or "—"),
        (_("Date of birth"), date_text(child.birth_date)),
        (_("Service task"), case.service_task_in(language)),
        *_address_rows(doc),
        (_("Approved"), f"{date_text(plan.approved_on)} · {approver}"),
        (_("Next review"), date_text(plan.review_due)),
        (_("Version"), _version_text(doc)),
        (_("Printed"), date_text(printed)),
    ]
    county = case.county
    return [
        pdf.para(str(SECRECY), "secrecy"),
        pdf.para(county_line(county, language), "county"),
        pdf.para(_("Client plan (LsL 30 §)"), "title"),
        pdf.facts_table(rows),
        Spacer(1, 3 * mm),
    ]


def _items(items: list[PlanItem]) -> list[Flowable]:
    flow: list[Flowable] = []
    for item in items:
        flow += [pdf.para(item.label, "h2"), pdf.para(item.text)]
    return flow


def plan_pdf_render(
    doc: PlanDocument, *, language: str, printed: datetime.date, plain: bool = False
) -> bytes:
    """The plan as PDF bytes in ``language`` (fi or sv). ``plain``: uncompressed, for tests."""
    with translation.override(language):
        flow = _header(doc, language, printed) + _items(doc.items)
        if doc.placed_items:
            flow += [pdf.para(_("For a placed child"), "title"), *_items(doc.placed_items)]
        title = _("Client plan") + f" {date_text(doc.plan.approved_on)}"
        marks = pdf.marks(running_head=title)
        subject = f"{doc.case.child.full_name} · {date_text(doc.plan.approved_on)}"
        return pdf.render(
            flow, title=title, language=language, marks=marks, plain=plain, subject=subject
        )
