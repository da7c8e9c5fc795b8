"""Likely duplicates: the same date of birth and a similar name (pg_trgm similarity of the
whole name, or its words by the client search's vocabulary rule: one typo in a short name)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from monia.people import hetu
from monia.people.selectors import persons_similar
from monia.people.services import SimilarPersons, person_create

BORN = datetime.date(2016, 4, 12)


def _similar(county_id: int, name: str, born: datetime.date = BORN) -> list[Any]:
    """The likely duplicates of a new person named "first names, last name" (the last word)."""
    first_names, last_name = name.rsplit(" ", 1)
    return persons_similar(
        county_id=county_id, birth_date=born, first_names=first_names, last_name=last_name
    )


@pytest.fixture
def aino(world: Any) -> Any:
    return person_create(
        county=world.county_a,
        first_names="Aino Maria",
        last_name="Esimerkki",
        identity_code=hetu.make_synthetic(BORN, 970),
    )


@pytest.mark.parametrize(
    "name", ["Aino Esimerkki", "Aino Esimerki", "Esimerkki Aino", "aino maria esimerkki"]
)
def test_a_similar_name_born_the_same_day_is_a_likely_duplicate(aino: Any, name: str) -> None:
    assert _similar(aino.county_id, name) == [aino]


def test_another_name_or_another_day_is_not(aino: Any) -> None:
    county = aino.county_id
    assert _similar(county, "Ville Nuori") == []
    other_day = BORN + datetime.timedelta(days=1)
    assert _similar(county, "Aino Esimerkki", born=other_day) == []


def test_another_countys_register_is_not_searched(aino: Any, world: Any) -> None:
    assert _similar(world.county_b.pk, "Aino Esimerkki") == []


def test_creating_a_likely_duplicate_is_refused_until_confirmed(aino: Any, world: Any) -> None:
    data = dict(county=world.county_a, first_names="Aino", last_name="Esimerki", birth_date=BORN)
    with pytest.raises(SimilarPersons) as exc:
        person_create(check_similar=True, **data)  # type: ignore[arg-type]
    assert exc.value.persons == [aino] and "person" in exc.value.message_dict
    assert person_create(check_similar=False, **data).pk != aino.pk  # type: ignore[arg-type]


def test_the_same_identity_code_offers_the_person_registered(aino: Any, world: Any) -> None:
    with pytest.raises(SimilarPersons) as exc:
        person_create(
            county=world.county_a,
            first_names="Aino",
            last_name="Toinen",
            identity_code=aino.identity_code,
        )
    assert exc.value.persons == [aino] and "identity_code" in exc.value.message_dict


def _registered(county: Any, first_names: str, last_name: str, number: int) -> Any:
    return person_create(
        county=county,
        first_names=first_names,
        last_name=last_name,
        identity_code=hetu.make_synthetic(BORN, number),
    )


@pytest.mark.parametrize(
    ("registered", "typed"),
    [
        # The notifier knows no middle name and drops a letter: similarity 0.45.
        (("Aino Maria", "Nylund"), "Aino Nylnd"),
        (("Aino Maria", "Nylund"), "Aino Helmi Nylnd"),  # and tells another middle name
        (("Aino", "Nylund"), "Aino Nylnd"),
        (("Eeli", "Mäki"), "Eeli Mkai"),  # two letters swapped, the dots left out: 0.43
        (("Eeli", "Mäki"), "Eli Mäkl"),
    ],
)
def test_a_name_one_typo_away_born_the_same_day_is_a_likely_duplicate(
    world: Any, registered: tuple[str, str], typed: str
) -> None:
    person = _registered(world.county_a, *registered, number=971)
    assert _similar(world.county_a.pk, typed) == [person]


@pytest.mark.parametrize("typed", ["Aino Nyman", "Aino Nlnd", "Eetu Nylund", "Ville Nuori"])
def test_another_name_born_the_same_day_is_not_a_likely_duplicate(world: Any, typed: str) -> None:
    _registered(world.county_a, "Aino Maria", "Nylund", number=971)
    assert _similar(world.county_a.pk, typed) == []


def test_a_typo_finds_no_likely_duplicate_in_another_county(world: Any) -> None:
    _registered(world.county_a, "Aino Maria", "Nylund", number=971)
    assert _similar(world.county_b.pk, "Aino Nylnd") == []
