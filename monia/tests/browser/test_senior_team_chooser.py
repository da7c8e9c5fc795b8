"""The senior official reaches every team of her county from her menu, in real Chromium at
320 px: the menu's "Teams" opens the team chooser, each team's caseboard and weekly
meetings open from it (the menu still marks "Teams"), a team of another county answers
404; a team worker's "Team" goes straight to her own caseboard. axe-core finds no
violation on any page and nothing scrolls sideways."""

from __future__ import annotations

from typing import Any

import pytest

from monia.conftest import CaseWorld
from monia.tests.browser.conftest import (
    assert_accessible,
    assert_no_sideways_scroll,
    staff_login,
)

pytestmark = pytest.mark.django_db(transaction=True)


def _check(page: Any) -> None:
    page.wait_for_load_state()
    assert_accessible(page)
    assert_no_sideways_scroll(page)


def test_the_senior_official_opens_each_team_from_the_chooser_and_a_worker_her_own(
    browser_page: Any, live_server: Any, case_a: CaseWorld, world: Any, senior_a: Any
) -> None:
    page = browser_page
    base = live_server.url
    page.set_viewport_size({"width": 320, "height": 800})
    staff_login(page, base, "senior_a")

    menu = page.locator("nav.main-nav")
    assert menu.get_by_role("link", name="Tiimi", exact=True).count() == 0
    menu.get_by_role("link", name="Tiimit", exact=True).click()
    _check(page)
    assert page.locator("h1").inner_text() == "Tiimit"
    assert page.get_by_role("link", name="Tilannetaulu – B1").count() == 0  # another county

    page.get_by_role("link", name="Tilannetaulu – A1", exact=True).click()
    _check(page)
    assert page.locator("h1").inner_text() == "Tilannetaulu – A1"
    assert page.get_by_role("link", name=case_a.case.child.full_name).count() == 1
    current = menu.locator("a[aria-current=page]")
    assert current.inner_text() == "Tiimit"
    page.go_back()
    page.wait_for_load_state()

    page.get_by_role("link", name="Viikkokokoukset – A2", exact=True).click()
    _check(page)
    assert page.locator("h1").inner_text() == "Viikkokokoukset – A2"

    elsewhere = page.goto(f"{base}/team/?team={world.team_b1.pk}")
    assert elsewhere is not None and elsewhere.status == 404

    staff_login(page, base, "worker_a")
    assert menu.get_by_role("link", name="Tiimit", exact=True).count() == 0
    menu.get_by_role("link", name="Tiimi", exact=True).click()
    _check(page)
    assert page.locator("h1").inner_text() == "Tilannetaulu – A1"
    chooser = page.goto(f"{base}/teams/")
    assert chooser is not None and chooser.status == 404
