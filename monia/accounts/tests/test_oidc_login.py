"""Staff single sign-on end to end: Monia (Django's test client) as the OpenID Connect
client, the local provider (oidc_op.py, a real HTTP server in a thread) in the county's
place. The test follows the redirects to the provider and back by hand: Django's client
serves only Monia, `requests` reaches the provider."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse

from monia.accounts import oidc_provider, second_factor
from monia.accounts.models import Role, User
from monia.accounts.oidc import mfa_stated
from monia.accounts.tests.conftest import CLIENT_ID
from monia.accounts.tests.oidc_op import MISBEHAVIOURS, OpenIDProvider
from monia.conftest import PASSWORD, World, make_user

pytestmark = pytest.mark.django_db

SUBJECT = "county-subject-0001"
NO_ACCOUNT = "no Monia staff account is linked to your identity"
NOT_CONFIRMED = "We could not confirm your login"


def _browser() -> Client:
    return Client(HTTP_ACCEPT_LANGUAGE="en")


def _to_provider(client: Client, op: OpenIDProvider, next_url: str = "") -> requests.Response:
    """Start at Monia's button, sign in at the provider; its redirect back to Monia."""
    query = {"next": next_url} if next_url else {}
    start = client.get(reverse("oidc_authentication_init"), query)
    assert start.status_code == 302, start.content
    assert start["Location"].startswith(f"{op.url}/authorize?")
    at_provider = requests.get(start["Location"], allow_redirects=False, timeout=10)
    assert at_provider.status_code == 302, at_provider.text
    return at_provider


def _callback_path(at_provider: requests.Response) -> str:
    back = urlsplit(at_provider.headers["Location"])
    assert f"{back.scheme}://{back.netloc}{back.path}" == "http://testserver/oidc/callback/"
    return f"{back.path}?{back.query}"


def _sso(client: Client, op: OpenIDProvider, next_url: str = "") -> Any:
    return client.get(_callback_path(_to_provider(client, op, next_url)))


def _user_of(client: Client) -> User | None:
    user_id = client.session.get("_auth_user_id")
    return User.objects.filter(pk=user_id).first() if user_id else None


def _assert_refused(response: Any, client: Client, text: str = NOT_CONFIRMED) -> None:
    assert response.status_code == 403
    assert text in response.content.decode()
    assert _user_of(client) is None


@pytest.fixture
def linked(worker_a: User) -> User:
    worker_a.email = "worker.a@county.example"
    worker_a.oidc_subject = SUBJECT
    worker_a.save()
    return worker_a


# --- Logging in ------------------------------------------------------------------------


def test_linked_staff_member_lands_on_the_dashboard(oidc_op: OpenIDProvider, linked: User) -> None:
    client = _browser()
    client.get(reverse("login"))
    before = client.session.session_key

    response = _sso(client, oidc_op)

    assert response.status_code == 302 and response["Location"] == reverse("dashboard")
    assert _user_of(client) == linked
    assert client.session.session_key != before  # the session is cycled at login
    assert client.get(reverse("dashboard")).status_code == 200


def test_the_provider_gets_state_nonce_and_a_pkce_challenge(
    oidc_op: OpenIDProvider, linked: User
) -> None:
    _sso(_browser(), oidc_op)

    sent = oidc_op.seen.authorization_requests[0]
    assert sent["client_id"] == CLIENT_ID
    assert set(sent["scope"].split()) == {"openid", "email", "profile"}
    assert len(sent["state"]) >= 32 and len(sent["nonce"]) >= 32
    assert sent["code_challenge_method"] == "S256"
    assert len(oidc_op.seen.token_requests[0]["code_verifier"]) >= 43
    assert "client_secret" not in oidc_op.seen.token_requests[0]  # sent as Basic auth


def test_login_goes_on_to_the_page_asked_for_on_this_site_only(
    oidc_op: OpenIDProvider, linked: User
) -> None:
    assert _sso(_browser(), oidc_op, "/caseload/")["Location"] == "/caseload/"
    evil = _sso(_browser(), oidc_op, "https://evil.example/phish")
    assert evil["Location"] == reverse("dashboard")


def test_the_account_language_holds_after_single_sign_on(
    oidc_op: OpenIDProvider, linked: User
) -> None:
    linked.language = "sv"
    linked.save()
    response = _sso(_browser(), oidc_op)
    assert response.cookies[django_settings.LANGUAGE_COOKIE_NAME].value == "sv"


