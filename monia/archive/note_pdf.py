"""A signed client note as a PDF, for the archive package: the same words as the note's
printable page (casework/templates/casework/note_detail.html), laid out by ``ui.pdf``
with the secrecy marking, the controller and the page numbers on every page."""

from __future__ import annotations

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from reportlab.platypus import Flowable

from monia.casework.models import Case, ClientNote
from monia.teams.selectors import county_line
from monia.ui import pdf
from monia.ui.pdf import date_text

SECRECY = (
    "Confidential: secret under section 24(1)(25) of the Act on the Openness of "
    "Government Activities (621/1999)"
)


def _when(note: ClientNote) -> str:
    time = f" {note.occurred_time:%H:%M}" if note.occurred_time else ""
    return date_text(note.occurred_on) + time


def _facts(case: Case, note: ClientNote) -> list[tuple[str, str]]:
    rows = [
        (_("Child"), case.child.full_name),
        (_("Identity code"), case.child.identity_code or "—"),
        (_("Date"), _when(note)),
    ]
    if note.contact_method:
        rows.append((_("Way of contact"), str(note.get_contact_method_display())))
    if note.place:
        rows.append((_("Place"), note.place))
    signer = note.signed_by.display_name if note.signed_by else "—"
    signed = f"{date_text(timezone.localtime(note.signed_at).date())} · {signer}"
    rows += [
        (_("Written by"), note.author.display_name),
        (_("Signed"), signed if note.signed_at else _("not signed")),
        (_("Printed"), date_text(timezone.localdate())),
    ]
    return rows


def _sections(note: ClientNote) -> list[tuple[str, str]]:
    texts = [
        (_("Reason for the cancellation"), str(note.get_cancellation_reason_display())),
        (_("Who took part"), note.participants),
        (_("Asked from or given by"), note.info_source),
        (_("Why the information is needed"), note.info_purpose),
        (_("Information requested"), note.info_requested),
        (_("Information received"), note.info_received),
        (_("What was discussed or done"), note.discussed),
        (_("What was agreed"), note.agreed),
        (_("The child's own view"), note.child_view),
        (_("Why the child's view is not recorded"), note.child_view_reason),
    ]
    if note.child_took_part:
        texts.append((_("The child took part."), ""))
    return [(label, text) for label, text in texts if text.strip() or label.endswith(".")]


def _body(note: ClientNote) -> list[Flowable]:
    flow: list[Flowable] = []
    for label, text in _sections(note):
        flow.append(pdf.para(label, "h2"))
        if text:
            flow.append(pdf.para(text))
    amendments = list(note.amendments.all())
    if amendments:
        flow.append(pdf.para(_("Amendments"), "h2"))
    for a in amendments:
        who = f"{date_text(timezone.localtime(a.created_at).date())}, {a.author.display_name}"
        flow += [pdf.para(who, "h3"), pdf.para(a.text), pdf.para(_("Reason:") + f" {a.reason}")]
    return flow


def note_pdf_render(case: Case, note: ClientNote, *, language: str) -> bytes:
    """The note as PDF bytes in ``language`` (fi or sv)."""
    with translation.override(language):
        county = case.county
        head = [
            pdf.para(_(SECRECY), "secrecy"),
            pdf.para(county_line(county, language), "county"),
            pdf.para(note.heading, "title"),
            pdf.para(str(note.get_note_type_display()), "muted"),
            pdf.facts_table(_facts(case, note)),
        ]
        footer = _("Client record entry after the national definition %(oid)s.") % {
            "oid": note.sosmeta_definition
        }
        flow = head + _body(note) + [pdf.para(footer, "muted")]
        title = f"{note.heading} {date_text(note.occurred_on)}"
        return pdf.render(flow, title=title, language=language, marks=pdf.marks(running_head=title))
