"""The second factor in real Chromium: a senior official sets up an authenticator app
(reading the secret from the page), and a passkey with Chromium's virtual authenticator."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django_otp_webauthn.models import WebAuthnCredential

from monia.conftest import PASSWORD
from monia.tests.browser.conftest import assert_accessible, pass_second_factor, totp_code


def _password_step(page: Any, base: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit].primary")
    page.wait_for_load_state()


@pytest.mark.django_db(transaction=True)
def test_a_senior_official_sets_up_an_app_and_reaches_the_dashboard(
    browser_page: Any, live_server: Any, senior_a: Any, real_second_factor: None
) -> None:
    page = browser_page
    base = live_server.url
    _password_step(page, base, "senior_a")
    assert "/login/second-factor/" in page.url
    assert page.get_by_role("heading", name="Ota käyttöön toinen tunnistustekijä").is_visible()
    assert page.get_by_role("img", name="QR-koodi todennussovellukselle").is_visible()
    assert_accessible(page)
    # A wrong code first: the message is there and the page still offers the same secret.
    secret = page.inner_text("#totp-secret")
    right = totp_code(secret)
    page.fill("#id_code", f"{(int(right) + 1) % 1_000_000:06d}")
    page.click("button[type=submit].primary")
    assert page.get_by_text("Koodi ei ole oikein").first.is_visible()
    assert_accessible(page)
    assert page.inner_text("#totp-secret") == secret
    page.fill("#id_code", totp_code(secret))
    page.click("button[type=submit].primary")
    page.wait_for_url(f"{base}/")
    assert page.get_by_text("Sovellus lisättiin.").is_visible()

    # The next login asks the app's code.
    _password_step(page, base, "senior_a")
    assert "/login/second-step/" in page.url
    assert page.get_by_role("heading", name="Anna koodi sovelluksestasi").is_visible()
    assert_accessible(page)
    pass_second_factor(page, "senior_a")
    assert page.url == f"{base}/"
    page.click("text=Suojaus")
    assert page.get_by_role("heading", name="Tunnuksesi suojaus").is_visible()
    assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_a_senior_official_adds_a_passkey_and_logs_in_with_it(
    browser_page: Any, live_server: Any, senior_a: Any, settings: Any, real_second_factor: None
) -> None:
    settings.OTP_WEBAUTHN_RP_ID = "localhost"
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [live_server.url]
    page = browser_page
    base = live_server.url
    assert base.startswith("http://localhost:")
    senior_a.email = "senior.a@county-a.example"
    senior_a.save(update_fields=["email"])
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    _password_step(page, base, "senior_a")
    assert "/login/second-factor/" in page.url
    page.get_by_role("button", name="Lisää pääsyavain").click()
    page.wait_for_url(f"{base}/")
    credential = WebAuthnCredential.objects.get(user=senior_a)
    assert credential.confirmed and credential.name.startswith("Pääsyavain")
    # The user is told by e-mail (a passkey added to a stolen password's session would be).
    assert [m.to for m in mail.outbox] == [[senior_a.email]]
    assert "Monia-tiliisi lisättiin toinen tunnistustekijä." in mail.outbox[0].subject

    _password_step(page, base, "senior_a")
    assert "/login/second-step/" in page.url
    assert page.get_by_role("heading", name="Käytä pääsyavaintasi").is_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Käytä pääsyavainta").click()
    page.wait_for_url(f"{base}/")
    credential.refresh_from_db()
    assert credential.last_used_at is not None
