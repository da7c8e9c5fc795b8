"""Reads for persons. Callers log what they show through ``monia.access.policy``."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.postgres.search import TrigramSimilarity
from django.db.models import Q, QuerySet, Value
from django.db.models.functions import Concat

from monia.people import hetu
from monia.people.models import Person, PersonCorrection, Relationship

SEARCH_LIMIT = 20
# pg_trgm similarity of "first names last name" above which a person born the same day is a
# likely duplicate: "Aino Esimerki" ~ "Aino Esimerkki" 0.81, "Onni Koulu" ~ "Onni
# Koululainen" 0.56, "Esimerkki Aino" ~ "Aino Esimerkki" 1.0; twins "Aino" and "Eetu
# Esimerkki" 0.53 (warned: the worker confirms); different names ~0.
SIMILAR_NAME = 0.5


def persons_search(*, county_id: int, query: str) -> list[Person]:
    """Find persons in one county by identity code (exact) or by name."""
    query = query.strip()
    if not query:
        return []
    persons = Person.objects.filter(county_id=county_id, merged_into__isnull=True)
    if hetu.is_valid(query):
        return list(persons.filter(identity_code_canonical=hetu.canonical(query)))
    words = query.split()
    condition = Q()
    for word in words:
        condition &= Q(first_names__icontains=word) | Q(last_name__icontains=word)
    return list(persons.filter(condition).order_by("last_name", "first_names")[:SEARCH_LIMIT])


def person_by_identity_code(*, county_id: int, canonical: str) -> Person | None:
    return Person.objects.filter(county_id=county_id, identity_code_canonical=canonical).first()


def persons_similar(*, county_id: int, birth_date: datetime.date, name: str) -> list[Person]:
    """Likely duplicates of a new person: born the same day, with a similar name
    (trigram similarity of the whole name, so typos, a missing middle name and the
    order of the names do not hide them)."""
    full_name = Concat("first_names", Value(" "), "last_name")
    return list(
        Person.objects.filter(county_id=county_id, birth_date=birth_date, merged_into__isnull=True)
        .annotate(similarity=TrigramSimilarity(full_name, name.strip()))
        .filter(similarity__gte=SIMILAR_NAME)
        .order_by("-similarity", "last_name")[:SEARCH_LIMIT]
    )


@dataclass
class ChildSearch:
    """What a search for the child of an intake found: the persons who may be the child
    (under 18, unborn, or not identified yet), and the adults, shown as family members
    with the children they are tied to (who may be chosen)."""

    children: list[Person] = field(default_factory=list)
    adults: list[tuple[Person, list[Person]]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.children and not self.adults

    @property
    def shown(self) -> list[Person]:
        """Every person the page shows (each read is logged)."""
        seen = {p.pk: p for p in self.children}
        for adult, _children in self.adults:
            seen.setdefault(adult.pk, adult)
        return list(seen.values())


def child_search(*, county_id: int, query: str, today: datetime.date) -> ChildSearch:
    """Search for the child of an intake: adults found are shown as family members, and
    the children tied to them join the children found."""
    found = persons_search(county_id=county_id, query=query)
    result = ChildSearch(children=[p for p in found if p.may_be_child_on(today)])
    adults = [p for p in found if not p.may_be_child_on(today)]
    if not adults:
        return result
    ties = (
        Relationship.objects.filter(from_person__in=adults, to_person__merged_into__isnull=True)
        .select_related("to_person")
        .order_by("to_person__last_name", "to_person__first_names")
    )
    theirs: dict[int, list[Person]] = {a.pk: [] for a in adults}
    known = {p.pk for p in result.children}
    for tie in ties:
        child = tie.to_person
        if child.may_be_child_on(today):
            theirs[tie.from_person_id].append(child)
            if child.pk not in known:
                known.add(child.pk)
                result.children.append(child)
    result.adults = [(a, theirs[a.pk]) for a in adults]
    return result


def guardians_of(person: Person) -> QuerySet[Relationship]:
    return Relationship.objects.filter(to_person=person, is_guardian=True).select_related(
        "from_person"
    )


def relationships_of(person: Person) -> QuerySet[Relationship]:
    return (
        Relationship.objects.filter(to_person=person)
        .select_related("from_person")
        .order_by("kind", "from_person__last_name")
    )


def person_in_family(child: Person, person_id: int) -> Person | None:
    """The child, or a person tied to the child (a parent, sibling …); None for anyone else."""
    if person_id == child.pk:
        return child
    return (
        Person.objects.filter(pk=person_id)
        .filter(Q(ties_from__to_person=child) | Q(ties_to__from_person=child))
        .distinct()
        .first()
    )


def corrections_of(person: Person) -> QuerySet[PersonCorrection]:
    return person.corrections.select_related("corrected_by")
