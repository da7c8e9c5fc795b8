"""The user's Security page: their devices, removing one, the passkey endpoints' rules."""

from __future__ import annotations

import json

from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from monia.accounts.models import User
from monia.mfa import services
from monia.mfa.tests.conftest import app_for, password_login

STEP = "/login/second-step/"


def _passed(username: str, device: TOTPDevice) -> object:
    client = password_login(username)
    assert client.post(STEP, {"code": services.totp_code_now(device.key)}).status_code == 302
    return client


def test_the_security_page_lists_the_users_devices_and_links_password_change(
    worker_a: User,
) -> None:
    device = app_for(worker_a)
    client = _passed("worker_a", device)
    page = client.get(reverse("security")).content.decode()  # type: ignore[attr-defined]
    assert "Tunnuksesi suojaus" in page
    assert "Puhelin" in page and "Todennussovellus" in page
    assert reverse("password_change") in page and reverse("mfa_totp_enrol") in page
    assert "Tässä istunnossa toinen tunnistustekijä annettiin todennussovelluksella." in page
    dashboard = client.get(reverse("dashboard")).content.decode()  # type: ignore[attr-defined]
    assert f'href="{reverse("security")}"' in dashboard


def test_a_worker_removes_their_only_app_and_is_no_longer_asked(worker_a: User) -> None:
    device = app_for(worker_a)
    client = _passed("worker_a", device)
    response = client.post(  # type: ignore[attr-defined]
        reverse("mfa_device_remove"), {"kind": "totp", "device": device.pk}, follow=True
    )
    assert "Laite poistettiin." in response.content.decode()
    assert not TOTPDevice.objects.filter(user=worker_a).exists()
    assert password_login("worker_a").get(reverse("dashboard")).status_code == 200


def test_the_last_factor_of_a_role_that_needs_one_cannot_be_removed(senior_a: User) -> None:
    first = app_for(senior_a)
    client = _passed("senior_a", first)
    refused = client.post(  # type: ignore[attr-defined]
        reverse("mfa_device_remove"), {"kind": "totp", "device": first.pk}, follow=True
    )
    assert "lisää uusi ennen kuin poistat viimeisen" in refused.content.decode()
    assert TOTPDevice.objects.filter(pk=first.pk).exists()
    second = app_for(senior_a)
    client.post(reverse("mfa_device_remove"), {"kind": "totp", "device": first.pk})  # type: ignore[attr-defined]
    assert list(TOTPDevice.objects.filter(user=senior_a)) == [second]


def test_nobody_removes_another_users_device(worker_a: User, teammate_a: User) -> None:
    theirs = app_for(teammate_a)
    client = password_login("worker_a")
    response = client.post(
        reverse("mfa_device_remove"), {"kind": "totp", "device": theirs.pk}, follow=True
    )
    assert "Laitetta ei enää ole." in response.content.decode()
    assert TOTPDevice.objects.filter(pk=theirs.pk).exists()


def test_a_worker_adds_an_app_from_the_security_page(worker_a: User) -> None:
    client = password_login("worker_a")
    page = client.get(reverse("mfa_totp_enrol")).content.decode()
    assert "Takaisin suojaukseen" in page
    key = client.session["monia_mfa_pending_totp"]
    response = client.post(reverse("mfa_totp_enrol"), {"code": services.totp_code_now(key)})
    assert response["Location"] == reverse("security")
    assert TOTPDevice.objects.filter(user=worker_a, confirmed=True).count() == 1


def test_passkey_registration_starts_for_a_first_factor_and_gives_the_relying_party(
    senior_a: User, settings: object
) -> None:
    client = password_login("senior_a")
    response = client.post(reverse("mfa_passkey_register_begin"), content_type="application/json")
    assert response.status_code == 200
    options = json.loads(response.content)
    assert options["rp"] == {"name": "Monia", "id": "localhost"}
    assert options["user"]["name"] == "senior_a" and options["challenge"]


def test_a_forged_passkey_answer_is_refused_and_passes_nothing(senior_a: User) -> None:
    client = password_login("senior_a")
    client.post(reverse("mfa_passkey_register_begin"), content_type="application/json")
    forged = {
        "id": "AAAA",
        "rawId": "AAAA",
        "type": "public-key",
        "response": {"clientDataJSON": "e30", "attestationObject": "oA"},
    }
    response = client.post(
        reverse("mfa_passkey_register_complete"), forged, content_type="application/json"
    )
    assert response.status_code >= 400
    assert "monia_second_factor" not in client.session
    assert client.get(reverse("dashboard"))["Location"].startswith("/login/second-factor/")


def test_passkey_login_needs_the_password_first(db: None) -> None:
    from django.test import Client

    response = Client().post(reverse("mfa_passkey_auth_begin"), content_type="application/json")
    assert response.status_code == 403


def test_passkey_endpoints_answer_only_post(senior_a: User) -> None:
    client = password_login("senior_a")
    for name in (
        "mfa_passkey_register_begin",
        "mfa_passkey_register_complete",
        "mfa_passkey_auth_begin",
        "mfa_passkey_auth_complete",
    ):
        assert client.get(reverse(name)).status_code == 405, name


def test_a_passkey_challenge_is_random_enough_and_asks_approved_algorithms(
    senior_a: User,
) -> None:
    import base64

    client = password_login("senior_a")
    challenges = []
    for _ in range(2):
        response = client.post(
            reverse("mfa_passkey_register_begin"), content_type="application/json"
        )
        options = json.loads(response.content)
        challenge = options["challenge"]
        challenges.append(base64.urlsafe_b64decode(challenge + "=" * (-len(challenge) % 4)))
        # COSE: ES256, EdDSA, ES512, RS256, RS384, RS512, PS256 … — no SHA-1, no "none".
        algorithms = {p["alg"] for p in options["pubKeyCredParams"]}
        assert algorithms and algorithms <= {-7, -8, -35, -36, -37, -38, -39, -257, -258, -259}
    assert all(len(c) >= 8 for c in challenges)  # at least 64 bits (the package gives 512)
    assert challenges[0] != challenges[1]
