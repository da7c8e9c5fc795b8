"""Monia's one access policy: may this user do this to this case or person, on what basis?

Every view and API endpoint reaches client data through the functions here, and
each of them writes the access-log row in the same transaction as the read.
"Forbidden" and "missing" answer the same: ``Http404``.

Rules (Act 703/2023: access only for an existing client relationship or a work task):
- a user sees client data of their own county only;
- the child's designated worker and the members of the team that owns the case
  see the case (shared case responsibility of the systemic team);
- a senior official sees the county's cases (they decide care orders);
- administrators see no client data.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING, cast

from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest

from monia.access.models import AccessLog, Basis

if TYPE_CHECKING:
    from monia.accounts.models import User
    from monia.casework.models import Case
    from monia.contrib.models import ContributionRequest
    from monia.network.models import SharingGrant
    from monia.people.models import Person
    from monia.systemic.models import NextStep
    from monia.teams.models import Team


class Action(enum.StrEnum):
    VIEW = "view"
    RECORD = "record"  # urgency notes, hearings, plan drafts
    DECIDE = "decide"  # intake decisions, assessment conclusions, plan approval, measures


# Roles that work with client data at all; administrators and unknown roles do not.
CASEWORK_ROLES = frozenset(
    {
        "designated_social_worker",
        "social_worker",
        "consultant_social_worker",
        "family_therapist",
        "family_worker",
        "team_coordinator",
        "senior_official",
    }
)
RECORDING_ROLES = CASEWORK_ROLES - {"team_coordinator"}
DECIDING_ROLES = frozenset(
    {
        "designated_social_worker",
        "social_worker",
        "consultant_social_worker",
        "senior_official",
    }
)


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
    if user.role == "senior_official":
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
    return user.role in DECIDING_ROLES


def allowed_actions(user: User, case: Case) -> frozenset[Action]:
    return frozenset(a for a in Action if may(user, a, case))


def cases_visible_to(user: User) -> QuerySet[Case]:
    """The cases a user may see, as a queryset (for lists and dashboards)."""
    from monia.casework.models import Case

    if not _is_staff_in_county(user) or user.county_id is None:
        return Case.objects.none()
    qs = Case.objects.filter(county_id=user.county_id)
    if user.role == "senior_official":
        return qs
    rule = Q(designated_worker_id=user.pk)
    if user.team_id is not None:
        rule |= Q(team_id=user.team_id)
    return qs.filter(rule)


def may_record_intake(user: User) -> bool:
    return _is_staff_in_county(user) and user.role in RECORDING_ROLES


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
        AccessLog.objects.create(
            user=user,
            county_id=case.county_id,
            person_id=case.child_id,
            case=case,
            purpose=purpose,
            basis=basis,
            channel=channel,
        )
    return case


def log_case_list(user: User, cases: Iterable[Case], *, purpose: str, channel: str = "web") -> None:
    """Log that a list showing these cases' children was read: one INSERT for the lot."""
    rows = []
    for case in cases:
        basis = case_basis(user, case)
        if basis is None:  # a list must only ever contain visible cases
            raise NotFound
        rows.append(
            AccessLog(
                user=user,
                county_id=case.county_id,
                person_id=case.child_id,
                case=case,
                purpose=purpose,
                basis=basis,
                channel=channel,
            )
        )
    AccessLog.objects.bulk_create(rows)


def persons_found_for_intake(user: User, persons: Iterable[Person], *, purpose: str) -> None:
    """Log the persons shown to a user searching for a child while recording an intake."""
    if not may_record_intake(user):
        raise NotFound
    rows = [
        AccessLog(
            user=user,
            county_id=p.county_id,
            person=p,
            purpose=purpose,
            basis=Basis.INTAKE_REGISTRATION,
        )
        for p in persons
        if p.county_id == user.county_id
    ]
    AccessLog.objects.bulk_create(rows)


def user_of(request: HttpRequest) -> User:
    """The request's user, typed as Monia's user (anonymous users never reach views)."""
    return cast("User", request.user)


def team_basis(user: User, team: Team) -> Basis | None:
    """Whether a user may work in a team's shared space (caseboard, meetings)."""
    if not _is_staff_in_county(user) or team.county_id != user.county_id:
        return None
    if user.team_id == team.pk:
        return Basis.TEAM_MEMBER
    if user.role == "senior_official":
        return Basis.SENIOR_OFFICIAL
    return None


def team_get_for_user(user: User, team_id: int | None) -> Team:
    """The team whose shared space the user opens; 404 for any other."""
    from monia.teams.models import Team

    team = Team.objects.filter(pk=team_id).first() if team_id else None
    if team is None or team_basis(user, team) is None:
        raise NotFound
    return team


