"""Strong identification over SAML 2.0 end to end: Monia (the live server) as the service
provider, the local test IdP (saml_idp.py) in Suomi.fi's place, a `requests` session as
the browser."""

from __future__ import annotations

import base64
import datetime
import logging
import re
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin

import pytest
import requests
from django.conf import settings as django_settings
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from monia.accounts.models import User
from monia.conftest import World, child_create, days_ago, notification
from monia.people import hetu
from monia.portal.saml_config import RedactIdentityCodes
from monia.portal.tests.saml_idp import IdentityProvider

SAML_URLS = ["saml2_login", "saml2_acs", "saml2_logout", "saml2_ls", "saml2_ls_post"]
SAML_URLS += ["saml2_metadata"]


def _synthetic(number: int, years: int = 40) -> str:
    return hetu.make_synthetic(timezone.localdate() - datetime.timedelta(days=365 * years), number)


@pytest.fixture
def young_person(world: World, worker_a: User) -> str:
    """A 14-year-old with an open case: a client of the portal. Returns the identity code."""
    child = child_create(world.county_a, first="Aino", years=14, number=931)
    notification(worker_a, child, world.team_a1, at=days_ago(3))
    return child.identity_code


class _Form(HTMLParser):
    """The first form of a page: its action and its inputs' values."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.action: str | None = None
        self.fields: dict[str, str] = {}
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "form" and self.action is None:
            self.action = a.get("action") or ""
        elif tag == "input" and a.get("name"):
            self.fields[a["name"] or ""] = a.get("value") or ""


def _browser() -> requests.Session:
    browser = requests.Session()
    browser.headers["Accept-Language"] = "en"
    return browser


def _to_acs(
    browser: requests.Session, live_server: Any, idp: IdentityProvider, identity_code: str
) -> _Form:
    """Start at Monia, identify at the IdP; returns the IdP's auto-posting form."""
    login_page = browser.get(f"{live_server.url}/saml2/login/", timeout=10)
    assert login_page.status_code == 200 and login_page.url.startswith(idp.url)
    assert "not real identification" in login_page.text
    form = _Form(login_page.text)
    form.fields.update(identity_code=identity_code, given_name="Ainoliina", last_name="Testi")
    assert form.action
    answer = browser.post(urljoin(login_page.url, form.action), data=form.fields, timeout=10)
    assert answer.status_code == 200, answer.text
    back = _Form(answer.text)
    assert back.action == f"{live_server.url}/saml2/acs/"
    assert '<button type="submit">' in answer.text  # works without JavaScript
    return back


def _identify(
    browser: requests.Session, live_server: Any, idp: IdentityProvider, identity_code: str
) -> requests.Response:
    back = _to_acs(browser, live_server, idp, identity_code)
    assert back.action
    return browser.post(back.action, data=back.fields, timeout=10)


def _logged_in_user(browser: requests.Session) -> User | None:
    key = browser.cookies.get(django_settings.SESSION_COOKIE_NAME)
    user_id = SessionStore(session_key=key).get("_auth_user_id") if key else None
    return User.objects.filter(pk=user_id).first() if user_id else None


def _assert_landed_on_portal_home(response: requests.Response, live_server: Any) -> None:
    """The ACS redirects to portal_home (which may go on to the client's only matter)."""
    acs = response.history[0]
    assert acs.url == f"{live_server.url}/saml2/acs/"
    assert acs.status_code == 302 and acs.headers["Location"] == reverse("portal_home")
    assert response.status_code == 200
    assert response.url.startswith(f"{live_server.url}{reverse('portal_home')}")


def _assert_refused(response: requests.Response, browser: requests.Session) -> None:
    assert response.status_code == 403
    assert "Logging in did not work" in response.text
    assert _logged_in_user(browser) is None
    assert not User.objects.filter(role="client").exists()


def test_identified_client_lands_on_the_portal_home(
    saml_idp: IdentityProvider, live_server: Any, young_person: str
) -> None:
    browser = _browser()
    response = _identify(browser, live_server, saml_idp, young_person)

    _assert_landed_on_portal_home(response, live_server)
    user = _logged_in_user(browser)
    assert user is not None and user.role == "client"
    assert user.first_name == "Ainoliina"  # the name the IdP asserted
    assert user.client_account.last_method == "saml"


def test_unknown_identity_code_is_refused(
    saml_idp: IdentityProvider, live_server: Any, young_person: str
) -> None:
    browser = _browser()
    response = _identify(browser, live_server, saml_idp, _synthetic(977))

    _assert_refused(response, browser)
    assert "nothing for you to see" in response.text
    portal = browser.get(f"{live_server.url}{reverse('portal_home')}", timeout=10)
    assert portal.url != f"{live_server.url}{reverse('portal_home')}"


