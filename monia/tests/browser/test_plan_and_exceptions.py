"""In real Chromium: the approved client plan read, printed and exported (a failed approval
keeps the text), a new notification about a client handled within the client relationship,
and the exceptions a supervisor must see — with axe-core on every page, and the new pages'
content reflowing at 320 px."""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from django.utils import timezone

from monia.casework import services
from monia.casework.models import Case, ClientPlan, IntakeDecision, PlanStatus
from monia.casework.tests.test_exceptions import client_without_plan
from monia.conftest import CaseWorld, child_create, days_ago, notification
from monia.tests.browser.conftest import assert_accessible, staff_login

TODAY = timezone.localdate


def _reflows_at_320(page: Any) -> None:
    """The page's own content needs no sideways scrolling on a 320 px screen (WCAG 1.4.10)."""
    width = page.viewport_size["width"]
    page.set_viewport_size({"width": 320, "height": 800})
    overflow = page.evaluate(
        "() => { const m = document.querySelector('main'); return m.scrollWidth - m.clientWidth; }"
    )
    page.set_viewport_size({"width": width, "height": 800})
    assert overflow <= 0, f"{page.url}: main is {overflow} px too wide at 320 px"


def test_a_failed_approval_keeps_the_draft_and_the_plan_reads_prints_and_exports(
    browser_page: Any, live_server: Any, case_a: CaseWorld, worker_a: Any
) -> None:
    page, base, case = browser_page, live_server.url, case_a.case
    staff_login(page, base, "worker_a")
    page.goto(base + reverse("case_detail", args=[case.pk]))
    assert page.get_by_role("heading", name="Perhe ja verkosto").is_visible()
    assert_accessible(page)
    _reflows_at_320(page)

    # The review of the plan: approval fails (no review date), the text typed stays saved.
    page.click("text=Tarkista suunnitelma")
    page.fill("#id_services", "Perhetyö ja tukihenkilö, kirjoitettu kesken puhelun")
    page.click("button[name=approve]")
    page.wait_for_load_state()
    assert page.get_by_role("alert").get_by_text("Suunnitelmaa ei hyväksytty").is_visible()
    assert_accessible(page)
    page.goto(base + reverse("plan_edit", args=[case.pk]))  # even a fresh page load keeps it
    assert page.input_value("#id_services").endswith("kirjoitettu kesken puhelun")
    page.fill("#id_review_due", (TODAY() + datetime.timedelta(days=120)).isoformat())
    for field in ("placement_goals", "special_support", "health_and_education"):
        page.fill(f"#id_{field}", "Sovittu sijoituspaikan kanssa")
    page.fill("#id_contact_arrangements", "Tapaamiset äidin kanssa viikoittain")
    page.fill("#id_information_sharing", "Sosiaalityöntekijä kertoo koululle")
    page.click("button[name=approve]")
    page.wait_for_url(f"**/cases/{case.pk}/")
    assert ClientPlan.objects.filter(case=case, status=PlanStatus.SUPERSEDED).count() == 1

    # The plan in force reads as a document, with its earlier version a click away.
    page.click("text=Lue ja tulosta voimassa oleva suunnitelma")
    page.wait_for_url("**/plan/read/")
    assert page.get_by_role("heading", name="Asiakassuunnitelma (LsL 30 §)").is_visible()
    assert page.get_by_text("Versio 2/2: voimassa").is_visible()
    assert_accessible(page)
    _reflows_at_320(page)

    # On paper: the secrecy marking, the controller and the child; no menus, forms or lists.
    page.emulate_media(media="print")
    assert page.locator(".secrecy").first.is_visible()
    assert page.locator(".doc-controller").inner_text() == "Alue A"  # its own controller
    assert page.locator(".doc-header").get_by_text("Aino Esimerkki").is_visible()
    assert not page.locator(".site-header").is_visible()
    assert not page.get_by_role("heading", name="Hyväksytyt versiot").is_visible()
    page.emulate_media(media="screen")

    page.get_by_role("link", name="Versio 1/2").click()
    page.wait_for_load_state()
    assert page.get_by_text("Tämä on aiempi versio. Se ei ole enää voimassa.").is_visible()
    assert_accessible(page)

    # The PDF, in Swedish on request, as the worker's browser would fetch it.
    page.goto(base + reverse("plan_read", args=[case.pk]))
    href = page.get_by_role("link", name="PDF på svenska").get_attribute("href")
    response = page.request.get(base + href)
    assert response.ok and response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")


