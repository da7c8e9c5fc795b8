"""Reads for the developer groups' pages; scoped by the access in ``devgroups/access.py``."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from monia.access import develop_rule
from monia.access.policy import NotFound
from monia.accounts.models import Role, User
from monia.devgroups.access import GroupAccess
from monia.devgroups.models import DeveloperGroup, GroupMeeting, Idea, IdeaStatus, Membership


def groups_for_user(user: User) -> QuerySet[DeveloperGroup]:
    """The coordinator's: every group of the county; anyone else's: their own groups."""
    if not develop_rule.is_network_member(user) or not user.county_id:
        return DeveloperGroup.objects.none()
    groups = DeveloperGroup.objects.filter(county_id=user.county_id)
    if not develop_rule.is_development_coordinator(user):
        # A subquery, not a join: a join on ``members`` would also narrow the count of
        # members below to the one row of the user (every group then said "1 member").
        groups = groups.filter(pk__in=Membership.objects.filter(user=user).values("group_id"))
    return groups.annotate(
        member_count=Count("members", distinct=True),
        open_ideas=Count(
            "ideas",
            filter=~Q(ideas__status__in=[IdeaStatus.ADOPTED, IdeaStatus.DROPPED]),
            distinct=True,
        ),
    ).order_by("-active", "name")


@dataclass
class GroupPage:
    members: list[Membership]
    upcoming: list[GroupMeeting]
    past: list[GroupMeeting]
    ideas: list[Idea]


def group_page(ga: GroupAccess, *, status: str, now: datetime.datetime) -> GroupPage:
    """Members, meetings and the backlog (of one status when given): three queries."""
    members = list(ga.group.members.select_related("user").order_by("role", "user__last_name"))
    meetings = list(ga.group.meetings.order_by("held_at"))
    ideas = ga.group.ideas.select_related("owner").order_by("-updated_at", "pk")
    if status in IdeaStatus.values:
        ideas = ideas.filter(status=status)
    return GroupPage(
        members=members,
        upcoming=[m for m in meetings if m.held_at >= now],
        past=[m for m in reversed(meetings) if m.held_at < now],
        ideas=list(ideas),
    )


def meeting_get(ga: GroupAccess, meeting_id: int) -> GroupMeeting:
    meeting = ga.group.meetings.select_related("memo_by").filter(pk=meeting_id).first()
    if meeting is None:
        raise NotFound
    return meeting


def idea_get(ga: GroupAccess, idea_id: int) -> Idea:
    idea = ga.group.ideas.filter(pk=idea_id).first()
    if idea is None:
        raise NotFound
    return idea


def membership_get(ga: GroupAccess, membership_id: int) -> Membership:
    membership = ga.group.members.filter(pk=membership_id).first()
    if membership is None:
        raise NotFound
    return membership


def member_users(group: DeveloperGroup) -> QuerySet[User]:
    """The group's members as users: the possible owners of an idea."""
    return User.objects.filter(developer_groups__group=group).order_by("last_name", "first_name")


# Who may join a developer group: the county's network members (no clients, no administrators).
_JOINABLE = [r for r in Role.values if r not in (Role.CLIENT, Role.ADMINISTRATOR)]


def member_candidates(group: DeveloperGroup) -> QuerySet[User]:
    return (
        User.objects.filter(county_id=group.county_id, is_active=True, role__in=_JOINABLE)
        .exclude(developer_groups__group=group)
        .order_by("last_name", "first_name")
    )
