"""The pagers of the dashboard (its deadlines, exceptions and lists) and of the caseboard
(issue 15) in real Chromium at 320 px, in Finnish and in Swedish: nothing runs off the page,
axe-core finds no violation, and the next page is a plain link (no script) that keeps the
list's sorting."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings

from monia.casework.models import Case
from monia.conftest import child_create, days_ago, notification
from monia.tests.browser.conftest import assert_accessible, staff_login

pytestmark = pytest.mark.django_db(transaction=True)

WIDTH = 320


def _thirty_children(world: Any, worker: Any) -> None:
    """30 children of team A1 at intake, the worker theirs: 30 deadlines and 30 cases."""
    for i in range(30):
        child = child_create(world.county_a, first=f"Lapsi{i:02d}", last="Sivunen", number=900 + i)
        case = notification(worker, child, world.team_a1, at=days_ago(2)).case
        Case.objects.filter(pk=case.pk).update(designated_worker=worker)


def _reads_at_320_px(page: Any, language: str) -> None:
    assert page.locator("html").get_attribute("lang") == language
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH, page.url
    assert_accessible(page)


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_pagers_read_at_320_px_and_work_without_script(
    browser_page: Any, live_server: Any, world: Any, worker_a: Any, language: str
) -> None:
    _thirty_children(world, worker_a)
    page = browser_page
    page.set_viewport_size({"width": WIDTH, "height": 800})
    base = live_server.url
    staff_login(page, base, "worker_a")
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": base}]
    )
    page.goto(f"{base}/?sort=deadline")
    # The deadlines, my cases, and the exceptions when the urgency is late by now.
    assert page.locator("nav.pager").count() >= 2
    _reads_at_320_px(page, language)
    page.locator("#deadlines-h ~ nav.pager a[rel=next]").click()
    page.wait_for_load_state()
    assert "deadlines_page=2" in page.url and "sort=deadline" in page.url
    deadlines = page.locator("section[aria-labelledby=deadlines-h] tbody tr")
    assert deadlines.count() == 5
    _reads_at_320_px(page, language)

    page.goto(f"{base}/team/")
    assert page.locator("table.data tbody tr").count() == 25
    _reads_at_320_px(page, language)
    page.locator("nav.pager a[rel=next]").click()
    page.wait_for_load_state()
    assert page.url.endswith("/team/?page=2")
    assert page.locator("table.data tbody tr").count() == 5
    _reads_at_320_px(page, language)
