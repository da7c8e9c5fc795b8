"""Monia's staff access policy: may this member of staff do this to this case, person,
team or meeting, and on what basis?

Every staff view and API endpoint reaches client data through the functions here, and
each of them writes the access-log row in the same transaction as the read.
"Forbidden" and "missing" answer the same: ``Http404``.

Rules (Act 703/2023: access only for an existing client relationship or a work task):
- a user sees client data of their own county only;
- the child's designated worker and the members of the team that owns the case
  see the case (shared case responsibility of the systemic team);
- a senior official sees the county's cases (they decide care orders);
- the team coordinator sees her team's cases and writes the team meeting's memo about them
  (reflection, hypotheses, next steps), but records no casework and decides nothing;
- administrators see no client data.

The role table in docs/architecture.md is this module in words; ``menu_for`` makes the menus
offer only what a role may open.

The rules of the other audiences live beside the data they open: partners in
``network/access.py`` (and ``consult``, ``contrib``, ``netmeet``), portal clients in
``portal/access.py``. ``access/url_rules.py`` indexes which rule guards each URL.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING, cast

from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest

from monia.access.log_writes import Read, reads_log
from monia.access.models import Basis
from monia.access.purposes import purpose_checked
from monia.accounts.models import QUALIFIED_SOCIAL_WORK_ROLES, Role

if TYPE_CHECKING:
    from monia.accounts.models import User
    from monia.casework.models import Case
    from monia.people.models import Person
    from monia.systemic.models import TeamMeeting
    from monia.teams.models import Team


class Action(enum.StrEnum):
    VIEW = "view"
    RECORD = "record"  # urgency notes, hearings, plan drafts
    DECIDE = "decide"  # intake decisions, assessment conclusions, plan approval, measures
    # The team meeting's memo about a family of the team: the reflection, hypotheses and
    # next steps written at the systemic team's weekly meeting (tiimikokouksen muistio).
    MEETING = "meeting"


# Roles that work with client data at all; administrators, partners, clients and unknown
# roles do not (partners and clients have rules of their own, beside the data).
CASEWORK_ROLES = frozenset(
    {
        Role.DESIGNATED_SOCIAL_WORKER,
        Role.SOCIAL_WORKER,
        Role.CONSULTANT_SOCIAL_WORKER,
        Role.FAMILY_THERAPIST,
        Role.FAMILY_WORKER,
        Role.TEAM_COORDINATOR,
        Role.SENIOR_OFFICIAL,
    }
)
RECORDING_ROLES = CASEWORK_ROLES - {Role.TEAM_COORDINATOR}
# The coordinator keeps the memo of her team's meetings and runs them (``may_run_meeting``).
MEETING_ROLES = RECORDING_ROLES | {Role.TEAM_COORDINATOR}
# Casework decisions need a qualified social worker (LsL 13 §) or the senior official.
DECIDING_ROLES = QUALIFIED_SOCIAL_WORK_ROLES | {Role.SENIOR_OFFICIAL}


class NotFound(Http404):
    """Raised for both missing and forbidden objects."""


def _is_staff_in_county(user: User) -> bool:
    return bool(
        user.is_authenticated and user.is_active and user.county_id and user.role in CASEWORK_ROLES
    )


def case_basis(user: User, case: Case) -> Basis | None:
    """The basis on which ``user`` may see ``case``, or None."""
    if not _is_staff_in_county(user) or case.county_id != user.county_id:
        return None
    if case.designated_worker_id == user.pk:
        return Basis.DESIGNATED_WORKER
    if user.team_id is not None and case.team_id == user.team_id:
        return Basis.TEAM_MEMBER
    if user.role == Role.SENIOR_OFFICIAL:
        return Basis.SENIOR_OFFICIAL
    return None


def may(user: User, action: Action, case: Case) -> bool:
    """Answer the question the UI asks before it shows a button."""
    if case_basis(user, case) is None:
        return False
    if action == Action.VIEW:
        return True
    if action == Action.RECORD:
        return user.role in RECORDING_ROLES
    if action == Action.MEETING:
        return user.role in MEETING_ROLES
    return user.role in DECIDING_ROLES


def allowed_actions(user: User, case: Case) -> frozenset[Action]:
    return frozenset(a for a in Action if may(user, a, case))


def cases_visible_to(user: User) -> QuerySet[Case]:
    """The cases a user may see, as a queryset (for lists and dashboards)."""
    from monia.casework.models import Case

    if not _is_staff_in_county(user) or user.county_id is None:
        return Case.objects.none()
    qs = Case.objects.filter(county_id=user.county_id)
    if user.role == Role.SENIOR_OFFICIAL:
        return qs
    rule = Q(designated_worker_id=user.pk)
    if user.team_id is not None:
        rule |= Q(team_id=user.team_id)
    return qs.filter(rule)


def front_page_elsewhere(user: User) -> str | None:
    """The URL name of the front page of a user who has no staff dashboard: a partner's
    shared cases, a client's portal; None for staff."""
    return (
        {
            Role.PARTNER: "partner_home",
            Role.CLIENT: "portal_home",
            Role.DEVELOPMENT_COORDINATOR: "develop",
            Role.EXPERT_BY_EXPERIENCE: "develop",
        }.get(Role(user.role))
        if user.role in Role.values
        else None
    )


