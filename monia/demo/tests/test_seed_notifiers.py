"""The demo's professional notifiers are not the county's own staff."""

from __future__ import annotations

import datetime
import io
import random

import pytest
from django.core.management import call_command

from monia.accounts.models import User
from monia.casework.models import Intake
from monia.demo.families import Register
from monia.demo.names import FINNISH_CENTRAL
from monia.demo.steps import CaseSteps


def _steps() -> CaseSteps:
    return CaseSteps(
        rng=random.Random(1),
        today=datetime.date(2026, 12, 4),
        register=Register.__new__(Register),
        county_code="13",
        notifier_books=(FINNISH_CENTRAL,),
    )


@pytest.mark.django_db
def test_a_notifier_drawn_with_a_workers_name_gets_the_next_surname_instead() -> None:
    """A deacon "Mikko Kauppinen" beside the team's worker Mikko Kauppinen read as if the
    worker had notified her own client."""
    User.objects.create_user(username="mikko", first_name="Mikko", last_name="Kauppinen")
    surnames = ("Kauppinen", "Korhonen", "Kiiskinen")
    steps = _steps()
    assert steps._not_staff("Mikko", "Kauppinen", surnames) == "Korhonen"
    assert steps._not_staff("Anna", "Kauppinen", surnames) == "Kauppinen"


@pytest.mark.django_db
def test_no_professional_notifier_in_the_demo_bears_a_staff_members_name() -> None:
    call_command("seed_demo", stdout=io.StringIO(), children=20, seed=1)
    staff = {u.display_name for u in User.objects.all()}
    named = [
        name.split(",")[0]
        for name in Intake.objects.exclude(notifier_sector="").values_list(
            "notifier_name", flat=True
        )
    ]
    assert named
    assert not staff.intersection(named)
