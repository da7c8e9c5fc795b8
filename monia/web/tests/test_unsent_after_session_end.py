"""A form sent after the session had ended is kept, and the worker sends it after logging in
again (accounts/unsent.py): nothing typed is lost to the idle limit, and nobody else sees it."""

from __future__ import annotations

import re
import time
import uuid
from html import unescape
from typing import Any

import pytest
from django.contrib.auth.views import redirect_to_login
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client, RequestFactory
from django.urls import reverse

from monia.accounts import unsent
from monia.accounts.models import User
from monia.casework.models import ClientNote
from monia.conftest import PASSWORD, CaseWorld, login
from monia.web.security import SessionTimeoutMiddleware

pytestmark = pytest.mark.django_db

LONG_TEXT = (
    "Äiti soitti koulun poissaoloista ja kertoi, että Aino on ollut väsynyt.\n"
    "Sovittiin kotikäynti ensi viikolle."
)


def _note_url(cw: CaseWorld) -> str:
    return reverse("note_new", kwargs={"case_id": cw.case.pk}) + "?kind=phone"


def _phone_call() -> dict[str, Any]:
    return {
        "submission_key": str(uuid.uuid4()),
        "occurred_on": "2026-12-01",
        "occurred_time": "09:30",
        "contact_method": "phone",
        "participants": "Äiti Maija Esimerkki, sosiaalityöntekijä",
        "discussed": LONG_TEXT,
        "save": "1",
    }


def _idle(client: Client, minutes: int = 31) -> None:
    session = client.session
    session[SessionTimeoutMiddleware.SEEN] = int(time.time()) - minutes * 60
    session.save()


def _log_in_again(client: Client, username: str, next_url: str) -> Any:
    return client.post(
        reverse("login"), {"username": username, "password": PASSWORD, "next": next_url}
    )


def _hidden_fields(page: str) -> list[tuple[str, str]]:
    found = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page)
    return [(name, unescape(value)) for name, value in found if name != "csrfmiddlewaretoken"]


def test_a_note_sent_after_the_session_ended_is_kept_and_saved_once_after_logging_in(
    worker_a: User, case_a: CaseWorld
) -> None:
    client = login("worker_a")
    _idle(client)
    sent = client.post(_note_url(case_a), _phone_call())
    assert not ClientNote.objects.exists()
    resume = reverse("unsent_resume")
    assert sent.status_code == 302
    assert sent["Location"] == reverse("login") + "?next=" + resume.replace("/", "%2F")

    login_page = client.get(sent["Location"]).content.decode()
    assert "Istuntosi oli päättynyt" in login_page

    after = _log_in_again(client, "worker_a", resume)
    assert after.status_code == 302 and after["Location"] == resume
    page = client.get(resume).content.decode()
    assert "Aino on ollut väsynyt." in page
    assert f'action="{_note_url(case_a).replace("&", "&amp;")}"' in page
    fields = _hidden_fields(page)
    assert ("discussed", LONG_TEXT) in fields

    data: dict[str, list[str]] = {}
    for name, value in fields:
        data.setdefault(name, []).append(value)
    saved = client.post(_note_url(case_a), data)
    assert saved.status_code == 302
    note = ClientNote.objects.get()
    assert note.discussed.replace("\r\n", "\n") == LONG_TEXT
    # Sent: nothing is kept any more, and sending the same page again saves nothing twice.
    assert unsent.SESSION_KEY not in client.session
    client.post(_note_url(case_a), data)
    assert ClientNote.objects.count() == 1
    assert client.get(resume)["Location"] == reverse("dashboard")


def test_someone_else_logging_in_on_the_same_computer_never_sees_what_was_kept(
    worker_a: User, teammate_a: User, case_a: CaseWorld
) -> None:
    client = login("worker_a")
    _idle(client)
    client.post(_note_url(case_a), _phone_call())
    after = _log_in_again(client, "teammate_a", reverse("unsent_resume"))
    page = client.get(after["Location"], follow=True)
    assert "Aino on ollut väsynyt." not in page.content.decode()
    assert page.redirect_chain[-1][0] == reverse("dashboard")
    assert unsent.SESSION_KEY not in client.session


def test_what_was_kept_can_be_thrown_away(worker_a: User, case_a: CaseWorld) -> None:
    client = login("worker_a")
    _idle(client)
    client.post(_note_url(case_a), _phone_call())
    _log_in_again(client, "worker_a", reverse("unsent_resume"))
    thrown = client.post(reverse("unsent_resume"))
    assert thrown["Location"] == reverse("dashboard")
    assert unsent.SESSION_KEY not in client.session
    assert not ClientNote.objects.exists()


