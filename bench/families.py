"""Synthetic families: children with a profile, their parents and the ties between them.

Identity codes come from ``hetu.make_synthetic`` with individual numbers 900-999 only, so
no code can be a real person's; :class:`CodeBook` hands out each code once.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from bench import data
from monia.people import hetu

YEAR = 365.25

# Profiles of a child's timeline (see bench/simulate.py): weights per 1,000 children.
PROFILE_WEIGHTS = {
    "new": 825,  # first intake in the last 12 months
    "long_term": 140,  # client since before the 12 months; may get new intakes
    "aftercare": 28,  # placed as a child, now 18-22 and in aftercare
    "unborn": 5,  # pre-birth notification (LsL 25 c §)
    "heavy": 2,  # many notifications in one year: the case-detail benchmark
}
FAMILY_SIZES = ((1, 50), (2, 30), (3, 15), (4, 5))


class Ids:
    """Primary keys per table, assigned in Python so that COPY can write them."""

    def __init__(self) -> None:
        self._last: dict[str, int] = {}

    def take(self, table: str) -> int:
        self._last[table] = self._last.get(table, 0) + 1
        return self._last[table]

    def count(self, table: str) -> int:
        return self._last.get(table, 0)


@dataclass(slots=True, eq=False)
class Person:
    id: int
    county_id: int
    first_names: str
    last_name: str
    gender: str
    language: str
    other_language: str
    municipality: str
    birth: date | None
    expected: date | None = None
    code: str = ""
    profile: str = ""  # children only
    first_case_at: datetime | None = None  # children: when their first case opened
    anchor: Person | None = None  # adults: the child whose case brought them in


@dataclass(frozen=True, slots=True)
class Tie:
    from_id: int
    to_id: int
    kind: str
    is_guardian: bool
    lives_with: bool
    partnership_status: str = ""


@dataclass
class CountyPeople:
    children: list[Person] = field(default_factory=list)
    adults: list[Person] = field(default_factory=list)
    ties: list[Tie] = field(default_factory=list)


class CodeBook:
    """Hands out synthetic identity codes: at most 100 per birth date (numbers 900-999)."""

    def __init__(self) -> None:
        self._next: dict[date, int] = {}

    def issue(self, birth: date) -> tuple[date, str]:
        """A code for ``birth``, or for the next day with a free number."""
        while self._next.get(birth, 900) > 999:
            birth += timedelta(days=1)
        number = self._next.get(birth, 900)
        self._next[birth] = number + 1
        return birth, hetu.make_synthetic(birth, number)


def _child_age(profile: str, rng: random.Random) -> float:
    if profile == "aftercare":
        return rng.uniform(18.0, 22.9)
    if profile == "long_term":
        return rng.uniform(1.6, 17.9)
    band = rng.choices(((0.05, 3), (3, 7), (7, 13), (13, 17.95)), weights=(12, 15, 30, 43))[0]
    return rng.uniform(*band)


class FamilyMaker:
    """Makes one county's families; every child gets a profile and a valid synthetic code."""

    def __init__(
        self,
        *,
        county_id: int,
        spec: data.CountySpec,
        rng: random.Random,
        ids: Ids,
        codes: CodeBook,
        today: date,
    ) -> None:
        self.county_id, self.spec, self.rng, self.ids = county_id, spec, rng, ids
        self.codes, self.today = codes, today
        self._surname_weights = list(range(len(data.LAST_NAMES), 0, -1))  # commoner first

    def make(self, n_children: int) -> CountyPeople:
        people = CountyPeople()
        while len(people.children) < n_children:
            size = self.rng.choices(*zip(*FAMILY_SIZES, strict=True))[0]
            self._family(min(size, n_children - len(people.children)), people)
        return people

    def _family(self, size: int, people: CountyPeople) -> None:
        rng = self.rng
        last = rng.choices(data.LAST_NAMES, weights=self._surname_weights)[0]
        language = self._language(last)
        profiles = rng.choices(
            list(PROFILE_WEIGHTS), weights=list(PROFILE_WEIGHTS.values()), k=size
        )
        if "unborn" in profiles:
            profiles = ["unborn"]
        children = [self._child(p, last, language) for p in profiles]
        oldest = min((c.birth or c.expected) for c in children if c.birth or c.expected)
        parents = self._parents(oldest, last, language, anchor=children[0])
        people.children.extend(children)
        people.adults.extend(parents)
        people.ties.extend(self._ties(parents, children))

    def _language(self, last_name: str) -> tuple[str, str]:
        if last_name in data.OTHER_LANGUAGE_SURNAMES:
            return "other", data.OTHER_LANGUAGE_SURNAMES[last_name]
        swedish = last_name in data.SWEDISH_SURNAMES
        if swedish and self.spec.bilingual and self.rng.random() < 0.7:
            return "sv", ""
        return "fi", ""

    def _person(self, first: str, last: str, gender: str, language: tuple[str, str]) -> Person:
        return Person(
            id=self.ids.take("person"),
            county_id=self.county_id,
            first_names=first,
            last_name=last,
            gender=gender,
            language=language[0],
            other_language=language[1],
            municipality=self.rng.choice(self.spec.municipalities),
            birth=None,
        )

    def _child(self, profile: str, last: str, language: tuple[str, str]) -> Person:
        rng = self.rng
        gender = rng.choice(("female", "male"))
        names = data.FEMALE_NAMES if gender == "female" else data.MALE_NAMES
        first = " ".join(rng.sample(names, rng.choice((1, 2, 2))))
        child = self._person(first, last, gender, language)
        child.profile = profile
        if profile == "unborn":
            child.gender, child.first_names = "unknown", "Syntymätön"
            child.expected = self.today + timedelta(days=rng.randint(10, 150))
            return child
        birth = self.today - timedelta(days=int(_child_age(profile, rng) * YEAR))
        child.birth, child.code = self.codes.issue(birth)
        return child

    def _parents(
        self, oldest: date, last: str, language: tuple[str, str], *, anchor: Person
    ) -> list[Person]:
        rng = self.rng
        parents = []
        for gender in ("female", "male")[: rng.choice((1, 2, 2, 2))]:
            names = data.FEMALE_NAMES if gender == "female" else data.MALE_NAMES
            surname = last if rng.random() < 0.75 else rng.choice(data.LAST_NAMES)
            parent = self._person(rng.choice(names), surname, gender, language)
            birth = oldest - timedelta(days=int(rng.uniform(19, 42) * YEAR))
            parent.birth, parent.code = self.codes.issue(birth)
            parent.anchor = anchor
            parents.append(parent)
        return parents

    def _ties(self, parents: list[Person], children: list[Person]) -> list[Tie]:
        rng = self.rng
        ties = [
            Tie(p.id, c.id, "biological_parent", rng.random() < 0.9, rng.random() < 0.9 - i * 0.3)
            for i, p in enumerate(parents)
            for c in children
        ]
        if len(parents) == 2:
            status = rng.choice(("together", "married", "separated", "divorced"))
            ties.append(Tie(parents[0].id, parents[1].id, "partner", False, False, status))
        ties += [
            Tie(a.id, b.id, "sibling", False, True)
            for a in children
            for b in children
            if a is not b
        ]
        return ties
