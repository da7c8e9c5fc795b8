"""The portal rule for decisions: a client reads a decision in the participation portal
when it is signed, the worker has left it shown there (``shown_in_portal``), and the client
is a party of it (``DecisionParty.person``): a guardian the decisions they are a party of, a
child aged 12 or over (or a young adult in aftercare) their own. A draft, a hidden decision
or one of which the client is not a party answers 404 like a missing one.

The portal (``monia.portal``) first opens the client's matter without logging
(``portal.access.portal_cases``) and passes the case, the client's person row and the basis;
each read of one decision writes its ``AccessLog`` row here, channel "portal", in the read's
transaction. The list is read under the matter's own logged purpose (the decisions page).
"""

from __future__ import annotations

import dataclasses

from django.db import transaction
from django.db.models import QuerySet

from monia import deadlines
from monia.access.log_writes import Read, reads_log
from monia.access.policy import NotFound
from monia.access.purposes import purpose_checked
from monia.accounts.models import User
from monia.casework.models import Case
from monia.decisions.document import decision_title
from monia.decisions.models import Decision, DecisionParty, DecisionService, DecisionState
from monia.people.models import Person


def _shown(case: Case, client: Person) -> QuerySet[Decision]:
    return Decision.objects.filter(
        case=case,
        state=DecisionState.SIGNED,
        shown_in_portal=True,
        parties__person=client,
    ).select_related("measure", "preparer", "decider", "info_person", "corrects")


@dataclasses.dataclass(frozen=True)
class DecisionLink:
    """A decision in the portal's lists: its title in the active language."""

    decision: Decision
    title: str


def portal_decisions_of(*, case: Case, client: Person) -> list[DecisionLink]:
    """The signed decisions of ``case`` shown in the portal of which ``client`` is a party,
    newest first. Writes no log: the caller's page read of the matter is logged."""
    shown = _shown(case, client).order_by("-decided_on", "-pk")
    return [DecisionLink(decision=d, title=decision_title(d)) for d in shown]


def portal_decision_get(
    *, user: User, case: Case, client: Person, basis: str, decision_id: int, purpose: str
) -> Decision:
    """One decision the client may read, its read logged; 404 for anything else."""
    purpose = purpose_checked(purpose)
    with transaction.atomic():
        decision = _shown(case, client).filter(pk=decision_id).first()
        if decision is None:
            raise NotFound
        reads_log(
            user_id=user.pk,
            county_id=case.county_id,
            purpose=purpose,
            reads=[Read(case.child_id, case.pk, basis)],
            channel="portal",
        )
    decision.case = case
    return decision


def client_party(decision: Decision, client: Person) -> DecisionParty:
    return decision.parties.select_related("person").get(person=client)


def client_service(decision: Decision, client: Person) -> DecisionService | None:
    """When the decision was first served on the client, if recorded: their time to appeal
    runs from then, and a later service does not extend it (``deadlines.first_service``)."""
    return deadlines.first_service(
        DecisionService.objects.filter(decision=decision, party__person=client)
    )
