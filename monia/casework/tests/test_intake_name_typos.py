"""A child already in the register is offered when an intake names her with a typo (the
client search's vocabulary rule, ``people.name_selectors``): searched for by her full name
and date of birth, recorded as a new child born the same day, or searched for to identify
a child recorded as not identified. A missed match here makes a second person of the same
child. An unrelated name born the same day is not offered, and the county's line holds."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from monia.access.models import AccessLog
from monia.casework.models import Intake
from monia.casework.tests.test_child_identify import _unidentified_case
from monia.casework.tests.test_intake_child_search import CONTENT, _typed
from monia.conftest import login as _login
from monia.people import hetu
from monia.people.models import Person
from monia.people.services import person_create

pytestmark = pytest.mark.django_db

BORN = datetime.date(2016, 4, 12)


def _choices(html: str) -> set[str]:
    return set(re.findall(r'name="person" value="(\d*)"', html))


def _aino_nylund(world: Any, first_names: str = "Aino") -> Person:
    return person_create(
        county=world.county_a,
        first_names=first_names,
        last_name="Nylund",
        identity_code=hetu.make_synthetic(BORN, 973),
    )


def _new_child(world: Any, first_names: str, last_name: str) -> dict[str, str]:
    return {
        **_typed(world),
        "record": "1",
        "child-first_names": first_names,
        "child-last_name": last_name,
        "child-birth_date": BORN.isoformat(),
        "child-gender": "female",
        "child-language": "fi",
    }


# Her name as the register has it: the notifier may not know her middle name.
REGISTERED = pytest.mark.parametrize("first_names", ["Aino", "Aino Maria"])


@REGISTERED
def test_a_notification_recorded_for_aino_nylnd_born_on_her_day_offers_the_existing_aino_nylund(
    world: Any, worker_a: Any, first_names: str
) -> None:
    aino = _aino_nylund(world, first_names)
    client = _login("worker_a")
    data = _new_child(world, "Aino", "Nylnd")
    html = client.post(reverse("intake_new"), data).content.decode()
    assert str(aino.pk) in _choices(html) and 'name="create_anyway"' in html
    assert CONTENT in html and 'value="Nylnd"' in html  # nothing typed is lost
    assert not Person.objects.filter(last_name="Nylnd").exists()
    assert AccessLog.objects.filter(person=aino, purpose="intake_child_search").exists()
    # The worker chooses her: the intake is hers, and no second Aino is made.
    response = client.post(reverse("intake_new"), {**data, "person": str(aino.pk)})
    assert response.status_code == 302
    assert Intake.objects.get(content=CONTENT).case.child == aino
    assert not Person.objects.filter(last_name="Nylnd").exists()


@REGISTERED
def test_searching_aino_nylnd_with_her_date_of_birth_offers_her(
    world: Any, worker_a: Any, first_names: str
) -> None:
    aino = _aino_nylund(world, first_names)
    q = f"Aino Nylnd {BORN:%d.%m.%Y}"
    html = _login("worker_a").post(reverse("intake_new"), {**_typed(world), "search": "1", "q": q})
    assert str(aino.pk) in _choices(html.content.decode())
    assert AccessLog.objects.filter(person=aino, purpose="intake_child_search").count() == 1


def test_an_unrelated_name_born_the_same_day_is_neither_found_nor_offered(
    world: Any, worker_a: Any
) -> None:
    aino = _aino_nylund(world, "Aino Maria")
    client = _login("worker_a")
    q = f"Aino Nyman {BORN:%d.%m.%Y}"
    searched = client.post(reverse("intake_new"), {**_typed(world), "search": "1", "q": q})
    assert str(aino.pk) not in _choices(searched.content.decode())
    response = client.post(reverse("intake_new"), _new_child(world, "Aino", "Nyman"))
    assert response.status_code == 302
    assert Intake.objects.get(content=CONTENT).case.child.last_name == "Nyman"
    assert not AccessLog.objects.filter(person=aino).exists()


def test_a_typo_never_offers_a_child_of_another_county(world: Any, other_county: Any) -> None:
    aino = _aino_nylund(world)
    q = f"Aino Nylnd {BORN:%d.%m.%Y}"
    html = _login("other_county").post(reverse("intake_new"), {"search": "1", "q": q})
    assert str(aino.pk) not in _choices(html.content.decode())
    assert not AccessLog.objects.filter(person=aino).exists()


def test_a_typo_costs_the_search_no_more_queries_than_the_name_as_registered(
    world: Any, worker_a: Any
) -> None:
    _aino_nylund(world)
    client = _login("worker_a")

    def queries(q: str) -> int:
        with CaptureQueriesContext(connection) as ctx:
            client.post(reverse("intake_new"), {**_typed(world), "search": "1", "q": q})
        return len(ctx.captured_queries)

    assert queries(f"Aino Nylnd {BORN:%d.%m.%Y}") == queries(f"Aino Nylund {BORN:%d.%m.%Y}")


def test_identifying_a_child_finds_her_by_a_name_with_a_typo(world: Any, worker_a: Any) -> None:
    case = _unidentified_case(worker_a, world.team_a1)
    aino = _aino_nylund(world, "Aino Maria")
    url = reverse("child_identify", kwargs={"case_id": case.pk})
    q = f"Aino Nylnd {BORN:%d.%m.%Y}"
    html = _login("worker_a").post(url, {"search": "1", "q": q}).content.decode()
    assert str(aino.pk) in _choices(html)
    assert AccessLog.objects.filter(person=aino, purpose="child_identify_search").exists()
