"""Reads for the peer groups' pages; who may see what is ``peer/access.py``."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Q, QuerySet

from monia.access import develop_rule
from monia.access.log_writes import Read, reads_log
from monia.access.models import Basis
from monia.access.purposes import Purpose
from monia.accounts.models import Role, User
from monia.peer.access import PeerAccess, client_audiences
from monia.peer.models import (
    Audience,
    PeerGroup,
    PeerJournalEntry,
    PeerMembership,
    PeerMembershipStatus,
)
from monia.portal import access as portal_access

# A group's texts as the edit form has them: each in Finnish, Swedish and English.
TEXT_FIELDS = tuple(
    f"{field}{suffix}"
    for field in ("name", "description", "meets")
    for suffix in ("", "_sv", "_en")
)
_ACTIVE = Q(memberships__status=PeerMembershipStatus.ACTIVE)


def _with_counts(groups: QuerySet[PeerGroup]) -> QuerySet[PeerGroup]:
    return groups.annotate(member_count=Count("memberships", filter=_ACTIVE, distinct=True))


def staff_groups(user: User) -> QuerySet[PeerGroup]:
    """The coordinator's: every group of the county; a worker's: the workers' groups; and
    the groups the user facilitates."""
    if not develop_rule.is_network_member(user) or not user.county_id:
        return PeerGroup.objects.none()
    groups = PeerGroup.objects.filter(county_id=user.county_id)
    if not develop_rule.is_development_coordinator(user):
        seen = Q(facilitators=user)
        if develop_rule.is_county_staff(user):
            seen |= Q(audience=Audience.WORKERS)
        groups = groups.filter(seen)
    return _with_counts(groups).distinct().order_by("audience", "name")


def portal_groups(user: User) -> list[PeerGroup]:
    """The open client groups for this client, and the groups they belong to."""
    pairs = client_audiences(user)
    fits = Q(pk__in=[])
    for county_id, audience in pairs:
        fits |= Q(county_id=county_id, audience=audience, open_for_sign_up=True)
    mine = Q(memberships__person__in=portal_access.client_persons(user))
    groups = PeerGroup.objects.exclude(audience=Audience.WORKERS).filter(fits | mine)
    # In the order of the names the reader reads (a Swedish list by its Swedish names).
    return sorted(_with_counts(groups).distinct(), key=lambda g: g.display_name.casefold())


def my_memberships(user: User) -> set[int]:
    """The groups the user (a worker, or a portal client through their person rows) is in."""
    mine = PeerMembership.objects.filter(status=PeerMembershipStatus.ACTIVE)
    if portal_access.is_client(user):
        mine = mine.filter(person__in=portal_access.client_persons(user))
    else:
        mine = mine.filter(user=user)
    return set(mine.values_list("group_id", flat=True))


@dataclass
class GroupPage:
    facilitators: list[User]
    members: list[PeerMembership]
    journal: list[PeerJournalEntry]
    member_count: int


def group_page(pa: PeerAccess, user: User) -> GroupPage:
    """What the user may see of the group: the journal only for members and facilitators,
    the list of members only as ``PeerAccess.may_see_members`` says. When staff see clients
    (a client group's facilitator: members, journal authors), the read is logged in the same
    transaction: each client shown, basis PEER_GROUP_FACILITATOR (a client reading the
    group's own journal in the portal was told who sees it, and is not logged)."""
    group = pa.group
    active = group.memberships.filter(status=PeerMembershipStatus.ACTIVE)
    with transaction.atomic():
        page = GroupPage(
            facilitators=list(group.facilitators.order_by("last_name", "first_name")),
            members=list(active.select_related("user", "person").order_by("pk"))
            if pa.may_see_members
            else [],
            journal=list(group.journal.select_related("author", "author_person")[:50])
            if pa.may_read_journal
            else [],
            member_count=active.count(),
        )
        shown = {m.person_id for m in page.members if m.person_id} | {
            e.author_person_id for e in page.journal if e.author_person_id
        }
        if shown and user.role != Role.CLIENT:
            reads_log(
                user_id=user.pk,
                county_id=group.county_id,
                purpose=Purpose.PEER_GROUP,
                reads=[Read(pid, None, Basis.PEER_GROUP_FACILITATOR) for pid in sorted(shown)],
            )
    return page


def facilitator_candidates(county_id: int) -> QuerySet[User]:
    """Who may facilitate a group: the county's staff and experts by experience."""
    return (
        User.objects.filter(county_id=county_id, is_active=True)
        .exclude(role__in=[Role.CLIENT, Role.ADMINISTRATOR, Role.PARTNER])
        .order_by("last_name", "first_name")
    )


def audience_locked(group: PeerGroup) -> bool:
    """Who the group is for stays as it is once anyone has joined (or left since) or written
    in its journal: another audience would put those people, and what they wrote, in a group
    they could not have joined (services.peer_group_update checks it again under the lock)."""
    return group.memberships.exists() or group.journal.exists()


def group_edit_initial(group: PeerGroup) -> dict[str, object]:
    """The edit form's starting values: the group as saved, with the version it was read at."""
    fields = ("audience", *TEXT_FIELDS, "capacity", "open_for_sign_up")
    return {
        **{f: getattr(group, f) for f in fields},
        "facilitators": list(group.facilitators.values_list("pk", flat=True)),
        "version": group.version,
    }


def group_facilitators(group: PeerGroup) -> list[User]:
    return list(group.facilitators.order_by("last_name", "first_name"))
