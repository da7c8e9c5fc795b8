"""The partner's front page lists what waits for her — statement requests, consultations,
coming network meetings — besides the cases shared with her; each request says who asks
and how to reach them."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from monia.accounts.models import Role
from monia.conftest import PASSWORD, CaseWorld, make_user
from monia.consult import services as consult_services
from monia.contrib import services as contrib_services
from monia.netmeet import services as netmeet_services
from monia.network.models import DisclosureLog, Organisation
from monia.network.tests.test_partner_query_budgets import _grow

pytestmark = pytest.mark.django_db


def _client(username: str = "partner") -> Client:
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    return client


@pytest.fixture
def asked(case_a: CaseWorld, worker_a: Any, school: Organisation, partner: Any) -> Any:
    worker_a.title, worker_a.phone, worker_a.email = (
        "sosiaalityöntekijä",
        "040 111 2233",
        "sosiaalityo@example.invalid",
    )
    worker_a.save()
    request = contrib_services.request_create(
        user=worker_a,
        assessment=case_a.open_assessment,
        organisation=school,
        basis="lsl_41_request",
        questions="Miten lapsi jaksaa koulussa?",
        due_on=timezone.localdate() + datetime.timedelta(days=7),
    )
    consultation = consult_services.consultation_ask(
        user=worker_a,
        case=case_a.case,
        organisation=school,
        mode="consent",
        consent_given_by="Huoltaja",
        question="Miten tukisitte?",
    )
    meeting = netmeet_services.meeting_plan(
        user=worker_a,
        case=case_a.case,
        held_at=timezone.now() + datetime.timedelta(days=2),
        place="Keskuskoulu",
        agenda="Tuki kouluun",
    )
    netmeet_services.invitee_add(meeting=meeting, role="partner", organisation=school)
    return request, consultation, meeting


def test_her_front_page_lists_requests_consultations_and_coming_meetings(
    case_a: CaseWorld, asked: Any
) -> None:
    request, consultation, meeting = asked
    before = DisclosureLog.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    body = _client().get(reverse("partner_home"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Statement requests waiting for you" in body
    assert reverse("partner_contribution", args=[request.pk]) in body
    assert reverse("partner_consultation", args=[consultation.pk]) in body
    assert reverse("partner_network_meeting", args=[meeting.pk]) in body
    assert case_a.case.child.full_name in body
    sources = set(DisclosureLog.objects.filter(pk__gt=before).values_list("source", flat=True))
    assert sources == {"contribution_request", "consultation", "network_meeting"}


def test_answered_requests_are_not_waiting(case_a: CaseWorld, asked: Any, partner: Any) -> None:
    request, consultation, _ = asked
    contrib_services.statement_submit(
        user=partner, request_id=request.pk, statement="Jaksaa hyvin.", child_view_noted=""
    )
    consult_services.consultation_answer(user=partner, consultation=consultation, answer="Näin.")
    body = _client().get(reverse("partner_home")).content.decode()
    assert reverse("partner_contribution", args=[request.pk]) not in body
    assert reverse("partner_consultation", args=[consultation.pk]) not in body


def test_another_organisations_partner_sees_none_of_them(case_a: CaseWorld, asked: Any) -> None:
    clinic = Organisation.objects.create(
        county=case_a.case.county, name="Klinikka", sector="child_psychiatry"
    )
    make_user("doctor", Role.PARTNER, case_a.case.county, None, organisation=clinic)
    before = DisclosureLog.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    body = _client("doctor").get(reverse("partner_home")).content.decode()
    assert case_a.case.child.full_name not in body
    assert not DisclosureLog.objects.filter(pk__gt=before).exists()


def test_staff_get_404_on_the_partners_front_page(case_a: CaseWorld, worker_a: Any) -> None:
    assert _client("worker_a").get(reverse("partner_home")).status_code == 404


def test_her_front_page_does_not_grow_with_its_items(
    case_a: CaseWorld,
    world: Any,
    worker_a: Any,
    school: Any,
    partner: Any,
    django_assert_max_num_queries: Any,
) -> None:
    client = _client()
    _grow(world, worker_a, school, 0, 2)
    with django_assert_max_num_queries(40) as small:
        assert client.get(reverse("partner_home")).status_code == 200
    _grow(world, worker_a, school, 2, 6)
    with django_assert_max_num_queries(40) as large:
        assert client.get(reverse("partner_home")).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)


def test_the_request_says_who_asks_and_how_to_reach_them(asked: Any) -> None:
    request, consultation, _ = asked
    for url in (
        reverse("partner_contribution", args=[request.pk]),
        reverse("partner_consultation", args=[consultation.pk]),
    ):
        body = _client().get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert "Asked by" in body, url
        assert "Worker_A Testinen, sosiaalityöntekijä" in body, url
        assert 'href="tel:0401112233"' in body and "040 111 2233" in body, url
        assert 'href="mailto:sosiaalityo@example.invalid"' in body, url
