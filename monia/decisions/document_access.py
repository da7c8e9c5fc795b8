"""Staff reads of a decision as a document and of its service letters: through the case
(``policy.case_get_for_user``, logged with the purpose), then the decision of that case and
one of its parties. Anything else answers 404, like a missing row."""

from __future__ import annotations

from monia.access import policy
from monia.accounts.models import User
from monia.decisions.models import Decision, DecisionParty, DecisionService, DecisionState


def decision_get_for_user(
    user: User, case_id: int, decision_id: int, *, purpose: str, signed: bool = False
) -> Decision:
    """A decision of a case the user may see (the read logged); ``signed``: drafts 404."""
    case = policy.case_get_for_user(user, case_id, purpose=purpose)
    decisions = Decision.objects.filter(case=case, pk=decision_id)
    if signed:
        decisions = decisions.filter(state=DecisionState.SIGNED)
    decision = decisions.select_related(
        "measure", "preparer", "decider", "info_person", "corrects"
    ).first()
    if decision is None:
        raise policy.NotFound
    decision.case = case  # the case the policy opened, with its county and child
    return decision


def party_get(decision: Decision, party_id: int) -> DecisionParty:
    party = decision.parties.select_related("person").filter(pk=party_id).first()
    if party is None:
        raise policy.NotFound
    return party


def party_service(party: DecisionParty) -> DecisionService | None:
    """The latest recorded service of the decision to this party, if any."""
    return party.services.order_by("-sent_on", "-pk").first()
