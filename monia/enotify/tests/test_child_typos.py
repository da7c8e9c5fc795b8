"""An e-notification whose notifier mistyped the child's surname still leads the worker to
the child the register has (the client search's vocabulary rule, ``people.name_selectors``):
recording it for a new child born the same day offers her, and so does a search by the
notification's name and date of birth. An unrelated name makes a new child."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse

from monia.access.models import AccessLog
from monia.casework.models import Intake
from monia.conftest import World
from monia.conftest import login as logged_in
from monia.enotify.models import ENotification
from monia.enotify.tests.test_views import EN, _submit
from monia.people import hetu
from monia.people.models import Person
from monia.people.services import person_create

pytestmark = pytest.mark.django_db

BORN = datetime.date(2016, 4, 12)


def _received(world: World, last_name: str) -> ENotification:
    """A notification naming the child "Aino <last_name>", with her date of birth only."""
    return _submit(
        world,
        child_first_names="Aino",
        child_last_name=last_name,
        child_identity_code="",
        child_birth_date=BORN,
    )


@pytest.fixture
def aino(world: World) -> Person:
    return person_create(
        county=world.county_a,
        first_names="Aino Maria",
        last_name="Nylund",
        identity_code=hetu.make_synthetic(BORN, 974),
    )


def _convert(world: World, en: ENotification) -> Any:
    """The worker records the notification as it came: the new-child form as filled."""
    url = reverse("enotify_detail", kwargs={"enotification_id": en.pk})
    client = logged_in("worker_a")
    page = client.get(url, **EN).content.decode()
    assert f'value="{en.child_last_name}"' in page
    data = {
        "action": "convert",
        "child-first_names": en.child_first_names,
        "child-last_name": en.child_last_name,
        "child-birth_date": BORN.isoformat(),
        "child-language": "fi",
        "child-gender": "female",
        "child-municipality": "Kuopio",
    }
    return client.post(url, data, **EN)


def test_an_e_notification_with_a_typo_in_the_surname_offers_the_existing_child(
    world: World, worker_a: Any, aino: Person
) -> None:
    en = _received(world, "Nylnd")
    response = _convert(world, en)
    html = response.content.decode()
    assert response.status_code == 200 and not Intake.objects.exists()
    assert f'name="person" value="{aino.pk}"' in html and 'name="create_anyway"' in html
    assert not Person.objects.filter(last_name="Nylnd").exists()
    assert AccessLog.objects.filter(person=aino, purpose="enotify_child_search").exists()
    en.refresh_from_db()
    assert en.status == "new"


def test_searching_by_the_notifications_mistyped_name_finds_the_child(
    world: World, worker_a: Any, aino: Person
) -> None:
    en = _received(world, "Nylnd")
    url = reverse("enotify_detail", kwargs={"enotification_id": en.pk})
    q = f"Aino Nylnd {BORN:%d.%m.%Y}"
    html = logged_in("worker_a").post(url, {"search": "1", "q": q}, **EN).content.decode()
    assert f'name="person" value="{aino.pk}"' in html
    assert AccessLog.objects.filter(person=aino, purpose="enotify_child_search").exists()


def test_an_e_notification_with_an_unrelated_surname_makes_a_new_child(
    world: World, worker_a: Any, aino: Person
) -> None:
    en = _received(world, "Nyman")
    response = _convert(world, en)
    assert response.status_code == 302
    assert Intake.objects.get().case.child.last_name == "Nyman"
    assert not AccessLog.objects.filter(person=aino).exists()
