"""Bad input on the pages: a clear message in the user's language, the typed text kept,
nothing half-saved."""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from monia.casework.models import Case, Intake
from monia.conftest import CaseWorld
from monia.conftest import login as _login
from monia.people.models import Person


def _intake_post(**overrides: str) -> dict[str, str]:
    data = {
        "child-identity_code": "010115A901X",
        "child-first_names": "Eetu",
        "child-last_name": "Kirjoitettu",
        "child-language": "fi",
        "child-gender": "male",
        "kind": "notification",
        "channel": "phone",
        "received_at": "2026-01-05T10:00",
        "notifier_type": "obligated",
        "notifier_sector": "school",
        "notifier_name": "Rehtori Riitta",
        "notifier_phone": "040 123 4567",
        "family_informed": "yes",
        "content": "Lapsi on ollut paljon poissa koulusta.",
        "submission_key": "6f7c2a1e-55b2-4c5e-9d7e-7a1a3c4b9f00",
    }
    data.update(overrides)
    return data


def test_invalid_identity_code_is_explained_and_typed_text_kept(world: Any, worker_a: Any) -> None:
    shown = set()
    for language in ("fi", "sv", "en"):
        client = _login("worker_a", language)
        data = _intake_post()
        data["team"] = str(world.team_a1.pk)
        response = client.post(reverse("intake_new"), data)
        html = response.content.decode()
        assert response.status_code == 200
        with translation.override(language):
            message = gettext(
                "The identity code's check character does not match: check for a typo."
            )
        assert message in html.replace("&#x27;", "'"), language
        shown.add(message)
        assert "Kirjoitettu" in html and "Lapsi on ollut paljon poissa koulusta." in html
    assert len(shown) == 3  # a different text in each language
    assert not Person.objects.exists() and not Intake.objects.exists()


def test_valid_child_but_invalid_intake_saves_neither(world: Any, worker_a: Any) -> None:
    client = _login("worker_a")
    data = _intake_post(**{"child-identity_code": "010115A901C", "received_at": "2099-01-01T10:00"})
    data["team"] = str(world.team_a1.pk)
    response = client.post(reverse("intake_new"), data)
    assert response.status_code == 200
    assert not Person.objects.exists() and not Case.objects.exists()


def test_every_message_of_the_intake_form_is_shown_in_one_round(world: Any, worker_a: Any) -> None:
    """A field left empty and a notifier without contact details: both told at once (the
    notifier's message once came only after the content was written), nothing saved."""
    data = _intake_post(
        **{"child-identity_code": "010115A901C", "content": "", "notifier_phone": ""}
    )
    data["team"] = str(world.team_a1.pk)
    response = _login("worker_a", "en").post(reverse("intake_new"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Content of the notification: This field is required." in html
    assert "Phone: An obligated notifier must give contact details." in html
    assert "Rehtori Riitta" in html  # what was typed is kept
    assert not Person.objects.exists() and not Case.objects.exists()
    assert not Intake.objects.exists()


def test_the_new_childs_and_the_notifiers_messages_are_shown_together(
    world: Any, worker_a: Any
) -> None:
    data = _intake_post(
        **{
            "child-identity_code": "",
            "child-birth_date": "2015-01-01",
            "child-last_name": "",
            "notifier_phone": "",
            "received_at": "",
        }
    )
    data["team"] = str(world.team_a1.pk)
    html = _login("worker_a", "en").post(reverse("intake_new"), data).content.decode()
    for message in (
        "Last name: Give the last name.",
        "Phone: An obligated notifier must give contact details.",
        "Received (date and time): This field is required.",
    ):
        assert message in html
    assert not Person.objects.exists() and not Intake.objects.exists()


def test_a_new_childs_malformed_code_and_future_birth_date_are_shown_together(
    world: Any, worker_a: Any
) -> None:
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    data = _intake_post(
        **{"child-identity_code": "0101A900", "child-birth_date": tomorrow.isoformat()}
    )
    data["team"] = str(world.team_a1.pk)
    response = _login("worker_a", "en").post(reverse("intake_new"), data)
    assert response.status_code == 200
    child_form = response.context["child_form"]
    assert child_form.errors["identity_code"] == [
        "The identity code must look like DDMMYYCZZZQ, for example 010115A901C."
    ]
    assert child_form.errors["birth_date"] == ["The date of birth cannot be in the future."]
    assert not Person.objects.exists() and not Intake.objects.exists()


def test_a_mistyped_email_is_not_told_as_missing_contact_details(world: Any, worker_a: Any) -> None:
    data = _intake_post(
        **{
            "child-identity_code": "010115A901C",
            "content": "",
            "notifier_phone": "",
            "notifier_email": "rehtori.koulu.fi",
        }
    )
    data["team"] = str(world.team_a1.pk)
    html = _login("worker_a", "en").post(reverse("intake_new"), data).content.decode()
    assert "E-mail: Enter a valid email address." in html
    assert "must give contact details" not in html


def test_double_submit_records_one_intake(world: Any, worker_a: Any) -> None:
    client = _login("worker_a")
    data = _intake_post(**{"child-identity_code": "010115A901C"})
    data["team"] = str(world.team_a1.pk)
    first = client.post(reverse("intake_new"), data)
    second = client.post(reverse("intake_new"), data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Intake.objects.count() == 1 and Person.objects.count() == 1


def test_intake_for_a_child_of_another_team_goes_to_that_team(
    case_a: CaseWorld, other_team: Any, world: Any
) -> None:
    client = _login("other_team")
    data = _intake_post()
    data["team"] = str(world.team_a2.pk)
    data["person"] = str(case_a.case.child_id)
    response = client.post(reverse("intake_new") + f"?person={case_a.case.child_id}", data)
    assert response.status_code == 302 and response["Location"] == reverse("dashboard")
    assert Intake.objects.filter(case=case_a.case).count() == 4


def test_plan_conflict_keeps_the_users_text(
    case_a: CaseWorld, worker_a: Any, teammate_a: Any
) -> None:
    url = reverse("plan_edit", args=[case_a.case.pk])
    a, b = _login("worker_a"), _login("teammate_a")
    a.post(url, {"lock_version": "0", "service_needs": "A kirjoitti"})
    response = b.post(url, {"lock_version": "0", "service_needs": "B kirjoitti tämän"})
    html = response.content.decode()
    assert response.status_code == 200 and "B kirjoitti tämän" in html
    assert case_a.case.plans.get(status="draft").service_needs == "A kirjoitti"
