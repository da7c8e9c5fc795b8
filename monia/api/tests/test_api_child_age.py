"""Only a person under 18 (or unborn, LsL 25 c §) is the child of an intake, through the
API as on the pages: an adult is refused on the child's field, nothing is saved."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client

from monia.accounts.models import User
from monia.accounts.services import api_token_create
from monia.casework.models import Case, Intake
from monia.people import hetu
from monia.people.models import Person
from monia.people.services import person_create

pytestmark = pytest.mark.django_db

NOTIFICATION = {
    "kind": "notification",
    "channel": "phone",
    "received_at": "2026-03-03T10:00:00+02:00",
    "notifier_type": "private",
    "content": "Naapuri on huolissaan.",
}


def _post(user: User, data: dict[str, object]) -> dict[str, object]:
    _token, raw = api_token_create(user=user, name="tests")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}", HTTP_ACCEPT_LANGUAGE="en")
    response = client.post("/api/v1/notifications", data, content_type="application/json")
    assert response.status_code == 422, response.content
    return response.json()  # type: ignore[no-any-return]


def test_an_adult_in_the_register_is_refused_as_the_child(worker_a: User) -> None:
    assert worker_a.county is not None
    mother = person_create(
        county=worker_a.county,
        first_names="Maija",
        last_name="Esimerkki",
        identity_code=hetu.make_synthetic(datetime.date(1985, 5, 5), 950),
    )
    body = _post(worker_a, {**NOTIFICATION, "child_id": mother.pk})
    assert body == {
        "errors": {
            "child_id": [
                "Only a child under 18 can be the child of an intake: record an adult "
                "as a family member."
            ]
        }
    }
    assert not Intake.objects.exists() and not Case.objects.exists()


def test_a_new_child_born_over_18_years_ago_is_refused(worker_a: User) -> None:
    adult = {
        "identity_code": hetu.make_synthetic(datetime.date(2001, 1, 1), 951),
        "first_names": "Ville",
        "last_name": "Aikuinen",
    }
    body = _post(worker_a, {**NOTIFICATION, "child": adult})
    assert list(body["errors"]) == ["child.birth_date"]  # type: ignore[call-overload]
    assert not Person.objects.exists() and not Intake.objects.exists()
