"""The service letter (saate, tiedoksiantokirje) that goes with a decision to each party,
in the party's own language: what is enclosed, when the decision counts as received (HL 59 §:
a letter on the 7th day, an electronic message on the 3rd) and when the time to appeal or to
ask for a correction ends (``monia.deadlines``), and whom to ask.

The address block comes only through ``monia.access.contact.contact_cards`` and names only
the letter's own party: another party's address is never read for it. A party under
non-disclosure for personal safety (turvakielto) has their address printed only for a
reader who may see it (staff with the need to know, logged); for anyone else the letter says
it goes through the population register authority, which forwards it.
"""

from __future__ import annotations

import datetime

from django.utils import translation
from django.utils.translation import gettext as _

from monia import deadlines
from monia.access import contact
from monia.decisions.document import decision_title, person_with_title, postal_address
from monia.decisions.instructions import authority_for
from monia.decisions.kinds import AppealRoute
from monia.decisions.models import Decision, DecisionParty
from monia.people.models import Person
from monia.ui import pdf
from monia.ui.document import Document, Section


def served_and_ends(sent_on: datetime.date, channel: str) -> tuple[datetime.date, datetime.date]:
    """The day the decision counts as received and the last day to appeal (or to ask for a
    correction); a decision handed over in person is received that day."""
    served = sent_on if channel == "in_person" else deadlines.served_on(sent_on, channel)
    return served, deadlines.appeal_ends(served)


def address_block(person: Person, reader: contact.Reader) -> tuple[str, ...]:
    """The party's name and postal address as ``reader`` may see it."""
    (card,) = contact.contact_cards([person], reader, details=False)
    if card.hidden:
        return (
            person.full_name,
            _(
                "Address withheld (non-disclosure for personal safety): sent through the "
                "population register authority, which forwards it."
            ),
        )
    lines = [line.strip() for line in card.address.splitlines() if line.strip()]
    # The town, as on every other letter (letters.frame): an address of a street alone
    # cannot be posted. Not twice when the address already ends with it.
    if card.municipality and not (lines and lines[-1].endswith(card.municipality)):
        lines.append(card.municipality)
    return (person.full_name, *lines)


def _enclosed(decision: Decision, title: str) -> Section:
    said = _("Enclosed is the decision %(title)s of %(date)s, number %(number)s.") % {
        "title": title,
        "date": pdf.date_text(decision.decided_on),
        "number": decision.number or "—",
    }
    how = (
        _("The instructions for appeal are at the end of the decision.")
        if decision.appeal_route == AppealRoute.APPEAL
        else _("The instructions for requesting a correction are at the end of the decision.")
    )
    return Section(heading=_("What is enclosed"), paragraphs=(said, how))


def _received(sent_on: datetime.date, channel: str, served: datetime.date) -> Section:
    if channel == "electronic":
        rule = _("A decision sent electronically counts as received on the third day.")
    elif channel == "in_person":
        rule = _("A decision handed over in person counts as received that day.")
    else:
        rule = _("A decision sent by letter counts as received on the seventh day.")
    return Section(
        heading=_("When you have received the decision"),
        paragraphs=(
            rule,
            _("This was sent on %(sent)s, so you have received the decision on %(served)s.")
            % {"sent": pdf.date_text(sent_on), "served": pdf.date_text(served)},
        ),
    )


def _time_limit(decision: Decision, ends: datetime.date) -> Section:
    contact_row = authority_for(decision.case.county, decision.appeal_route)
    if decision.appeal_route == AppealRoute.APPEAL:
        said = _("If you want to appeal, the appeal must arrive by %(date)s.")
    else:
        said = _("If you want to ask for a correction, the request must arrive by %(date)s.")
    paragraphs = [said % {"date": pdf.date_text(ends)}]
    if contact_row is None:
        paragraphs.append(_("Ask the person named below where to send it."))
    return Section(heading=_("Time limit"), paragraphs=tuple(paragraphs))


def _questions(decision: Decision) -> Section:
    who = person_with_title(decision.info_person) if decision.info_person else "—"
    return Section(
        heading=_("Questions"),
        paragraphs=(_("Ask us if something in the decision is unclear."),),
        rows=(
            (_("Name"), who),
            (_("Postal address"), postal_address(decision) or "—"),
            (_("Phone"), decision.info_phone or "—"),
        ),
    )


def service_letter(
    decision: Decision,
    party: DecisionParty,
    *,
    sent_on: datetime.date,
    channel: str = "letter",
    reader: contact.Reader | None = None,
) -> Document:
    """The letter to ``party`` that goes with ``decision``, sent on ``sent_on`` by
    ``channel`` ("letter", "electronic" or "in_person"). ``reader``: who sees the letter
    (default: a document, which never shows a protected address)."""
    person = party.person
    language = person.document_language
    served, ends = served_and_ends(sent_on, channel)
    county = decision.case.county
    with translation.override(language):
        title = decision_title(decision)
        return Document(
            title=_("Service of a decision"),
            subject=decision.case.child.full_name,
            date=sent_on,
            language=language,
            county=county.localized_name(language),
            controller=county.localized_controller(language),
            sections=(
                _enclosed(decision, title),
                _received(sent_on, channel, served),
                _time_limit(decision, ends),
                _questions(decision),
            ),
            number=decision.number,
            recipient=address_block(person, reader or contact.Reader.document()),
            legal_ground=pdf.marks().legal_ground,
        )
