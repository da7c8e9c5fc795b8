"""What every letter to the family shares: the address block (only through
``access.contact``), the county as the sender, the secrecy marking, the child the letter is
about, and who to contact. Called inside ``translation.override(language)``."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.utils.translation import gettext as _

from monia.access.contact import Reader, contact_cards
from monia.accounts.models import User
from monia.casework.models import Case
from monia.letters.recipients import Recipient
from monia.ui.document import Document, Section
from monia.ui.languages import DOCUMENT_LANGUAGE_CODES
from monia.ui.pdf import date_text


def letter_language(recipient: Recipient, override: str | None = None) -> str:
    """The recipient's own language (Finnish or Swedish), unless the worker chose the
    other one for a bilingual family; any other language writes Finnish."""
    if override in DOCUMENT_LANGUAGE_CODES:
        return override
    return recipient.person.document_language


def address_block(recipient: Recipient) -> tuple[str, ...]:
    """The recipient's name and address as the contact rule gives them to a document: a
    protected address (turvakielto) is never printed, not even on a letter to the
    protected person (the agency that keeps the register forwards the post)."""
    card = contact_cards([recipient.person], Reader.document(), details=False)[0]
    name = recipient.person.full_name
    if card.hidden:
        return (
            name,
            _("The address is not shown: non-disclosure for personal safety."),
            _("Send this letter through the Digital and Population Data Services Agency."),
        )
    return tuple(line for line in (name, card.address, card.municipality) if line)


def contact_section(case: Case, sender: User) -> Section:
    """Who to contact: the child's designated worker (else the sender), and outside
    office hours the county's social emergency service."""
    worker = case.designated_worker or sender
    rows = [(_("Social worker"), worker.display_name)]
    if worker.display_title:  # in the letter's language (the active one)
        rows.append((_("Title"), worker.display_title))
    if worker.phone:
        rows.append((_("Phone"), worker.phone))
    if worker.email:
        rows.append((_("E-mail"), worker.email))
    paragraphs = [_("Please contact the worker if you have questions.")]
    if case.county.social_emergency_phone:
        paragraphs.append(
            _("In an emergency call 112. Outside office hours: social emergency service %(phone)s.")
            % {"phone": case.county.social_emergency_phone}
        )
    return Section(_("Who to contact"), tuple(paragraphs), tuple(rows))


def child_rows(case: Case) -> list[tuple[str, str]]:
    child = case.child
    rows = [(_("Child"), child.full_name)]
    if child.birth_date:
        rows.append((_("Date of birth"), date_text(child.birth_date)))
    return rows


def letter_document(
    *,
    case: Case,
    recipient: Recipient,
    sender: User,
    language: str,
    title: str,
    sections: Sequence[Section],
    today: datetime.date,
) -> Document:
    county = case.county
    return Document(
        title=title,
        subject=case.child.full_name,
        date=today,
        language=language,
        county=county.localized_name(language),
        # The name only: the document's county line says "Controller:" itself.
        controller=county.localized_controller(language),
        sections=(*sections, contact_section(case, sender)),
        recipient=address_block(recipient),
        confidential=True,
        legal_ground=_(
            "Confidential: secret under section 24(1)(25) of the Act on the Openness of "
            "Government Activities (621/1999)"
        ),
        footer=(_("Sent by: %(name)s") % {"name": sender.display_name},),
        service_task=case.service_task_in(language),
    )


def date_or_dash(day: datetime.date | None) -> str:
    return date_text(day)
