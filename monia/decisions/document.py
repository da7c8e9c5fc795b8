"""The administrative decision as a document (hallintopäätös, HL 43–47 §): the same
`Document` is shown on the screen, printed, given in the portal and written as PDF.

It names the authority and the date, the parties (never an address: the decision goes to
every party, and a party may be under non-disclosure for personal safety), the matter, the
ruling, the facts and evidence, the reasons (HL 45 §), the provisions applied, the hearing
of each party (HL 34 §, LsL 20 §) and the consents the measure needs, immediate enforcement
(LsL 92 §), the preparer and the decider by name, the person who gives more information and
the instructions for appeal or correction (``instructions.py``).
"""

from __future__ import annotations

import datetime

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy

from monia.accounts.models import User
from monia.decisions import instructions
from monia.decisions.kinds import DecisionKind
from monia.decisions.models import Decision, DecisionParty, DecisionState
from monia.ui import pdf
from monia.ui.document import Document, Section

TITLES: dict[str, Promise] = {
    DecisionKind.SUPPORT_MEASURE: gettext_lazy("Decision on support measures in open care"),
    DecisionKind.SUPPORT_MEASURE_END: gettext_lazy(
        "Decision on ending support measures in open care"
    ),
    DecisionKind.PLACEMENT_AS_SUPPORT: gettext_lazy(
        "Decision on placing a child as a support measure in open care"
    ),
    DecisionKind.PLACEMENT_AS_SUPPORT_END: gettext_lazy(
        "Decision on ending a placement as a support measure in open care"
    ),
    DecisionKind.EMERGENCY_PLACEMENT: gettext_lazy(
        "Decision on the emergency placement of a child"
    ),
    DecisionKind.EMERGENCY_PLACEMENT_EXTENSION: gettext_lazy(
        "Decision on extending the emergency placement of a child"
    ),
    DecisionKind.EMERGENCY_PLACEMENT_END: gettext_lazy(
        "Decision on ending the emergency placement of a child"
    ),
    DecisionKind.CARE_ORDER: gettext_lazy(
        "Decision on taking a child into care and on substitute care"
    ),
    DecisionKind.PLACEMENT_CHANGE: gettext_lazy("Decision on changing the substitute-care place"),
    DecisionKind.CARE_ORDER_END: gettext_lazy("Decision on ending a care order"),
    DecisionKind.AFTERCARE: gettext_lazy("Decision on aftercare"),
    DecisionKind.AFTERCARE_MEASURE: gettext_lazy(
        "Decision on an aftercare service or support measure"
    ),
}

# The legal basis each kind rests on, as the decision prints it.
LEGAL_BASIS: dict[str, Promise] = {
    DecisionKind.SUPPORT_MEASURE: gettext_lazy("Child Welfare Act (417/2007) sections 34–36"),
    DecisionKind.SUPPORT_MEASURE_END: gettext_lazy("Child Welfare Act (417/2007) sections 34–36"),
    DecisionKind.PLACEMENT_AS_SUPPORT: gettext_lazy("Child Welfare Act (417/2007) section 37"),
    DecisionKind.PLACEMENT_AS_SUPPORT_END: gettext_lazy("Child Welfare Act (417/2007) section 37"),
    DecisionKind.EMERGENCY_PLACEMENT: gettext_lazy("Child Welfare Act (417/2007) section 38"),
    DecisionKind.EMERGENCY_PLACEMENT_EXTENSION: gettext_lazy(
        "Child Welfare Act (417/2007) section 38 a"
    ),
    DecisionKind.EMERGENCY_PLACEMENT_END: gettext_lazy("Child Welfare Act (417/2007) section 38"),
    DecisionKind.CARE_ORDER: gettext_lazy("Child Welfare Act (417/2007) sections 40 and 43"),
    DecisionKind.PLACEMENT_CHANGE: gettext_lazy("Child Welfare Act (417/2007) sections 43 and 50"),
    DecisionKind.CARE_ORDER_END: gettext_lazy("Child Welfare Act (417/2007) section 47"),
    DecisionKind.AFTERCARE: gettext_lazy("Child Welfare Act (417/2007) sections 75–76"),
    DecisionKind.AFTERCARE_MEASURE: gettext_lazy("Child Welfare Act (417/2007) section 76"),
}

ROLES = {
    "guardian": pgettext_lazy("decision document", "Guardian"),
    "child": pgettext_lazy("decision document", "The child"),
    "carer": pgettext_lazy("decision document", "Person who cared for the child"),
    "parent": pgettext_lazy("decision document", "Parent"),
    "young_person": pgettext_lazy("decision document", "The young person (aftercare)"),
}

HEARING_WAYS = {
    "in_person": pgettext_lazy("decision document", "in person"),
    "in_writing": pgettext_lazy("decision document", "in writing"),
    "remote": pgettext_lazy("decision document", "by video or phone"),
}


def decision_title(decision: Decision) -> str:
    """The decision's title in the active language, e.g. "Päätös lapsen kiireellisestä
    sijoituksesta"."""
    title = TITLES.get(decision.kind)
    return str(title) if title is not None else decision.get_kind_display()


def person_with_title(user: User | None) -> str:
    """The name and the title in the document's language (the active one)."""
    if user is None:
        return _("Not signed yet")
    return ", ".join(p for p in (user.display_name, user.display_title) if p)


def _role(party: DecisionParty) -> str:
    return str(ROLES.get(party.role, party.role))


def _parties(parties: list[DecisionParty]) -> Section:
    rows = tuple((_role(p), p.person.full_name) for p in parties)
    return Section(heading=pgettext("decision document", "Parties"), rows=rows)