def test_password_login_still_works_with_single_sign_on_on(
    oidc_op: OpenIDProvider, linked: User
) -> None:
    response = _browser().post(
        reverse("login"), {"username": "worker_a", "password": PASSWORD}, follow=False
    )
    assert response.status_code == 302 and response["Location"] == reverse("dashboard")


# --- Who may log in --------------------------------------------------------------------


def test_first_login_links_the_account_by_its_verified_email_once(
    oidc_op: OpenIDProvider, worker_a: User
) -> None:
    worker_a.email = "Worker.A@County.example"
    worker_a.save()

    assert _user_of(_browser()) is None
    client = _browser()
    _sso(client, oidc_op)
    worker_a.refresh_from_db()
    assert _user_of(client) == worker_a and worker_a.oidc_subject == SUBJECT

    # From now on the subject counts, not the address the provider sends.
    oidc_op.person.email = "someone.else@county.example"
    again = _browser()
    _sso(again, oidc_op)
    assert _user_of(again) == worker_a


def test_first_login_links_by_the_email_from_userinfo_when_the_token_has_none(
    oidc_op: OpenIDProvider, worker_a: User
) -> None:
    worker_a.email = "worker.a@county.example"
    worker_a.save()
    oidc_op.claims_in_id_token = False
    client = _browser()
    _sso(client, oidc_op)
    assert _user_of(client) == worker_a


def test_userinfo_about_another_subject_links_nobody(
    oidc_op: OpenIDProvider, worker_a: User
) -> None:
    worker_a.email = "worker.a@county.example"
    worker_a.save()
    oidc_op.claims_in_id_token = False
    oidc_op.userinfo_sub = "someone-else"
    client = _browser()
    _assert_refused(_sso(client, oidc_op), client)
    worker_a.refresh_from_db()
    assert worker_a.oidc_subject is None


def test_an_unverified_email_links_nobody(oidc_op: OpenIDProvider, worker_a: User) -> None:
    worker_a.email = "worker.a@county.example"
    worker_a.save()
    oidc_op.person.email_verified = False
    client = _browser()
    _assert_refused(_sso(client, oidc_op), client, NO_ACCOUNT)
    worker_a.refresh_from_db()
    assert worker_a.oidc_subject is None


def test_an_email_shared_by_two_accounts_links_neither(
    oidc_op: OpenIDProvider, worker_a: User, teammate_a: User
) -> None:
    for user in (worker_a, teammate_a):
        user.email = "worker.a@county.example"
        user.save()
    client = _browser()
    _assert_refused(_sso(client, oidc_op), client, NO_ACCOUNT)
    assert not User.objects.filter(oidc_subject=SUBJECT).exists()


def test_an_account_linked_to_another_subject_is_not_taken_over_by_email(
    oidc_op: OpenIDProvider, worker_a: User
) -> None:
    worker_a.email = "worker.a@county.example"
    worker_a.oidc_subject = "the-real-subject"
    worker_a.save()
    client = _browser()
    _assert_refused(_sso(client, oidc_op), client, NO_ACCOUNT)
    worker_a.refresh_from_db()
    assert worker_a.oidc_subject == "the-real-subject"


def test_without_a_link_claim_only_the_administrator_links_accounts(
    oidc_op: OpenIDProvider, worker_a: User, settings: Any
) -> None:
    settings.MONIA_OIDC_LINK_CLAIM = ""
    worker_a.email = "worker.a@county.example"
    worker_a.save()
    client = _browser()
    _assert_refused(_sso(client, oidc_op), client, NO_ACCOUNT)


def test_a_username_claim_links_by_username(
    oidc_op: OpenIDProvider, worker_a: User, settings: Any
) -> None:
    settings.MONIA_OIDC_LINK_CLAIM = "preferred_username"
    client = _browser()
    _sso(client, oidc_op)
    assert _user_of(client) == worker_a


def test_an_unknown_person_is_refused_and_no_account_is_created(
    oidc_op: OpenIDProvider, worker_a: User
) -> None:
    accounts = User.objects.count()
    client = _browser()
    _assert_refused(_sso(client, oidc_op), client, NO_ACCOUNT)
    assert User.objects.count() == accounts


def test_a_portal_client_can_never_log_in_with_single_sign_on(
    oidc_op: OpenIDProvider, world: World
) -> None:
    make_user("client_1", Role.CLIENT, None, None, email="worker.a@county.example")
    client = _browser()
    _assert_refused(_sso(client, oidc_op), client, NO_ACCOUNT)
    assert not User.objects.filter(oidc_subject=SUBJECT).exists()

    User.objects.filter(username="client_1").update(oidc_subject=SUBJECT)  # set by mistake
    client = _browser()
    _assert_refused(_sso(client, oidc_op), client, NO_ACCOUNT)


