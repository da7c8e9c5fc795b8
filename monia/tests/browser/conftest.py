"""Real Chromium (Debian's package) driven by Playwright, with axe-core on every page."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def browser_page(live_server: Any) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls
    # are still plain synchronous code.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    if not os.path.exists(CHROMIUM):
        pytest.fail("Debian's chromium is missing: run scripts/ensure_chromium.sh")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(locale="fi-FI", timezone_id="Europe/Helsinki")
        page = context.new_page()
        page.set_default_timeout(15_000)
        try:
            yield page
        finally:
            context.close()
            browser.close()
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


def assert_no_sideways_scroll(page: Any) -> None:
    """Nothing on the page scrolls sideways at the viewport's width (WCAG 1.4.10 reflow)."""
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def assert_accessible(page: Any) -> None:
    """axe-core (WCAG 2.1 A and AA rules) finds no violations on the page."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        options={
            "runOnly": {
                "type": "tag",
                "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
            }
        },
    )
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def staff_login(page: Any, base: str, username: str) -> None:
    """Log a staff persona in through the login page (password: monia.conftest.PASSWORD)."""
    from monia.conftest import PASSWORD

    page.context.clear_cookies()
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit].primary")
    page.wait_for_load_state()
    pass_second_factor(page, username)


def totp_code(secret_text: str) -> str:
    """The code an authenticator app shows now for a secret as the page shows it."""
    import base64

    from monia.mfa import services

    secret = secret_text.replace(" ", "")
    key = base64.b32decode(secret + "=" * (-len(secret) % 8)).hex()
    return services.totp_code_now(key)


def pass_second_factor(page: Any, username: str) -> None:
    """After the password: set up an app (reading its secret from the page) or type its
    code, as the user would. A second login within the same 30 seconds would repeat a code,
    which Monia refuses: the helper lets the app's next login be a fresh one."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from monia.mfa import services

    if "/login/second-factor/" in page.url:
        page.fill("#id_code", totp_code(page.inner_text("#totp-secret")))
        page.click("button[type=submit].primary")
        page.wait_for_load_state()
    elif "/login/second-step/" in page.url:
        device = TOTPDevice.objects.filter(user__username=username).first()
        assert device is not None, username
        TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)
        page.fill("#id_code", services.totp_code_now(device.key))
        page.click("button[type=submit].primary")
        page.wait_for_load_state()


def portal_login(page: Any, base: str, person: Any) -> None:
    """The client's session as the identification leaves it (a session cookie). The
    identification itself is tested in test_portal_walkthrough (demo) and
    monia/portal/tests/test_saml_login.py (SAML)."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from monia.portal.services import client_user_for_identity_code

    user = client_user_for_identity_code(person.identity_code, method="demo")
    assert user is not None
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "url": base}]
    )
