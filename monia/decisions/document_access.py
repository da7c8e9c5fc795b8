"""Staff reads of a decision as a document and of its service letters: through the
decisions' own rule (``access.decision_get_for_user``, logged with the purpose), then one
of its parties. Anything else answers 404, like a missing row."""

from __future__ import annotations

from monia.access import policy
from monia.accounts.models import User
from monia.decisions import access, selectors
from monia.decisions.models import Decision, DecisionParty, DecisionService, DecisionState


def decision_get_for_user(
    user: User, case_id: int, decision_id: int, *, purpose: str, signed: bool = False
) -> Decision:
    """A decision the user may open (``access.decision_get_for_user``: a draft only to
    those who may see drafts; the read logged); ``signed``: a draft answers 404 too."""
    case, decision = access.decision_get_for_user(user, case_id, decision_id, purpose=purpose)
    if signed and decision.state != DecisionState.SIGNED:
        raise policy.NotFound
    decision.case = case  # the case the policy opened, with its county and child
    return decision


def party_get(decision: Decision, party_id: int) -> DecisionParty:
    party = decision.parties.select_related("person").filter(pk=party_id).first()
    if party is None:
        raise policy.NotFound
    return party


def party_service(party: DecisionParty) -> DecisionService | None:
    """The service the party's appeal period runs from (their first receipt), if any: the
    letter states that period's end, which serving the decision again does not move."""
    return selectors.party_first_service(party)
