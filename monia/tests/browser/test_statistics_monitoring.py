"""Self-monitoring and the development indicators in real Chromium at 320 px, in Finnish
and Swedish, as the senior official and as a team worker: nothing scrolls sideways, the
figures open the children behind them, and axe-core finds no violation."""

from __future__ import annotations

from typing import Any

import pytest

from monia.conftest import CaseWorld
from monia.tests.browser.conftest import assert_accessible, staff_login

pytestmark = pytest.mark.django_db(transaction=True)


def _switch(page: Any, language: str) -> None:
    form = page.locator('form[action$="/i18n/setlang/"]').first
    form.locator("select[name=language]").select_option(language)
    with page.expect_navigation():
        form.locator("button[type=submit]").click()


@pytest.mark.parametrize("username", ["senior_a", "worker_a"])
@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_statistics_pages_reflow_at_320_px_with_no_axe_violation(
    browser_page: Any,
    live_server: Any,
    case_a: CaseWorld,
    senior_a: Any,
    username: str,
    language: str,
) -> None:
    page = browser_page
    page.set_viewport_size({"width": 320, "height": 800})
    staff_login(page, live_server.url, username)
    page.goto(f"{live_server.url}/statistics/")
    _switch(page, language)
    assert page.evaluate("document.documentElement.lang") == language
    for path in ("/statistics/monitoring/", "/statistics/indicators/"):
        page.goto(f"{live_server.url}{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
        assert_accessible(page)
    page.goto(f"{live_server.url}/statistics/monitoring/")
    page.locator("table.data td a").first.click()
    page.wait_for_load_state()
    assert "/children/" in page.url
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)
