"""The caseload page of a team of nine in real Chromium at 1280 px: nothing runs off the
page, every chart is wide enough to read, and axe-core finds no violation."""

from __future__ import annotations

from typing import Any

import pytest

from monia.conftest import CaseWorld, make_user
from monia.tests.browser.conftest import assert_accessible, staff_login

pytestmark = pytest.mark.django_db(transaction=True)


def test_caseload_of_nine_workers_is_readable_at_1280_px(
    browser_page: Any, live_server: Any, case_a: CaseWorld, world: Any
) -> None:
    for i in range(8):
        make_user(f"worker_{i}", "social_worker", world.county_a, world.team_a1)
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 900})
    staff_login(page, live_server.url, "worker_a")
    page.goto(f"{live_server.url}/caseload/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    total = page.locator(".line-chart svg").bounding_box()
    assert total is not None and total["width"] >= 400
    smalls = page.locator(".small-multiples svg")
    assert smalls.count() == 9
    for i in range(9):
        box = smalls.nth(i).bounding_box()
        assert box is not None and box["width"] >= 180
    region = page.locator(".table-wrap").nth(1)
    region_box = region.bounding_box()
    assert region_box is not None and region_box["x"] + region_box["width"] <= 1280
    assert_accessible(page)
