"""Who may reach a peer group (issue 16): the rules beside the data.

Staff pages (rule DEVELOP):
- a workers' group is open to the county's staff (``develop_rule.is_county_staff``): they see
  it and sign up there; its facilitators and the county's development coordinator too;
- a client group (parents, young people) shows on the staff pages only to its facilitators
  and the coordinator; the coordinator creates the groups. Its facilitators are casework
  staff (``policy.CASEWORK_ROLES``; services.peer_group_create): they see the members' first
  names and the journal, each view written to the access log (basis
  PEER_GROUP_FACILITATOR); the coordinator sees only how many members there are.
- the group itself (name, description, when and where, places, sign-up, for whom) is edited
  by those who already run it: its facilitators and the county's coordinator, as they open
  and close the sign-up. Who facilitates is the coordinator's choice, as when creating the
  group: a facilitator of a client group sees the clients, so no facilitator hands that
  on to a colleague. Members, the county's other staff and experts by experience do not
  edit (404).
Portal pages (rule PORTAL): a client sees the open client groups of the counties where they
follow a matter in the portal and which are for them — the parents' groups for a guardian,
the young people's groups for a young person aged 12–17 — and the groups they belong to.
The journal is read and written by the group's active members and its facilitators only.
Anything else, and any group of another county, answers 404 like a missing group.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from monia.access import develop_rule
from monia.access.policy import NotFound
from monia.accounts.models import User
from monia.peer.models import Audience, PeerGroup, PeerMembership, PeerMembershipStatus
from monia.people.models import Person
from monia.portal import access as portal_access

YOUNG_MIN_AGE = portal_access.PORTAL_MIN_AGE  # 12
YOUNG_MAX_AGE = portal_access.ADULT_AGE - 1  # 17


@dataclass(frozen=True)
class PeerAccess:
    group: PeerGroup
    membership: PeerMembership | None
    facilitator: bool
    coordinator: bool
    eligible: bool  # may sign up when the group is open (and has room)
    person: Person | None = None  # a portal client's row in the group's county

    @property
    def is_member(self) -> bool:
        return self.membership is not None and self.membership.status == PeerMembershipStatus.ACTIVE

    @property
    def may_read_journal(self) -> bool:
        return self.is_member or self.facilitator

    @property
    def may_see_members(self) -> bool:
        """A workers' group's members: its facilitators and the coordinator. A client
        group's: its facilitators only (casework staff, logged: ``selectors.group_page``);
        the coordinator, no role of the staff rule, sees how many."""
        return self.facilitator or (self.coordinator and not self.group.for_clients)

    @property
    def may_open_or_close(self) -> bool:
        """Open or close the sign-up: the facilitators and the coordinator."""
        return self.facilitator or self.coordinator

    @property
    def may_edit(self) -> bool:
        """Edit the group's details: the facilitators and the coordinator (staff pages only:
        ``portal_group_access`` makes neither)."""
        return self.facilitator or self.coordinator

    @property
    def may_change_facilitators(self) -> bool:
        """Choose who facilitates: the coordinator, who chose them when creating the group."""
        return self.coordinator

    @property
    def may_join(self) -> bool:
        return self.eligible and self.group.open_for_sign_up and not self.is_member


def may_use(user: User) -> bool:
    return develop_rule.is_network_member(user) and bool(user.county_id)


def may_create_groups(user: User) -> bool:
    return develop_rule.is_development_coordinator(user)


def _membership(group: PeerGroup, user: User) -> PeerMembership | None:
    return PeerMembership.objects.filter(group=group, user=user).first()


def staff_group_access(user: User, group_id: int) -> PeerAccess:
    county_id = user.county_id
    if not may_use(user) or county_id is None:
        raise NotFound
    group = PeerGroup.objects.filter(pk=group_id, county_id=county_id).first()
    if group is None:
        raise NotFound
    facilitator = group.facilitators.filter(pk=user.pk).exists()
    coordinator = develop_rule.is_development_coordinator(user)
    worker = group.audience == Audience.WORKERS and develop_rule.is_county_staff(user)
    if not (facilitator or coordinator or worker):
        raise NotFound
    return PeerAccess(
        group=group,
        membership=_membership(group, user),
        facilitator=facilitator,
        coordinator=coordinator,
        eligible=worker and not facilitator,
    )


def client_audiences(
    user: User, *, today: datetime.date | None = None
) -> dict[tuple[int, str], Person]:
    """(county, audience) of the client groups this portal client may join, each with the
    client's own row in that county: a guardian of a child whose matter they follow →
    parents; a young person aged 12–17 → young people. Reads the client's matters only to
    learn the county and the capacity; shows nothing of them."""
    today = today or timezone.localdate()
    found: dict[tuple[int, str], Person] = {}
    matters = (
        portal_access.portal_cases_of_request(user)
        if today == timezone.localdate()
        else portal_access.portal_cases(user, today=today)
    )
    for pc in matters:
        if pc.is_guardian:
            found[(pc.case.county_id, Audience.PARENTS)] = pc.client
            continue
        age = portal_access.age_on(pc.client.birth_date, today)
        if age is not None and YOUNG_MIN_AGE <= age <= YOUNG_MAX_AGE:
            found[(pc.case.county_id, Audience.YOUNG_PEOPLE)] = pc.client
    return found


def portal_group_access(user: User, group_id: int) -> PeerAccess:
    """A client group as a portal client may reach it: one they may join or belong to."""
    if not portal_access.is_client(user):
        raise NotFound
    group = PeerGroup.objects.filter(pk=group_id).exclude(audience=Audience.WORKERS).first()
    if group is None:
        raise NotFound
    membership = (
        PeerMembership.objects.filter(group=group, person__in=portal_access.client_persons(user))
        .select_related("person")
        .first()
    )
    person = client_audiences(user).get((group.county_id, group.audience))
    eligible = person is not None
    if membership is None and not (eligible and group.open_for_sign_up):
        raise NotFound
    return PeerAccess(
        group=group,
        membership=membership,
        facilitator=False,
        coordinator=False,
        eligible=eligible,
        person=membership.person if membership is not None else person,
    )
