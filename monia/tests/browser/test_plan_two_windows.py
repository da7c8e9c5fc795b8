"""The plan open in two windows of one tired worker, in real Chromium: the second save is
refused, keeping its text, and says the worker saved the plan herself in another window
(it said someone else had saved it)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from monia.conftest import CaseWorld
from monia.tests.browser.conftest import staff_login


def test_a_plan_saved_in_another_window_of_ones_own_is_not_someone_elses(
    browser_page: Any, live_server: Any, case_a: CaseWorld, worker_a: Any
) -> None:
    page, base, case = browser_page, live_server.url, case_a.case
    staff_login(page, base, "worker_a")
    plan = base + reverse("plan_edit", args=[case.pk])
    page.goto(plan)
    other = page.context.new_page()
    other.goto(plan)
    other.fill("#id_service_needs", "Tuki arkeen ja kouluun")
    other.get_by_role("button", name="Tallenna luonnos").click()
    other.wait_for_load_state()

    page.fill("#id_service_needs", "Tuki arkeen, kouluun ja harrastuksiin")
    page.get_by_role("button", name="Tallenna luonnos").click()
    page.wait_for_load_state()
    summary = page.get_by_role("alert").inner_text()
    assert "Tallensit tämän suunnitelman uudelleen" in summary
    assert "Joku muu" not in summary
    assert page.input_value("#id_service_needs") == "Tuki arkeen, kouluun ja harrastuksiin"
