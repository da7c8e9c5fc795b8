"""The worker's day in real Chromium: the child found with the header's search by a
misspelt name, the case opened, a note of a meeting with the child written with a PDF
attached, saved, signed, in the chronology, the file downloaded — and the week four weeks
on shows the next meeting with the child the plan asks for. axe-core on every page.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from django.utils import timezone

from monia.attachments.models import Attachment
from monia.attachments.testing import PDF_BYTES
from monia.casework.models import ClientNote, ClientPlan, PlanStatus
from monia.conftest import CaseWorld
from monia.tests.browser.conftest import assert_accessible, staff_login


def test_a_worker_finds_the_child_records_a_meeting_with_a_file_and_the_calendar_moves_on(
    browser_page: Any, live_server: Any, case_a: CaseWorld, worker_a: Any
) -> None:
    page, base, case = browser_page, live_server.url, case_a.case
    # The plan (a meeting every four weeks) was approved ten weeks ago; the child was last
    # heard in person 35 days ago, so a meeting is overdue this morning.
    today = timezone.localdate()
    ClientPlan.objects.filter(case=case, status=PlanStatus.APPROVED).update(
        approved_on=today - datetime.timedelta(weeks=10)
    )
    staff_login(page, base, "worker_a")
    assert_accessible(page)
    page.fill("#header-q", "Esimerki")  # Aino Esimerkki, one k missing
    page.press("#header-q", "Enter")
    page.wait_for_url("**/search/?q=Esimerki")
    assert_accessible(page)
    found = page.locator("table.data tbody tr", has_text=case.child.full_name)
    found.get_by_role("link", name=case.child.full_name).click()
    page.wait_for_url(f"**/cases/{case.pk}/")
    assert_accessible(page)

    page.get_by_role("link", name="Kirjoita asiakaskertomusmerkintä").click()
    page.wait_for_url("**/notes/new/")
    page.get_by_role("link", name="Lapsen tapaaminen").click()
    page.wait_for_url("**/notes/new/?kind=child_meeting")
    assert page.is_checked("#id_child_took_part")
    assert_accessible(page)
    page.fill("#id_discussed", "Tapasimme Ainon kanssa toimistolla. Puhuimme koulusta.")
    page.fill("#id_child_view", "Aino sanoi, että koulussa on nyt kivaa.")
    page.set_input_files(
        "#id_attachment",
        {"name": "koulun-lausunto.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES},
    )
    page.get_by_role("button", name="Tallenna luonnos").click()
    page.wait_for_url(re.compile(r".*/notes/\d+/$"))
    note = ClientNote.objects.get()
    attachment = Attachment.objects.get(note=note)
    assert page.get_by_role("link", name="koulun-lausunto.pdf").is_visible()
    assert_accessible(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="koulun-lausunto.pdf").click()
    assert download.value.suggested_filename == "koulun-lausunto.pdf"
    assert attachment.sha256  # stored with the note in one go

    page.get_by_role("button", name="Allekirjoita merkintä").click()
    page.wait_for_load_state()
    note.refresh_from_db()
    assert note.signed
    assert page.get_by_role("link", name="koulun-lausunto.pdf").is_visible()
    page.get_by_role("link", name="Lue koko kronologia").first.click()
    page.wait_for_url("**/chronology/")
    line = page.locator("ol.chronology li", has_text="Asiakaskertomusmerkintä")
    assert line.get_by_role("link", name="Lapsen tapaaminen").is_visible()
    assert_accessible(page)

    # The plan asks for a meeting every four weeks: the next one is four weeks from today,
    # and nothing is missed any more.
    page.get_by_role("link", name="Viikkoni").first.click()
    page.wait_for_load_state()
    assert page.get_by_text("Jäi väliin").count() == 0
    assert_accessible(page)
    for _ in range(4):
        page.get_by_role("link", name="Seuraava viikko").click()
        page.wait_for_load_state()
    assert page.get_by_role("link", name=f"Tapaaminen: {case.child.full_name}").is_visible()
    assert page.get_by_text("Jäi väliin").count() == 0
    assert_accessible(page)
