"""Reads for persons. Callers log what they show through ``monia.access.policy``."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from monia.people import hetu
from monia.people.models import Person, Relationship

SEARCH_LIMIT = 20


def persons_search(*, county_id: int, query: str) -> list[Person]:
    """Find persons in one county by identity code (exact) or by name."""
    query = query.strip()
    if not query:
        return []
    if hetu.is_valid(query):
        return list(
            Person.objects.filter(
                county_id=county_id, identity_code_canonical=hetu.canonical(query)
            )
        )
    words = query.split()
    condition = Q()
    for word in words:
        condition &= Q(first_names__icontains=word) | Q(last_name__icontains=word)
    return list(
        Person.objects.filter(condition, county_id=county_id).order_by("last_name", "first_names")[
            :SEARCH_LIMIT
        ]
    )


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
