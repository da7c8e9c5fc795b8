"""The worker's day in real Chromium: open a case, write a note of a phone call, save it,
sign it and see it in the chronology; then find it by a word in another form, amend it,
and print it — axe-core on every page, each new page reflowing at 320 px, in Finnish and
in Swedish."""

from __future__ import annotations

import datetime
import re
from typing import Any

from django.urls import reverse
from django.utils import timezone

from monia.casework.models import ClientNote, NoteAmendment
from monia.conftest import CaseWorld
from monia.tests.browser.conftest import assert_accessible, staff_login
from monia.tests.browser.test_plan_and_exceptions import _reflows_at_320


def test_open_a_case_write_a_note_sign_it_and_see_it_in_the_chronology(
    browser_page: Any, live_server: Any, case_a: CaseWorld, worker_a: Any
) -> None:
    page, base, case = browser_page, live_server.url, case_a.case
    staff_login(page, base, "worker_a")
    page.goto(base + reverse("case_detail", args=[case.pk]))
    assert_accessible(page)

    # Write: what is recorded first (a phone call), then the note itself.
    page.get_by_role("link", name="Kirjoita asiakaskertomusmerkintä").click()
    page.wait_for_url("**/notes/new/")
    assert_accessible(page)
    page.get_by_role("link", name="Puhelu").click()
    page.wait_for_url("**/notes/new/?kind=phone")
    assert page.get_by_role("heading", name="Puhelu").is_visible()
    assert page.get_by_text("Merkintä tapaamisesta tai yhteydenotosta").is_visible()
    assert page.input_value("#id_contact_method") == "phone"
    assert_accessible(page)
    _reflows_at_320(page)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    page.fill("#id_occurred_on", yesterday.isoformat())
    page.fill("#id_occurred_time", "09:30")
    page.fill("#id_participants", "Maija Esimerkki (huoltaja); sosiaalityöntekijä")
    page.fill("#id_discussed", "Äiti soitti poissaoloista koulussa. Aamut ovat vaikeita.")
    page.fill("#id_agreed", "Kotikäynti ensi viikolla.")
    page.get_by_role("button", name="Tallenna luonnos").click()
    page.wait_for_url(re.compile(r".*/notes/\d+/$"))
    note = ClientNote.objects.get()
    assert not note.signed
    assert page.get_by_text("Luonnos: ei allekirjoitettu").is_visible()
    assert_accessible(page)

    # Sign: the note is locked and its line is in the chronology, linked to it.
    page.get_by_role("button", name="Allekirjoita merkintä").click()
    page.wait_for_load_state()
    assert page.get_by_role("status").get_by_text("Merkintä allekirjoitettiin").is_visible()
    note.refresh_from_db()
    assert note.signed
    assert_accessible(page)
    page.get_by_role("link", name="Lue koko kronologia").first.click()
    page.wait_for_url("**/chronology/")
    line = page.locator("ol.chronology li", has_text="Asiakaskertomusmerkintä")
    assert line.get_by_role("link", name="Puhelu").is_visible()
    assert_accessible(page)
    line.get_by_role("link", name="Puhelu").click()
    page.wait_for_url(f"**/notes/{note.pk}/")

    # Find it again by a word in another form, the hit marked.
    page.goto(base + reverse("case_notes", args=[case.pk]))
    page.fill("#id_q", "koulu")
    page.get_by_role("search", name="Hae merkinnöistä").get_by_role("button", name="Hae").click()
    page.wait_for_load_state()
    assert page.locator("mark", has_text="koulussa").is_visible()
    assert_accessible(page)
    _reflows_at_320(page)

    # Amend it: the signed text stays, the amendment shows under it.
    page.locator("ol.notes").get_by_role("link", name="Puhelu").click()
    page.get_by_role("link", name="Lisää täydennys").click()
    assert_accessible(page)
    page.fill("#id_text", "Äiti soitti samana päivänä uudelleen.")
    page.fill("#id_reason", "Tieto tuli jälkikäteen.")
    page.get_by_role("button", name="Lisää täydennys merkintään").click()
    page.wait_for_url(f"**/notes/{note.pk}/")
    assert page.get_by_text("Äiti soitti samana päivänä uudelleen.").is_visible()
    assert NoteAmendment.objects.filter(note=note).count() == 1
    note.refresh_from_db()
    assert note.discussed.startswith("Äiti soitti poissaoloista")
    assert_accessible(page)
    _reflows_at_320(page)

    # On paper: the document with its secrecy marking and the day it was printed, no menus
    # or buttons; on screen the day of printing is not shown.
    printed = page.locator("dt", has_text="Tulostettu")
    assert not printed.is_visible()
    page.emulate_media(media="print")
    assert page.locator(".secrecy").first.is_visible() and printed.is_visible()
    assert not page.locator(".site-header").is_visible()
    assert not page.get_by_role("link", name="Lisää täydennys").is_visible()
    page.emulate_media(media="screen")

    # The same pages in Swedish.
    page.context.add_cookies([{"name": "django_language", "value": "sv", "url": base}])
    page.goto(base + reverse("case_notes", args=[case.pk]) + "?q=skola")
    assert page.get_by_role("heading", name="Klientjournal").is_visible()
    assert_accessible(page)
    _reflows_at_320(page)
    page.goto(base + reverse("note_detail", args=[case.pk, note.pk]))
    assert page.get_by_text("Anteckning om möte eller kontakt").is_visible()
    assert_accessible(page)
    page.goto(base + reverse("note_new", args=[case.pk]) + "?kind=information")
    assert page.get_by_text("Anteckning om begäran om eller tillgång").is_visible()
    assert_accessible(page)
    _reflows_at_320(page)
