"""In real Chromium, in Swedish: the plan heads itself as a letter or a decision does,
naming the county once when it is its own controller (the plan and every note read
"Österbottens välfärdsområde · Personuppgiftsansvarig: Österbottens välfärdsområde"), and
its service task ("Serviceuppgift: Barnskydd")."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from monia.letters.tests.conftest import LetterFamily
from monia.letters.tests.conftest import family as family  # noqa: F401 - the fixture
from monia.tests.browser.conftest import assert_no_sideways_scroll, staff_login


def test_the_plan_and_a_letter_name_the_county_once_in_swedish(
    browser_page: Any, live_server: Any, family: LetterFamily, worker_a: Any
) -> None:
    page, base, case = browser_page, live_server.url, family.case
    # Its own controller, in Swedish too (as teams' migration 0008 names such a county).
    type(case.county).objects.filter(pk=case.county_id).update(controller_sv="Område A")
    staff_login(page, base, "worker_a")
    page.context.add_cookies([{"name": "django_language", "value": "sv", "url": base}])

    page.goto(base + reverse("plan_read", args=[case.pk]))
    assert page.locator(".doc-controller").inner_text() == "Område A"
    assert page.locator(".doc-service-task").inner_text() == "Serviceuppgift: Barnskydd"

    page.goto(base + reverse("case_letters", args=[case.pk]))
    page.get_by_label("Till vem").select_option(str(family.erik.pk))
    page.get_by_role("button", name="Förhandsgranska brevet").click()
    page.wait_for_url("**/letters/preview/")
    assert page.locator(".doc-controller").inner_text() == "Område A"
    assert page.locator(".doc-service-task").inner_text() == "Serviceuppgift: Barnskydd"
    page.set_viewport_size({"width": 320, "height": 640})
    assert_no_sideways_scroll(page)
