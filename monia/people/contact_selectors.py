"""Reads for a family's contact details and relations. What a reader may see of a protected
person is decided by ``monia.access.contact``; callers log through the policy."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from monia.people.models import ContactDetail, ContactDetailCorrection, Person, Relationship


def family_of(child: Person) -> list[Person]:
    """The child first, then everyone tied to the child either way, by name: one query."""
    tied = (
        Person.objects.filter(Q(ties_from__to_person=child) | Q(ties_to__from_person=child))
        .exclude(pk=child.pk)
        .distinct()
        .order_by("last_name", "first_names", "pk")
    )
    return [child, *tied]


def contact_detail_of(person: Person, detail_id: int) -> ContactDetail | None:
    return ContactDetail.objects.filter(person=person, pk=detail_id).first()


def contact_corrections_of(person: Person) -> QuerySet[ContactDetailCorrection]:
    return ContactDetailCorrection.objects.filter(detail__person=person).select_related(
        "corrected_by", "detail"
    )


def relationship_of_child(child: Person, relationship_id: int) -> Relationship | None:
    """A tie between the child and someone else (either way); None for any other."""
    return (
        Relationship.objects.filter(Q(to_person=child) | Q(from_person=child))
        .filter(pk=relationship_id)
        .select_related("from_person", "to_person")
        .first()
    )