def caseload_scope(user: User) -> tuple[int, int | None] | None:
    """Whose caseloads a user sees (counts only, no client data): a senior official the
    whole county's, others their own team's; (county id, team id or None for all)."""
    if not _is_staff_in_county(user) or user.county_id is None:
        return None
    if user.role == "senior_official":
        return (user.county_id, None)
    return (user.county_id, user.team_id) if user.team_id else None


def person_get_for_intake(user: User, person_id: int | str, *, purpose: str) -> Person:
    """A person of the user's county, for recording an intake about them; logged; 404 else."""
    from monia.people.models import Person

    if not may_record_intake(user) or user.county_id is None or not str(person_id).isdigit():
        raise NotFound
    with transaction.atomic():
        person = Person.objects.filter(pk=int(person_id), county_id=user.county_id).first()
        if person is None:
            raise NotFound
        persons_found_for_intake(user, [person], purpose=purpose)
    return person


# --- Partners: only through a sharing grant -----------------------------------------------


def active_grants_for(user: User, *, on: datetime.date | None = None) -> QuerySet[SharingGrant]:
    """Grants that let this partner professional see something today."""
    from django.utils import timezone

    from monia.network.models import SharingGrant

    if not (
        user.is_authenticated and user.is_active and user.role == "partner" and user.organisation_id
    ):
        return SharingGrant.objects.none()
    on = on or timezone.localdate()
    return SharingGrant.objects.filter(
        Q(partner__isnull=True) | Q(partner=user),
        organisation_id=user.organisation_id,
        starts_on__lte=on,
        ends_on__gte=on,
        withdrawn_on__isnull=True,
    )


def partner_case_get(
    user: User, case_id: int, *, purpose: str
) -> tuple[Case, list[SharingGrant], list[str]]:
    """A case as a partner may see it: the grants in force and the parts they open.

    Writes one disclosure-log row per grant in the same transaction; 404 without a grant.
    """
    from monia.network.services import disclosure_log_write, disclosure_of_grant

    with transaction.atomic():
        grants = list(
            active_grants_for(user)
            .filter(case_id=case_id)
            .select_related("case__child", "case__designated_worker")
        )
        if not grants:
            raise NotFound
        parts = sorted({part for g in grants for part in g.scope})
        disclosure_log_write(
            recipient=user, disclosures=[disclosure_of_grant(g) for g in grants], purpose=purpose
        )
    return grants[0].case, grants, parts


def partner_grants_list(user: User, *, purpose: str) -> list[SharingGrant]:
    """The grants in force for a partner, each child's name shown logged as a disclosure."""
    from monia.network.models import SharePart
    from monia.network.services import disclosure_log_write, disclosure_of_grant

    with transaction.atomic():
        grants = list(
            active_grants_for(user)
            .select_related("case__child", "organisation")
            .order_by("ends_on")
        )
        disclosure_log_write(
            recipient=user,
            disclosures=[disclosure_of_grant(g, parts=[SharePart.BASIC]) for g in grants],
            purpose=purpose,
        )
    return grants


# --- Consultations ---

if TYPE_CHECKING:
    from monia.consult.models import Consultation


def _consultations_for_partner(user: User) -> QuerySet[Consultation]:
    """Consultations addressed to a partner's organisation, or to them by name."""
    from monia.consult.models import Consultation

    if not (user.is_authenticated and user.is_active and user.role == "partner"):
        return Consultation.objects.none()
    rule = Q(expert_id=user.pk)
    if user.organisation_id:
        rule |= Q(organisation_id=user.organisation_id)
    return Consultation.objects.filter(rule)


def _log_consultation_reads(
    user: User, consultations: Iterable[Consultation], *, purpose: str
) -> None:
    """Consent-mode questions show the child's name: one disclosure row for each.
    Pseudonymised ones disclose no one and are not logged."""
    from monia.consult.models import ConsultationMode
    from monia.network.services import disclosure_log_write, disclosure_of_consultation

    disclosure_log_write(
        recipient=user,
        disclosures=[
            disclosure_of_consultation(c)
            for c in consultations
            if c.mode == ConsultationMode.CONSENT
        ],
        purpose=purpose,
    )


def partner_consultations_list(user: User, *, purpose: str) -> list[Consultation]:
    """A partner's open consultations; each named child shown is logged as a disclosure."""
    with transaction.atomic():
        items = list(
            _consultations_for_partner(user)
            .filter(answered_at__isnull=True)
            .select_related("case__child", "organisation")
            .order_by("answer_due", "pk")
        )
        _log_consultation_reads(user, items, purpose=purpose)
    return items


