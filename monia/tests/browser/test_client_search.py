"""A worker finds a child from the header by a misspelt name and opens the case, in real
Chromium; on a phone the header offers a link to the search page instead of the box, and
a search too short says so in Finnish with the query kept. axe-core finds no violation."""

from __future__ import annotations

from typing import Any

import pytest

from monia.conftest import CaseWorld
from monia.tests.browser.conftest import assert_accessible, staff_login

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_worker_searches_a_child_by_a_misspelt_name_and_opens_the_case(
    browser_page: Any, live_server: Any, case_a: CaseWorld
) -> None:
    page = browser_page
    base = live_server.url
    page.set_viewport_size({"width": 1280, "height": 900})
    staff_login(page, base, "worker_a")

    page.fill("#header-q", "Esimerki")  # Aino Esimerkki, one k missing
    page.press("#header-q", "Enter")
    page.wait_for_url("**/search/?q=Esimerki")
    assert page.input_value("#id_q") == "Esimerki"
    assert_accessible(page)
    row = page.locator("table.data tbody tr", has_text="Aino Esimerkki")
    assert row.count() == 1
    assert "A1" in row.inner_text()

    row.get_by_role("link", name="Aino Esimerkki").click()
    page.wait_for_url(f"**/cases/{case_a.case.pk}/")
    assert "Aino Esimerkki" in page.locator("h1").inner_text()


def test_on_a_phone_the_header_links_to_the_search_and_a_short_query_is_kept(
    browser_page: Any, live_server: Any, case_a: CaseWorld
) -> None:
    page = browser_page
    base = live_server.url
    page.set_viewport_size({"width": 320, "height": 800})
    staff_login(page, base, "worker_a")
    assert page.locator("#header-q").is_hidden()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320

    page.locator("a.header-search-link").click()
    page.wait_for_url("**/search/")
    page.fill("#id_q", "A")
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
    assert page.input_value("#id_q") == "A"
    assert "Kirjoita vähintään 3 kirjainta nimestä" in page.locator("main").inner_text()
    assert "Aino Esimerkki" not in page.locator("main").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)
