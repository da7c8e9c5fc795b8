"""The instructions that end every decision: a valitusosoitus to the administrative court
for the decisions LsL 90 § lists, an oikaisuvaatimusohje to the county's body for individual
matters for all others (HL 49 a–49 g §). The authority's name, address and opening hours are
the county's configuration (``AppealAuthority``); where a county has not given them the text
says to ask the person who gives more information, and ``authorities_missing`` tells staff.

Call inside ``translation.override(language)``: every string is translated when built.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from monia.decisions.kinds import AppealRoute
from monia.decisions.models import AppealAuthority, AuthorityKind, Decision
from monia.teams.models import County
from monia.ui.document import Section

AUTHORITY_OF_ROUTE = {
    AppealRoute.APPEAL: AuthorityKind.ADMINISTRATIVE_COURT,
    AppealRoute.CORRECTION: AuthorityKind.INDIVIDUAL_MATTERS_BODY,
}


def authority_for(county: County, route: str) -> AppealAuthority | None:
    """Where a party of ``county`` sends an appeal or a request for correction, if set."""
    kind = AUTHORITY_OF_ROUTE[AppealRoute(route)]
    return AppealAuthority.objects.filter(county=county, kind=kind).first()


def authorities_missing(county: County) -> list[AuthorityKind]:
    """The authorities the county has not configured: each one's decisions tell the party
    only to ask. For staff pages (the decision, the county's settings) to warn."""
    found = set(AppealAuthority.objects.filter(county=county).values_list("kind", flat=True))
    return [kind for kind in AuthorityKind if kind.value not in found]


def _service_rules() -> Section:
    return Section(
        heading=_("When the decision counts as received"),
        paragraphs=(
            _(
                "A decision sent by letter is deemed received on the seventh day after it was "
                "sent, unless shown otherwise. A decision sent electronically is deemed "
                "received on the third day after the message was sent. A decision handed over "
                "in person is received on that day."
            ),
        ),
    )


def _period(route: str) -> Section:
    appeal = route == AppealRoute.APPEAL
    return Section(
        heading=_("Time limit") if appeal else _("Time limit for the request"),
        paragraphs=(
            _(
                "The appeal must be made within 30 days of receiving the decision. The day "
                "of receipt is not counted."
            )
            if appeal
            else _(
                "The request for correction must be made within 30 days of receiving the "
                "decision. The day of receipt is not counted."
            ),
            _(
                "If the last day is a Saturday, a Sunday, a public holiday, Independence Day, "
                "May Day, Christmas Eve or Midsummer Eve, the time ends on the next working "
                "day (150/1930)."
            ),
        ),
    )


def _authority_section(decision: Decision, language: str) -> Section:
    """The authority's name and how to reach it; if the county has none, to ask."""
    contact = authority_for(decision.case.county, decision.appeal_route)
    heading = _("Where to send it")
    if contact is None:
        return Section(
            heading=heading,
            paragraphs=(
                _(
                    "The contact details of the authority are not available in this "
                    "document. Ask the person who gives more information (named above) where "
                    "to send it."
                ),
            ),
        )
    swedish = language == "sv"
    hours = contact.hours_sv if swedish else contact.hours_fi
    rows = (
        (
            pgettext("decision document", "Authority"),
            contact.name_sv if swedish else contact.name_fi,
        ),
        (pgettext("decision document", "Postal address"), contact.localized_address(language)),
        (pgettext("decision document", "E-mail"), contact.email),
        (pgettext("decision document", "Phone"), contact.phone),
        (pgettext("decision document", "Opening hours"), hours),
    )
    return Section(
        heading=heading,
        rows=tuple((label, value) for label, value in rows if value),
        paragraphs=(
            _(
                "It must arrive by the end of the last day, before the office closes. You "
                "may send it by post, by e-mail or bring it yourself; you carry the risk of "
                "the delivery."
            ),
        ),
    )


def _appeal(decision: Decision, language: str) -> tuple[Section, ...]:
    """Valitusosoitus: to the administrative court (LsL 89–90 §, Act on Court Proceedings in
    Administrative Matters 808/2019)."""
    return (
        Section(
            heading=_("Instructions for appeal"),
            paragraphs=(
                _(
                    "This decision may be appealed to the administrative court in writing "
                    "(LsL 90 §)."
                ),
                _(
                    "The appeal may be made by the child's guardian, by the child aged 12 or "
                    "over, and by the person in whose care the child is or was just before the "
                    "matter began (LsL 89 §)."
                ),
            ),
        ),
        _period(AppealRoute.APPEAL),
        _service_rules(),
        Section(
            heading=_("What the appeal must contain"),
            paragraphs=(
                _(
                    "The appeal must state: the decision appealed against; which part of it "
                    "is appealed and what change is asked for; the reasons for the demand; and, "
                    "if the decision is not addressed to the appellant, why the appellant may "
                    "appeal."
                ),
                _(
                    "It must give the appellant's name and contact details, and the postal "
                    "address to which the court may send its documents. If a representative "
                    "makes the appeal, their details too."
                ),
                _(
                    "Attach: this decision with these instructions; a statement of the day "
                    "you received it; and the documents you rely on, unless the authority "
                    "has them already."
                ),
                _(
                    "An appeal on paper must be signed by the appellant or their "
                    "representative. An appeal sent electronically need not be signed."
                ),
            ),
        ),
        _authority_section(decision, language),
        Section(
            heading=_("Court fee"),
            paragraphs=(
                _(
                    "There is no court fee: the administrative court charges no fee in a "
                    "child welfare matter (Court Fees Act 1455/2015)."
                ),
            ),
        ),
    )


def _correction(decision: Decision, language: str) -> tuple[Section, ...]:
    """Oikaisuvaatimusohje: to the county's body for individual matters (HL 49 a–49 g §)."""
    return (
        Section(
            heading=_("Instructions for requesting a correction"),
            paragraphs=(
                _(
                    "If you are not satisfied with this decision, you may ask for it to be "
                    "corrected by the county's body for individual matters. The decision "
                    "cannot be appealed to a court before that (HL 49 a §)."
                ),
                _(
                    "The request may be made by a party: the child's guardian, the child aged "
                    "12 or over, and the person in whose care the child is or was just before "
                    "the matter began."
                ),
            ),
        ),
        _period(AppealRoute.CORRECTION),
        _service_rules(),
        Section(
            heading=_("What the request must contain"),
            paragraphs=(
                _(
                    "The request must be made in writing. It must state: the decision you ask "
                    "to be corrected; what correction you ask for; the reasons; and your name "
                    "and contact details (HL 49 e §)."
                ),
                _(
                    "A request on paper must be signed. A request sent electronically need "
                    "not be signed. There is no charge for a request for correction."
                ),
            ),
        ),
        _authority_section(decision, language),
    )


def instructions(decision: Decision, *, language: str) -> tuple[Section, ...]:
    """The instructions the law gives this decision's route, in the active language."""
    if decision.appeal_route == AppealRoute.APPEAL:
        return _appeal(decision, language)
    return _correction(decision, language)
