"""Reads for persons. Callers log what they show through ``monia.access.policy``.

A person looked up by name before a new one is created (the intake's child search, the
likely duplicates of a new person) is found by the client search's rule too: each word
typed may mean a word of the register's vocabulary with a typo or without its accents
(``name_selectors.words_meant``: "Nylnd" means Nylund). A match missed here makes a second
person of the same child."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from django.contrib.postgres.search import TrigramSimilarity
from django.db.models import Q, QuerySet, Value
from django.db.models.functions import Concat

from monia.people import hetu
from monia.people.models import Person, PersonCorrection, Relationship
from monia.people.name_selectors import county_keys, words_meant, words_typed

SEARCH_LIMIT = 20
# pg_trgm similarity of "first names last name" above which a person born the same day is a
# likely duplicate: "Aino Esimerki" ~ "Aino Esimerkki" 0.81, "Onni Koulu" ~ "Onni
# Koululainen" 0.56, "Esimerkki Aino" ~ "Aino Esimerkki" 1.0; twins "Aino" and "Eetu
# Esimerkki" 0.53 (warned: the worker confirms); different names ~0.
SIMILAR_NAME = 0.5


def person_by_identity_code(*, county_id: int, canonical: str) -> Person | None:
    return Person.objects.filter(county_id=county_id, identity_code_canonical=canonical).first()


def _meaning_all(county_id: int, meant: list[list[str]]) -> Q:
    """The county's persons whose names hold a word meant for every word typed."""
    condition = Q()
    for names in meant:
        condition &= Q(name_keys__overlap=county_keys(county_id, names))
    return condition


def _same_words(county_id: int, first_names: str, last_name: str) -> Q:
    """A person whose name holds a word meant by every word of the last name typed and by
    one of the first names: a typo, a middle name left out or told differently, accents.
    One query (the vocabulary); none when no name has a word to look up."""
    firsts, lasts = words_typed(first_names), words_typed(last_name)
    if not firsts or not lasts:
        return Q(pk__in=[])
    meant = words_meant(firsts + lasts)
    first_meant = [w for names in meant[: len(firsts)] for w in names]
    if not first_meant or not all(meant[len(firsts) :]):
        return Q(pk__in=[])
    first = Q(name_keys__overlap=county_keys(county_id, first_meant))
    return first & _meaning_all(county_id, meant[len(firsts) :])


def persons_similar(
    *, county_id: int, birth_date: datetime.date, first_names: str, last_name: str
) -> list[Person]:
    """Likely duplicates of a new person: born the same day, with a similar name. Similar
    is the trigram similarity of the whole name (a missing middle name, the names the other
    way round, a typo in a long name), or the same words by the vocabulary (a typo in a
    short name: "Aino Nylnd" for Aino Maria Nylund, similarity 0.45; "Eeli Mkai" for Eeli
    Mäki, 0.43). Two queries."""
    full_name = Concat("first_names", Value(" "), "last_name")
    name = f"{first_names.strip()} {last_name.strip()}"
    similar = Q(similarity__gte=SIMILAR_NAME) | _same_words(county_id, first_names, last_name)
    return list(
        Person.objects.filter(county_id=county_id, birth_date=birth_date, merged_into__isnull=True)
        .annotate(similarity=TrigramSimilarity(full_name, name))
        .filter(similar)
        .order_by("-similarity", "last_name")[:SEARCH_LIMIT]
    )


def _names_match(county_id: int, names: tuple[str, ...]) -> Q:
    """Every name typed is part of the person's first names or last name, or each of its
    words means a word of the person's name (the vocabulary: a typo, accents). One query
    (the vocabulary); none when no name has a word to look up."""
    words = [words_typed(name) for name in names]
    meant = iter(words_meant([w for typed in words for w in typed]))
    condition = Q()
    for name, typed in zip(names, words, strict=True):
        match = Q(first_names__icontains=name) | Q(last_name__icontains=name)
        its = [next(meant) for _ in typed]
        if its and all(its):
            match |= _meaning_all(county_id, its)
        condition &= match
    return condition


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
            persons.filter(
                _names_match(county_id, terms.names), birth_date=terms.birth_date
            ).order_by("last_name", "first_names")[:SEARCH_LIMIT]
        )
    elif terms.names_a_part and (team_id or worker_id):
        team_only = True
        persons = _team_scope(persons, team_id=team_id, worker_id=worker_id)
        found = list(
            persons.filter(_names_match(county_id, terms.names)).order_by(
                "last_name", "first_names"
            )[:SEARCH_LIMIT]
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


def family_member_named(
    child: Person, first_names: str, last_name: str, birth_date: datetime.date | None
) -> Person | None:
    """A person tied to the child with these very names and this date of birth (none given:
    none recorded), the register's merged copies left out."""
    return Person.objects.filter(
        ties_from__to_person=child,
        merged_into__isnull=True,
        first_names__iexact=first_names.strip(),
        last_name__iexact=last_name.strip(),
        birth_date=birth_date,
    ).first()


def tied_to(child: Person, persons: list[Person]) -> set[int]:
    """The ids of those of ``persons`` who are the child or in the child's family (tied to
    the child either way): one query."""
    ids = [p.pk for p in persons]
    tied = Person.objects.filter(pk__in=ids).filter(
        Q(ties_from__to_person=child) | Q(ties_to__from_person=child)
    )
    return set(tied.values_list("pk", flat=True)) | ({child.pk} & set(ids))


def corrections_of(person: Person) -> QuerySet[PersonCorrection]:
    return person.corrections.select_related("corrected_by")
