"""Strong identification in real Chromium: the portal's login button, the local test
IdP, the automatic post back to Monia, the portal, and the single logout — with axe-core
on Monia's pages at phone and desktop widths."""

from __future__ import annotations

from typing import Any

import pytest

from monia.accounts.models import User
from monia.conftest import World, child_create, days_ago, notification
from monia.portal.tests.saml_idp import IdentityProvider
from monia.tests.browser.conftest import assert_accessible, browser_page  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _both_widths(page: Any) -> None:
    for size in (PHONE, DESKTOP):
        page.set_viewport_size(size)
        assert_accessible(page)


def _identify(page: Any, base: str, identity_code: str) -> None:
    page.goto(f"{base}/portal/login/")
    _both_widths(page)
    page.get_by_role("link", name="Kirjaudu pankkitunnuksilla tai mobiilivarmenteella").click()
    page.wait_for_url("**/sso/redirect?**")
    page.fill("#identity_code", identity_code)
    page.click("button[type=submit]")


def test_a_young_person_identifies_strongly_and_logs_out_everywhere(
    browser_page: Any,  # noqa: F811
    saml_idp: IdentityProvider,
    live_server: Any,
    world: World,
    worker_a: User,
) -> None:
    child = child_create(world.county_a, first="Aino", years=14, number=941)
    case = notification(worker_a, child, world.team_a1, at=days_ago(3)).case
    page = browser_page
    _identify(page, live_server.url, child.identity_code)
    page.wait_for_url(f"**/portal/{case.pk}/")
    assert page.locator("h1").inner_text() == "Hei Aino!"
    _both_widths(page)

    page.get_by_role("button", name="Kirjaudu ulos").click()
    page.wait_for_url("**/portal/login/")
    assert saml_idp.logged_out, "the IdP was not asked to end its session"
    assert page.goto(f"{live_server.url}/portal/{case.pk}/").url.endswith(
        f"/portal/login/?next=/portal/{case.pk}/"
    )


def test_a_person_without_matters_sees_a_clear_refusal(
    browser_page: Any,  # noqa: F811
    saml_idp: IdentityProvider,
    live_server: Any,
    world: World,
) -> None:
    from django.utils import timezone

    from monia.people import hetu

    page = browser_page
    unknown = hetu.make_synthetic(timezone.localdate().replace(year=1980, month=1, day=1), 977)
    _identify(page, live_server.url, unknown)
    page.wait_for_url("**/saml2/acs/")
    assert page.get_by_role("heading", level=1).count() == 1
    _both_widths(page)
    assert not User.objects.filter(role="client").exists()
