"""The partner's front page costs the same queries with N open statement requests,
consultations (named and pseudonymised), coming network meetings and shared cases as with
3N: the template tags of contrib, consult and netmeet read once each, not once a row."""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from django.utils import timezone

from monia.casework import services as casework_services
from monia.conftest import CaseWorld, child_create, days_ago, login, notification
from monia.consult import services as consult_services
from monia.contrib import services as contrib_services
from monia.netmeet import services as netmeet_services
from monia.network import services as network_services

N = 2
TODAY = timezone.localdate


def _grow(world: Any, worker: Any, school: Any, *, start: int, n: int) -> None:
    """``n`` children in assessment, each with a statement request, a consultation (every
    other one pseudonymised), a coming network meeting and a sharing grant for the school."""
    for i in range(start, start + n):
        child = child_create(world.county_a, first=f"Lapsi{i}", number=910 + i)
        intake = notification(worker, child, world.team_a1, at=days_ago(3))
        casework_services.intake_decide(
            user=worker,
            intake=intake,
            decision="start_assessment",
            decided_on=TODAY(),
            family_told_on=None,
        )
        case = intake.case
        contrib_services.request_create(
            user=worker,
            assessment=case.assessments.get(),
            organisation=school,
            basis="lsl_41_request",
            questions="Havainnot?",
            due_on=TODAY() + datetime.timedelta(days=5),
        )
        named = i % 2 == 0
        consult_services.consultation_ask(
            user=worker,
            case=case,
            organisation=school,
            mode="consent" if named else "pseudonymised",
            consent_given_by="Huoltaja" if named else "",
            pseudonym="" if named else f"Lapsi X{i}",
            question="Miten tukisitte?",
        )
        meeting = netmeet_services.meeting_plan(
            user=worker,
            case=case,
            held_at=timezone.now() + datetime.timedelta(days=7 + i),
            place="Koulu",
            agenda="Koulunkäynnin tuki",
        )
        netmeet_services.invitee_add(meeting=meeting, role="partner", organisation=school)
        network_services.grant_create(
            user=worker,
            case=case,
            organisation=school,
            basis="guardian_consent",
            consent_given_by="Huoltaja",
            scope=["basic"],
            ends_on=TODAY() + datetime.timedelta(days=30),
        )


def _rows(html: str) -> list[int]:
    sections = ("open-requests-h", "open-consultations-h", "coming-meetings-h", "shared-h")
    return [html.split(f'id="{s}"')[1].split("</section>")[0].count("<tr>") - 1 for s in sections]


def test_the_partners_front_page_does_not_grow_with_her_work(
    case_a: CaseWorld,
    world: Any,
    worker_a: Any,
    school: Any,
    partner: Any,
    django_assert_num_queries: Any,
) -> None:
    client = login("partner")
    url = reverse("partner_home")
    _grow(world, worker_a, school, start=0, n=N)
    client.get(url)  # one-time caches (sessions, translations)
    with django_assert_num_queries(19) as small:
        html = client.get(url).content.decode()
    assert _rows(html) == [N] * 4
    _grow(world, worker_a, school, start=N, n=2 * N)
    with django_assert_num_queries(19) as large:
        html = client.get(url).content.decode()
    assert _rows(html) == [3 * N] * 4
    assert len(large.captured_queries) == len(small.captured_queries)
