"""Who may reach the development network's feedback: the rules beside the data (issue 16).

- The county's development coordinator defines questionnaires and reads their results.
- The county's staff (develop_rule.is_county_staff) read the anonymised results too.
- A respondent opens only their own invitations: a portal client those addressed to their
  own rows in the registers (portal.access.client_persons), anyone else those addressed to
  their account. Anything else answers 404, like a missing one.
"""

from __future__ import annotations

from monia.access import develop_rule
from monia.access.policy import NotFound
from monia.accounts.models import User
from monia.feedback.models import Invitation, Questionnaire
from monia.portal.access import client_persons, is_client


def may_manage(user: User) -> bool:
    return develop_rule.is_development_coordinator(user)


def may_see_results(user: User) -> bool:
    return develop_rule.is_county_staff(user)


def questionnaire_to_manage(user: User, questionnaire_id: int) -> Questionnaire:
    """One of the coordinator's county's questionnaires; 404 for anything else."""
    if not may_manage(user) or user.county_id is None:
        raise NotFound
    found = Questionnaire.objects.filter(pk=questionnaire_id, county_id=user.county_id).first()
    if found is None:
        raise NotFound
    return found


def questionnaire_results_get(user: User, questionnaire_id: int) -> Questionnaire:
    """A published questionnaire of the user's county, for its anonymised results."""
    if not may_see_results(user) or user.county_id is None:
        raise NotFound
    found = (
        Questionnaire.objects.filter(
            pk=questionnaire_id, county_id=user.county_id, published_at__isnull=False
        )
        .select_related("county")
        .first()
    )
    if found is None:
        raise NotFound
    return found


def invitation_for_respondent(user: User, invitation_id: int) -> Invitation:
    """The user's own invitation (a client's through their register rows); else 404."""
    invitations = Invitation.objects.select_related("questionnaire", "case")
    if is_client(user):
        found = invitations.filter(
            pk=invitation_id, respondent_person__in=client_persons(user)
        ).first()
    elif develop_rule.is_network_member(user):
        found = invitations.filter(pk=invitation_id, respondent_user=user).first()
    else:
        found = None
    if found is None:
        raise NotFound
    return found
