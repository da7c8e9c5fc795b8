"""A note sent after the session's idle end is not lost, in real Chromium: the login page
says it is kept, and after logging in again (second factor included) the worker sees what
she wrote and sends it with one button (accounts/unsent.py); a young person's portal
message likewise. Finnish and Swedish, 320 px, axe."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.urls import reverse

from monia.casework.models import ClientNote
from monia.conftest import PASSWORD, CaseWorld, PortalWorld
from monia.tests.browser.conftest import (
    assert_accessible,
    pass_second_factor,
    portal_login,
    staff_login,
)
from monia.web.security import SessionTimeoutMiddleware

pytestmark = pytest.mark.django_db(transaction=True)

WIDTH = 320
WORDS = {
    "fi": ("Tallenna luonnos", "Istuntosi oli päättynyt", "Lähetä nyt"),
    "sv": ("Spara utkast", "Din session hade tagit slut", "Skicka nu"),
}
PORTAL_WORDS = {
    "fi": ("Sinut kirjattiin ulos, koska aikaa kului", "Lähetä nyt"),
    "sv": ("Du loggades ut eftersom det gick en stund", "Skicka nu"),
}


def _end_the_session(page: Any) -> None:
    """Thirty-one minutes without a request, as the server counts them."""
    cookie = next(c for c in page.context.cookies() if c["name"] == settings.SESSION_COOKIE_NAME)
    session = SessionStore(session_key=cookie["value"])
    session[SessionTimeoutMiddleware.SEEN] = int(time.time()) - 31 * 60
    session.save()


def _reads_at_320_px(page: Any, language: str) -> None:
    assert page.locator("html").get_attribute("lang") == language
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH, page.url
    assert_accessible(page)


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_a_note_saved_after_the_idle_end_is_sent_after_logging_in_again(
    browser_page: Any, live_server: Any, case_a: CaseWorld, worker_a: Any, language: str
) -> None:
    page, base, case = browser_page, live_server.url, case_a.case
    save, kept_notice, send_now = WORDS[language]
    page.set_viewport_size({"width": WIDTH, "height": 800})
    staff_login(page, base, "worker_a")
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": base}]
    )
    page.goto(base + reverse("note_new", args=[case.pk]) + "?kind=phone")
    page.fill("#id_occurred_on", "2026-01-05")
    page.fill("#id_participants", "Maija Esimerkki (huoltaja)")
    page.fill(
        "#id_discussed", "Äiti kertoi, että kotona on ollut rauhallisempaa.\nSovittiin uusi puhelu."
    )
    _end_the_session(page)
    page.get_by_role("button", name=save).click()
    page.wait_for_load_state()

    assert "/login/" in page.url and not ClientNote.objects.exists()
    assert kept_notice in page.inner_text("main")
    _reads_at_320_px(page, language)
    page.fill("#id_username", "worker_a")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit].primary")
    page.wait_for_load_state()
    pass_second_factor(page, "worker_a")

    assert page.url.endswith(reverse("unsent_resume"))
    assert "kotona on ollut rauhallisempaa." in page.inner_text("main")
    _reads_at_320_px(page, language)
    page.get_by_role("button", name=send_now).click()
    page.wait_for_url(re.compile(r".*/notes/\d+/$"))
    note = ClientNote.objects.get()
    assert note.discussed.replace("\r\n", "\n") == (
        "Äiti kertoi, että kotona on ollut rauhallisempaa.\nSovittiin uusi puhelu."
    )
    assert note.participants == "Maija Esimerkki (huoltaja)"


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_a_young_persons_message_sent_after_the_idle_end_is_offered_after_logging_in(
    browser_page: Any, live_server: Any, portal_world: PortalWorld, settings: Any, language: str
) -> None:
    from monia.dialogue.models import Message

    settings.MONIA_DEMO_IDENTIFICATION = True
    page, base = browser_page, live_server.url
    page.set_viewport_size({"width": WIDTH, "height": 800})
    portal_login(page, base, portal_world.young)
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": base}]
    )
    page.goto(base + reverse("portal_messages", args=[portal_world.young_case.pk]))
    page.fill("#id_body", "Voisitko soittaa huomenna koulun jälkeen?")
    _end_the_session(page)
    page.locator("main button[type=submit].primary").click()
    page.wait_for_load_state()

    assert page.url.startswith(base + reverse("portal_login")) and not Message.objects.exists()
    assert PORTAL_WORDS[language][0] in page.inner_text("main")
    _reads_at_320_px(page, language)
    page.goto(base + reverse("portal_demo_login"))
    page.fill("#id_identity_code", portal_world.young.identity_code)
    page.locator("main form button[type=submit].primary").first.click()
    page.wait_for_load_state()

    assert page.url == base + reverse("portal_unsent")
    assert "koulun jälkeen?" in page.inner_text("main")
    _reads_at_320_px(page, language)
    page.get_by_role("button", name=PORTAL_WORDS[language][1]).click()
    page.wait_for_load_state()
    assert Message.objects.get().body == "Voisitko soittaa huomenna koulun jälkeen?"
