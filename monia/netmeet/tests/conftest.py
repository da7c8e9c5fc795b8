from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone

from monia.conftest import CaseWorld, World, make_user
from monia.netmeet import services
from monia.netmeet.models import NetworkMeeting
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
def meeting(case_a: CaseWorld, worker_a: Any, school: Organisation) -> NetworkMeeting:
    """A meeting planned for next week with the school invited."""
    m = services.meeting_plan(
        user=worker_a,
        case=case_a.case,
        held_at=timezone.now() + datetime.timedelta(days=7),
        place="Koulu",
        agenda="Koulunkäynnin tuki",
        remote_link="https://meet.example.fi/abc",
    )
    services.invitee_add(meeting=m, role="partner", organisation=school)
    services.invitee_add(meeting=m, role="guardian", family_member_name="Maija Esimerkki")
    return m


def record(meeting: NetworkMeeting, user: Any, **overrides: Any) -> NetworkMeeting:
    """Record the meeting as if held an hour after its time."""
    data: dict[str, Any] = {
        "minutes": "Sovittiin tukitoimista.",
        "family_view": "Äiti toivoo tukea aamuihin.",
        "child_view": "Lapsi haluaa jatkaa samassa koulussa.",
        "actions": [
            {
                "description": "Koulunkäyntiavustaja aamuihin",
                "owner_name": "Rehtori",
                "owner_organisation": None,
                "due_on": timezone.localdate() + datetime.timedelta(days=30),
            }
        ],
        "now": meeting.held_at + datetime.timedelta(hours=1),
    }
    data.update(overrides)
    return services.meeting_record(user=user, meeting=meeting, **data)
