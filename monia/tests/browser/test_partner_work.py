"""The work between the worker and the partners, in real Chromium with axe: the partner finds
what waits for her and who asks; the worker picks a professional under the chosen
organisation; a network meeting held before it was in Monia is recorded afterwards."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from monia.accounts.models import Role
from monia.conftest import CaseWorld, make_user
from monia.consult import services as consult_services
from monia.contrib import services as contrib_services
from monia.contrib.models import ContributionRequest
from monia.netmeet.models import MeetingStatus, NetworkMeeting
from monia.network.models import Organisation
from monia.tests.browser.conftest import assert_accessible, staff_login

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_partner_finds_what_waits_for_her_and_who_asks(
    browser_page: Any, live_server: Any, case_a: CaseWorld, worker_a: Any, school: Any, partner: Any
) -> None:
    worker_a.title, worker_a.phone, worker_a.email = (
        "sosiaalityöntekijä",
        "040 111 2233",
        "worker.a@example.invalid",
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
    consult_services.consultation_ask(
        user=worker_a,
        case=case_a.case,
        organisation=school,
        mode="pseudonymised",
        pseudonym="Poika, 9 v",
        question="Miten tukisitte?",
    )
    page, base = browser_page, live_server.url
    staff_login(page, base, "partner")
    page.goto(base + reverse("partner_home"))
    main = page.locator("main").inner_text()
    assert "Sinulta pyydetyt lausunnot" in main and "Poika, 9 v" in main
    assert_accessible(page)

    page.get_by_role("link", name=case_a.case.child.full_name).first.click()
    page.wait_for_url(f"**/contributions/{request.pk}/")
    asker = page.locator("dd:has(a[href^='tel:'])").inner_text()
    assert "Worker_A Testinen, sosiaalityöntekijä" in asker
    assert "040 111 2233" in asker and "worker.a@example.invalid" in asker
    assert_accessible(page)


def test_the_worker_picks_a_professional_under_the_chosen_organisation(
    browser_page: Any, live_server: Any, case_a: CaseWorld, worker_a: Any, school: Any, partner: Any
) -> None:
    clinic = Organisation.objects.create(
        county=case_a.case.county, name="Lastenpsykiatria", sector="child_psychiatry"
    )
    doctor = make_user(
        "psy_doc", Role.PARTNER, case_a.case.county, None, organisation=clinic, title="lääkäri"
    )
    page, base = browser_page, live_server.url
    staff_login(page, base, "worker_a")
    page.goto(
        base + reverse("assessment_contributions", args=[case_a.case.pk, case_a.open_assessment.pk])
    )
    partner_select = page.locator("#id_partner")
    assert partner_select.locator("optgroup").count() == 2  # both organisations, no choice yet
    assert_accessible(page)

    page.select_option("#id_organisation", str(clinic.pk))
    labels = partner_select.locator("option").all_inner_texts()
    assert labels[1:] == ["Psy_Doc Testinen, lääkäri"]  # names and titles, one organisation
    page.select_option("#id_partner", str(doctor.pk))
    page.select_option("#id_basis", "lsl_41_request")
    page.fill("#id_questions", "Onko arviojakso tarpeen?")
    page.fill("#id_due_on", (timezone.localdate() + datetime.timedelta(days=10)).isoformat())
    page.click("button[type=submit].primary")
    page.wait_for_load_state()
    assert ContributionRequest.objects.get().partner == doctor
    assert_accessible(page)


def test_a_meeting_held_before_it_was_in_monia_is_recorded_afterwards(
    browser_page: Any, live_server: Any, case_a: CaseWorld, worker_a: Any, school: Any
) -> None:
    page, base = browser_page, live_server.url
    staff_login(page, base, "worker_a")
    page.goto(base + reverse("case_network_meetings", args=[case_a.case.pk]))
    yesterday = timezone.localtime() - datetime.timedelta(days=1)
    page.fill("#id_held_at", yesterday.strftime("%Y-%m-%dT%H:%M"))
    page.fill("#id_place", "Koulun neuvotteluhuone")
    page.fill("#id_agenda", "Kiireellinen huoli aamuista")
    page.check("#id_already_held")
    assert_accessible(page)
    page.locator("form:has(#id_agenda) button[type=submit]").click()
    page.wait_for_url("**/network-meetings/*/")
    meeting = NetworkMeeting.objects.get()
    assert "Osallistujat" in page.locator("main").inner_text()
    assert_accessible(page)

    page.select_option("#id_role", "partner")
    page.select_option("#id_organisation", str(school.pk))
    page.locator("form:has(#id_role) button[type=submit]").click()
    page.wait_for_load_state()
    page.fill("#id_minutes", "Sovittiin aamujen tuesta.")
    page.fill("#id_family_view", "Äiti toivoo apua aamuihin.")
    page.fill("#id_child_absent_reason", "Lapsi oli koulussa.")
    page.locator("form:has(#id_minutes) button[type=submit]").click()
    page.wait_for_load_state()
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD
    assert meeting.invitees.get().attends is True
    assert_accessible(page)
