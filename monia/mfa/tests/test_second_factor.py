"""The second factor after the password: who is asked, what they reach before it, codes."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from monia.accounts import second_factor
from monia.accounts.models import ApiToken, User
from monia.conftest import PASSWORD, CaseWorld
from monia.mfa import access, services
from monia.mfa.tests.conftest import app_for, password_login

ENROL = "/login/second-factor/"
STEP = "/login/second-step/"


def _code_from_page(html: str) -> str:
    secret = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', html)
    assert secret is not None
    from monia.tests.browser.conftest import totp_code

    return totp_code(secret.group(1))


def test_a_senior_official_reaches_no_page_before_setting_up_a_second_factor(
    senior_a: User, case_a: CaseWorld
) -> None:
    client = password_login("senior_a")
    for url in (
        reverse("dashboard"),
        reverse("caseload"),
        reverse("case_detail", args=[case_a.case.pk]),
        reverse("security"),
        reverse("password_change"),
        reverse("notifications"),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(ENROL), url
    assert client.get(reverse("caseload"))["Location"] == f"{ENROL}?next=%2Fcaseload%2F"
    # The way out and the public answers stay open.
    assert client.get(reverse("healthz")).status_code == 200
    assert client.post(reverse("set_language"), {"language": "sv", "next": "/"}).status_code == 302
    assert client.post(reverse("logout")).status_code == 302


def test_enrolment_shows_the_secret_and_a_qr_code_and_its_first_code_opens_monia(
    senior_a: User,
) -> None:
    client = password_login("senior_a")
    page = client.get(f"{ENROL}?next=/caseload/")
    html = page.content.decode()
    assert page.status_code == 200
    assert '<svg role="img" aria-label="' in html and "<script>" not in html
    assert "Kirjoita kuusinumeroinen koodi" in html  # Finnish, the default
    response = client.post(
        ENROL, {"code": _code_from_page(html), "name": "Työpuhelin", "next": "/caseload/"}
    )
    assert response.status_code == 302 and response["Location"] == "/caseload/"
    assert client.get(reverse("dashboard")).status_code == 200
    assert client.session[second_factor.SESSION_KEY] == "otp"
    device = TOTPDevice.objects.get(user=senior_a)
    assert device.confirmed and device.name == "Työpuhelin"


def test_a_wrong_enrolment_code_is_refused_in_swedish_and_what_was_typed_stays(
    senior_a: User,
) -> None:
    client = password_login("senior_a")
    client.cookies["django_language"] = "sv"
    html = client.get(ENROL).content.decode()
    right = _code_from_page(html)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    response = client.post(ENROL, {"code": wrong, "name": "Min telefon"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Koden är inte rätt" in page
    assert 'value="Min telefon"' in page and f'value="{wrong}"' in page
    assert not TOTPDevice.objects.filter(user=senior_a).exists()
    # The same secret is still offered: the app the user just set up stays valid.
    assert _code_from_page(page) == right
    assert client.get(reverse("dashboard"))["Location"].startswith(ENROL)


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_confirmation_sent_again_answers_with_the_app_it_added(
    senior_a: User, language: str
) -> None:
    """A double click sends the same secret's code twice; "Back" and confirm sends the
    code again under a new secret (the page made one). Either way the app added, told so
    in the page's language: it said the code was wrong, and a double click added two."""
    client = password_login("senior_a")
    client.cookies["django_language"] = language
    code = _code_from_page(client.get(ENROL).content.decode())
    first = client.post(ENROL, {"code": code, "name": "Työpuhelin"})
    double_click = client.post(ENROL, {"code": code, "name": "Työpuhelin"}, follow=True)
    assert first.status_code == 302
    assert double_click.redirect_chain == [(first["Location"], 302)]
    added = {"fi": "Sovellus lisättiin.", "sv": "Appen lades till."}[language]
    assert added in double_click.content.decode()
    client.get(ENROL)  # "Back": the page again, with a new secret; the typed code restored
    back = client.post(ENROL, {"code": code, "name": "Työpuhelin"}, follow=True)
    assert added in back.content.decode()
    assert TOTPDevice.objects.filter(user=senior_a).count() == 1


def test_two_confirmations_of_one_secret_at_once_add_one_app(senior_a: User) -> None:
    """Both requests of a double click read the same secret from the session."""
    key = services.totp_secret_new()
    code = services.totp_code_now(key)
    first = services.totp_enrol(user=senior_a, key_hex=key, code=code, name="")
    assert services.totp_enrol(user=senior_a, key_hex=key, code=code, name="") == first
    assert TOTPDevice.objects.filter(user=senior_a).count() == 1


