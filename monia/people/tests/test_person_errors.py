"""A form's check of a new person's details (``person_errors``) refuses what
``person_create`` refuses, with the same messages, every message in one round."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from monia.people import hetu
from monia.people.models import Person
from monia.people.services import identity_checked, person_create, person_errors

pytestmark = pytest.mark.django_db

BORN = datetime.date(2016, 4, 12)
CODE = hetu.make_synthetic(BORN, 931)

WRONG_DETAILS: list[dict[str, Any]] = [
    {"first_names": "Aino", "last_name": "", "identity_code": "1204A931"},
    {
        "first_names": "Aino",
        "last_name": "Esimerkki",
        "identity_code": CODE,
        "birth_date": BORN + datetime.timedelta(days=1),
    },
    {"first_names": "", "last_name": "", "birth_date": BORN, "language": "other"},
    {"first_names": "Aino", "last_name": "Esimerkki"},
    {
        "first_names": "Aino",
        "last_name": "Esimerkki",
        "birth_date": timezone.localdate() + datetime.timedelta(days=1),
    },
    {"first_names": "", "last_name": "", "unidentified": True, "identity_code": CODE},
]


@pytest.mark.parametrize("details", WRONG_DETAILS)
def test_a_forms_check_refuses_what_creating_refuses_with_the_same_messages(
    world: Any, details: dict[str, Any]
) -> None:
    with pytest.raises(ValidationError) as refused:
        person_create(county=world.county_a, **details)
    expected = {field: messages[0] for field, messages in refused.value.message_dict.items()}
    assert person_errors(**details) == expected
    assert not Person.objects.exists()


def test_details_it_does_not_check_are_ignored() -> None:
    details = {"first_names": "Aino", "last_name": "Esimerkki", "identity_code": CODE}
    assert person_errors(**details, gender="female", municipality="Kuopio") == {}


def test_a_birth_not_required_is_not_asked_for() -> None:
    assert person_errors(first_names="Aino", last_name="Esimerkki", require_birth=False) == {}


def test_a_malformed_code_and_a_future_birth_date_are_told_in_one_round(world: Any) -> None:
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    details = {
        "first_names": "Aino",
        "last_name": "Esimerkki",
        "identity_code": "1204A931",
        "birth_date": tomorrow,
    }
    expected = {
        "identity_code": "The identity code must look like DDMMYYCZZZQ, for example 010115A901C.",
        "birth_date": "The date of birth cannot be in the future.",
    }
    with translation.override("en"):
        assert person_errors(**details) == expected
        with pytest.raises(ValidationError) as refused:
            person_create(county=world.county_a, **details)
    assert refused.value.message_dict == {field: [m] for field, m in expected.items()}
    assert not Person.objects.exists()


def test_checking_an_identity_code_tells_a_malformed_one_instead_of_raising() -> None:
    with translation.override("en"):
        code, canonical, birth_date, errors = identity_checked(
            " 010115A901X ", BORN, today=timezone.localdate()
        )
    assert (code, canonical, birth_date) == ("010115A901X", "", BORN)
    assert errors == {
        "identity_code": "The identity code's check character does not match: check for a typo."
    }
