"""The intake's child search forgives one typo in a name, by the client search's rule (the
register's vocabulary of name words, ``people.name_selectors.words_meant``), inside the same
scope as before (docs/security.md, "Who may search"): a full name with the date of birth
anywhere in the county, a part of a name among one's own team's families. A name typed two
errors away, an unrelated name or another date of birth finds no one."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone

from monia.conftest import days_ago, notification
from monia.people import hetu
from monia.people.models import Person
from monia.people.selectors import child_search
from monia.people.services import person_create

pytestmark = pytest.mark.django_db

BORN = datetime.date(2016, 4, 12)


def _nylund(county: Any, number: int = 971) -> Person:
    return person_create(
        county=county,
        first_names="Aino Maria",
        last_name="Nylund",
        identity_code=hetu.make_synthetic(BORN, number),
    )


def _found(county: Any, query: str, **scope: Any) -> list[Person]:
    today = timezone.localdate()
    return child_search(county_id=county.pk, query=query, today=today, **scope).children


@pytest.mark.parametrize(
    "query",
    [
        "Aino Nylnd 12.4.2016",  # a letter dropped
        "Aino Nyulnd 2016-04-12",  # two letters swapped
        "Aimo Nylund 12.4.2016",  # a wrong letter in the first name
        "Nylnd Aino 12.4.2016",  # the names the other way round
        "Aino Maria Nylnd 12.4.2016",
        "Aino Nylund 12.4.2016",  # and the name as registered, as before
    ],
)
def test_a_full_name_with_one_typo_and_the_birth_date_finds_the_child(
    world: Any, query: str
) -> None:
    aino = _nylund(world.county_a)
    assert _found(world.county_a, query) == [aino]


@pytest.mark.parametrize(
    "query",
    [
        "Aino Nyman 12.4.2016",  # another surname
        "Aino Nlnd 12.4.2016",  # two errors
        "Ville Nuori 12.4.2016",
        "Aino Nylnd 13.4.2016",  # another day
    ],
)
def test_an_unrelated_name_or_another_birth_date_finds_no_one(world: Any, query: str) -> None:
    _nylund(world.county_a)
    assert _found(world.county_a, query) == []


def test_a_typo_never_finds_a_child_of_another_county(world: Any) -> None:
    _nylund(world.county_a)
    assert _found(world.county_b, "Aino Nylnd 12.4.2016") == []


def test_a_part_of_a_name_with_a_typo_finds_only_the_own_teams_families(
    world: Any, worker_a: Any
) -> None:
    ours = _nylund(world.county_a)
    notification(worker_a, ours, world.team_a1, at=days_ago(1))
    elsewhere = person_create(
        county=world.county_a,
        first_names="Eeli",
        last_name="Nylund",
        identity_code=hetu.make_synthetic(datetime.date(2015, 2, 2), 972),
    )
    assert _found(world.county_a, "Nylnd", team_id=world.team_a1.pk) == [ours]
    assert elsewhere not in _found(world.county_a, "Nylnd", team_id=world.team_a2.pk)
    assert _found(world.county_a, "Nyman", team_id=world.team_a1.pk) == []
