"""Who a letter about a child's matter may be addressed to: the child's guardians, the
parents who are not guardians, and the young person themself from the age of 12 (LsL 20 §:
the child's view is heard from 12 in their own matter). One person per letter."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from monia.casework.models import Case
from monia.people.models import ADULT_AGE, Person, Relationship, RelationshipKind, age_on

YOUNG_PERSON_AGE = 12
PARENT_KINDS = (RelationshipKind.BIOLOGICAL_PARENT, RelationshipKind.ADOPTIVE_PARENT)


class Role:
    GUARDIAN = "guardian"
    PARENT = "parent"
    YOUNG_PERSON = "young_person"


@dataclass(frozen=True)
class Recipient:
    person: Person
    role: str

    @property
    def role_label(self) -> str:
        labels = {
            Role.GUARDIAN: _("Guardian"),
            Role.PARENT: _("Parent"),
            Role.YOUNG_PERSON: _("The young person"),
        }
        return labels[self.role]

    @property
    def label(self) -> str:
        return f"{self.person.full_name} ({self.role_label})"


def child_age(case: Case, on: datetime.date) -> int | None:
    birth = case.child.birth_date
    return age_on(birth, on) if birth else None


def recipients_for(case: Case, *, on: datetime.date) -> list[Recipient]:
    """The guardians on the day, then the other parents, then the child when 12 or older:
    one query."""
    ties = (
        Relationship.objects.filter(to_person=case.child)
        .filter(Q(is_guardian=True) | Q(kind__in=PARENT_KINDS))
        .filter(Q(started_on__isnull=True) | Q(started_on__lte=on))
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=on))
        .select_related("from_person")
        .order_by("-is_guardian", "from_person__last_name", "from_person__first_names", "pk")
    )
    found: dict[int, Recipient] = {}
    for tie in ties:
        person = tie.from_person
        if person.pk in found or person.deceased_on:
            continue
        found[person.pk] = Recipient(person, Role.GUARDIAN if tie.is_guardian else Role.PARENT)
    age = child_age(case, on)
    if age is not None and age >= YOUNG_PERSON_AGE:
        found[case.child_id] = Recipient(case.child, Role.YOUNG_PERSON)
    return list(found.values())


def recipient_get(case: Case, person_id: int, *, on: datetime.date) -> Recipient | None:
    return next((r for r in recipients_for(case, on=on) if r.person.pk == person_id), None)


def may_use_portal(case: Case, recipient: Recipient, *, on: datetime.date) -> bool:
    """Whether the portal's own rule (portal.access) lets this recipient follow the
    matter: a young person from 12, a guardian of a child under 18; the case is open.
    A letter mentions the portal only then (it says nothing untrue)."""
    if case.stage == "closed":
        return False
    age = child_age(case, on)
    if age is None:
        return False
    if recipient.role == Role.YOUNG_PERSON:
        return True
    return recipient.role == Role.GUARDIAN and age < ADULT_AGE
