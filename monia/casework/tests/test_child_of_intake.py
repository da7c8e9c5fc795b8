"""Only a person under 18 — or unborn, for a pre-birth notification (LsL 25 c §), or not
identified yet — can be the child of an intake (LsL 6 §: a child is under 18)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from monia.casework import services
from monia.casework.models import Case, Intake
from monia.conftest import child_create, days_ago, notification
from monia.people import hetu
from monia.people.models import Person
from monia.people.services import person_create

INTAKE = dict(
    kind="notification",
    channel="phone",
    notifier_type="private",
    content="Huoli lapsesta.",
)


def test_an_adult_is_refused_on_the_child_field(world: Any, worker_a: Any) -> None:
    adult = child_create(world.county_a, first="Ville", years=30)
    with pytest.raises(ValidationError) as exc:
        notification(worker_a, adult, world.team_a1, at=days_ago(1))
    assert list(exc.value.message_dict) == ["person"]
    assert not Case.objects.exists()


def test_age_is_counted_on_the_day_the_intake_was_received(world: Any, worker_a: Any) -> None:
    """A notification received before the 18th birthday concerns a child."""
    eighteen = timezone.localdate() - datetime.timedelta(days=10)
    birth = eighteen.replace(year=eighteen.year - 18)
    young = person_create(
        county=world.county_a,
        first_names="Nea",
        last_name="Nuori",
        identity_code=hetu.make_synthetic(birth, 960),
    )
    intake = notification(worker_a, young, world.team_a1, at=days_ago(20))
    assert intake.case.child == young
    with pytest.raises(ValidationError):
        notification(worker_a, young, world.team_a1, at=days_ago(1))


def test_an_unborn_child_is_the_child_of_a_pre_birth_notification(
    world: Any, worker_a: Any
) -> None:
    unborn = person_create(
        county=world.county_a,
        first_names="",
        last_name="Odottava",
        expected_birth_date=timezone.localdate() + datetime.timedelta(days=60),
    )
    intake = notification(worker_a, unborn, world.team_a1, at=days_ago(1), kind="pre_birth")
    assert intake.case.child == unborn
    with pytest.raises(ValidationError) as exc:
        notification(worker_a, unborn, world.team_a1, at=days_ago(1))
    assert list(exc.value.message_dict) == ["kind"]


def test_a_family_member_without_dates_is_not_a_child(world: Any, worker_a: Any) -> None:
    grandfather = person_create(
        county=world.county_a, first_names="Erkki", last_name="Isä", require_birth=False
    )
    with pytest.raises(ValidationError) as exc:
        notification(worker_a, grandfather, world.team_a1, at=days_ago(1))
    assert list(exc.value.message_dict) == ["person"]


def test_a_new_adult_child_is_refused_on_the_birth_date_and_not_created(
    world: Any, worker_a: Any
) -> None:
    with pytest.raises(ValidationError) as exc:
        services.intake_record_for_new_child(
            user=worker_a,
            child={
                "first_names": "Ville",
                "last_name": "Aikuinen",
                "identity_code": hetu.make_synthetic(datetime.date(1990, 1, 1), 961),
            },
            team=world.team_a1,
            received_at=days_ago(1),
            **INTAKE,
        )
    assert list(exc.value.message_dict) == ["birth_date"]
    assert not Person.objects.exists() and not Intake.objects.exists()


def test_a_child_not_identified_is_recorded_without_code_or_birth_date(
    world: Any, worker_a: Any
) -> None:
    intake = services.intake_record_for_new_child(
        user=worker_a,
        child={
            "first_names": "",
            "last_name": "",
            "unidentified": True,
            "approximate_age": 8,
            "gender": "male",
            "address": "Koivukatu 3 B 12",
            "description": "Poika B-rapusta",
        },
        team=world.team_a1,
        received_at=days_ago(1),
        **INTAKE,
    )
    child = intake.case.child
    with translation.override("en"):
        assert child.unidentified and child.full_name == "Unidentified child, about 8 years"


def test_a_child_not_identified_told_to_be_an_adult_is_refused(world: Any, worker_a: Any) -> None:
    with pytest.raises(ValidationError) as exc:
        services.intake_record_for_new_child(
            user=worker_a,
            child={
                "first_names": "",
                "last_name": "",
                "unidentified": True,
                "approximate_age": 19,
                "description": "Nuori mies rapussa",
            },
            team=world.team_a1,
            received_at=days_ago(1),
            **INTAKE,
        )
    assert list(exc.value.message_dict) == ["approximate_age"]
    assert not Person.objects.exists()


def test_an_unidentified_child_has_no_identity_code(world: Any) -> None:
    with pytest.raises(ValidationError) as exc:
        person_create(
            county=world.county_a,
            first_names="",
            last_name="",
            unidentified=True,
            identity_code=hetu.make_synthetic(datetime.date(2016, 1, 1), 962),
            description="Poika",
        )
    assert "unidentified" in exc.value.message_dict
