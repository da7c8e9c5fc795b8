"""Likely duplicates: the same date of birth and a similar name (pg_trgm similarity)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from monia.people import hetu
from monia.people.selectors import persons_similar
from monia.people.services import SimilarPersons, person_create

BORN = datetime.date(2016, 4, 12)


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
    assert persons_similar(county_id=aino.county_id, birth_date=BORN, name=name) == [aino]


def test_another_name_or_another_day_is_not(aino: Any) -> None:
    county = aino.county_id
    assert persons_similar(county_id=county, birth_date=BORN, name="Ville Nuori") == []
    other_day = BORN + datetime.timedelta(days=1)
    assert persons_similar(county_id=county, birth_date=other_day, name="Aino Esimerkki") == []


def test_another_countys_register_is_not_searched(aino: Any, world: Any) -> None:
    found = persons_similar(county_id=world.county_b.pk, birth_date=BORN, name="Aino Esimerkki")
    assert found == []


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
