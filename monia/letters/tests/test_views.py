"""The letters pages: preview in the recipient's language, the PDF, marking sent (the
snapshot and the chronology row, once), the sent letter shown again, and 404 to others."""

from __future__ import annotations

import io
import uuid
from typing import Any

import pytest
from django.urls import reverse
from pypdf import PdfReader

from monia.access.models import AccessLog
from monia.casework.models import ChronologyEvent, EventKind
from monia.conftest import login
from monia.letters.models import Letter
from monia.letters.snapshot import document_from_json
from monia.letters.tests.conftest import MAIJA_ADDRESS, LetterFamily, protect

pytestmark = pytest.mark.django_db


def _form(family: LetterFamily, **extra: Any) -> dict[str, Any]:
    data = {
        "kind": "notification_received",
        "recipient": family.maija.pk,
        "language": "",
        "intake": family.cw.pending_intake.pk,
    }
    data.update(extra)
    return data


def _sent(family: LetterFamily, key: uuid.UUID, **extra: Any) -> dict[str, Any]:
    return _form(family, **{"channel": "post", "sent_on": "", "submission_key": str(key), **extra})


def test_the_case_page_links_the_letters(family: LetterFamily, worker_a: Any) -> None:
    page = login("worker_a").get(reverse("case_detail", args=[family.case.pk]))
    assert reverse("case_letters", args=[family.case.pk]).encode() in page.content


def test_the_forms_choices_give_dates_as_every_page_does(
    family: LetterFamily, worker_a: Any
) -> None:
    """The notification and the meeting to write about are dated d.m.yyyy like the rest of
    Monia (the choices said 05.03.2026)."""
    import datetime

    from django.utils import timezone

    from monia.casework.models import Intake
    from monia.netmeet.models import NetworkMeeting

    at = timezone.make_aware(datetime.datetime(2026, 3, 5, 9, 30))
    Intake.objects.filter(pk=family.cw.pending_intake.pk).update(received_at=at)
    NetworkMeeting.objects.filter(pk=family.meeting.pk).update(held_at=at)
    html = login("worker_a", "sv").get(reverse("case_letters", args=[family.case.pk]))
    text = html.content.decode()
    assert "Barnskyddsanmälan (BSL 25 §) 5.3.2026<" in text
    assert "5.3.2026 09:30" in text  # the planned meeting, for an invitation
    assert "05.03.2026" not in text


def test_the_preview_shows_the_letter_in_the_recipients_language(
    family: LetterFamily, worker_a: Any
) -> None:
    client = login("worker_a")
    url = reverse("letter_preview", args=[family.case.pk])
    finnish = client.post(url, _form(family)).content.decode()
    swedish = client.post(url, _form(family, recipient=family.erik.pk)).content.decode()
    assert "Saimme lastensuojeluilmoituksen" in finnish and MAIJA_ADDRESS in finnish
    assert "Vi har fått en barnskyddsanmälan" in swedish and MAIJA_ADDRESS not in swedish
    assert not Letter.objects.exists()
    assert AccessLog.objects.filter(purpose="letter_preview", case=family.case).count() == 2


def test_a_letter_missing_its_input_keeps_the_form_and_says_what_is_missing(
    family: LetterFamily, worker_a: Any
) -> None:
    response = login("worker_a").post(
        reverse("letter_preview", args=[family.case.pk]),
        _form(family, kind="meeting", place="Virasto", topics="Suunnitelma"),
    )
    text = response.content.decode()
    assert response.status_code == 200 and "error-summary" in text
    assert 'value="Virasto"' in text and "Suunnitelma" in text


def test_the_pdf_download_is_the_letter(family: LetterFamily, worker_a: Any) -> None:
    response = login("worker_a").post(
        reverse("letter_pdf", args=[family.case.pk]), _form(family, recipient=family.erik.pk)
    )
    assert response["Content-Type"] == "application/pdf"
    assert "Aino" not in response["Content-Disposition"]
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Vi har fått en barnskyddsanmälan" in text and "Sekretessbelagd" in text


def test_mark_as_sent_keeps_the_words_and_writes_the_chronology_once(
    family: LetterFamily, worker_a: Any
) -> None:
    client = login("worker_a")
    url = reverse("letter_send", args=[family.case.pk])
    key = uuid.uuid4()
    data = _sent(family, key)
    data["sent_on"] = "2026-01-01"
    first = client.post(url, data)
    again = client.post(url, data)
    assert first.status_code == 302 and again.status_code == 302
    letter = Letter.objects.get()
    assert letter.recipient == family.maija and letter.language == "fi"
    assert letter.created_by == worker_a and letter.channel == "post"
    document = document_from_json(letter.content)
    assert document.title == "Saimme lastensuojeluilmoituksen"
    assert MAIJA_ADDRESS in document.recipient
    events = ChronologyEvent.objects.filter(case=family.case, kind=EventKind.LETTER_SENT)
    assert [e.detail for e in events] == ["Saimme lastensuojeluilmoituksen: Maija Esimerkki"]
    # Shown again exactly as sent, even after the address changes.
    protect(family.maija)
    page = client.get(reverse("letter_detail", args=[family.case.pk, letter.pk]))
    assert MAIJA_ADDRESS in page.content.decode()
    listing = client.get(reverse("case_letters", args=[family.case.pk])).content.decode()
    assert "Saimme lastensuojeluilmoituksen" in listing
    pdf = client.get(reverse("letter_detail_pdf", args=[family.case.pk, letter.pk]))
    assert "Saimme" in PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()