def may_record_intake(user: User) -> bool:
    return _is_staff_in_county(user) and user.role in RECORDING_ROLES


def case_list_scope(user: User) -> str | None:
    """What a user's lists of cases hold besides their own: "county" for a senior official
    (the county's cases), "team" for team members, None when nothing more is listed."""
    if not _is_staff_in_county(user):
        return None
    if user.role == Role.SENIOR_OFFICIAL:
        return "county"
    return "team" if user.team_id is not None else None


PARTNER_MENU = (
    "partner_home",
    "partner_contributions",
    "partner_consultations",
    "partner_network_meetings",
)


def menu_for(user: User) -> list[str]:
    """The URL names of the top-level pages the user's menu offers: only those the role may
    open, decided here from the same rules the pages apply (a link shown to a role never
    answers 404 to it; monia/tests/test_link_walk.py follows every link). Reads only the
    user's own fields: no query."""
    if not (user.is_authenticated and user.is_active):
        return []
    if user.role == Role.PARTNER:
        return [*PARTNER_MENU, "develop"]
    if user.role == Role.CLIENT:
        return ["portal_home"]
    if user.role in (Role.DEVELOPMENT_COORDINATOR, Role.EXPERT_BY_EXPERIENCE):
        return ["develop"]  # the development network only (access/develop_rule.py)
    items = ["dashboard", "calendar"] if _is_staff_in_county(user) else ["dashboard"]
    if may_record_intake(user):
        items.append("intake_new")
    if _is_staff_in_county(user) and (user.team_id is not None or opens_every_team(user)):
        items.append("teams" if opens_every_team(user) else "caseboard")  # teams: a chooser
    if caseload_scope(user) is not None:
        items += ["caseload", "statistics"]
    if _is_staff_in_county(user):
        items += ["expert_groups", "develop"]
    if user.role == Role.ADMINISTRATOR and user.is_staff:
        items.append("admin:index")
    return items


def case_get_for_user(
    user: User,
    case_id: int,
    *,
    purpose: str,
    action: Action = Action.VIEW,
    channel: str = "web",
    for_update: bool = False,
) -> Case:
    """Fetch a case the user may act on, and log the read; 404 otherwise."""
    from monia.casework.models import Case

    purpose = purpose_checked(purpose)
    with transaction.atomic():
        qs = Case.objects.select_related("child", "team", "designated_worker", "county")
        if for_update:
            qs = qs.select_for_update(of=("self",))
        case = qs.filter(pk=case_id).first()
        if case is None or not may(user, action, case):
            raise NotFound
        basis = case_basis(user, case)
        if basis is None:  # unreachable after may(); kept explicit for a security check
            raise NotFound
        reads_log(
            user_id=user.pk,
            county_id=case.county_id,
            purpose=purpose,
            reads=[Read(case.child_id, case.pk, basis)],
            channel=channel,
        )
    return case


def log_case_list(user: User, cases: Iterable[Case], *, purpose: str, channel: str = "web") -> None:
    """Log that a list showing these cases' children was read: one event for the lot."""
    purpose = purpose_checked(purpose)
    reads = []
    for case in cases:
        basis = case_basis(user, case)
        if basis is None:  # a list must only ever contain visible cases (of the user's county)
            raise NotFound
        reads.append(Read(case.child_id, case.pk, basis))
    county_id = cast(int, user.county_id)  # a basis is only ever in the user's own county
    reads_log(user_id=user.pk, county_id=county_id, purpose=purpose, reads=reads, channel=channel)


