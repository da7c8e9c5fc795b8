"""The portal rule: a client sees their own matters, or their child's.

A young person from 12 (younger where the worker allows, ``ChildPortalAccess``), a young
adult in aftercare (18+, case still open) and a guardian of a child under 18 whose case is
open. The client's identity code (``ClientAccount``) links the login to the person's rows in
every county's register. A sibling's case, a closed case or a child no longer in the
client's custody answers 404 like a missing one. Every read writes an ``AccessLog`` row with
basis "own data" or "guardian" and channel "portal", in the read's transaction.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import functools
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from monia.access.log_writes import Read, reads_log
from monia.access.models import Basis
from monia.access.policy import NotFound
from monia.access.purposes import purpose_checked
from monia.accounts.models import Role, User
from monia.casework.models import Case, CaseStage
from monia.people.models import Person, Relationship
from monia.portal.models import GuardianRestriction, RestrictionStatus

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
        if not self.is_guardian:
            return frozenset()
        return frozenset(
            GuardianRestriction.objects.filter(
                case=self.case, guardian=self.client, status=RestrictionStatus.IN_FORCE
            ).values_list("document_key", flat=True)
        )


def age_on(birth: datetime.date | None, day: datetime.date) -> int | None:
    if birth is None:
        return None
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def is_client(user: User) -> bool:
    return bool(user.is_authenticated and user.is_active and user.role == Role.CLIENT)


def client_persons(user: User) -> QuerySet[Person]:
    """The client's own rows in the registers (one per county the person is known in)."""
    if not is_client(user):
        return Person.objects.none()
    account = getattr(user, "client_account", None)
    if account is None:
        return Person.objects.none()
    return Person.objects.filter(identity_code_canonical=account.identity_code_canonical)


def client_persons_by_user(users: Iterable[User]) -> dict[int, list[Person]]:
    """``client_persons`` of many clients in one query: user id → their rows, by pk.
    Pass the users with ``select_related("client_account")``, or each account is a query."""
    codes: dict[str, int] = {}
    for user in users:
        account = getattr(user, "client_account", None) if is_client(user) else None
        if account is not None:
            codes[account.identity_code_canonical] = user.pk
    found: dict[int, list[Person]] = {}
    if not codes:
        return found
    for person in Person.objects.filter(identity_code_canonical__in=codes).order_by("pk"):
        found.setdefault(codes[person.identity_code_canonical], []).append(person)
    return found


_MEMO = "_monia_portal_cases"


def portal_cases_of_request(user: User) -> list[PortalCase]:
    """``portal_cases`` once per request (kept on the request's user object): for the offers
    several parts of one page make a client (events, peer groups), which read the matters
    only for their counties and kinds. Writes no log."""
    today = timezone.localdate()
    memo = getattr(user, _MEMO, None)
    if memo is None or memo[0] != today:
        memo = (today, portal_cases(user, today=today))
        setattr(user, _MEMO, memo)
    return memo[1]


def portal_cases(user: User, *, today: datetime.date | None = None) -> list[PortalCase]:
    """Every matter the client may follow, in three queries. Writes no log (see callers)."""
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
    """One event per county whose matters were shown (a county's log is its own chain)."""
    purpose = purpose_checked(purpose)
    by_county: dict[int, list[Read]] = {}
    for pc in pcs:
        read = Read(pc.case.child_id, pc.case.pk, pc.basis)
        by_county.setdefault(pc.case.county_id, []).append(read)
    for county_id, reads in by_county.items():
        reads_log(
            user_id=user.pk, county_id=county_id, purpose=purpose, reads=reads, channel="portal"
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
