"""The child of an intake is searched for and chosen inside the one intake form: nothing
typed is lost, only a child can be chosen, a new child warns of likely duplicates, and a
child who cannot be identified is recorded as told."""

from __future__ import annotations

import datetime
import re
import uuid
from typing import Any

from django.urls import reverse
from django.utils import timezone

from monia.access.models import AccessLog
from monia.casework.models import Case, Intake
from monia.conftest import CaseWorld, child_create
from monia.conftest import login as _login
from monia.people import hetu
from monia.people.models import Person

CONTENT = "Naapuri soitti: lapsi itki pihalla myöhään illalla."


def _typed(world: Any, **overrides: str) -> dict[str, str]:
    """Everything a worker has typed during a call, before finding the child."""
    data = {
        "kind": "notification",
        "channel": "phone",
        "received_at": "2026-01-05T10:00",
        "notifier_type": "private",
        "notifier_name": "Naapuri Nina",
        "notifier_phone": "040 111 2222",
        "family_informed": "unknown",
        "content": CONTENT,
        "team": str(world.team_a1.pk),
        "submission_key": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def _choices(html: str) -> set[str]:
    return set(re.findall(r'name="person" value="(\d*)"', html))


def test_search_keeps_everything_typed_and_offers_the_children_found(
    case_a: CaseWorld, world: Any
) -> None:
    child = case_a.case.child
    response = _login("worker_a").post(
        reverse("intake_new"), {**_typed(world), "search": "1", "q": "Esimerkki"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    for kept in ("2026-01-05T10:00", "Naapuri Nina", "040 111 2222", CONTENT):
        assert kept in html
    assert str(child.pk) in _choices(html)
    assert "error-summary" not in html  # nothing was submitted yet: no messages
    assert AccessLog.objects.filter(person=child, purpose="intake_child_search").count() == 1
    assert not Intake.objects.filter(content=CONTENT).exists()


def test_adults_found_are_family_members_not_choices(case_a: CaseWorld, world: Any) -> None:
    child = case_a.case.child
    mother = Person.objects.get(ties_from__to_person=child)
    html = (
        _login("worker_a", "en")
        .post(reverse("intake_new"), {**_typed(world), "search": "1", "q": "Maija"})
        .content.decode()
    )
    # The mother is listed as a family member; her child is offered in her place.
    assert str(mother.pk) not in _choices(html)
    assert str(child.pk) in _choices(html)
    assert "Maija Esimerkki" in html and "family member of" in html
    shown = set(
        AccessLog.objects.filter(purpose="intake_child_search").values_list("person_id", flat=True)
    )
    assert shown == {mother.pk, child.pk}


def test_choosing_the_child_found_records_the_intake(case_a: CaseWorld, world: Any) -> None:
    child = case_a.case.child
    data = {**_typed(world), "q": "Esimerkki", "person": str(child.pk), "record": "1"}
    response = _login("worker_a").post(reverse("intake_new"), data)
    assert response.status_code == 302
    intake = Intake.objects.get(content=CONTENT)
    assert intake.case == case_a.case and intake.notifier_name == "Naapuri Nina"


def test_an_adult_posted_as_the_child_is_refused_and_nothing_saved(
    case_a: CaseWorld, world: Any
) -> None:
    mother = Person.objects.get(ties_from__to_person=case_a.case.child)
    data = {**_typed(world), "person": str(mother.pk), "record": "1"}
    response = _login("worker_a", "fi").post(reverse("intake_new"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vain alle 18-vuotias lapsi" in html
    assert CONTENT in html
    assert not Intake.objects.filter(content=CONTENT).exists()


def test_a_searched_identity_code_is_carried_into_the_new_child(world: Any, worker_a: Any) -> None:
    code = hetu.make_synthetic(datetime.date(2016, 4, 12), 977)
    html = (
        _login("worker_a", "en")
        .post(reverse("intake_new"), {**_typed(world), "search": "1", "q": code.lower()})
        .content.decode()
    )
    assert f'name="child-identity_code" value="{code}"' in html
    assert "No child found" in html


def test_a_searched_name_is_split_into_first_and_last_name(world: Any, worker_a: Any) -> None:
    html = (
        _login("worker_a")
        .post(
            reverse("intake_new"), {**_typed(world), "search": "1", "q": "Onni Ilmari Koululainen"}
        )
        .content.decode()
    )
    assert 'name="child-first_names" value="Onni Ilmari"' in html
    assert 'name="child-last_name" value="Koululainen"' in html


def test_the_receipt_time_defaults_to_now(world: Any, worker_a: Any) -> None:
    html = _login("worker_a").get(reverse("intake_new")).content.decode()
    value = re.search(r'name="received_at" value="([^"]+)"', html)
    assert value is not None
    shown = datetime.datetime.fromisoformat(value.group(1)).replace(
        tzinfo=timezone.get_current_timezone()
    )
    assert abs(shown - timezone.now()) < datetime.timedelta(minutes=2)


def test_the_submission_key_survives_a_search(world: Any, worker_a: Any) -> None:
    key = str(uuid.uuid4())
    html = (
        _login("worker_a")
        .post(reverse("intake_new"), {**_typed(world, submission_key=key), "search": "1", "q": "x"})
        .content.decode()
    )
    # A text input hidden from view: browsers restore it when the worker goes back.
    assert re.search(rf'<input type="text" name="submission_key" value="{key}"[^>]* hidden', html)


def _new_child(world: Any, **child: str) -> dict[str, str]:
    data = {
        **_typed(world),
        "record": "1",
        "child-first_names": "Aino",
        "child-last_name": "Esimerki",
        "child-birth_date": "",
        "child-gender": "female",
        "child-language": "fi",
    }
    data.update({f"child-{k}": v for k, v in child.items()})
    return data


def test_a_new_child_like_one_in_the_register_asks_to_choose_or_confirm(
    case_a: CaseWorld, world: Any
) -> None:
    child = case_a.case.child
    assert child.birth_date is not None
    client = _login("worker_a")
    data = _new_child(world, birth_date=child.birth_date.isoformat())
    html = client.post(reverse("intake_new"), data).content.decode()
    assert str(child.pk) in _choices(html)
    assert 'name="create_anyway"' in html
    assert CONTENT in html and 'value="Esimerki"' in html
    assert Person.objects.filter(last_name="Esimerki").count() == 0
    assert AccessLog.objects.filter(person=child, purpose="intake_child_search").exists()
    # The worker chooses the existing child: the intake joins her case.
    response = client.post(reverse("intake_new"), {**data, "person": str(child.pk)})
    assert response.status_code == 302
    assert Intake.objects.get(content=CONTENT).case == case_a.case


def test_create_anyway_records_a_new_child_despite_the_likeness(
    case_a: CaseWorld, world: Any
) -> None:
    child = case_a.case.child
    assert child.birth_date is not None
    data = _new_child(world, birth_date=child.birth_date.isoformat())
    response = _login("worker_a").post(reverse("intake_new"), {**data, "create_anyway": "on"})
    assert response.status_code == 302
    twin = Person.objects.get(last_name="Esimerki")
    assert twin.birth_date == child.birth_date and twin.gender == "female"


def test_submitting_again_with_a_fresh_key_offers_the_child_just_created(
    world: Any, worker_a: Any
) -> None:
    """Without JavaScript the browser may reload the form with a new key after "Back":
    the child created the first time is offered, and no second child is created."""
    code = hetu.make_synthetic(datetime.date(2016, 4, 12), 979)
    client = _login("worker_a")
    data = _new_child(world, identity_code=code, first_names="Onni", last_name="Kahdesti")
    assert client.post(reverse("intake_new"), data).status_code == 302
    onni = Person.objects.get(last_name="Kahdesti")
    again = client.post(reverse("intake_new"), {**data, "submission_key": str(uuid.uuid4())})
    assert again.status_code == 200 and str(onni.pk) in _choices(again.content.decode())
    assert Person.objects.filter(last_name="Kahdesti").count() == 1
    assert Intake.objects.count() == 1


def test_a_child_who_cannot_be_identified_is_recorded_as_told(world: Any, worker_a: Any) -> None:
    data = _new_child(
        world,
        first_names="",
        last_name="",
        unidentified="on",
        approximate_age="8",
        gender="male",
        address="Koivukatu 3 B 12",
        description="Noin kahdeksanvuotias poika B-rapun asunnosta 12",
    )
    response = _login("worker_a").post(reverse("intake_new"), data)
    assert response.status_code == 302, response.content.decode()
    intake = Intake.objects.select_related("case__child").get(content=CONTENT)
    child = intake.case.child
    assert child.unidentified and child.identity_code == "" and child.birth_date is None
    assert (child.approximate_age, child.address) == (8, "Koivukatu 3 B 12")
    assert child.description.startswith("Noin kahdeksanvuotias poika")


def test_an_unidentified_child_needs_a_description_or_an_address(world: Any, worker_a: Any) -> None:
    data = _new_child(world, first_names="", last_name="", unidentified="on")
    response = _login("worker_a", "en").post(reverse("intake_new"), data)
    assert response.status_code == 200
    assert "Describe the child as the notifier did" in response.content.decode()
    assert not Person.objects.exists() and not Case.objects.exists()


def test_the_new_child_form_asks_the_gender(world: Any, worker_a: Any) -> None:
    code = hetu.make_synthetic(datetime.date(2016, 4, 12), 978)
    data = _new_child(world, identity_code=code, gender="")
    html = _login("worker_a").post(reverse("intake_new"), data).content.decode()
    assert 'href="#id_child-gender_0"' in html  # the error summary points at the question
    assert not Person.objects.exists()
    child_create(world.county_a)  # the register itself is unaffected


def test_the_search_reads_the_same_number_of_queries_for_more_families(
    case_a: CaseWorld, world: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from monia.people.services import person_create, relationship_create

    client = _login("worker_a")

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            client.post(reverse("intake_new"), {**_typed(world), "search": "1", "q": "Esimerkki"})
        return len(ctx.captured_queries)

    before = queries()
    for n in range(3):
        parent = person_create(
            county=world.county_a,
            first_names=f"Vanhempi {n}",
            last_name="Esimerkki",
            birth_date=datetime.date(1980, 1, 1 + n),
        )
        kid = child_create(world.county_a, first=f"Lapsi {n}", number=980 + n)
        relationship_create(from_person=parent, to_person=kid, kind="biological_parent")
    assert queries() == before


def test_the_aftercare_note_is_not_shown_on_an_intake(world: Any, worker_a: Any) -> None:
    data = _new_child(world, identity_code=hetu.make_synthetic(datetime.date(2016, 5, 5), 985))
    response = _login("worker_a", "en").post(reverse("intake_new"), data)
    page = _login("worker_a", "en").get(response["Location"]).content.decode()
    assert "Aftercare ends" not in page
