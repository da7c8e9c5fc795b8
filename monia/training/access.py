"""Who may reach the development network's training: the rules beside the data (issue 16).
Client data is never opened here; the network's membership is access/develop_rule.py.

- Any member of a county's staff (develop_rule.is_county_staff) reads their own records.
- A team's page (each member's modules, the share trained): the team's members, and the
  county's development coordinator and senior official.
- The county's overview and recording: the development coordinator and the senior official.
Anything else answers 404, like a missing page.
"""

from __future__ import annotations

from monia.access import develop_rule
from monia.access.policy import NotFound
from monia.accounts.models import Role, User
from monia.teams.models import Team


def may_read_own(user: User) -> bool:
    return develop_rule.is_county_staff(user)


def may_oversee(user: User) -> bool:
    """Records training and sees the whole county's: the development coordinator and the
    senior official of the county."""
    return develop_rule.is_development_coordinator(user) or (
        develop_rule.is_county_staff(user) and user.role == Role.SENIOR_OFFICIAL
    )


def may_see_team(user: User, team: Team) -> bool:
    if not may_read_own(user) or team.county_id != user.county_id:
        return False
    return user.team_id == team.pk or may_oversee(user)


def team_get_for_user(user: User, team_id: int) -> Team:
    """A team whose training the user may see; 404 for any other (and for a missing one)."""
    if user.county_id is None:
        raise NotFound
    team = Team.objects.filter(pk=team_id, county_id=user.county_id).first()
    if team is None or not may_see_team(user, team):
        raise NotFound
    return team


def require(allowed: bool) -> None:
    if not allowed:
        raise NotFound
