from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone

from monia.conftest import CaseWorld, World, make_user
from monia.contrib import services
from monia.contrib.models import ContributionRequest
from monia.network.models import Organisation


@pytest.fixture
def clinic(world: World) -> Organisation:
    return Organisation.objects.create(
        county=world.county_a, name="Lastenpsykiatria", sector="child_psychiatry"
    )


@pytest.fixture
def clinic_partner(world: World, clinic: Organisation) -> Any:
    from monia.accounts.models import Role

    return make_user("clinic_doctor", Role.PARTNER, world.county_a, None, organisation=clinic)


@pytest.fixture
def school_request(case_a: CaseWorld, school: Organisation, worker_a: Any) -> ContributionRequest:
    return services.request_create(
        user=worker_a,
        assessment=case_a.open_assessment,
        organisation=school,
        basis="lsl_41_request",
        questions="Miten lapsi jaksaa koulussa?",
        due_on=timezone.localdate() + datetime.timedelta(days=7),
    )
