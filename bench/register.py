"""The register's earlier years: former clients and their parents.

A county's client register keeps the children of earlier years with their closed matters,
and their parents, besides this year's children; the client search reads all of them. The
national scale holds about 1.1 million persons in all (``data.Scale.register_persons``):
this year's ~230,000 from ``families.py`` and the rest from here, each former child with
one closed case of one of the county's teams, opened 1-12 years ago.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bench import data
from bench.families import YEAR, FamilyMaker, Person, Tie
from bench.simulate import Case, Team


@dataclass
class FormerClients:
    persons: list[Person] = field(default_factory=list)
    ties: list[Tie] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)


def former_clients(
    maker: FamilyMaker, *, n_persons: int, teams: list[Team], now: datetime
) -> FormerClients:
    """About ``n_persons`` persons: families of one or two former clients and their parents."""
    rng, found = maker.rng, FormerClients()
    while len(found.persons) < n_persons and teams:
        last = rng.choices(data.LAST_NAMES, weights=maker._surname_weights)[0]
        language = maker._language(last)
        team = rng.choice(teams)
        children = []
        for _ in range(rng.choice((1, 1, 2))):
            opened = now - timedelta(days=rng.uniform(1.2, 12) * YEAR)
            child = _former_child(maker, last, language, opened)
            open_years = min(3.0, (now - opened).days / YEAR - 1.0)
            closed = opened + timedelta(days=rng.uniform(0.05, max(0.1, open_years)) * YEAR)
            case = Case(id=maker.ids.take("case"), child=child, opened_at=opened)
            case.closed_at, case.stage, case.team = closed, "closed", team
            child.first_case_at = opened
            children.append(child)
            found.cases.append(case)
        oldest = min(c.birth for c in children if c.birth)
        parents = maker._parents(oldest, last, language, anchor=children[0])
        found.persons += children + parents
        found.ties += [
            Tie(p.id, c.id, "biological_parent", rng.random() < 0.85, rng.random() < 0.6)
            for p in parents
            for c in children
        ]
    return found


def _former_child(
    maker: FamilyMaker, last: str, language: tuple[str, str], opened: datetime
) -> Person:
    rng = maker.rng
    gender = rng.choice(("female", "male"))
    names = data.FEMALE_NAMES if gender == "female" else data.MALE_NAMES
    child = maker._person(
        " ".join(rng.sample(names, rng.choice((1, 2, 2)))), last, gender, language
    )
    child.profile = "former"
    birth = opened.date() - timedelta(days=int(rng.uniform(0.1, 17.5) * YEAR))
    child.birth, child.code = maker.codes.issue(birth)
    return child


# Syllables of Finnish-sounding names for the padding of the vocabulary.
_ONSETS = ("", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v")
_VOWELS = ("a", "e", "i", "o", "u", "y", "aa", "ai", "ei", "ie", "uo", "ä", "ö", "äi")
_ENDINGS = ("", "nen", "la", "lä", "o", "i", "ja", "nen", "sto", "mäki", "koski", "lahti")


def vocabulary_padding(rng: random.Random, n: int, *, taken: set[str]) -> list[str]:
    """``n`` invented name words (folded, as ``NameWord`` keeps them), none of ``taken``: the
    synthetic names use fewer than 200 words, a real register's vocabulary has about 100,000,
    and the client search looks every typed word up in it."""
    from monia.people.name_selectors import fold

    found: set[str] = set()
    while len(found) < n:
        syllables = rng.randint(2, 4)
        word = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables))
        word = fold(word + rng.choice(_ENDINGS))
        if word not in taken:
            found.add(word)
    return sorted(found)