def partner_consultation_get(user: User, consultation_id: int, *, purpose: str) -> Consultation:
    """One consultation as its partner may see it, the read logged; 404 otherwise."""
    with transaction.atomic():
        found = (
            _consultations_for_partner(user)
            .select_related("case__child", "organisation", "answered_by")
            .filter(pk=consultation_id)
            .first()
        )
        if found is None:
            raise NotFound
        _log_consultation_reads(user, [found], purpose=purpose)
    return found


# --- Assessment contributions ---


def _contributions_open_to(user: User) -> QuerySet[ContributionRequest]:
    """Requests to the partner's organisation, addressed to everyone there or to them."""
    from monia.contrib.models import ContributionRequest

    if not (
        user.is_authenticated and user.is_active and user.role == "partner" and user.organisation_id
    ):
        return ContributionRequest.objects.none()
    return ContributionRequest.objects.filter(
        Q(partner__isnull=True) | Q(partner=user), organisation_id=user.organisation_id
    )


def _log_contribution_reads(
    user: User, requests: Iterable[ContributionRequest], *, purpose: str
) -> None:
    """The child's name and the questions shown: one disclosure row per request."""
    from monia.network.services import disclosure_log_write, disclosure_of_contribution

    disclosure_log_write(
        recipient=user,
        disclosures=[disclosure_of_contribution(r) for r in requests],
        purpose=purpose,
    )


def contributions_for_partner(user: User, *, purpose: str) -> list[ContributionRequest]:
    """A partner's contribution requests; each child's name shown is logged as a disclosure."""
    with transaction.atomic():
        requests = list(
            _contributions_open_to(user).select_related("assessment__case__child", "organisation")
        )
        _log_contribution_reads(user, requests, purpose=purpose)
    return requests


def contribution_get_for_partner(
    user: User, request_id: int, *, purpose: str, for_update: bool = False
) -> ContributionRequest:
    """One request as its partner may see it, the read logged; 404 for anyone else."""
    with transaction.atomic():
        qs = _contributions_open_to(user).select_related("assessment__case__child", "organisation")
        if for_update:
            qs = qs.select_for_update(of=("self",))
        request = qs.filter(pk=request_id).first()
        if request is None:
            raise NotFound
        _log_contribution_reads(user, [request], purpose=purpose)
    return request


# --- Network meetings ---

if TYPE_CHECKING:
    from monia.netmeet.models import NetworkMeeting


def _network_meetings_for_partner(user: User) -> QuerySet[NetworkMeeting]:
    """Meetings the partner's organisation is invited to (as a whole or them by name)."""
    from monia.netmeet.models import NetworkMeeting

    if not (
        user.is_authenticated and user.is_active and user.role == "partner" and user.organisation_id
    ):
        return NetworkMeeting.objects.none()
    return NetworkMeeting.objects.filter(
        invitees__role="partner", invitees__organisation_id=user.organisation_id
    ).distinct()


def _log_network_meeting_reads(
    user: User, meetings: Iterable[NetworkMeeting], *, purpose: str
) -> None:
    """The child's first name and the agenda shown: one disclosure row per meeting, for the
    partner's organisation (the invited one: only its professionals reach a meeting)."""
    from monia.network.services import disclosure_log_write, disclosure_of_meeting

    organisation_id = cast(int, user.organisation_id)
    disclosure_log_write(
        recipient=user,
        disclosures=[disclosure_of_meeting(m, organisation_id=organisation_id) for m in meetings],
        purpose=purpose,
    )


def partner_network_meetings_list(user: User, *, purpose: str) -> list[NetworkMeeting]:
    """A partner's network meetings; each child's first name shown is logged."""
    with transaction.atomic():
        items = list(
            _network_meetings_for_partner(user)
            .select_related("case__child")
            .order_by("-held_at", "-pk")
        )
        _log_network_meeting_reads(user, items, purpose=purpose)
    return items


def partner_network_meeting_get(user: User, meeting_id: int, *, purpose: str) -> NetworkMeeting:
    """One meeting as an invited partner may see it, the read logged; 404 otherwise."""
    with transaction.atomic():
        found = (
            _network_meetings_for_partner(user)
            .select_related("case__child")
            .filter(pk=meeting_id)
            .first()
        )
        if found is None:
            raise NotFound
        _log_network_meeting_reads(user, [found], purpose=purpose)
    return found


# --- Tasks ---


def task_get_for_owner(user: User, task_id: int) -> NextStep:
    """A next step the user owns; anyone else's answers 404, like a missing one."""
    from monia.systemic.models import NextStep

    step = NextStep.objects.filter(pk=task_id, owner_id=user.pk).first()
    if step is None or not user.is_active:
        raise NotFound
    return step


