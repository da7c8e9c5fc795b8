"""Staff single sign-on in real Chromium: the login page's button, the local provider's
"Sign in", the dashboard, and the logout that ends the provider's session too — with
axe-core on Monia's pages at phone and desktop widths."""

from __future__ import annotations

from typing import Any

import pytest

from monia.accounts.models import User
from monia.accounts.tests.oidc_op import OpenIDProvider
from monia.tests.browser.conftest import assert_accessible, browser_page  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
BUTTON = "Kirjaudu: Testikunnan tunnus"  # MONIA_OIDC_LABEL in the Finnish button text


def _both_widths(page: Any) -> None:
    for size in (PHONE, DESKTOP):
        page.set_viewport_size(size)
        assert_accessible(page)


def _sign_in_at_the_provider(page: Any, base: str, op: OpenIDProvider) -> None:
    op.auto_approve = False  # the provider shows its own "Sign in" page
    page.goto(f"{base}/login/")
    _both_widths(page)
    page.get_by_role("link", name=BUTTON).click()
    page.wait_for_url(f"{op.url}/authorize?**")
    page.get_by_role("button", name="Sign in").click()


def test_a_worker_logs_in_with_the_county_identity_service_and_out_everywhere(
    browser_page: Any,  # noqa: F811
    oidc_op_live: OpenIDProvider,
    live_server: Any,
    worker_a: User,
) -> None:
    worker_a.oidc_subject = oidc_op_live.person.sub
    worker_a.save()
    page = browser_page
    _sign_in_at_the_provider(page, live_server.url, oidc_op_live)
    page.wait_for_url(f"{live_server.url}/")
    assert page.locator(".who").inner_text() == worker_a.display_name
    _both_widths(page)

    page.get_by_role("button", name="Kirjaudu ulos").click()
    page.wait_for_url(f"{live_server.url}/login/")
    assert oidc_op_live.seen.logouts, "the provider was not asked to end its session"
    page.goto(f"{live_server.url}/caseload/")
    assert page.url == f"{live_server.url}/login/?next=/caseload/"


def test_a_person_without_a_linked_account_sees_a_clear_refusal(
    browser_page: Any,  # noqa: F811
    oidc_op_live: OpenIDProvider,
    live_server: Any,
    worker_a: User,
) -> None:
    page = browser_page
    _sign_in_at_the_provider(page, live_server.url, oidc_op_live)
    page.wait_for_url(f"{live_server.url}/oidc/callback/**")
    assert page.get_by_role("heading", level=1).inner_text() == "Kirjautuminen ei onnistunut"
    _both_widths(page)
    page.goto(f"{live_server.url}/caseload/")
    assert page.url == f"{live_server.url}/login/?next=/caseload/"  # nobody logged in
