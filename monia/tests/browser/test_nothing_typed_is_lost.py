"""Nothing typed is lost by leaving a page or by the session's idle end, in real Chromium:
a half-written note asks before a link takes the worker away, and sending it asks
nothing (web/static/web/unsaved.js); typing keeps the session alive, and the idle warning
does not take the focus from the text being written (web/static/web/session-timeout.js)."""

from __future__ import annotations

import re
from typing import Any

from django.urls import reverse

from monia.conftest import CaseWorld
from monia.tests.browser.conftest import staff_login


def _dialogs(page: Any) -> list[str]:
    """The dialogs the page opens, each answered "stay on the page"."""
    seen: list[str] = []

    def answer(dialog: Any) -> None:
        seen.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", answer)
    return seen


def test_leaving_a_half_written_note_asks_first_and_sending_it_does_not(
    browser_page: Any, live_server: Any, case_a: CaseWorld, worker_a: Any
) -> None:
    page, base, case = browser_page, live_server.url, case_a.case
    staff_login(page, base, "worker_a")
    new = base + reverse("note_new", args=[case.pk]) + "?kind=phone"
    page.goto(new)
    dialogs = _dialogs(page)
    # Nothing typed yet: the menu's link just goes.
    page.get_by_role("navigation", name="Päävalikko").get_by_role("link", name="Työpöytä").click()
    page.wait_for_url(base + "/")
    assert dialogs == []

    page.goto(new)
    page.locator("#id_discussed").press_sequentially("Äiti soitti poissaoloista.")
    page.get_by_role("navigation", name="Päävalikko").get_by_role("link", name="Työpöytä").click()
    page.wait_for_timeout(300)
    assert dialogs == ["beforeunload"]
    assert page.url == new and page.input_value("#id_discussed") == "Äiti soitti poissaoloista."

    page.fill("#id_occurred_on", "2026-01-05")
    page.fill("#id_participants", "Maija Esimerkki (huoltaja)")
    page.get_by_role("button", name="Tallenna luonnos").click()
    page.wait_for_url(re.compile(r".*/notes/\d+/$"))
    assert dialogs == ["beforeunload"]


def test_typing_keeps_the_session_alive_and_the_warning_leaves_the_text_its_focus(
    browser_page: Any, live_server: Any, case_a: CaseWorld, worker_a: Any
) -> None:
    page, base, case = browser_page, live_server.url, case_a.case
    page.clock.install()
    staff_login(page, base, "worker_a")
    page.goto(base + reverse("note_new", args=[case.pk]) + "?kind=phone")
    text = page.locator("#id_discussed")
    text.press_sequentially("Kotikäynti")
    # Two minutes on, the next keys tell the server she is there (no client data read).
    page.clock.fast_forward("02:00")
    with page.expect_request(lambda request: request.url.endswith("/healthz")):
        text.press_sequentially(" sovittiin")
    # Idle until five minutes before the end: the warning shows, the text keeps the focus.
    page.clock.fast_forward("25:30")
    assert page.locator("#session-warning").is_visible()
    assert page.evaluate("document.activeElement.id") == "id_discussed"
    assert text.input_value() == "Kotikäynti sovittiin"