@pytest.mark.parametrize("identity_code", ["", "010101-123X", "not a code"])
def test_assertion_without_a_valid_identity_code_is_refused(
    saml_idp: IdentityProvider, live_server: Any, young_person: str, identity_code: str
) -> None:
    browser = _browser()
    response = _identify(browser, live_server, saml_idp, identity_code)

    _assert_refused(response, browser)
    assert "could not confirm your identification" in response.text


def test_tampered_response_is_refused(
    saml_idp: IdentityProvider, live_server: Any, young_person: str
) -> None:
    """Someone identifies as themselves and swaps in the young person's code."""
    saml_idp.tamper_identity_code = young_person
    browser = _browser()
    response = _identify(browser, live_server, saml_idp, _synthetic(978))

    _assert_refused(response, browser)
    assert "could not confirm your identification" in response.text


def test_unsigned_response_is_refused(
    saml_idp: IdentityProvider, live_server: Any, young_person: str
) -> None:
    saml_idp.sign = False
    browser = _browser()
    response = _identify(browser, live_server, saml_idp, young_person)

    _assert_refused(response, browser)
    assert "could not confirm your identification" in response.text


def test_response_replayed_in_another_session_is_refused(
    saml_idp: IdentityProvider, live_server: Any, young_person: str
) -> None:
    back = _to_acs(_browser(), live_server, saml_idp, young_person)
    assert back.action
    thief = _browser()
    _assert_refused(thief.post(back.action, data=back.fields, timeout=10), thief)


def test_encrypted_assertion_is_accepted(
    saml_idp: IdentityProvider, live_server: Any, young_person: str
) -> None:
    """Suomi.fi encrypts the assertion with the certificate in Monia's metadata."""
    saml_idp.encrypt = True
    browser = _browser()
    back = _to_acs(browser, live_server, saml_idp, young_person)
    saml_response = base64.b64decode(back.fields["SAMLResponse"]).decode()
    assert "EncryptedAssertion" in saml_response and young_person not in saml_response
    assert back.action
    response = browser.post(back.action, data=back.fields, timeout=10)

    _assert_landed_on_portal_home(response, live_server)


def test_level_of_assurance_below_the_configured_one_is_refused(
    saml_idp: IdentityProvider, live_server: Any, young_person: str, settings: Any
) -> None:
    settings.SAML_CONFIG["service"]["sp"]["requested_authn_context"] = {
        "authn_context_class_ref": ["http://ftn.ficora.fi/2017/loa3"],
        "comparison": "exact",
    }
    saml_idp.authn_context = "http://ftn.ficora.fi/2017/loa2"
    browser = _browser()
    response = _identify(browser, live_server, saml_idp, young_person)

    _assert_refused(response, browser)
    assert "could not confirm your identification" in response.text


def test_metadata_names_the_endpoints_and_signing(
    saml_idp: IdentityProvider, live_server: Any
) -> None:
    response = requests.get(f"{live_server.url}{reverse('saml2_metadata')}", timeout=10)

    assert response.status_code == 200
    assert f'entityID="{live_server.url}/saml2/metadata/"' in response.text
    assert f'Location="{live_server.url}/saml2/acs/"' in response.text
    assert 'AuthnRequestsSigned="true"' in response.text
    assert 'WantAssertionsSigned="true"' in response.text


@pytest.mark.parametrize("name", SAML_URLS)
def test_saml_answers_404_while_disabled(name: str, settings: Any, db: None) -> None:
    settings.MONIA_SAML_ENABLED = False
    assert Client().get(reverse(name)).status_code == 404
    assert Client().post(reverse(name)).status_code == 404


def test_identity_codes_are_redacted_from_saml_logs() -> None:
    code = _synthetic(979)
    record = logging.LogRecord("saml2", logging.ERROR, __file__, 1, "Failed on %s", (code,), None)

    RedactIdentityCodes().filter(record)

    assert code not in record.getMessage() and "[identity code]" in record.getMessage()


def test_logging_out_ends_the_session_at_the_identity_provider_too(
    saml_idp: IdentityProvider, live_server: Any, young_person: str
) -> None:
    browser = _browser()
    _identify(browser, live_server, saml_idp, young_person)
    assert _logged_in_user(browser) is not None
    page = browser.get(f"{live_server.url}{reverse('portal_home')}", timeout=10)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    assert token is not None
    out = browser.post(
        f"{live_server.url}/portal/logout/",
        data={"csrfmiddlewaretoken": token.group(1)},
        headers={"Referer": page.url},
        timeout=10,
    )
    hops = [r.url for r in out.history]
    assert any(u.startswith(f"{saml_idp.url}/slo/redirect") for u in hops), hops
    assert any(u.startswith(f"{live_server.url}/saml2/ls/") for u in hops), hops
    assert out.url == f"{live_server.url}{reverse('portal_login')}"
    assert saml_idp.logged_out, "the IdP got no LogoutRequest"
    assert _logged_in_user(browser) is None
