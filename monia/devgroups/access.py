"""Who may reach a developer group (issue 16). Client data is never opened here.

- A member of the development network (``develop_rule.is_network_member``) may open the
  list of groups; it shows the groups they are a member of.
- The county's development coordinator manages the county's groups and their members, sees
  every group of the county and may write its memos.
- A member sees the group, its meetings and its backlog, and writes ideas. The chair and
  the secretary (and the coordinator) plan meetings and write the memo.
- Those who keep the group's records (the chair, the secretary and the coordinator: the
  same people as the memo) fix the group's own details (name, theme, description) on its
  edit page; other members read them. Only the coordinator changes who is in the group.
- Anyone else, and everyone for a group of another county, gets 404 as for a missing group.
"""

from __future__ import annotations

from dataclasses import dataclass

from monia.access import develop_rule
from monia.access.policy import NotFound
from monia.accounts.models import User
from monia.devgroups.models import DeveloperGroup, GroupRole, Membership


@dataclass(frozen=True)
class GroupAccess:
    """A group as one user may reach it, and what the user may do there."""

    group: DeveloperGroup
    membership: Membership | None
    coordinator: bool

    @property
    def may_manage(self) -> bool:
        """Add and remove members, name the chair and the secretary: the coordinator."""
        return self.coordinator

    @property
    def may_edit_group(self) -> bool:
        """Fix the group's name, theme and description: whoever keeps the group's records
        (the chair, the secretary, the coordinator), as for the memo."""
        return self.may_keep_memo

    @property
    def may_keep_memo(self) -> bool:
        """Plan meetings and write their memos: the chair, the secretary, the coordinator."""
        if self.coordinator:
            return True
        return self.membership is not None and self.membership.role in (
            GroupRole.CHAIR,
            GroupRole.SECRETARY,
        )

    @property
    def may_write_ideas(self) -> bool:
        return self.coordinator or self.membership is not None


def may_use(user: User) -> bool:
    """The list of developer groups: any member of the development network."""
    return develop_rule.is_network_member(user)


def may_create_groups(user: User) -> bool:
    return develop_rule.is_development_coordinator(user)


def group_access(user: User, group_id: int) -> GroupAccess:
    """The group if the user may see it (coordinator of its county, or a member); else 404.
    One query for the group and the user's membership."""
    if not develop_rule.is_network_member(user) or not user.county_id:
        raise NotFound
    group = DeveloperGroup.objects.filter(pk=group_id, county_id=user.county_id).first()
    if group is None:
        raise NotFound
    membership = Membership.objects.filter(group=group, user=user).first()
    coordinator = develop_rule.is_development_coordinator(user)
    if membership is None and not coordinator:
        raise NotFound
    return GroupAccess(group=group, membership=membership, coordinator=coordinator)


def require(allowed: bool) -> None:
    """An action the user may not take answers 404, like a missing page."""
    if not allowed:
        raise NotFound
