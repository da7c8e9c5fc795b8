"""Who may open and act on a decision (the staff rule for the case itself is
``monia.access.policy``; each function here passes ``policy.case_get_for_user``, which
logs the read).

- A signed decision is read by whoever may see the case.
- A draft is read by those who work on the case (``Action.RECORD``) and by its named
  decider; to anyone else it is not there (404).
- Drafting and editing: those who may decide on the case (a qualified social worker of the
  case or the senior official, as for measures: ``Action.DECIDE``).
- Signing: the decider named in the draft, who may also decide on the case.
- Recording the service: those who record in the case (``Action.RECORD``).
"""

from __future__ import annotations

from monia.access import policy
from monia.access.policy import Action
from monia.accounts.models import User
from monia.casework.models import Case
from monia.decisions import selectors
from monia.decisions.models import Decision


def case_for(user: User, case_id: int, *, purpose: str, action: Action = Action.VIEW) -> Case:
    return policy.case_get_for_user(user, case_id, purpose=purpose, action=action)


def sees_drafts(user: User, case: Case) -> bool:
    return policy.may(user, Action.RECORD, case)


def decision_visible(user: User, case: Case, decision: Decision) -> bool:
    return decision.state == "signed" or sees_drafts(user, case) or decision.decider_id == user.pk


def decision_get_for_user(
    user: User, case_id: int, decision_id: int, *, purpose: str, action: Action = Action.VIEW
) -> tuple[Case, Decision]:
    """The case (read logged) and its decision the user may open for ``action``; 404
    otherwise — also for a draft the user may not see."""
    case = policy.case_get_for_user(user, case_id, purpose=purpose, action=action)
    decision = selectors.decision_with_parts(case, decision_id)
    if decision is None or not decision_visible(user, case, decision):
        raise policy.NotFound
    return case, decision


def draft_for_signing(
    user: User, case_id: int, decision_id: int, *, purpose: str
) -> tuple[Case, Decision]:
    """The named decider's draft (or their signed decision, to answer "already signed");
    404 to anyone else."""
    case, decision = decision_get_for_user(
        user, case_id, decision_id, purpose=purpose, action=Action.DECIDE
    )
    if decision.decider_id != user.pk:
        raise policy.NotFound
    return case, decision


def actions_on(user: User, case: Case, decision: Decision) -> set[str]:
    """What the detail page may offer now (the UI asks; the services check again)."""
    found = set()
    decide = policy.may(user, Action.DECIDE, case)
    if decision.state == "draft":
        if decide:
            found.add("edit")
        if decision.decider_id == user.pk and decide:
            found.add("sign")
    else:
        if decide and not selectors.is_corrected(decision):
            found.add("correct")
        if policy.may(user, Action.RECORD, case):
            found.add("serve")
    return found
