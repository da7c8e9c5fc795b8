"""Reads for a measure's hearing and consents: how old the child is on the day of the
decision, and whose consent a measure needs; and the last placement that gives a right to
aftercare (LsL 75 §). Callers reach the case through the policy."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q

from monia import deadlines
from monia.casework.models import (
    PLACEMENT_KINDS,
    Case,
    ConsentParty,
    DecisionBody,
    MeasureKind,
    SupportPlacementType,
)
from monia.people.models import Person, Relationship, age_on

# A child of 12 is heard as a party before a decision on their matter (HL 34 §, LsL 20 §
# 2 mom) and consents to a placement as a support measure (LsL 37 §).
HEARING_AGE = 12


@dataclass(frozen=True)
class Consenter:
    """Someone whose consent a measure needs: a guardian, or the child of 12 or older."""

    person: Person
    party: str  # ConsentParty

    @property
    def key(self) -> str:
        """The name of the form's field for this person's answer (the service's error key)."""
        return f"consent_{self.person.pk}"


def child_age_on(child: Person, day: datetime.date) -> int | None:
    return age_on(child.birth_date, day) if child.birth_date is not None else None


def hearing_required(child: Person, day: datetime.date) -> bool:
    """A child of 12 or older on the day of the decision is heard first (HL 34 §)."""
    age = child_age_on(child, day)
    return age is not None and age >= HEARING_AGE


def consent_asked(kind: str) -> bool:
    """Measures whose record shows the consents: the 37 § placement and a care order."""
    return kind in (MeasureKind.PLACEMENT_AS_SUPPORT, MeasureKind.CARE_ORDER)


def consent_required(kind: str, decision_body: str) -> bool:
    """A placement as a support measure needs the consent of the guardians and of a child
    of 12 or older (LsL 37 §); so does a care order the senior official decides (with
    consent; on an objection the administrative court decides, LsL 43 §)."""
    return kind == MeasureKind.PLACEMENT_AS_SUPPORT or (
        kind == MeasureKind.CARE_ORDER and decision_body == DecisionBody.SENIOR_OFFICIAL
    )


def consenters(case: Case, *, on: datetime.date) -> list[Consenter]:
    """The child's guardians on the day (by name), then the child when 12 or older: one
    query."""
    ties = (
        Relationship.objects.filter(to_person=case.child, is_guardian=True)
        .filter(Q(started_on__isnull=True) | Q(started_on__lte=on))
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=on))
        .select_related("from_person")
        .order_by("from_person__last_name", "from_person__first_names", "pk")
    )
    found = list(
        {t.from_person_id: Consenter(t.from_person, ConsentParty.GUARDIAN) for t in ties}.values()
    )
    if hearing_required(case.child, on):
        found.append(Consenter(case.child, ConsentParty.CHILD))
    return found


def last_placement_ended(case: Case) -> datetime.date | None:
    """The day the child's last placement that gives a right to aftercare ended (LsL 75 §
    1 mom): substitute care, an emergency placement, or a placement as a support measure of
    the child alone that lasted at least six months. The five years of 75 § 3 mom run from
    it. A support placement recorded before Monia asked with whom the child was placed
    counts, as before: a right the register cannot rule out is not taken away."""
    ended = case.measures.filter(kind__in=PLACEMENT_KINDS, ended_on__isnull=False)
    days = [
        m.ended_on
        for m in ended.only("kind", "started_on", "ended_on", "support_placement_type")
        if m.ended_on is not None
        and (
            m.kind != MeasureKind.PLACEMENT_AS_SUPPORT
            or (
                m.support_placement_type in ("", SupportPlacementType.ALONE)
                and deadlines.support_placement_gives_aftercare(m.started_on, m.ended_on)
            )
        )
    ]
    return max(days, default=None)