def test_the_same_letter_previewed_and_marked_sent_again_is_kept_once(
    family: LetterFamily, worker_a: Any
) -> None:
    """Going "Back" after marking a letter sent lands on the preview, the answer to a POST: the
    browser sends it again and the preview carries a new form key (so does going back to
    the letters page and previewing again). The same letter marked sent again is the one
    kept already, answered as sent; another recipient's letter is a letter of its own."""
    client = login("worker_a")
    url = reverse("letter_send", args=[family.case.pk])
    first = client.post(url, _sent(family, uuid.uuid4(), sent_on="2026-01-01"))
    again = client.post(url, _sent(family, uuid.uuid4(), sent_on="2026-01-01"), follow=True)
    assert first.status_code == 302
    assert "Kirje merkittiin lähetetyksi." in again.content.decode()
    assert Letter.objects.get().recipient == family.maija
    events = ChronologyEvent.objects.filter(case=family.case, kind=EventKind.LETTER_SENT)
    assert events.count() == 1
    to_erik = _sent(family, uuid.uuid4(), sent_on="2026-01-01", recipient=family.erik.pk)
    assert client.post(url, to_erik).status_code == 302
    assert Letter.objects.filter(case=family.case).count() == 2 and events.count() == 2


def test_a_future_sending_date_saves_nothing(family: LetterFamily, worker_a: Any) -> None:
    data = _sent(family, uuid.uuid4())
    data["sent_on"] = "2100-01-01"
    response = login("worker_a").post(reverse("letter_send", args=[family.case.pk]), data)
    assert response.status_code == 200 and "error-summary" in response.content.decode()
    assert not Letter.objects.exists()
    assert not ChronologyEvent.objects.filter(kind=EventKind.LETTER_SENT).exists()


def test_another_workers_form_key_is_refused(
    family: LetterFamily, worker_a: Any, teammate_a: Any
) -> None:
    """A form session's key belongs to whoever first sent it: a teammate sending it is
    told so and keeps no letter of their own, nor sees the first one as theirs."""
    data = _sent(family, uuid.uuid4())
    data["sent_on"] = "2026-01-01"
    url = reverse("letter_send", args=[family.case.pk])
    assert login("worker_a").post(url, data).status_code == 302
    response = login("teammate_a", "en").post(url, data)
    assert response.status_code == 200
    assert "This form was sent already. Open a new form." in response.content.decode()
    assert Letter.objects.get().created_by == worker_a


def test_someone_outside_the_family_is_not_a_recipient(family: LetterFamily, worker_a: Any) -> None:
    data = _sent(family, uuid.uuid4(), recipient=family.cw.case.child.pk)  # Aino is 9
    data["sent_on"] = "2026-01-01"
    response = login("worker_a").post(reverse("letter_send", args=[family.case.pk]), data)
    assert response.status_code == 200 and not Letter.objects.exists()


def test_the_coordinator_reads_the_letters_but_writes_none(
    family: LetterFamily, worker_a: Any, coordinator_a: Any
) -> None:
    client = login("coordinator_a")
    page = client.get(reverse("case_letters", args=[family.case.pk]))
    assert page.status_code == 200
    assert reverse("letter_preview", args=[family.case.pk]).encode() not in page.content
    response = client.post(reverse("letter_preview", args=[family.case.pk]), _form(family))
    assert response.status_code == 404


@pytest.mark.parametrize("persona", ["other_team", "other_county", "partner", "admin"])
def test_others_get_404_on_every_page(
    family: LetterFamily, worker_a: Any, persona: str, request: Any
) -> None:
    request.getfixturevalue(persona)
    key = uuid.uuid4()
    data = _sent(family, key)
    data["sent_on"] = "2026-01-01"
    login("worker_a").post(reverse("letter_send", args=[family.case.pk]), data)
    letter = Letter.objects.get()
    client, case = login(persona), family.case.pk
    for name in ("case_letters",):
        assert client.get(reverse(name, args=[case])).status_code == 404
    for name in ("letter_detail", "letter_detail_pdf"):
        assert client.get(reverse(name, args=[case, letter.pk])).status_code == 404
    for name in ("letter_preview", "letter_pdf", "letter_send"):
        assert (
            client.post(reverse(name, args=[case]), _sent(family, uuid.uuid4())).status_code == 404
        )
    assert Letter.objects.count() == 1
