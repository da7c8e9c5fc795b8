"""Partners' lists stay within a fixed number of queries however many items they hold."""

from __future__ import annotations

import datetime
from typing import Any

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from monia.casework import services as casework_services
from monia.conftest import PASSWORD, CaseWorld, child_create, days_ago, notification
from monia.consult import services as consult_services
from monia.contrib import services as contrib_services


def _open_assessment(world: Any, worker_a: Any, n: int) -> Any:
    child = child_create(world.county_a, first=f"Lapsi{n}", number=950 + n)
    intake = notification(worker_a, child, world.team_a1, at=days_ago(3))
    casework_services.intake_decide(
        user=worker_a,
        intake=intake,
        decision="start_assessment",
        decided_on=timezone.localdate(),
        family_told_on=None,
    )
    return intake.case


def _grow(world: Any, worker_a: Any, school: Any, start: int, n: int) -> None:
    for i in range(start, start + n):
        case = _open_assessment(world, worker_a, i)
        contrib_services.request_create(
            user=worker_a,
            assessment=case.assessments.get(),
            organisation=school,
            basis="lsl_41_request",
            questions="Havainnot?",
            due_on=timezone.localdate() + datetime.timedelta(days=5),
        )
        consult_services.consultation_ask(
            user=worker_a,
            case=case,
            organisation=school,
            mode="consent",
            consent_given_by="Huoltaja",
            question="Miten tukisitte?",
        )


def test_partner_lists_do_not_grow_with_their_items(
    case_a: CaseWorld,
    world: Any,
    worker_a: Any,
    school: Any,
    partner: Any,
    django_assert_max_num_queries: Any,
) -> None:
    client = Client()
    assert client.login(username="partner", password=PASSWORD)
    _grow(world, worker_a, school, 0, 2)
    counts = {}
    for name in ("partner_contributions", "partner_consultations"):
        with django_assert_max_num_queries(30) as small:
            assert client.get(reverse(name)).status_code == 200
        counts[name] = len(small.captured_queries)
    _grow(world, worker_a, school, 2, 6)
    for name in ("partner_contributions", "partner_consultations"):
        with django_assert_max_num_queries(30) as large:
            assert client.get(reverse(name)).status_code == 200
        assert len(large.captured_queries) == counts[name], name
