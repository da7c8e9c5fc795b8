"""The network works as one, in real Chromium with axe on every page: a school nurse files
an e-notification → the worker records it and starts an assessment → invites the school and
child psychiatry → both submit statements → a network meeting is held → the client plan
lists the services around the child."""

from __future__ import annotations

import datetime
import time
from typing import Any

from django.urls import reverse
from django.utils import timezone

from monia.casework.models import Case
from monia.conftest import PASSWORD, make_user
from monia.contrib.models import ContributionRequest
from monia.netmeet import services as netmeet_services
from monia.network.models import Organisation
from monia.people import hetu
from monia.tests.browser.conftest import assert_accessible


def _login(page: Any, base: str, username: str) -> None:
    page.context.clear_cookies()  # log the previous user out
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit].primary")
    page.wait_for_load_state()


def test_e_notification_to_a_plan_that_lists_the_coordinated_services(
    browser_page: Any, live_server: Any, world: Any, worker_a: Any, school: Any, partner: Any
) -> None:
    page, base = browser_page, live_server.url
    world.county_a.intake_team = world.team_a1
    world.county_a.save()
    clinic = Organisation.objects.create(
        county=world.county_a, name="Lastenpsykiatria", sector="child_psychiatry"
    )
    make_user("psy_nurse", "partner", world.county_a, None, organisation=clinic)
    today = timezone.localdate()
    code = hetu.make_synthetic(datetime.date(2014, 9, 3), 966)

    # 1. The school nurse files the e-notification on the public form.
    page.goto(base + reverse("enotify_form", args=[world.county_a.code]))
    assert_accessible(page)
    page.locator("#id_kind_0").check()
    page.locator("#id_notifier_type_0").check()
    page.fill("#id_notifier_name", "Terhi Terveydenhoitaja")
    page.fill("#id_notifier_organisation", "Keskuskoulu")
    page.select_option("#id_notifier_sector", "school")
    page.fill("#id_notifier_phone", "040 123 4567")
    page.fill("#id_child_first_names", "Onni")
    page.fill("#id_child_last_name", "Verkostolainen")
    page.fill("#id_child_identity_code", code)
    page.fill("#id_child_municipality", "Jyväskylä")
    page.locator("#id_family_informed_0").check()
    page.fill("#id_content", "Onni on väsynyt ja poissa koulusta, äidillä on vaikeaa.")
    page.click("button[type=submit].primary")
    page.wait_for_url("**/received/")
    assert_accessible(page)

    # 2. The worker records it as an intake and decides to start an assessment.
    _login(page, base, "worker_a")
    page.goto(base + reverse("enotify_queue"))
    assert_accessible(page)
    page.click("table.data a")  # the only e-notification waiting, by its reference
    page.check("input[name=child-gender][value=male]")  # the worker is asked the gender
    page.click("button[name=action][value=convert]")
    page.wait_for_load_state()
    case = Case.objects.get(child__last_name="Verkostolainen")
    intake = case.intakes.get()
    assert intake.channel == "electronic"
    page.goto(base + reverse("intake_decision", args=[case.pk, intake.pk]))
    page.check("input[name=decision][value=start_assessment]")
    page.fill("#id_family_told_on", today.isoformat())
    page.click("button.primary")
    page.wait_for_url(f"**/cases/{case.pk}/")
    assessment = case.assessments.get()

    # 3. The worker invites the school and child psychiatry to contribute.
    url = base + reverse("assessment_contributions", args=[case.pk, assessment.pk])
    for organisation in (school, clinic):
        page.goto(url)
        page.select_option("#id_organisation", str(organisation.pk))
        page.select_option("#id_basis", "lsl_41_request")
        page.fill("#id_questions", "Mitä olette havainneet Onnin jaksamisesta?")
        page.fill("#id_due_on", (today + datetime.timedelta(days=10)).isoformat())
        page.click("button[type=submit].primary")
        page.wait_for_load_state()
    assert_accessible(page)
    assert ContributionRequest.objects.filter(assessment=assessment).count() == 2

    # 4. Both partners submit their statements.
    for username, text in (
        ("partner", "Poissaoloja 12 päivää syksyllä."),
        ("psy_nurse", "Arviojakso suositellaan."),
    ):
        _login(page, base, username)
        page.goto(base + reverse("partner_contributions"))
        assert_accessible(page)
        page.click("text=Onni")
        page.fill("#id_statement", text)
        page.fill("#id_child_view_noted", "Onni kertoi itse väsymyksestään.")
        page.click("button[type=submit].primary")
        page.wait_for_load_state()
    assert ContributionRequest.objects.filter(submitted_at__isnull=False).count() == 2

    # 5. The network meeting with the family is held (planned a moment ahead).
    meeting = netmeet_services.meeting_plan(
        user=worker_a,
        case=case,
        held_at=timezone.now() + datetime.timedelta(seconds=2),
        place="Koulun neuvotteluhuone",
        agenda="Onnin koulunkäynti ja perheen tuki",
    )
    time.sleep(2.5)
    _login(page, base, "worker_a")
    page.goto(base + reverse("network_meeting_detail", args=[case.pk, meeting.pk]))
    assert_accessible(page)
    page.fill("#id_minutes", "Sovittiin koulun tuesta ja perhetyöstä.")
    page.fill("#id_family_view", "Äiti toivoo apua aamuihin.")
    page.fill("#id_child_view", "Onni haluaa jatkaa jalkapalloa.")
    page.fill("#id_actions-0-description", "Perhetyö alkaa")
    page.fill("#id_actions-0-owner_name", "Worker A")
    page.fill("#id_actions-0-due_on", (today + datetime.timedelta(days=7)).isoformat())
    page.locator("form:has(#id_minutes) button[type=submit]").click()
    page.wait_for_load_state()
    meeting.refresh_from_db()
    assert meeting.status == "held"

    # 6. The assessment ends in a client relationship; family work is decided.
    page.goto(base + reverse("assessment_complete", args=[case.pk, assessment.pk]))
    page.check("input[name=conclusion][value=child_welfare_client]")
    page.fill("#id_summary", "Tarvitaan perhetyötä ja koulun tukea.")
    page.check("input[name=heard][value=yes]")
    page.fill("#id_heard_by", "Worker A")
    page.fill("#id_heard_on", today.isoformat())
    page.select_option("#id_method", "meeting")
    page.fill("#id_child_view", "Haluan että aamut helpottuvat.")
    page.click("button.primary")
    page.wait_for_url(f"**/cases/{case.pk}/")
    page.goto(base + reverse("measure_new", args=[case.pk]))
    page.check("input[name=kind][value=community_support]")
    page.select_option("#id_support_type", "intensified_family_work")
    page.fill("#id_place", "Perhetyön tiimi")
    # The child is heard before the decision (HL 34 §; required from 12 years).
    page.check("input[name=heard][value=yes]")
    page.fill("#id_heard_by", "Worker A")
    page.fill("#id_heard_on", today.isoformat())
    page.select_option("#id_method", "meeting")
    page.fill("#id_child_view", "Perhetyö sopii, kunhan jalkapallo jatkuu.")
    page.click("button.primary")
    page.wait_for_url(f"**/cases/{case.pk}/")

    # 7. The client plan lists the services around the child.
    page.goto(base + reverse("plan_edit", args=[case.pk]))
    assert_accessible(page)
    assert page.locator("#around-h").count() == 1
    assert "Perhetyön tiimi" in page.locator("section:has(#around-h)").inner_text()
