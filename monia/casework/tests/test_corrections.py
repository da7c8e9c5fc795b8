"""Recorded data can be corrected, with a reason and the old value kept in a visible
history (the client's right to rectification); signed decisions are not edited."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from monia.access.models import AccessLog
from monia.casework import intake_services, person_services
from monia.casework.models import ChronologyEvent, IntakeCorrection
from monia.conftest import CaseWorld, child_create
from monia.conftest import login as _login
from monia.people import hetu
from monia.people.models import Person, PersonCorrection


def _person_url(cw: CaseWorld, person: Person) -> str:
    return reverse("person_correct", kwargs={"case_id": cw.case.pk, "person_id": person.pk})


def _person_post(person: Person, **changes: str) -> dict[str, str]:
    data = {
        "first_names": person.first_names,
        "last_name": person.last_name,
        "identity_code": person.identity_code,
        "gender": person.gender,
        "language": person.language,
        "municipality": person.municipality,
        "reason": "Nimi kirjattiin väärin vireilletulossa.",
    }
    data.update(changes)
    return data


def test_correcting_a_childs_name_keeps_the_old_one_in_the_history(
    case_a: CaseWorld, worker_a: Any
) -> None:
    child = case_a.case.child
    client = _login("worker_a", "en")
    url = _person_url(case_a, child)
    response = client.post(url, _person_post(child, last_name="Esimerkkinen", gender="female"))
    assert response.status_code == 302 and response["Location"] == url
    child.refresh_from_db()
    assert (child.last_name, child.gender) == ("Esimerkkinen", "female")
    rows = {c.field: (c.old_value, c.new_value) for c in PersonCorrection.objects.all()}
    assert rows == {"last_name": ("Esimerkki", "Esimerkkinen"), "gender": ("unknown", "female")}
    history = client.get(url).content.decode()
    assert "<del>Esimerkki</del>" in history and "<ins>Esimerkkinen</ins>" in history
    assert "Nimi kirjattiin väärin vireilletulossa." in history
    assert "<del>Unknown</del>" in history  # choices shown in words
    event = ChronologyEvent.objects.get(case=case_a.case, kind="person_corrected")
    assert event.actor == worker_a and "Nimi kirjattiin väärin" in event.detail


def test_a_person_correction_sent_twice_is_recorded_once_without_an_error(
    case_a: CaseWorld, worker_a: Any
) -> None:
    """A double click, or the form sent again after "Back": one set of history rows, one
    chronology row, and the second send is not told "Nothing was changed"."""
    child = case_a.case.child
    client = _login("worker_a", "en")
    url = _person_url(case_a, child)
    data = _person_post(child, last_name="Esimerkkinen")
    assert client.post(url, data).status_code == 302
    again = client.post(url, data)
    assert again.status_code == 302 and again["Location"] == url
    assert PersonCorrection.objects.filter(person=child).count() == 1
    assert ChronologyEvent.objects.filter(case=case_a.case, kind="person_corrected").count() == 1
    # Another reason with nothing changed is still "Nothing was changed".
    other = client.post(url, {**data, "reason": "Tarkistettu uudelleen."})
    assert other.status_code == 200 and "Nothing was changed" in other.content.decode()


def test_a_correction_needs_a_reason(case_a: CaseWorld, worker_a: Any) -> None:
    child = case_a.case.child
    data = _person_post(child, last_name="Esimerkkinen", reason="")
    response = _login("worker_a").post(_person_url(case_a, child), data)
    assert response.status_code == 200 and 'value="Esimerkkinen"' in response.content.decode()
    assert not PersonCorrection.objects.exists()


def test_an_identity_code_is_checked_and_unique_in_the_county(
    case_a: CaseWorld, worker_a: Any, world: Any
) -> None:
    child = case_a.case.child
    url = _person_url(case_a, child)
    client = _login("worker_a", "en")
    bad = client.post(url, _person_post(child, identity_code="010115A901X"))
    assert "check character does not match" in bad.content.decode().replace("&#x27;", "'")
    other = child_create(world.county_a, first="Eetu", number=930)
    taken = client.post(url, _person_post(child, identity_code=other.identity_code))
    assert "Another person in the register has this identity code." in taken.content.decode()
    new_code = hetu.make_synthetic(datetime.date(2016, 2, 29), 931)
    assert client.post(url, _person_post(child, identity_code=new_code)).status_code == 302
    child.refresh_from_db()
    assert child.identity_code == new_code and child.birth_date == datetime.date(2016, 2, 29)
    assert set(PersonCorrection.objects.values_list("field", flat=True)) == {
        "identity_code",
        "birth_date",
    }


def test_a_malformed_code_and_a_future_birth_date_are_told_in_one_round(
    case_a: CaseWorld, worker_a: Any
) -> None:
    child = case_a.case.child
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    data = _person_post(child, identity_code="0101A900", birth_date=tomorrow.isoformat())
    response = _login("worker_a", "en").post(_person_url(case_a, child), data)
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "identity_code": ["The identity code must look like DDMMYYCZZZQ, for example 010115A901C."],
        "birth_date": ["The date of birth cannot be in the future."],
    }
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        person_services.case_person_correct(
            user=worker_a,
            case=case_a.case,
            person=child,
            reason=" ",
            values={"identity_code": "0101A900", "birth_date": tomorrow},
        )
    assert set(refused.value.message_dict) == {"reason", "identity_code", "birth_date"}
    assert not PersonCorrection.objects.exists()


def test_a_family_member_is_corrected_on_the_childs_case(case_a: CaseWorld, worker_a: Any) -> None:
    mother = Person.objects.get(ties_from__to_person=case_a.case.child)
    response = _login("worker_a").post(
        _person_url(case_a, mother), _person_post(mother, language="sv", municipality="Vaasa")
    )
    assert response.status_code == 302
    mother.refresh_from_db()
    assert (mother.language, mother.municipality) == ("sv", "Vaasa")


def test_a_person_outside_the_family_is_404(case_a: CaseWorld, worker_a: Any, world: Any) -> None:
    stranger = child_create(world.county_a, first="Vieras", number=932)
    assert _login("worker_a").get(_person_url(case_a, stranger)).status_code == 404


@pytest.mark.parametrize("persona", ["other_team", "other_county", "admin", "partner"])
def test_others_get_404_and_nothing_is_logged_as_a_correction(
    case_a: CaseWorld, persona: str, request: pytest.FixtureRequest
) -> None:
    request.getfixturevalue(persona)
    child = case_a.case.child
    client = _login(persona)
    assert client.get(_person_url(case_a, child)).status_code == 404
    response = client.post(_person_url(case_a, child), _person_post(child, last_name="X"))
    assert response.status_code == 404
    assert not PersonCorrection.objects.exists()


def test_the_correction_page_read_is_logged(case_a: CaseWorld, worker_a: Any) -> None:
    _login("worker_a").get(_person_url(case_a, case_a.case.child))
    assert AccessLog.objects.filter(purpose="person_correct", user=worker_a).count() == 1


def _intake_url(cw: CaseWorld) -> str:
    return reverse(
        "intake_correct", kwargs={"case_id": cw.case.pk, "intake_id": cw.pending_intake.pk}
    )


def test_an_intakes_text_and_notifier_are_corrected_with_history(
    case_a: CaseWorld, worker_a: Any
) -> None:
    intake = case_a.pending_intake
    client = _login("worker_a", "en")
    page = client.get(_intake_url(case_a)).content.decode()
    assert "corrected only by a new decision" in page  # signed decisions are not edited here
    data = {
        "content": "Poissaoloja koulusta viikoittain.",
        "notifier_type": "obligated",
        "notifier_sector": "school",
        "notifier_name": "Opettaja Olli Oikea",
        "notifier_phone": "040 000 0000",
        "reason": "Ilmoittajan nimi täsmennettiin.",
    }
    assert client.post(_intake_url(case_a), data).status_code == 302
    intake.refresh_from_db()
    assert intake.notifier_name == "Opettaja Olli Oikea"
    assert intake.content == "Poissaoloja koulusta viikoittain."
    old = dict(IntakeCorrection.objects.values_list("field", "old_value"))
    assert old == {
        "content": "Poissaoloja koulusta ja huoli kotitilanteesta.",
        "notifier_name": "Opettaja Olli",
    }
    assert ChronologyEvent.objects.filter(kind="intake_corrected").count() == 1
    assert "<del>Opettaja Olli</del>" in client.get(_intake_url(case_a)).content.decode()


def test_an_anonymous_notifiers_identity_is_erased_not_kept(
    case_a: CaseWorld, worker_a: Any
) -> None:
    intake_services.intake_correct(
        user=worker_a,
        intake=case_a.pending_intake,
        reason="Ilmoittaja halusi pysyä nimettömänä.",
        values={
            "content": case_a.pending_intake.content,
            "notifier_type": "anonymous",
            "notifier_sector": "",
            "notifier_name": "",
            "notifier_phone": "",
        },
    )
    for c in IntakeCorrection.objects.filter(field__in=["notifier_name", "notifier_phone"]):
        assert c.old_value == "" and c.old_value_erased
    assert not IntakeCorrection.objects.filter(old_value__contains="Olli").exists()


def test_the_notifier_rule_holds_for_a_correction(case_a: CaseWorld, worker_a: Any) -> None:
    with pytest.raises(ValidationError) as exc:
        intake_services.intake_correct(
            user=worker_a,
            intake=case_a.pending_intake,
            reason="Korjaus",
            values={"notifier_name": ""},
        )
    assert "notifier_name" in exc.value.message_dict
    assert not IntakeCorrection.objects.exists()


def test_nothing_changed_is_not_a_correction(case_a: CaseWorld, worker_a: Any) -> None:
    child = case_a.case.child
    with pytest.raises(ValidationError):
        person_services.case_person_correct(
            user=worker_a,
            case=case_a.case,
            person=child,
            reason="Ei muutosta",
            values={"last_name": child.last_name},
        )
