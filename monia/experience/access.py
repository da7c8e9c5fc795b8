"""Who may reach the register of experts by experience and their assignments (issue 16).
Client data is never opened here; the network's membership is access/develop_rule.py.

- DEVELOP_COORDINATOR: the county's development coordinator keeps the register, the
  assignments, the tax card notes and the payroll export of the county (``user.county_id``).
- EXPERT_SELF: an expert by experience sees their own entry and assignments, and may decline
  a fee; another expert's assignment answers 404, like a missing one.
- DEVELOP (finding an expert): the county's staff see the public part of the county's
  active experts (pseudonym, how they wish to be known, themes, availability) to find a
  speaker or a working pair. Partners and experts by experience do not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from monia.access import develop_rule
from monia.access.policy import NotFound

if TYPE_CHECKING:
    from monia.accounts.models import User
    from monia.experience.models import Assignment, ExpertByExperience


def may_keep_register(user: User) -> bool:
    return develop_rule.is_development_coordinator(user)


def may_find_experts(user: User) -> bool:
    """The county's staff (the coordinator too): the public part of the register."""
    return develop_rule.is_county_staff(user)


def is_expert(user: User) -> bool:
    return develop_rule.is_expert_by_experience(user)


def require_coordinator(user: User) -> int:
    """The coordinator's county; anyone else: 404."""
    if not may_keep_register(user):
        raise NotFound
    return int(user.county_id)  # type: ignore[arg-type]


def require_finder(user: User) -> int:
    if not may_find_experts(user):
        raise NotFound
    return int(user.county_id)  # type: ignore[arg-type]


def require_expert(user: User) -> None:
    if not is_expert(user):
        raise NotFound


def expert_for_coordinator(user: User, expert: ExpertByExperience | None) -> ExpertByExperience:
    """The register entry, if it is of the coordinator's county; else 404 (same as missing)."""
    county_id = require_coordinator(user)
    if expert is None or expert.county_id != county_id:
        raise NotFound
    return expert


def assignment_for_coordinator(user: User, assignment: Assignment | None) -> Assignment:
    county_id = require_coordinator(user)
    if assignment is None or assignment.expert.county_id != county_id:
        raise NotFound
    return assignment


def assignment_for_expert(user: User, assignment: Assignment | None) -> Assignment:
    """The expert's own assignment; another's answers 404."""
    require_expert(user)
    if assignment is None or assignment.expert.user_id != user.pk:
        raise NotFound
    return assignment
