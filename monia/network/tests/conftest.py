"""One object of each kind that discloses a case to the school's partner."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone

from monia.conftest import CaseWorld


@pytest.fixture
def contribution_request(case_a: CaseWorld, worker_a: Any, school: Any) -> Any:
    from monia.contrib import services

    return services.request_create(
        user=worker_a,
        assessment=case_a.open_assessment,
        organisation=school,
        basis="guardian_consent",
        consent_given_by="Maija Esimerkki",
        questions="Miten lapsi jaksaa koulussa?",
        due_on=timezone.localdate() + datetime.timedelta(days=7),
    )


@pytest.fixture
def consent_consultation(case_a: CaseWorld, worker_a: Any, school: Any) -> Any:
    from monia.consult import services

    return services.consultation_ask(
        user=worker_a,
        case=case_a.case,
        organisation=school,
        mode="consent",
        consent_given_by="Maija Esimerkki (huoltaja)",
        question="Miten koulu voisi tukea?",
    )


@pytest.fixture
def school_meeting(case_a: CaseWorld, worker_a: Any, school: Any) -> Any:
    from monia.netmeet import services

    meeting = services.meeting_plan(
        user=worker_a,
        case=case_a.case,
        held_at=timezone.now() + datetime.timedelta(days=7),
        place="Koulu",
        agenda="Koulunkäynnin tuki",
    )
    services.invitee_add(meeting=meeting, role="partner", organisation=school)
    return meeting
