"""Network meetings of Eetu's case (portal_world.young_case) and of his sister Aino's."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone

from monia.accounts.models import User
from monia.casework.models import Case
from monia.conftest import PortalWorld
from monia.netmeet.models import MeetingStatus, NetworkMeeting


def meeting_make(case: Case, *, days: float, held: bool = False) -> NetworkMeeting:
    """A meeting ``days`` from now (negative: in the past), planned or held."""
    extra: dict[str, Any] = {}
    if held:
        extra = {
            "status": MeetingStatus.HELD,
            "minutes": "Sovittiin koulun tuesta.",
            "family_view": "Äiti toivoo apua aamuihin.",
            "child_view": "Eetu haluaa pelata jalkapalloa.",
        }
    return NetworkMeeting.objects.create(
        case=case,
        held_at=timezone.now() + datetime.timedelta(days=days),
        place="Sosiaalitoimisto",
        agenda="Koulunkäynti ja harrastukset",
        organised_by=User.objects.get(username="worker_a"),
        **extra,
    )


@pytest.fixture
def planned(portal_world: PortalWorld) -> NetworkMeeting:
    return meeting_make(portal_world.young_case, days=7)


@pytest.fixture
def held(portal_world: PortalWorld) -> NetworkMeeting:
    return meeting_make(portal_world.young_case, days=-5, held=True)


@pytest.fixture
def sibling_planned(portal_world: PortalWorld) -> NetworkMeeting:
    """A planned meeting of Aino's case: not Eetu's."""
    return meeting_make(portal_world.cw.case, days=7)