def test_a_new_notification_about_a_client_is_handled_within_the_relationship(
    browser_page: Any, live_server: Any, case_a: CaseWorld, worker_a: Any
) -> None:
    page, base, case = browser_page, live_server.url, case_a.case
    assessments = case.assessments.count()
    staff_login(page, base, "worker_a")
    page.goto(base + reverse("case_detail", args=[case.pk]))
    page.click("text=Kirjaa päätös")
    page.wait_for_url("**/decision/")
    assert page.get_by_role("heading", name="Uuden ilmoituksen käsittely").is_visible()
    assert page.is_checked("input[name=decision][value=client_relationship]")
    assert_accessible(page)
    _reflows_at_320(page)
    review_by = TODAY() + datetime.timedelta(days=14)
    page.fill("#id_client_action", "Suunnitelma tarkistetaan perheen ja koulun kanssa.")
    page.fill("#id_plan_review_by", review_by.isoformat())
    page.fill("#id_family_told_on", TODAY().isoformat())
    page.click("button.primary")
    page.wait_for_url(f"**/cases/{case.pk}/")
    assert page.get_by_text("Suunnitelma tarkistetaan perheen ja koulun kanssa.").is_visible()
    assert f"{review_by.day}.{review_by.month}.{review_by.year}" in page.content()
    assert_accessible(page)
    case_a.pending_intake.refresh_from_db()
    assert case_a.pending_intake.decision == IntakeDecision.CLIENT_RELATIONSHIP
    assert case.assessments.count() == assessments  # no new assessment


def test_a_supervisor_sees_the_exceptions_and_a_worker_names_the_owner(
    browser_page: Any, live_server: Any, world: Any, worker_a: Any, senior_a: Any
) -> None:
    page, base = browser_page, live_server.url
    late = notification(
        worker_a,
        child_create(world.county_a, first="Odottava", number=944),
        world.team_a1,
        at=days_ago(6),
    )
    unplanned = client_without_plan(world, worker_a, days=40)
    unowned_intake = notification(
        worker_a,
        child_create(world.county_a, first="Arvioitava", number=945),
        world.team_a1,
        at=days_ago(12),
    )
    services.intake_assess_urgency(
        user=worker_a, intake=unowned_intake, urgency="not_urgent", note=""
    )
    services.intake_decide(
        user=worker_a,
        intake=unowned_intake,
        decision="start_assessment",
        decided_on=TODAY() - datetime.timedelta(days=9),
        family_told_on=None,
    )

    staff_login(page, base, "senior_a")
    attention = page.locator("section:has(#exceptions-h)")
    for text in (
        "Kiireellisyyttä ei ole arvioitu",
        "Ei vastuusosiaalityöntekijää",
        "Ei asiakassuunnitelmaa",
    ):
        assert attention.get_by_text(text).first.is_visible(), text
    assert attention.get_by_text("(40 päivää)").is_visible()
    assert_accessible(page)
    page.goto(base + reverse("caseboard") + f"?team={world.team_a1.pk}")
    row = page.locator("tr", has_text="Suunnitelmaton")
    assert row.get_by_text("Ei asiakassuunnitelmaa").is_visible()
    assert_accessible(page)

    # The worker names the responsible social worker during the assessment.
    staff_login(page, base, "worker_a")
    page.goto(base + reverse("case_detail", args=[unowned_intake.case_id]))
    assert page.get_by_role("heading", name="Vaatii huomiota").is_visible()
    page.get_by_role("link", name="nimeä").click()
    page.wait_for_url("**/worker/")
    assert_accessible(page)
    page.select_option("#id_worker", str(worker_a.pk))
    page.click("button.primary")
    page.wait_for_url(f"**/cases/{unowned_intake.case_id}/")
    assert not page.get_by_role("heading", name="Vaatii huomiota").is_visible()
    assert Case.objects.get(pk=unowned_intake.case_id).designated_worker == worker_a
    assert late.case_id != unplanned.pk