def test_a_code_of_an_app_added_earlier_is_no_confirmation_of_a_new_one(
    senior_a: User,
) -> None:
    """Only the code that added an app minutes ago answers as that app: an older app's
    code, just used to log in, typed into the set-up of another is wrong and adds nothing."""
    from datetime import timedelta

    from django.utils import timezone

    device = app_for(senior_a)
    TOTPDevice.objects.filter(pk=device.pk).update(
        created_at=timezone.now() - timedelta(minutes=10)
    )
    code = services.totp_code_now(device.key)
    assert services.totp_check(user=senior_a, code=code).device == device  # the login
    new_key = services.totp_secret_new()
    assert services.totp_enrol(user=senior_a, key_hex=new_key, code=code, name="") is None
    assert TOTPDevice.objects.filter(user=senior_a).count() == 1


def test_letters_instead_of_digits_are_refused_with_a_message(senior_a: User) -> None:
    client = password_login("senior_a")
    client.get(ENROL)
    response = client.post(ENROL, {"code": "12ab56"})
    assert "Kirjoita sovelluksen näyttämät kuusi numeroa." in response.content.decode()


def test_a_user_with_an_app_types_its_code_at_the_next_login(senior_a: User) -> None:
    device = app_for(senior_a)
    client = password_login("senior_a")
    response = client.get(reverse("caseload"))
    assert response["Location"] == f"{STEP}?next=%2Fcaseload%2F"
    page = client.get(response["Location"])
    assert "Anna koodi sovelluksestasi" in page.content.decode()
    done = client.post(STEP, {"code": services.totp_code_now(device.key), "next": "/caseload/"})
    assert done.status_code == 302 and done["Location"] == "/caseload/"
    assert client.get(reverse("caseload")).status_code == 200


def test_a_code_cannot_be_used_twice(senior_a: User) -> None:
    device = app_for(senior_a)
    code = services.totp_code_now(device.key)
    first = password_login("senior_a")
    assert first.post(STEP, {"code": code})["Location"] == reverse("dashboard")
    again = password_login("senior_a")
    response = again.post(STEP, {"code": code})
    assert response.status_code == 200
    assert "Koodi ei ole oikein" in response.content.decode()
    assert again.get(reverse("dashboard"))["Location"].startswith(STEP)


def test_a_code_older_than_its_window_is_refused(senior_a: User) -> None:
    """A code lives 30 seconds, with one step of clock drift either way: two minutes is
    too old."""
    import binascii

    from django_otp.oath import TOTP

    device = app_for(senior_a)
    old = TOTP(binascii.unhexlify(device.key), step=services.STEP, digits=services.DIGITS)
    old.time = time.time() - 120
    client = password_login("senior_a")
    response = client.post(STEP, {"code": f"{old.token():06d}"})
    assert response.status_code == 200 and "Koodi ei ole oikein" in response.content.decode()
    assert second_factor.SESSION_KEY not in client.session


def test_wrong_codes_in_a_row_make_the_user_wait_even_with_the_right_code(
    senior_a: User,
) -> None:
    device = app_for(senior_a)
    client = password_login("senior_a")
    right = services.totp_code_now(device.key)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    assert client.post(STEP, {"code": wrong}).status_code == 200
    throttled = client.post(STEP, {"code": right})
    assert throttled.status_code == 429
    assert "Liian monta väärää koodia peräkkäin" in throttled.content.decode()
    assert f'value="{right}"' in throttled.content.decode()
    assert client.get(reverse("dashboard"))["Location"].startswith(STEP)


def test_a_social_worker_without_a_device_is_not_asked(worker_a: User) -> None:
    assert password_login("worker_a").get(reverse("dashboard")).status_code == 200


def test_a_social_worker_who_added_an_app_is_asked_for_it(worker_a: User) -> None:
    app_for(worker_a)
    response = password_login("worker_a").get(reverse("dashboard"))
    assert response["Location"].startswith(STEP)


def test_all_in_the_setting_asks_every_staff_and_partner_role(
    settings: Any, worker_a: User, partner: User
) -> None:
    settings.MONIA_MFA_REQUIRED_ROLES = ["all"]
    for username in ("worker_a", "partner"):
        response = password_login(username).get(reverse("dashboard"))
        assert response["Location"].startswith(ENROL), username


