"""A social worker walks a notification to an approved client plan in real Chromium,
attaches a file to the intake and downloads it, and ends the day in the calendar, which
shows the next meeting with the child; axe-core finds no accessibility violation on any
page on the way."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from monia.attachments.testing import PDF_BYTES
from monia.casework.models import Case, CaseStage, PlanStatus
from monia.conftest import PASSWORD
from monia.people import hetu
from monia.tests.browser.conftest import assert_accessible


def test_notification_to_client_plan_walkthrough(
    browser_page: Any, live_server: Any, worker_a: Any
) -> None:
    page = browser_page
    today = timezone.localdate()
    code = hetu.make_synthetic(datetime.date(2016, 4, 12), 977)

    page.goto(f"{live_server.url}/login/")
    assert_accessible(page)
    page.fill("#id_username", "worker_a")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit].primary")
    page.wait_for_url(f"{live_server.url}/")
    assert_accessible(page)

    # 1. Record a notification from a school for a child created on the spot.
    page.click("text=Kirjaa uusi vireilletulo")
    page.fill("#id_q", "Koululainen")
    page.click("button[name=search]")
    assert_accessible(page)
    page.fill("#id_child-identity_code", code)
    page.fill("#id_child-first_names", "Onni")
    assert page.input_value("#id_child-last_name") == "Koululainen"  # carried from the search
    page.check("input[name=child-gender][value=male]")
    received = timezone.localtime() - datetime.timedelta(hours=2)
    page.fill("#id_received_at", received.strftime("%Y-%m-%dT%H:%M"))
    page.select_option("#id_channel", "phone")
    page.select_option("#id_notifier_sector", "school")
    page.fill("#id_notifier_name", "Kuraattori Kaisa")
    page.fill("#id_notifier_organisation", "Keskuskoulu")
    page.fill("#id_notifier_phone", "040 765 4321")
    page.check("#id_family_informed_0")
    page.fill("#id_content", "Onni on ollut kolme viikkoa poissa koulusta.")
    page.click("text=Kirjaa vireilletulo")
    page.wait_for_url("**/cases/*/")
    case = Case.objects.get(child__last_name="Koululainen")
    assert_accessible(page)

    # 2. The immediate urgency assessment.
    page.click("text=Arvioi kiireellisyys")
    assert_accessible(page)
    page.check("input[name=urgency][value=not_urgent]")
    page.fill("#id_note", "Ei välitöntä vaaraa.")
    page.click("button.primary")
    page.wait_for_url(f"**/cases/{case.pk}/")

    # 3. The statutory due date is on the case page.
    intake = case.intakes.get()
    assert intake.decision_due.strftime("%-d.%-m.%Y") in page.content()

    # 4. The decision to start an assessment, and the day the family was told.
    page.click("text=Kirjaa päätös")
    assert_accessible(page)
    page.check("input[name=decision][value=start_assessment]")
    page.fill("#id_family_told_on", today.isoformat())
    page.click("button.primary")
    page.wait_for_url(f"**/cases/{case.pk}/")
    assert_accessible(page)

    # 5. The assessment completed, with the child's own view.
    page.click("a.button >> text=Päätä palvelutarpeen arviointi")
    assert_accessible(page)
    page.check("input[name=conclusion][value=child_welfare_client]")
    page.fill("#id_summary", "Perhe tarvitsee tukea koulunkäyntiin.")
    page.check("input[name=heard][value=yes]")
    page.fill("#id_heard_by", "Worker A")
    page.fill("#id_heard_on", today.isoformat())
    page.select_option("#id_method", "meeting")
    page.fill("#id_child_view", "Koulussa on ikävää, kotona on hyvä.")
    page.click("button.primary")
    page.wait_for_url(f"**/cases/{case.pk}/")
    case.refresh_from_db()
    assert case.stage == CaseStage.CLIENT

    # 6. The client plan with every LsL 30 § item.
    page.click("text=Laadi asiakassuunnitelma")
    assert_accessible(page)
    page.fill("#id_service_needs", "Tuki koulunkäyntiin")
    page.fill("#id_circumstances", "Poissaolot")
    page.fill("#id_services", "Perhetyö ja koulun tuki")
    page.fill("#id_goal_time_estimate", "Kevätlukukausi")
    page.check("#id_no_differing_views")
    page.fill("#id_child_meetings", "Tapaamiset koululla")
    page.fill("#id_child_meeting_interval_weeks", "4")
    page.fill("#id_review_due", (today + datetime.timedelta(days=180)).isoformat())
    page.click("button[name=approve]")
    page.wait_for_url(f"**/cases/{case.pk}/")
    assert case.plans.get().status == PlanStatus.APPROVED
    assert_accessible(page)

    page.click("text=Lue koko kronologia")
    assert_accessible(page)
    assert page.locator("ol.chronology li").count() >= 8

    # 7. A file on the intake: attached, then downloaded (never opened in the browser).
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    page.click("text=Liitä tai katso tiedostoja")
    assert_accessible(page)
    page.set_input_files(
        "#id_attachment",
        {"name": "koulun_lomake.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES},
    )
    page.click("button.primary")
    page.wait_for_url(f"**/cases/{case.pk}/intakes/{intake.pk}/attachments/")
    assert_accessible(page)
    with page.expect_download() as download:
        page.click("a[download] >> text=koulun_lomake.pdf")
    assert download.value.suggested_filename == "koulun_lomake.pdf"
    with open(download.value.path(), "rb") as got:
        assert got.read() == PDF_BYTES

    # 8. The calendar shows the next meeting with the child, four weeks after the plan.
    page.click("nav >> text=Viikkoni")
    assert_accessible(page)
    for _ in range(4):
        page.click("text=Seuraava viikko")
    assert page.locator("li >> text=Tapaaminen: Onni Koululainen").count() == 1
    assert_accessible(page)
