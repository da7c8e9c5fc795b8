"""Who sees which statistics (issue 14). Figures are counts, yet each opens the list of
children behind it, so the rule follows the case policy: a senior official sees the whole
county (THL's statistics, the yearly statistics, every team), everyone else in a team
their own team's self-monitoring and indicators (``policy.caseload_scope``). A list of
children is only ever the cases the user may open, and reading it is logged
(``policy.log_case_list``). Anything else answers 404, like a missing page. Only
aggregates cross a county line, with counts under 5 suppressed (``suppressed``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import QuerySet

from monia.access import policy
from monia.accounts.models import User
from monia.casework.models import Case
from monia.teams.models import County, Team

SMALL_COUNT = 5  # a count under this is not shown outside the county (THL's practice)


@dataclass(frozen=True)
class Scope:
    """What a report covers: a county, and one of its teams or (None) all of them."""

    county: County
    team: Team | None

    @property
    def whole_county(self) -> bool:
        return self.team is None


def county_scope_get(user: User) -> Scope:
    """The whole county: its senior official only."""
    scope = policy.caseload_scope(user)
    if scope is None or scope[1] is not None:
        raise policy.NotFound
    return Scope(county=County.objects.get(pk=scope[0]), team=None)


def team_scope_get(user: User, team_id: str | int | None) -> Scope:
    """A team's view, or the county's for a senior official who chose no team."""
    scope = policy.caseload_scope(user)
    if scope is None:
        raise policy.NotFound
    county_id, own_team = scope
    county = County.objects.get(pk=county_id)
    if own_team is not None:  # a team member: their own team, whatever was asked
        if team_id not in (None, "", own_team, str(own_team)):
            raise policy.NotFound
        return Scope(county=county, team=Team.objects.get(pk=own_team))
    if team_id in (None, ""):
        return Scope(county=county, team=None)
    team = Team.objects.filter(pk=_int(team_id), county=county).first()
    if team is None:
        raise policy.NotFound
    return Scope(county=county, team=team)


def teams_to_choose(user: User) -> list[Team]:
    """The teams a senior official may look at one by one; nobody else chooses."""
    scope = policy.caseload_scope(user)
    if scope is None or scope[1] is not None:
        return []
    return list(Team.objects.filter(county_id=scope[0]).order_by("name"))


@transaction.atomic(savepoint=False)  # the read and its log rows: one transaction, the primary's
def children_behind(user: User, case_ids: Iterable[int], *, purpose: str) -> list[Case]:
    """The cases behind a figure that the user may open, the read logged in one INSERT;
    the rest are left out (never named)."""
    cases = list(_visible(user, case_ids))
    policy.log_case_list(user, cases, purpose=purpose)
    return cases


def _visible(user: User, case_ids: Iterable[int]) -> QuerySet[Case]:
    return (
        policy.cases_visible_to(user)
        .filter(pk__in=set(case_ids))
        .select_related("child", "designated_worker", "team")
        .order_by("child__last_name", "child__first_names", "pk")
    )


@transaction.atomic(savepoint=False)
def children_behind_by_place(
    user: User, case_ids: Iterable[int], *, purpose: str
) -> tuple[list[Case], int]:
    """``children_behind`` for a list of one municipality: a child under non-disclosure
    for personal safety is counted in the figure but not listed (the list would tell
    where the child lives); returns the cases listed (their read logged) and how many
    were left out."""
    visible = _visible(user, case_ids)
    cases = list(visible.exclude(child__non_disclosure=True))
    policy.log_case_list(user, cases, purpose=purpose)
    return cases, visible.filter(child__non_disclosure=True).count()


def suppressed(count: int) -> int | None:
    """A count as it may cross a county line: None (shown as "< 5") when small."""
    return None if 0 < count < SMALL_COUNT else count


def _int(value: str | int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise policy.NotFound from None
