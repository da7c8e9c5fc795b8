"""THL's processing-times pages in real Chromium, as the county's senior official, in
Finnish and Swedish: the figures, the children behind a count and the comparison of
counties read at 320 px without sideways scrolling, and axe-core finds no violation.
Team workers get no link to them (the statistics home lists them for the county only)."""

from __future__ import annotations

from typing import Any

import pytest

from monia.reporting.tests.thl_world import START, thl_world
from monia.tests.browser.conftest import assert_accessible, staff_login

pytestmark = pytest.mark.django_db(transaction=True)

WORDS = {"fi": "Käsittelyajat", "sv": "handläggningstider"}


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_senior_official_walks_thls_pages_at_320_px(
    browser_page: Any, live_server: Any, world: Any, worker_a: Any, senior_a: Any, language: str
) -> None:
    thl_world(world, worker_a)
    page, base = browser_page, live_server.url
    staff_login(page, base, "senior_a")
    page.context.add_cookies([{"name": "django_language", "value": language, "url": base}])
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"{base}/statistics/")
    page.click("a[href='/statistics/thl/']")
    page.select_option("#id_period", START.isoformat())
    page.click("form[action='/statistics/thl/'] button[type=submit]")
    page.wait_for_load_state()
    assert WORDS[language].lower() in page.content().lower()
    assert page.locator("svg[role=img]").count() == 1
    wide = page.evaluate(
        "[...document.querySelectorAll('body *')]"
        ".filter(e => e.getBoundingClientRect().right > 321).slice(0, 5)"
        ".map(e => e.tagName + '.' + e.className + '#' + e.id)"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 320, wide
    assert_accessible(page)
    page.locator("a[href*='figure=seven_day_late']").first.click()
    page.wait_for_load_state()
    assert page.locator("table.data tbody tr").count() == 2
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)
    page.goto(f"{base}/statistics/thl/counties/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_a_half_year_without_matters_scrolls_its_tables_by_keyboard(
    browser_page: Any, live_server: Any, world: Any, worker_a: Any, senior_a: Any, language: str
) -> None:
    """With no count to link, a table wider than 320 px is still reached by the keyboard:
    its region takes the focus (axe: scrollable-region-focusable). Found by the walk."""
    thl_world(world, worker_a)
    page, base = browser_page, live_server.url
    staff_login(page, base, "senior_a")
    page.context.add_cookies([{"name": "django_language", "value": language, "url": base}])
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"{base}/statistics/thl/")
    oldest = page.locator("#id_period option").last.get_attribute("value")
    page.goto(f"{base}/statistics/thl/?period={oldest}")
    assert page.locator("a[href*='figure=']").count() == 0  # nothing to count, nothing to link
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)


def test_a_team_worker_has_no_link_to_thls_pages(
    browser_page: Any, live_server: Any, world: Any, worker_a: Any
) -> None:
    page, base = browser_page, live_server.url
    staff_login(page, base, "worker_a")
    page.goto(f"{base}/statistics/")
    assert page.locator("a[href='/statistics/thl/']").count() == 0
    response = page.goto(f"{base}/statistics/thl/")
    assert response is not None and response.status == 404