def test_administrators_need_a_factor_whatever_the_setting_says(
    settings: Any, admin: User, senior_a: User
) -> None:
    settings.MONIA_MFA_REQUIRED_ROLES = ["family_worker"]
    assert access.factor_required(admin)
    assert not access.factor_required(senior_a)
    assert password_login("admin").get("/admin/")["Location"].startswith(ENROL)


def test_a_role_name_that_is_no_role_stops_the_start(settings: Any) -> None:
    settings.MONIA_MFA_REQUIRED_ROLES = ["senior_oficial"]
    with pytest.raises(ImproperlyConfigured, match="senior_oficial"):
        access.check_required_roles_setting()


def test_the_admin_site_opens_only_after_the_second_factor(admin: User) -> None:
    device = app_for(admin)
    client = password_login("admin")
    response = client.get("/admin/")
    assert response["Location"] == f"{STEP}?next=%2Fadmin%2F"
    client.post(STEP, {"code": services.totp_code_now(device.key)})
    assert client.get("/admin/").status_code == 200


def test_the_admin_site_refuses_a_session_without_the_factor_even_without_the_middleware(
    settings: Any, admin: User
) -> None:
    settings.MIDDLEWARE = [
        m for m in settings.MIDDLEWARE if m != "monia.mfa.middleware.SecondFactorMiddleware"
    ]
    app_for(admin)
    response = password_login("admin").get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_a_token_is_its_own_factor_but_a_session_without_one_is_not_the_apis(
    senior_a: User,
) -> None:
    raw = ApiToken.new_key()
    ApiToken.objects.create(user=senior_a, name="Raportit", key_hash=ApiToken.hash_key(raw))
    url = "/api/v1/deadlines/mine"
    assert Client().get(url, HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200
    half = password_login("senior_a")
    assert half.get(url).status_code == 401
    assert half.get(url, HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200
    assert half.get(reverse("api:openapi-view"))["Location"].startswith(ENROL)


def test_a_new_login_forgets_the_factor_an_earlier_login_passed(senior_a: User) -> None:
    device = app_for(senior_a)
    client = password_login("senior_a")
    client.post(STEP, {"code": services.totp_code_now(device.key)})
    assert client.get(reverse("dashboard")).status_code == 200
    assert client.login(username="senior_a", password=PASSWORD)
    assert client.get(reverse("dashboard"))["Location"].startswith(STEP)


def test_the_password_alone_cannot_add_another_device(senior_a: User) -> None:
    app_for(senior_a)
    client = password_login("senior_a")
    assert client.get(ENROL)["Location"].startswith(STEP)
    assert client.post(ENROL, {"code": "123456"})["Location"].startswith(STEP)
    begin = client.post(reverse("mfa_passkey_register_begin"), content_type="application/json")
    assert begin.status_code == 403
    assert TOTPDevice.objects.filter(user=senior_a).count() == 1


def test_the_second_step_goes_only_to_monias_own_pages(senior_a: User) -> None:
    device = app_for(senior_a)
    client = password_login("senior_a")
    response = client.post(
        STEP, {"code": services.totp_code_now(device.key), "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("dashboard")


def test_a_portal_client_is_never_asked(portal_world: Any) -> None:
    from monia.conftest import portal_client

    assert portal_client(portal_world.guardian).get(reverse("portal_home")).status_code in {
        200,
        302,
    }
    assert portal_client(portal_world.guardian).get(STEP).status_code == 404


def test_the_demos_senior_official_is_shown_the_demo_apps_code_on_a_demo_database(
    settings: Any, senior_a: User
) -> None:
    from monia.mfa import demo

    demo.demo_authenticator_give(senior_a)
    settings.MONIA_DEMO_DATABASE = False
    assert "Demotunnus" not in password_login("senior_a").get(STEP).content.decode()
    settings.MONIA_DEMO_DATABASE = True
    client = password_login("senior_a")
    before = services.totp_code_now(demo.DEMO_TOTP_KEY)
    page = client.get(STEP).content.decode()
    code = services.totp_code_now(demo.DEMO_TOTP_KEY)  # the same, unless 30 s turned over
    assert "Demotunnus" in page and "JVXW 42LB EBSG" in page
    assert before in page or code in page
    assert client.post(STEP, {"code": code})["Location"] == reverse("dashboard")


def test_the_second_step_offers_no_client_search_before_the_factor_is_given(
    senior_a: User,
) -> None:
    """Its menu and bell are hidden until then; the header's "Find a client" was not, and
    led back to this page (found walking the demo in English)."""
    app_for(senior_a)
    page = password_login("senior_a").get(STEP).content.decode()
    assert 'role="search"' not in page and reverse("client_search") not in page
    assert 'class="main-nav"' not in page