def test_an_inactive_account_is_refused(oidc_op: OpenIDProvider, linked: User) -> None:
    linked.is_active = False
    linked.save()
    client = _browser()
    _assert_refused(_sso(client, oidc_op), client, NO_ACCOUNT)


def test_deactivating_an_account_ends_its_single_sign_on_session(
    oidc_op: OpenIDProvider, linked: User
) -> None:
    client = _browser()
    _sso(client, oidc_op)
    assert client.get(reverse("dashboard")).status_code == 200
    User.objects.filter(pk=linked.pk).update(is_active=False)
    assert client.get(reverse("dashboard"))["Location"].startswith(reverse("login"))


# --- A broken or hostile provider, a forged callback ------------------------------------


@pytest.mark.parametrize("misbehaviour", MISBEHAVIOURS)
def test_an_id_token_that_does_not_check_out_is_refused(
    oidc_op: OpenIDProvider, linked: User, misbehaviour: str
) -> None:
    oidc_op.misbehave = misbehaviour
    client = _browser()
    _assert_refused(_sso(client, oidc_op), client)


def test_a_forged_state_is_refused(oidc_op: OpenIDProvider, linked: User) -> None:
    client = _browser()
    back = _callback_path(_to_provider(client, oidc_op))
    forged = back.replace("state=", "state=forged")
    _assert_refused(client.get(forged), client)


def test_a_callback_used_twice_is_refused(oidc_op: OpenIDProvider, linked: User) -> None:
    client = _browser()
    back = _callback_path(_to_provider(client, oidc_op))
    assert client.get(back).status_code == 302
    again = client.get(back)
    assert again.status_code == 403 and NOT_CONFIRMED in again.content.decode()
    assert len(oidc_op.seen.token_requests) == 1  # the spent state stopped it in Monia


def test_a_callback_opened_in_another_browser_logs_nobody_in(
    oidc_op: OpenIDProvider, linked: User
) -> None:
    """Login CSRF: an attacker's code and state planted in a victim's browser."""
    back = _callback_path(_to_provider(_browser(), oidc_op))
    victim = _browser()
    _assert_refused(victim.get(back), victim)


def test_cancelling_at_the_provider_shows_the_failure_page(
    oidc_op: OpenIDProvider, linked: User
) -> None:
    client = _browser()
    at_provider = _to_provider(client, oidc_op)
    state = parse_qs(urlsplit(at_provider.headers["Location"]).query)["state"][0]
    response = client.get(
        reverse("oidc_authentication_callback"), {"error": "access_denied", "state": state}
    )
    _assert_refused(response, client)
    assert state not in client.session.get("oidc_states", {})


def test_an_unreachable_provider_gives_a_page_not_an_error(
    settings: Any, db: None, worker_a: User
) -> None:
    settings.MONIA_OIDC_ENABLED = True
    settings.MONIA_OIDC_ISSUER = "http://127.0.0.1:9/unreachable"
    settings.OIDC_TIMEOUT = 2
    response = _browser().get(reverse("oidc_authentication_init"))
    assert response.status_code == 503
    assert "could not be reached" in response.content.decode()


def test_the_failure_page_speaks_the_users_language(oidc_op: OpenIDProvider, world: World) -> None:
    client = Client(HTTP_ACCEPT_LANGUAGE="sv")
    response = _sso(client, oidc_op)
    assert response.status_code == 403
    assert '<html lang="sv">' in response.content.decode()
    assert "Inloggningen lyckades inte" in response.content.decode()


# --- The second factor stated by the provider --------------------------------------------


@pytest.mark.parametrize(
    ("amr", "acr", "trusted", "done"),
    [
        (["pwd", "otp"], None, True, True),
        (["mfa"], None, True, True),
        (["pwd"], None, True, False),
        (None, None, True, False),
        (["pwd"], "urn:county:loa:substantial", True, True),
        (["pwd", "otp"], None, False, False),  # MONIA_OIDC_TRUST_MFA off (the default)
    ],
)
def test_the_providers_multi_factor_login_counts_as_the_second_factor_when_trusted(
    oidc_op: OpenIDProvider,
    linked: User,
    settings: Any,
    amr: list[str] | None,
    acr: str | None,
    trusted: bool,
    done: bool,
) -> None:
    settings.MONIA_OIDC_TRUST_MFA = trusted
    settings.MONIA_OIDC_MFA_ACR = ["urn:county:loa:substantial"]
    oidc_op.amr, oidc_op.acr = amr, acr
    client = _browser()
    _sso(client, oidc_op)
    assert _user_of(client) == linked
    assert client.session.get(second_factor.SESSION_KEY) == ("sso" if done else None)


