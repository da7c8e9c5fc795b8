"""Reads for persons. Callers log what they show through ``monia.access.policy``."""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

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


def _names_match(names: tuple[str, ...]) -> Q:
    condition = Q()
    for word in names:
        condition &= Q(first_names__icontains=word) | Q(last_name__icontains=word)
    return condition


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


# A part of a name this long finds persons among one's own team's families (docs/security.md,
# "Who may search"); anywhere else in the county a search needs an identity code, or a full
# name (two names) with the birth date.
MIN_NAME_PART = 3


@dataclass(frozen=True)
class SearchTerms:
    """A search term read as an identity code, or names and perhaps a birth date."""

    canonical: str = ""
    names: tuple[str, ...] = ()
    birth_date: datetime.date | None = None

    @property
    def identifies(self) -> bool:
        """Enough to search the whole county: a code, or a full name with the birth date."""
        return bool(self.canonical) or (self.birth_date is not None and len(self.names) >= 2)

    @property
    def names_a_part(self) -> bool:
        return any(len(n) >= MIN_NAME_PART for n in self.names)


def _date_of(word: str) -> datetime.date | None:
    for fmt in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(word, fmt).date()  # noqa: DTZ007 - a date
        except ValueError:
            continue
    return None


def fold(text: str) -> str:
    """Lower case without accents, as the database's ``monia_fold`` folds names ("Söderström"
    → "soderstrom"; people/migrations/0004)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def name_words(text: str) -> set[str]:
    """The folded words of a name: "Anna-Liisa Söderström" → {anna, liisa, soderstrom}."""
    return {w for w in re.split(r"[\s\-]+", fold(text)) if w}


# What a person typing a code or a date meant, though it is not a valid one: six digits, a
# sign, three digits and a character; or digits separated by dots, dashes or slashes.
LOOKS_LIKE_CODE = re.compile(r"[0-9]{6}.[0-9]{3}[0-9A-Za-z]", re.ASCII)
LOOKS_LIKE_DATE = re.compile(r"[0-9]{1,4}[./-][0-9]{1,2}[./-][0-9]{1,4}", re.ASCII)


def search_terms(query: str) -> SearchTerms:
    query = query.strip()
    if hetu.is_valid(query):
        return SearchTerms(canonical=hetu.canonical(query))
    names: list[str] = []
    birth_date = None
    for word in query.split():
        day = _date_of(word)
        if day is not None and birth_date is None:
            birth_date = day
        else:
            names.append(word)
    return SearchTerms(names=tuple(names), birth_date=birth_date)


def _team_scope(persons: QuerySet[Person], *, team_id: int | None, worker_id: int | None) -> Any:
    """The persons of one's own team's families: the children of the team's cases (and of
    the worker's own) and the persons tied to them."""
    rule = Q(pk__in=[])
    if team_id:
        rule |= Q(cases__team_id=team_id) | Q(ties_from__to_person__cases__team_id=team_id)
    if worker_id:
        rule |= Q(cases__designated_worker_id=worker_id) | Q(
            ties_from__to_person__cases__designated_worker_id=worker_id
        )
    return persons.filter(pk__in=persons.filter(rule).values("pk"))


@dataclass
class ChildSearch:
    """What a search for the child of an intake found: the persons who may be the child
    (under 18, unborn, or not identified yet), and the adults, shown as family members
    with the children they are tied to (who may be chosen)."""

    children: list[Person] = field(default_factory=list)
    adults: list[tuple[Person, list[Person]]] = field(default_factory=list)
    #: The term was too broad to search at all (nothing was searched, nothing shown).
    too_broad: bool = False
    #: A part of a name was searched among one's own team's families only.
    team_only: bool = False

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


def child_search(
    *,
    county_id: int,
    query: str,
    today: datetime.date,
    team_id: int | None = None,
    worker_id: int | None = None,
) -> ChildSearch:
    """Search for the child of an intake: adults found are shown as family members, and
    the children tied to them join the children found.

    Who may find whom (docs/security.md, "Who may search"): anywhere in the county only by
    an identity code, or by a full name with the birth date; a part of a name (``MIN_NAME_PART``
    letters) only among the families of one's own team (``team_id``) and one's own cases
    (``worker_id``). Anything less is ``too_broad``: nothing is searched."""
    terms = search_terms(query)
    persons = Person.objects.filter(county_id=county_id, merged_into__isnull=True)
    team_only = False
    if terms.canonical:
        found = list(persons.filter(identity_code_canonical=terms.canonical))
    elif terms.identifies:
        found = list(
            persons.filter(_names_match(terms.names), birth_date=terms.birth_date).order_by(
                "last_name", "first_names"
            )[:SEARCH_LIMIT]
        )
    elif terms.names_a_part and (team_id or worker_id):
        team_only = True
        persons = _team_scope(persons, team_id=team_id, worker_id=worker_id)
        found = list(
            persons.filter(_names_match(terms.names)).order_by("last_name", "first_names")[
                :SEARCH_LIMIT
            ]
        )
    else:
        return ChildSearch(too_broad=True)
    result = ChildSearch(
        children=[p for p in found if p.may_be_child_on(today)], team_only=team_only
    )
    adults = [p for p in found if not p.may_be_child_on(today)]
    if not adults:
        return result
    tied = Relationship.objects.filter(from_person__in=adults, to_person__merged_into__isnull=True)
    if team_only:  # an adult's other children outside the team are not shown
        tied = tied.filter(to_person__in=persons)
    ties = tied.select_related("to_person").order_by(
        "to_person__last_name", "to_person__first_names"
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
