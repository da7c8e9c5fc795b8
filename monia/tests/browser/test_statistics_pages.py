"""The staffing statistic and the yearly statistics as the county's senior official, in
Finnish and Swedish, at 320 px and 1280 px: no sideways scroll, the charts drawn beside
their tables, a figure opens its children, and axe-core finds no violation."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone

from monia.conftest import World
from monia.reporting.tests.stats_fixtures import assign, case, child, measure, notify
from monia.tests.browser.conftest import assert_accessible, staff_login

pytestmark = pytest.mark.django_db(transaction=True)


def _record(world: World, worker: Any) -> None:
    """Two clients of team A1 (one placed last year), a notification of last year."""
    a, t = world.county_a, world.team_a1
    last_year = timezone.localdate().year - 1
    start = datetime.date(last_year - 2, 1, 1)
    for name, born in (("Aino", datetime.date(2014, 2, 2)), ("Eino", datetime.date(2011, 3, 3))):
        made = case(a, t, child(a, name, born), client=(start, None), worker=worker)
        assign(made, worker, start)
    measure(made, "care_order", datetime.date(last_year, 3, 1), form="family_care", by=worker)
    moment = datetime.datetime(last_year, 5, 5, 10, tzinfo=datetime.UTC)
    notify(made, moment, "phone", by=worker)


def _fits(page: Any, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width, page.url
    for svg in page.locator("figure svg").all():
        box = svg.bounding_box()
        assert box is not None and box["x"] + box["width"] <= width


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_senior_official_walks_both_statistics(
    browser_page: Any, live_server: Any, world: World, worker_a: Any, senior_a: Any, language: str
) -> None:
    _record(world, worker_a)
    page, base = browser_page, live_server.url
    staff_login(page, base, "senior_a")
    page.context.add_cookies([{"name": "django_language", "value": language, "url": base}])
    for width in (320, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{base}/statistics/")
        page.click("a[href='/statistics/caseload/']")
        page.wait_for_load_state()
        assert page.locator("html").get_attribute("lang") == language
        assert page.locator("figure svg").count() == 1
        _fits(page, width)
        assert_accessible(page)
        page.goto(f"{base}/statistics/yearly/")
        assert page.locator("figure svg").count() == 3
        _fits(page, width)
        assert_accessible(page)
    page.locator("a[href*='figure=in_care_end']").click()
    page.wait_for_load_state()
    assert page.locator("table.data tbody tr").count() == 1
    _fits(page, 1280)
    assert_accessible(page)