def test_what_was_kept_is_not_offered_after_an_hour(worker_a: User, case_a: CaseWorld) -> None:
    client = login("worker_a")
    _idle(client)
    client.post(_note_url(case_a), _phone_call())
    session = client.session
    session[unsent.SESSION_KEY]["at"] -= unsent.KEEP_SECONDS + 1
    session.save()
    assert "Istuntosi oli päättynyt" not in client.get(reverse("login")).content.decode()
    _log_in_again(client, "worker_a", reverse("unsent_resume"))
    assert client.get(reverse("unsent_resume"))["Location"] == reverse("dashboard")


def test_a_form_without_monias_csrf_token_is_not_kept(worker_a: User, case_a: CaseWorld) -> None:
    client = Client(enforce_csrf_checks=True)
    assert client.login(username="worker_a", password=PASSWORD)
    _idle(client)
    refused = client.post(_note_url(case_a), _phone_call())
    assert refused.status_code == 403
    assert unsent.SESSION_KEY not in client.session


def test_a_session_that_has_not_ended_keeps_nothing(worker_a: User, case_a: CaseWorld) -> None:
    client = login("worker_a")
    client.post(_note_url(case_a), _phone_call())
    assert ClientNote.objects.count() == 1
    assert unsent.SESSION_KEY not in client.session


def test_the_resume_page_is_in_swedish_for_a_swedish_reader(
    worker_a: User, case_a: CaseWorld
) -> None:
    client = login("worker_a", language="sv")
    _idle(client)
    client.post(_note_url(case_a), _phone_call())
    _log_in_again(client, "worker_a", reverse("unsent_resume"))
    client.post(reverse("set_language"), {"language": "sv", "next": "/"})
    page = client.get(reverse("unsent_resume")).content.decode()
    assert "Skicka det du skrev" in page and "Aino on ollut väsynyt." in page


def test_a_changed_login_address_still_keeps_the_form(
    worker_a: User, case_a: CaseWorld, settings: Any
) -> None:
    """The login's answer is known by its way back to this page, not by its address."""
    settings.LOGIN_URL = "/kirjautuminen/"
    client = login("worker_a")
    _idle(client)
    sent = client.post(_note_url(case_a), _phone_call())
    assert sent["Location"] == "/kirjautuminen/?next=" + reverse("unsent_resume").replace(
        "/", "%2F"
    )
    assert client.session[unsent.SESSION_KEY]["path"] == _note_url(case_a)
    assert not ClientNote.objects.exists()


def test_a_login_on_another_host_is_known_by_the_whole_way_back(
    worker_a: User, case_a: CaseWorld, settings: Any
) -> None:
    settings.LOGIN_URL = "https://sso.example.org/login?app=monia"
    client = login("worker_a")
    _idle(client)
    sent = client.post(_note_url(case_a), _phone_call())
    assert sent["Location"] == ("https://sso.example.org/login?app=monia&next=%2Flogin%2Funsent%2F")
    assert ("discussed", LONG_TEXT) in [
        tuple(field) for field in client.session[unsent.SESSION_KEY]["fields"]
    ]


def test_a_redirect_that_does_not_ask_to_log_in_keeps_nothing(worker_a: User) -> None:
    client = login("worker_a")
    _idle(client)
    answer = client.post(
        reverse("set_language"), {"language": "sv", "next": "/", "note": LONG_TEXT}
    )
    assert answer.status_code == 302 and answer["Location"] == "/"
    assert unsent.SESSION_KEY not in client.session


def test_a_views_own_login_address_is_known_by_its_way_back(worker_a: User) -> None:
    """A login that is neither LOGIN_URL nor the portal's (a view's own ``login_url``)."""
    request = RequestFactory().post("/kumppanit/lausunto/?id=7", {"text": LONG_TEXT})
    request.session = SessionStore()
    answer = redirect_to_login(request.get_full_path(), "/kumppanit/kirjaudu/")
    kept = unsent.keep(request, answer, worker_a)
    assert kept["Location"] == "/kumppanit/kirjaudu/?next=%2Flogin%2Funsent%2F"
    assert request.session[unsent.SESSION_KEY]["path"] == "/kumppanit/lausunto/?id=7"


def test_logging_out_after_the_session_ended_keeps_nothing(worker_a: User) -> None:
    """The logout's redirect goes to the login page too, but does not ask to come back."""
    client = login("worker_a")
    _idle(client)
    answer = client.post(reverse("logout"))
    assert answer["Location"] == reverse("login")
    assert unsent.SESSION_KEY not in client.session
    assert "Istuntosi oli päättynyt" not in client.get(reverse("login")).content.decode()
