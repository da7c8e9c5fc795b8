"""English pages read in English: a label whose source text glosses the Finnish legal term
("Guardian (huoltaja)") shows the English word alone, and a date is d.m.yyyy as everywhere
(the English walk of every role found these; Finnish and Swedish are unchanged)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any
from unittest import mock

from django.urls import reverse
from django.utils import timezone, translation

from monia.accounts.models import Role
from monia.casework.measure_models import CareForm
from monia.conftest import login
from monia.decisions.kinds import AppealRoute
from monia.people.models import Person, Relationship
from monia.teams.models import County


def _english(text: Any) -> str:
    with translation.override("en"):
        return str(text)


def test_english_role_and_choice_labels_carry_no_finnish_gloss() -> None:
    assert _english(Role.DESIGNATED_SOCIAL_WORKER.label) == "Designated social worker"
    assert _english(Role.FAMILY_WORKER.label) == "Family worker"
    assert _english(CareForm.FAMILY_CARE.label) == "Family care"
    assert _english(CareForm.INSTITUTIONAL_CARE.label) == "Institutional care"
    assert _english(Relationship._meta.get_field("is_guardian").verbose_name) == "guardian"
    assert _english(County._meta.get_field("controller").verbose_name) == "controller"
    assert _english(Person._meta.get_field("identity_code").help_text).startswith(
        "Personal identity code"
    )
    assert _english(AppealRoute.APPEAL.label) == (
        "Appeal to the administrative court (appeal instructions)"
    )


def test_finnish_and_swedish_role_labels_are_unchanged() -> None:
    with translation.override("fi"):
        assert str(Role.DESIGNATED_SOCIAL_WORKER.label) == (
            "Lapsen asioista vastaava sosiaalityöntekijä"
        )
    with translation.override("sv"):
        assert str(Role.FAMILY_WORKER.label) == "Socialhandledare"


def test_the_family_member_form_in_english_says_guardian_not_huoltaja(
    case_a: Any, worker_a: Any
) -> None:
    client = login("worker_a", language="en")
    page = client.get(reverse("family_member_new", args=[case_a.case.pk])).content.decode()
    assert '<label for="id_is_guardian">Guardian:</label>' in page
    assert "huoltaja" not in page


def test_a_new_passkey_is_named_with_the_day_as_d_m_yyyy_in_english() -> None:
    from monia.mfa.passkeys import PasskeyHelper

    added = SimpleNamespace(name="")
    with (
        mock.patch(
            "django_otp_webauthn.helpers.WebAuthnHelper.create_credential", return_value=added
        ),
        translation.override("en"),
    ):
        device = PasskeyHelper(request=None).create_credential(None)  # type: ignore[arg-type]
    today = timezone.localdate()
    assert device.name == f"Passkey added {today.day}.{today.month}.{today.year}"
