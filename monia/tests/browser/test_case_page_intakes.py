"""The case page's newest intakes and its "show all" link (issue 15) in real Chromium at
320 px, in Finnish and in Swedish: nothing runs off the page, axe-core finds no violation,
and every intake is a plain link away (no script) and back."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.utils import timezone

from monia.casework import selectors
from monia.casework.models import Intake
from monia.conftest import CaseWorld, days_ago, notification
from monia.tests.browser.conftest import assert_accessible, staff_login

pytestmark = pytest.mark.django_db(transaction=True)

WIDTH = 320


def _reads_at_320_px(page: Any, language: str) -> None:
    assert page.locator("html").get_attribute("lang") == language
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH, page.url
    assert_accessible(page)


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_intake_is_a_link_away_at_320_px_without_script(
    browser_page: Any,
    live_server: Any,
    world: Any,
    worker_a: Any,
    case_a: CaseWorld,
    language: str,
) -> None:
    new = [
        notification(worker_a, case_a.case.child, world.team_a1, at=days_ago(1)).pk
        for _ in range(selectors.INTAKES_SHOWN)
    ]
    Intake.objects.filter(pk__in=new).update(decision="no_action", decided_on=timezone.localdate())
    page = browser_page
    page.set_viewport_size({"width": WIDTH, "height": 800})
    base = live_server.url
    staff_login(page, base, "worker_a")
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": base}]
    )
    intakes = page.locator("section[aria-labelledby=intakes-h] article")
    page.goto(f"{base}/cases/{case_a.case.pk}/")
    assert intakes.count() == selectors.INTAKES_SHOWN + 1
    _reads_at_320_px(page, language)
    page.locator("section[aria-labelledby=intakes-h] a[href*='intakes=all']").click()
    page.wait_for_load_state()
    assert page.url.endswith("?intakes=all#intakes-h")
    assert intakes.count() == selectors.INTAKES_SHOWN + 3
    _reads_at_320_px(page, language)
    page.locator("section[aria-labelledby=intakes-h] > p > a[href$='#intakes-h']").click()
    page.wait_for_load_state()
    assert intakes.count() == selectors.INTAKES_SHOWN + 1