def _hearing_text(party: DecisionParty) -> str:
    if party.heard is None:
        return _("The hearing is not recorded.")
    if not party.heard:
        return _("Not heard. Why: %(reason)s") % {"reason": party.not_heard_reason}
    text = _("Heard on %(date)s") % {"date": pdf.date_text(party.heard_on)}
    if party.method:
        text += f" ({HEARING_WAYS.get(party.method, party.method)})"
    text += "."
    if party.view:
        text += "\n" + _("Their view: %(view)s") % {"view": party.view}
    return text


def _hearings(parties: list[DecisionParty]) -> Section:
    return Section(
        heading=_("Hearing of the parties (HL 34 §, LsL 20 §)"),
        rows=tuple((f"{p.person.full_name} ({_role(p)})", _hearing_text(p)) for p in parties),
    )


def _consent_text(answer: str, given_on: datetime.date | None, reason: str) -> str:
    if answer == "consented":
        return _("Consented on %(date)s.") % {"date": pdf.date_text(given_on)}
    if answer == "objected":
        return _("Objected on %(date)s.") % {"date": pdf.date_text(given_on)}
    return _("Not asked. Why: %(reason)s") % {"reason": reason}


def _consents(decision: Decision) -> tuple[Section, ...]:
    if decision.measure_id is None:
        return ()
    consents = list(decision.measure.consents.select_related("person"))  # type: ignore[union-attr]
    if not consents:
        return ()
    rows = tuple(
        (c.person.full_name, _consent_text(c.answer, c.given_on, c.not_asked_reason))
        for c in consents
    )
    return (Section(heading=_("Consents (LsL 37 §, 43 §)"), rows=rows),)


def _text(heading: str, text: str) -> tuple[Section, ...]:
    return (Section(heading=heading, paragraphs=(text,)),) if text.strip() else ()


def _enforcement(decision: Decision) -> tuple[Section, ...]:
    if not decision.enforced_at_once:
        return ()
    paragraphs = [_("The decision is enforced at once, even if it is appealed against (LsL 92 §).")]
    if decision.enforcement_reason.strip():
        paragraphs.append(decision.enforcement_reason)
    return (Section(heading=_("Immediate enforcement"), paragraphs=tuple(paragraphs)),)


def _correction_of(decision: Decision) -> tuple[Section, ...]:
    old = decision.corrects
    if old is None:
        return ()
    said = _("This decision corrects the decision %(number)s of %(date)s.") % {
        "number": old.number or "—",
        "date": pdf.date_text(old.decided_on),
    }
    return (
        Section(
            heading=_("Correction of an earlier decision"),
            paragraphs=(said, decision.correction_reason),
        ),
    )


def _signatures(decision: Decision) -> Section:
    rows = [
        (_("Prepared by"), person_with_title(decision.preparer)),
        (_("Decided by"), person_with_title(decision.decider)),
    ]
    if decision.signed_at is not None:
        rows.append((_("Signed electronically on"), pdf.date_text(decision.signed_at.date())))
    return Section(heading=_("Preparer and decider"), rows=tuple(rows))


def _more_information(decision: Decision) -> Section:
    name = decision.info_person.display_name if decision.info_person else ""
    rows = (
        (_("Name"), person_with_title(decision.info_person) if name else "—"),
        (_("Postal address"), postal_address(decision) or "—"),
        (_("Phone"), decision.info_phone or "—"),
    )
    return Section(heading=_("More information from"), rows=rows)


def postal_address(decision: Decision) -> str:
    """The structured address of the person who gives more information, as printed:
    street, then postal code and post office."""
    town = " ".join(v for v in (decision.info_postal_code, decision.info_town) if v)
    return ", ".join(v for v in (decision.info_street, town) if v)


def _draft_marker(decision: Decision) -> tuple[Section, ...]:
    if decision.state == DecisionState.SIGNED:
        return ()
    return (
        Section(
            heading=draft_line(),
            paragraphs=(_("This is not a decision until the decider signs it."),),
        ),
    )


def draft_line() -> str:
    return _("DRAFT — not signed")


def _ruling(decision: Decision) -> tuple[Section, ...]:
    legal = LEGAL_BASIS.get(decision.kind)
    return (
        Section(heading=_("The matter"), paragraphs=(decision.matter,)),
        Section(heading=_("Ruling"), paragraphs=(decision.decision_text or "—",)),
        *_text(_("Facts and evidence"), decision.facts),
        Section(heading=_("Reasons (HL 45 §)"), paragraphs=(decision.reasons or "—",)),
        Section(
            heading=_("Provisions applied and legal basis"),
            paragraphs=(decision.provisions or "—",),
            rows=((_("Legal basis"), str(legal)),) if legal else (),
        ),
    )


def decision_document(decision: Decision, *, language: str) -> Document:
    """The whole decision in ``language`` ("fi" or "sv"), as staff, the portal and the PDF
    show it. Reads the parties, the consents and the appeal authority (three queries)."""
    parties = list(decision.parties.select_related("person").order_by("pk"))
    county = decision.case.county
    with translation.override(language):
        sections = (
            *_draft_marker(decision),
            _parties(parties),
            *_ruling(decision),
            _hearings(parties),
            *_text(_("View of the substitute-care place"), decision.carer_view),
            *_consents(decision),
            *_enforcement(decision),
            *_correction_of(decision),
            _signatures(decision),
            _more_information(decision),
            *instructions.instructions(decision, language=language),
        )
        return Document(
            title=decision_title(decision),
            subject=decision.case.child.full_name,
            date=decision.decided_on,
            language=language,
            county=county.localized_name(language),
            controller=county.localized_controller(language),
            sections=sections,
            number=decision.number,
            legal_ground=pdf.marks().legal_ground,
            footer=(draft_line(),) if decision.state != DecisionState.SIGNED else (),
            service_task=decision.case.service_task_in(language),
        )
