"""The notifier rule of LsL 25 § as a pure function (its agreement with the tables is
checked in ``monia/enotify/tests/test_notifier_rule.py``)."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import translation

from monia.casework.notifier import notifier_errors

PROFESSIONAL: dict[str, Any] = {
    "notifier_type": "obligated",
    "name": "Terhi Terveydenhoitaja",
    "organisation": "Esimerkin koulu",
    "sector": "school",
    "phone": "040 123 4567",
}


@pytest.mark.parametrize("self_reported", [False, True])
def test_identified_professional_passes(self_reported: bool) -> None:
    assert notifier_errors(**PROFESSIONAL, self_reported=self_reported) == {}


def test_professional_reached_by_email_only_passes() -> None:
    assert notifier_errors(**{**PROFESSIONAL, "phone": "", "email": "terhi@example.org"}) == {}


def test_professional_without_name_sector_or_contact_is_refused_field_by_field() -> None:
    errors = notifier_errors(notifier_type="obligated", organisation="Esimerkin koulu")
    assert set(errors) == {"notifier_name", "notifier_sector", "notifier_phone"}


def test_spaces_are_not_a_name() -> None:
    assert set(notifier_errors(**{**PROFESSIONAL, "name": "   "})) == {"notifier_name"}


def test_worker_may_record_a_professional_without_organisation_the_public_form_may_not() -> None:
    without = {**PROFESSIONAL, "organisation": ""}
    assert notifier_errors(**without) == {}
    assert set(notifier_errors(**without, self_reported=True)) == {"notifier_organisation"}


def test_messages_speak_to_the_worker_or_to_the_notifier() -> None:
    bare = {"notifier_type": "obligated"}
    with translation.override("en"):
        assert notifier_errors(**bare)["notifier_phone"] == (
            "An obligated notifier must give contact details."
        )
        assert notifier_errors(**bare, self_reported=True)["notifier_phone"] == (
            "A professional must give a phone number or an e-mail address."
        )


@pytest.mark.parametrize("field", ["name", "organisation", "phone", "email"])
def test_anonymous_notifier_with_any_identity_is_refused(field: str) -> None:
    errors = notifier_errors(notifier_type="anonymous", **{field: "Niilo"})
    assert list(errors) == [f"notifier_{field}"]


def test_anonymous_notifier_may_name_a_sector() -> None:
    assert notifier_errors(notifier_type="anonymous", sector="school") == {}


def test_private_person_gives_what_they_wish() -> None:
    assert notifier_errors(notifier_type="private") == {}
    assert notifier_errors(notifier_type="private", name="Naapuri Niilo", phone="050 1") == {}


@pytest.mark.parametrize("self_reported", [False, True])
def test_unknown_notifier_type_is_refused(self_reported: bool) -> None:
    assert list(notifier_errors(notifier_type="robot", self_reported=self_reported)) == [
        "notifier_type"
    ]
