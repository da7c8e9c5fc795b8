"""An intake's content has a cap and its time of receipt a plausible window, in the web
form and in the service every channel goes through (issue 11, item 13)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from monia.accounts.models import User
from monia.casework import intake_services
from monia.casework.intake_services import INTAKE_CONTENT_MAX_LENGTH
from monia.casework.models import Intake
from monia.casework.tests.test_intake_child_search import _typed
from monia.conftest import CaseWorld, child_create, login, notification

pytestmark = pytest.mark.django_db

TOO_LONG = "x" * (INTAKE_CONTENT_MAX_LENGTH + 1)


def test_the_web_form_refuses_content_over_the_cap_and_keeps_it(worker_a: User, world: Any) -> None:
    child = child_create(world.county_a, number=950)
    data = {**_typed(world, content=TOO_LONG), "person": str(child.pk), "record": "1"}
    response = login("worker_a").post(reverse("intake_new"), data)
    assert response.status_code == 200
    assert "content" in response.context["form"].errors
    assert response.context["form"]["content"].value() == TOO_LONG
    assert not Intake.objects.exists()


def test_the_service_refuses_content_over_the_cap(worker_a: User, world: Any) -> None:
    child = child_create(world.county_a, number=951)
    with pytest.raises(ValidationError) as refused:
        notification(worker_a, child, world.team_a1, at=timezone.now(), content=TOO_LONG)
    assert "content" in refused.value.message_dict


@pytest.mark.parametrize("year", [1700, 1900, 2007])
def test_an_intake_received_before_the_act_came_into_force_is_refused(
    worker_a: User, world: Any, year: int
) -> None:
    child = child_create(world.county_a, number=952)
    at = datetime.datetime(year, 12, 31, 12, tzinfo=datetime.UTC)
    with pytest.raises(ValidationError) as refused:
        notification(worker_a, child, world.team_a1, at=at)
    assert "received_at" in refused.value.message_dict


def test_an_intake_received_on_the_first_day_of_the_act_is_recorded(
    worker_a: User, world: Any
) -> None:
    child = child_create(world.county_a, number=953)
    at = datetime.datetime(2008, 1, 2, 12, tzinfo=datetime.UTC)
    assert notification(worker_a, child, world.team_a1, at=at).pk


def test_a_correction_cannot_grow_the_content_over_the_cap(
    worker_a: User, case_a: CaseWorld
) -> None:
    with pytest.raises(ValidationError) as refused:
        intake_services.intake_correct(
            user=worker_a,
            intake=case_a.pending_intake,
            reason="Lisätty puhelun loppu.",
            values={"content": TOO_LONG},
        )
    assert "content" in refused.value.message_dict