@pytest.mark.parametrize(
    ("amr", "expected"),
    [
        (["pwd", "otp"], True),
        (["pwd", "hwk"], True),
        (["pwd", "swk"], True),
        (["pwd", "sms"], True),
        (["pwd", "fpt"], True),
        (["sc", "pin"], True),  # a smart card and its PIN
        (["mfa"], True),
        (["pwd"], False),
        (["otp"], False),
        (["pwd", "pin"], False),  # two things known are one kind of factor
        ("mfa", True),
        ([1, 2], False),
        (None, False),
    ],
)
def test_amr_counts_as_multi_factor_only_with_two_kinds_of_factor(amr: Any, expected: bool) -> None:
    assert mfa_stated({"amr": amr}) is expected


# --- Logout, configuration ------------------------------------------------------------


def test_logging_out_ends_the_session_at_the_provider_too(
    oidc_op: OpenIDProvider, linked: User
) -> None:
    client = _browser()
    _sso(client, oidc_op)

    out = client.post(reverse("logout"))

    assert out.status_code == 302 and out["Location"].startswith(f"{oidc_op.url}/logout?")
    assert _user_of(client) is None
    back = requests.get(out["Location"], allow_redirects=False, timeout=10)
    assert back.headers["Location"] == "http://testserver/login/"
    sent = oidc_op.seen.logouts[0]
    assert sent["id_token_hint"] and sent["client_id"] == CLIENT_ID


def test_logging_out_without_an_end_session_endpoint_stays_in_monia(
    oidc_op: OpenIDProvider, linked: User
) -> None:
    oidc_op.end_session = False
    client = _browser()
    _sso(client, oidc_op)
    out = client.post(reverse("logout"))
    assert out.status_code == 302 and out["Location"] == reverse("login")
    assert _user_of(client) is None


def test_a_password_login_logs_out_in_monia_only(oidc_op: OpenIDProvider, linked: User) -> None:
    client = _browser()
    assert client.login(username="worker_a", password=PASSWORD)
    out = client.post(reverse("logout"))
    assert out["Location"] == reverse("login")
    assert oidc_op.seen.logouts == []


def test_the_login_page_offers_single_sign_on_with_the_providers_name(
    oidc_op: OpenIDProvider,
) -> None:
    page = _browser().get(reverse("login"), {"next": "/caseload/"}).content.decode()
    assert "Log in with Testikunnan tunnus" in page
    assert 'href="/oidc/authenticate/?next=%2Fcaseload%2F"' in page


@pytest.mark.parametrize("name", ["oidc_authentication_init", "oidc_authentication_callback"])
def test_single_sign_on_answers_404_while_disabled(name: str, settings: Any, db: None) -> None:
    settings.MONIA_OIDC_ENABLED = False
    assert Client().get(reverse(name)).status_code == 404
    assert "/oidc/" not in Client().get(reverse("login")).content.decode()


def test_endpoints_named_in_the_environment_need_no_discovery(settings: Any) -> None:
    settings.MONIA_OIDC_ISSUER = "https://idp.county.example/realm"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = "https://idp.county.example/auth"
    settings.OIDC_OP_TOKEN_ENDPOINT = "https://idp.county.example/token"
    settings.OIDC_OP_JWKS_ENDPOINT = "https://idp.county.example/jwks"
    found = oidc_provider.provider()  # no network: the address does not exist
    assert found.token_endpoint == "https://idp.county.example/token"
    assert found.end_session_endpoint == ""


def test_a_plain_http_endpoint_is_refused(settings: Any) -> None:
    settings.MONIA_OIDC_ISSUER = "https://idp.county.example/realm"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = "https://idp.county.example/auth"
    settings.OIDC_OP_TOKEN_ENDPOINT = "http://idp.county.example/token"
    settings.OIDC_OP_JWKS_ENDPOINT = "https://idp.county.example/jwks"
    with pytest.raises(oidc_provider.ProviderUnavailable):
        oidc_provider.provider()


def test_a_discovery_document_naming_another_issuer_is_refused(
    oidc_op: OpenIDProvider, settings: Any
) -> None:
    settings.MONIA_OIDC_ISSUER = oidc_op.url + "/realm/"  # not the issuer the document names
    with pytest.raises(oidc_provider.ProviderUnavailable):
        oidc_provider.provider()
