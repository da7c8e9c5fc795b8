"""The decision's full text as a `Document` (placeholder of the decisions workflow: the
document engineer's version, with the appeal instructions, replaces it at merge; the
signature stays)."""

from __future__ import annotations

from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from monia.decisions.models import Decision, DecisionParty
from monia.ui.document import Document, Section


def _name(user: object | None) -> str:
    return user.get_full_name() if user is not None else "—"  # type: ignore[attr-defined]


def decision_document(decision: Decision, *, language: str) -> Document:
    """The decision in ``language`` ("fi" or "sv"): the same words on the screen and in
    the PDF."""
    with translation.override(language):
        county = decision.case.county
        parties = tuple(
            (
                f"{p.person.full_name} ({p.get_role_display()})",
                _heard_text(p),
            )
            for p in decision.parties.all()
        )
        sections = (
            Section(_("Matter"), paragraphs=(decision.matter,)),
            Section(_("Decision"), paragraphs=(decision.decision_text,)),
            Section(_("Facts and the evidence relied on"), paragraphs=(decision.facts,)),
            Section(_("Reasons"), paragraphs=(decision.reasons,)),
            Section(_("Provisions applied"), paragraphs=(decision.provisions,)),
            Section(_("Parties and their hearing"), rows=parties),
            Section(
                _("Prepared and decided by"),
                rows=(
                    (_("Prepared by"), _name(decision.preparer)),
                    (_("Decided by"), _name(decision.decider)),
                ),
            ),
            Section(
                _("More information"),
                rows=((_name(decision.info_person), decision.info_contact),),
            ),
        )
        return Document(
            title=str(decision.get_kind_display()),
            subject=decision.case.child.full_name,
            date=decision.decided_on,
            language=language,
            county=county.localized_name(language),
            controller=county.controller,
            sections=sections,
            number=decision.number,
            legal_ground=_(
                "Confidential: secret under section 24(1)(25) of the Act on the Openness of "
                "Government Activities (621/1999)"
            ),
        )


def _heard_text(party: DecisionParty) -> str:
    if party.heard is None:
        return "—"
    if party.heard and party.heard_on is not None:
        return f"{date_format(party.heard_on, 'j.n.Y')}: {party.view}"
    return party.not_heard_reason
