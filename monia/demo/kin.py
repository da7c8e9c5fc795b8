"""What the demo's texts may say of a child's family: a notification that quotes the child
on her stepfather, a child's view that wishes "isi" came home more often, a hypothesis
about a younger sister. Each such text names the facts it takes for granted (its
``family`` in the data files); the demo gives it only to a child whose family, as the
register has it (``families.Register``), has them — no stepfather in a family without one.

The facts, as read from the child's relationships:

``father``            a father (biological or adoptive) in the register
``parents_together``  the child's mother and father live as a couple (married or together)
``parents_apart``     they have separated or divorced
``stepfather``        a parent's new partner, a man, is the child's step-parent
``stepmother``        the same, a woman
``younger_sister``    a sister born after the child
``younger_sibling``   a sister or a brother born after the child
``mothers_mother``    the mother's mother is in the register, the child's grandmother
``lives_with_mother`` the child lives with her mother: the mother's tie says so, or no
                      parent's does (a child placed or on her own: the home she left is
                      not recorded, so nothing on her page says it was not her mother's)
"""

from __future__ import annotations

from collections.abc import Iterable

from monia.people.models import (
    Gender,
    PartnershipStatus,
    Person,
    Relationship,
    RelationshipKind,
)

FACTS = frozenset(
    {
        "father",
        "parents_together",
        "parents_apart",
        "stepfather",
        "stepmother",
        "younger_sister",
        "younger_sibling",
        "mothers_mother",
        "lives_with_mother",
    }
)
PARENTS = (RelationshipKind.BIOLOGICAL_PARENT, RelationshipKind.ADOPTIVE_PARENT)
TOGETHER = (PartnershipStatus.TOGETHER, PartnershipStatus.MARRIED)
APART = (PartnershipStatus.SEPARATED, PartnershipStatus.DIVORCED)


def family_facts(child: Person) -> frozenset[str]:
    """The facts of ``FACTS`` that hold for ``child``'s family."""
    ties = list(Relationship.objects.filter(to_person=child).select_related("from_person"))
    parents = [t.from_person for t in ties if t.kind in PARENTS]
    facts: set[str] = set()
    if any(p.gender == Gender.MALE for p in parents):
        facts.add("father")
    if _lives_with_mother([t for t in ties if t.kind in PARENTS]):
        facts.add("lives_with_mother")
    couple = Relationship.objects.filter(
        kind=RelationshipKind.PARTNER,
        from_person__in=parents,
        to_person__in=parents,
    ).values_list("partnership_status", flat=True)
    for status in couple:
        facts.add("parents_together" if status in TOGETHER else "parents_apart")
    for tie in ties:
        person = tie.from_person
        if tie.kind == RelationshipKind.STEP_PARENT:
            facts.add("stepfather" if person.gender == Gender.MALE else "stepmother")
        elif tie.kind == RelationshipKind.SIBLING and _younger(person, child):
            facts.add("younger_sibling")
            if person.gender == Gender.FEMALE:
                facts.add("younger_sister")
    if mothers_mother(child, parents=parents) is not None:
        facts.add("mothers_mother")
    return frozenset(facts)


def mothers_mother(child: Person, *, parents: list[Person] | None = None) -> Person | None:
    """The child's grandmother on the mother's side, if the register has her (the demo
    writes her name when she is the one who notified: "isoäiti", "mormor")."""
    if parents is None:
        ties = Relationship.objects.filter(to_person=child, kind__in=PARENTS)
        parents = [t.from_person for t in ties.select_related("from_person")]
    mothers = [p for p in parents if p.gender == Gender.FEMALE]
    tie = (
        Relationship.objects.filter(
            kind__in=PARENTS, to_person__in=mothers, from_person__gender=Gender.FEMALE
        )
        .select_related("from_person")
        .order_by("pk")
        .first()
    )
    return tie.from_person if tie is not None else None


def _lives_with_mother(parent_ties: list[Relationship]) -> bool:
    """A text that puts the child at her mother's ("äiti nukkuu päivisin") may be said
    unless the register has her living with another parent (her father) and not her mother."""
    mothers = [t for t in parent_ties if t.from_person.gender == Gender.FEMALE]
    at_home = [t for t in parent_ties if t.lives_with]
    return bool(mothers) and (not at_home or any(t.lives_with for t in mothers))


def _younger(sibling: Person, child: Person) -> bool:
    if sibling.birth_date is None or child.birth_date is None:
        return False
    return sibling.birth_date > child.birth_date


def fits(needs: Iterable[str], facts: frozenset[str]) -> bool:
    """Whether a text that takes ``needs`` for granted may be said of a family with
    ``facts``. A need not in ``FACTS`` is a typo in a data file: refused loudly."""
    needs = set(needs)
    unknown = needs - FACTS
    if unknown:
        raise ValueError(f"unknown family facts {sorted(unknown)}; known: {sorted(FACTS)}")
    return needs <= facts


def family_key(child: Person) -> int:
    """One number for the children of one family (the lowest person id among the child and
    the siblings the register ties to her): what the demo tells of a family once, as a
    hypothesis, it tells once even when the family's children have cases of their own."""
    siblings = Relationship.objects.filter(
        to_person=child, kind=RelationshipKind.SIBLING
    ).values_list("from_person_id", flat=True)
    return min([child.pk, *siblings])