# --- The participation portal: a client sees their own matters, or their child's ----------
# A young person from 12 (younger where the worker allows, portal.ChildPortalAccess), a
# young adult in aftercare (18+, case still open) and a guardian of a child under 18 whose
# case is open. The client's identity code (portal.ClientAccount) links the login to the
# person's rows in every county's register. A sibling's case, a closed case or a child no
# longer in the client's custody answers 404 like a missing one.

PORTAL_MIN_AGE = 12
ADULT_AGE = 18


class PortalKind(enum.StrEnum):
    YOUNG_PERSON = "young_person"
    YOUNG_ADULT = "young_adult"
    GUARDIAN = "guardian"


@dataclasses.dataclass(frozen=True)
class PortalCase:
    """One matter a client may follow in the portal, and in which capacity."""

    case: Case
    kind: PortalKind
    client: Person  # the client's own row in the case's county

    @property
    def is_guardian(self) -> bool:
        return self.kind == PortalKind.GUARDIAN

    @property
    def basis(self) -> Basis:
        return Basis.GUARDIAN if self.is_guardian else Basis.OWN_DATA

    @functools.cached_property
    def hidden_document_keys(self) -> frozenset[str]:
        """Documents the worker has hidden from this guardian (none for the child)."""
        from monia.portal.models import GuardianRestriction

        if not self.is_guardian:
            return frozenset()
        return frozenset(
            GuardianRestriction.objects.filter(case=self.case, guardian=self.client).values_list(
                "document_key", flat=True
            )
        )


def age_on(birth: datetime.date | None, day: datetime.date) -> int | None:
    if birth is None:
        return None
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def is_client(user: User) -> bool:
    return bool(user.is_authenticated and user.is_active and user.role == "client")


def client_persons(user: User) -> QuerySet[Person]:
    """The client's own rows in the registers (one per county the person is known in)."""
    from monia.people.models import Person

    if not is_client(user):
        return Person.objects.none()
    account = getattr(user, "client_account", None)
    if account is None:
        return Person.objects.none()
    return Person.objects.filter(identity_code_canonical=account.identity_code_canonical)


def portal_cases(user: User, *, today: datetime.date | None = None) -> list[PortalCase]:
    """Every matter the client may follow, in three queries. Writes no log (see callers)."""
    from django.utils import timezone

    from monia.casework.models import Case, CaseStage
    from monia.people.models import Relationship

    today = today or timezone.localdate()
    persons = {p.pk: p for p in client_persons(user)}
    if not persons:
        return []
    found: dict[int, PortalCase] = {}
    open_cases = Case.objects.exclude(stage=CaseStage.CLOSED).select_related(
        "child", "child__portal_access", "county", "team", "designated_worker"
    )
    for case in open_cases.filter(child_id__in=persons):
        age = age_on(case.child.birth_date, today)
        if age is None:
            continue
        if age >= ADULT_AGE:
            kind = PortalKind.YOUNG_ADULT
        elif age >= PORTAL_MIN_AGE or hasattr(case.child, "portal_access"):
            kind = PortalKind.YOUNG_PERSON
        else:
            continue
        found[case.pk] = PortalCase(case=case, kind=kind, client=persons[case.child_id])
    ties = dict(
        Relationship.objects.filter(from_person_id__in=persons, is_guardian=True)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=today))
        .values_list("to_person_id", "from_person_id")
    )
    for case in open_cases.filter(child_id__in=ties):
        age = age_on(case.child.birth_date, today)
        if age is not None and age >= ADULT_AGE:
            continue  # an adult's matters are their own
        found.setdefault(
            case.pk,
            PortalCase(case=case, kind=PortalKind.GUARDIAN, client=persons[ties[case.child_id]]),
        )
    return sorted(found.values(), key=lambda pc: (pc.is_guardian, pc.case.child.first_names))


def _portal_log(user: User, pcs: Iterable[PortalCase], purpose: str) -> None:
    AccessLog.objects.bulk_create(
        AccessLog(
            user=user,
            county_id=pc.case.county_id,
            person_id=pc.case.child_id,
            case=pc.case,
            purpose=purpose,
            basis=pc.basis,
            channel="portal",
        )
        for pc in pcs
    )


def portal_cases_list(user: User, *, purpose: str) -> list[PortalCase]:
    """The client's matters, each read logged (one INSERT); 404 for anyone not a client."""
    if not is_client(user):
        raise NotFound
    with transaction.atomic():
        pcs = portal_cases(user)
        _portal_log(user, pcs, purpose)
    return pcs


def portal_case_get(user: User, case_id: int, *, purpose: str) -> PortalCase:
    """One matter of the client's, logged; 404 for anything else."""
    with transaction.atomic():
        for pc in portal_cases(user):
            if pc.case.pk == case_id:
                _portal_log(user, [pc], purpose)
                return pc
    raise NotFound
