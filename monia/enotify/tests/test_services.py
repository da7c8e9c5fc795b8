from __future__ import annotations

import datetime
import uuid
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone, translation

from monia.casework.models import Intake
from monia.conftest import World, notification
from monia.enotify import services
from monia.enotify.models import ENotification
from monia.enotify.tests.conftest import CHILD_BIRTH, CHILD_CODE

pytestmark = pytest.mark.django_db


def _data(**extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "ip_hash": services.ip_hash_of("192.0.2.1"),
        "submission_key": uuid.uuid4(),
        "kind": "notification",
        "notifier_type": "obligated",
        "notifier_name": "Terhi Terveydenhoitaja",
        "notifier_organisation": "Esimerkin koulu",
        "notifier_sector": "school",
        "notifier_email": "terhi@example.org",
        "child_first_names": "Aino",
        "child_last_name": "Esimerkki",
        "child_identity_code": CHILD_CODE,
        "content": "Huoli lapsesta.",
    }
    data.update(extra)
    return data


def test_ip_hash_is_an_hmac_not_the_address() -> None:
    digest = services.ip_hash_of("192.0.2.1")
    assert len(digest) == 64 and "192" not in digest
    assert digest == services.ip_hash_of("192.0.2.1") != services.ip_hash_of("192.0.2.2")


def test_obligated_notifier_needs_organisation_and_sector(world: World) -> None:
    with pytest.raises(ValidationError) as exc:
        services.enotification_submit(
            county=world.county_a, **_data(notifier_organisation="", notifier_sector="")
        )
    assert {"notifier_organisation", "notifier_sector"} <= set(exc.value.message_dict)
    assert not ENotification.objects.exists()


def test_birth_date_not_matching_the_code_is_refused_under_the_forms_field(
    world: World,
) -> None:
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        services.enotification_submit(
            county=world.county_a, **_data(child_birth_date=datetime.date(2016, 3, 15))
        )
    assert exc.value.message_dict == {
        "child_birth_date": ["The date of birth does not match the identity code."]
    }
    assert not ENotification.objects.exists()


@pytest.mark.parametrize(
    ("language", "mismatch", "future"),
    [
        (
            "fi",
            "Syntymäaika ei vastaa henkilötunnusta.",
            "Syntymäaika ei voi olla tulevaisuudessa.",
        ),
        (
            "sv",
            "Födelsedatumet stämmer inte överens med personbeteckningen.",
            "Födelsedatumet kan inte ligga i framtiden.",
        ),
    ],
)
def test_child_identity_messages_are_the_registers_in_finnish_and_swedish(
    world: World, language: str, mismatch: str, future: str
) -> None:
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with translation.override(language):
        with pytest.raises(ValidationError) as wrong:
            services.enotification_submit(
                county=world.county_a, **_data(child_birth_date=datetime.date(2016, 3, 15))
            )
        with pytest.raises(ValidationError) as ahead:
            services.enotification_submit(
                county=world.county_a,
                **_data(child_identity_code="", child_birth_date=tomorrow),
            )
    assert wrong.value.message_dict["child_birth_date"] == [mismatch]
    assert ahead.value.message_dict["child_birth_date"] == [future]


def test_malformed_code_is_refused_and_a_future_birth_date_beside_it_too(
    world: World,
) -> None:
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        services.enotification_submit(
            county=world.county_a,
            **_data(child_identity_code="1403A902", child_birth_date=tomorrow),
        )
    assert exc.value.message_dict == {
        "child_identity_code": [
            "The identity code must look like DDMMYYCZZZQ, for example 010115A901C."
        ],
        "child_birth_date": ["The date of birth cannot be in the future."],
    }
    assert not ENotification.objects.exists()


def test_code_is_stored_normalised_and_the_typed_birth_date_kept(world: World) -> None:
    en = services.enotification_submit(
        county=world.county_a,
        **_data(child_identity_code=f"  {CHILD_CODE.lower()} ", child_birth_date=CHILD_BIRTH),
    )
    en.refresh_from_db()
    assert (en.child_identity_code, en.child_birth_date) == (CHILD_CODE, CHILD_BIRTH)


def test_database_refuses_an_anonymous_row_with_identity(world: World) -> None:
    en = services.enotification_submit(county=world.county_a, **_data())
    with pytest.raises(IntegrityError):
        ENotification.objects.filter(pk=en.pk).update(notifier_type="anonymous")


def test_a_client_chosen_key_cannot_reach_an_existing_intake(world: World, worker_a: Any) -> None:
    """The intake's submission key is derived from the notification's id, so a public
    sender who reuses another intake's key cannot get the notification joined to it."""
    from monia.conftest import child_create

    child = child_create(world.county_a, number=905)
    other = notification(worker_a, child, world.team_a1, at=child.created_at)
    other.submission_key = uuid.uuid4()
    other.save(update_fields=["submission_key"])
    en = services.enotification_submit(
        county=world.county_a, **_data(submission_key=other.submission_key)
    )
    intake = services.enotification_convert(user=worker_a, enotification=en, child=child)
    assert intake.pk != other.pk
    assert Intake.objects.count() == 2


def test_convert_twice_returns_the_same_intake(world: World, worker_a: Any) -> None:
    from monia.conftest import child_create

    child = child_create(world.county_a, number=906)
    en = services.enotification_submit(county=world.county_a, **_data())
    first = services.enotification_convert(user=worker_a, enotification=en, child=child)
    again = services.enotification_convert(user=worker_a, enotification=en, child=child)
    assert first == again and Intake.objects.count() == 1


def test_worker_of_another_county_cannot_convert(world: World, other_county: Any) -> None:
    en = services.enotification_submit(county=world.county_a, **_data())
    with pytest.raises(ValidationError):
        services.enotification_convert(
            user=other_county,
            enotification=en,
            new_child={"first_names": "Aino", "last_name": "Esimerkki"},
        )
    assert not Intake.objects.exists()