def persons_found_for_intake(
    user: User, persons: Iterable[Person], *, purpose: str, channel: str = "web"
) -> None:
    """Log the persons shown to a user searching for a child while recording an intake."""
    purpose = purpose_checked(purpose)
    if not may_record_intake(user):
        raise NotFound
    reads = [
        Read(p.pk, None, Basis.INTAKE_REGISTRATION)
        for p in persons
        if p.county_id == user.county_id
    ]
    county_id = cast(int, user.county_id)  # may_record_intake: staff of a county
    reads_log(user_id=user.pk, county_id=county_id, purpose=purpose, reads=reads, channel=channel)


def user_of(request: HttpRequest) -> User:
    """The request's user, typed as Monia's user (anonymous users never reach views): the
    user itself, not the request's lazy wrapper, since the rules read its fields for every
    row a page logs (a dashboard: about 700 reads, each a call through the wrapper)."""
    user = request.user
    user.is_authenticated  # noqa: B018 - sets the lazy wrapper up (it is idempotent)
    return cast("User", getattr(user, "_wrapped", user))


def opens_every_team(user: User) -> bool:
    """The senior official opens every team's space of her county: she chooses which."""
    return _is_staff_in_county(user) and user.role == Role.SENIOR_OFFICIAL


def team_basis(user: User, team: Team) -> Basis | None:
    """Whether a user may work in a team's shared space (caseboard, meetings)."""
    if not _is_staff_in_county(user) or team.county_id != user.county_id:
        return None
    if user.team_id == team.pk:
        return Basis.TEAM_MEMBER
    if opens_every_team(user):
        return Basis.SENIOR_OFFICIAL
    return None


def team_get_for_user(user: User, team_id: int | None) -> Team:
    """The team whose shared space the user opens; 404 for any other."""
    from monia.teams.models import Team

    team = Team.objects.filter(pk=team_id).first() if team_id else None
    if team is None or team_basis(user, team) is None:
        raise NotFound
    return team


def team_chosen_by_user(user: User, requested: str | None) -> Team:
    """The team whose shared space a page opens: a senior official the one they chose (any
    team of the county), everyone else their own; 404 otherwise."""
    if opens_every_team(user):
        return team_get_for_user(
            user, int(requested) if requested and requested.isdigit() else None
        )
    return team_get_for_user(user, user.team_id)


def meeting_get_for_user(user: User, meeting_id: int, *, to_run: bool = False) -> TeamMeeting:
    """A team meeting of a team whose space the user may open, fetched with the rule in one
    query; ``to_run``: also ``may_run_meeting`` (agenda, attendance, closing). 404 else."""
    from monia.systemic.models import TeamMeeting  # the one named climb: see architecture.md

    if not _is_staff_in_county(user):
        raise NotFound
    rule = Q(team__county_id=user.county_id)
    if not opens_every_team(user):
        rule &= Q(team_id=user.team_id)
    meeting = (
        TeamMeeting.objects.select_related("team", "team__county")
        .filter(rule, pk=meeting_id)
        .first()
    )
    if meeting is None or (to_run and not may_run_meeting(user, meeting)):
        raise NotFound
    return meeting


def may_run_meeting(user: User, meeting: TeamMeeting) -> bool:  # agenda, attendance, close
    return user.role in MEETING_ROLES and team_basis(user, meeting.team) is not None


def caseload_scope(user: User) -> tuple[int, int | None] | None:
    """Whose caseloads a user sees (counts only, no client data): a senior official the
    whole county's, others their own team's; (county id, team id or None for all)."""
    if not _is_staff_in_county(user) or user.county_id is None:
        return None
    if user.role == Role.SENIOR_OFFICIAL:
        return (user.county_id, None)
    return (user.county_id, user.team_id) if user.team_id else None


def person_get_for_intake(
    user: User, person_id: int | str, *, purpose: str, channel: str = "web"
) -> Person:
    """A person of the user's county, for recording an intake about them; logged; 404 else."""
    from monia.people.models import Person

    if not may_record_intake(user) or user.county_id is None or not str(person_id).isdigit():
        raise NotFound
    with transaction.atomic():
        person = Person.objects.filter(pk=int(person_id), county_id=user.county_id).first()
        if person is None:
            raise NotFound
        persons_found_for_intake(user, [person], purpose=purpose, channel=channel)
    return person
