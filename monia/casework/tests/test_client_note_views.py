"""The client notes' pages: write, sign, amend, read, search — each read logged, each
form keeping what was typed, a doubled form saving once, a draft its author's alone."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import given

from monia.access.models import AccessLog
from monia.accounts.models import User
from monia.casework import note_services
from monia.casework.models import ChronologyEvent, ClientNote, EventKind, NoteAmendment, NoteType
from monia.casework.tests.test_client_notes import signed, write
from monia.conftest import CaseWorld, login
from monia.tests.test_hostile_forms import HOSTILE, HOSTILE_TEXT, _known, assert_survives

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def _url(name: str, cw: CaseWorld, note: ClientNote | None = None) -> str:
    kwargs: dict[str, Any] = {"case_id": cw.case.pk}
    if note is not None:
        kwargs["note_id"] = note.pk
    return reverse(name, kwargs=kwargs)


def _phone_call(**extra: Any) -> dict[str, Any]:
    data = {
        "submission_key": str(uuid.uuid4()),
        "occurred_on": (TODAY() - datetime.timedelta(days=1)).isoformat(),
        "occurred_time": "09:30",
        "contact_method": "phone",
        "participants": "Äiti Maija Esimerkki, sosiaalityöntekijä",
        "discussed": "Äiti soitti koulun poissaoloista.",
        "save": "1",
    }
    data.update(extra)
    return data


def test_a_worker_writes_signs_and_finds_a_phone_call_in_the_chronology(
    worker_a: User, case_a: CaseWorld
) -> None:
    client = login("worker_a")
    notes = client.get(_url("case_notes", case_a)).content.decode()
    assert _url("note_new", case_a) + "?kind=phone" in notes
    form = client.get(_url("note_new", case_a) + "?kind=phone")
    assert form.status_code == 200 and form.context["form"].initial["contact_method"] == "phone"
    response = client.post(_url("note_new", case_a) + "?kind=phone", _phone_call())
    note = ClientNote.objects.get()
    assert response.status_code == 302 and response["Location"] == _url("note_detail", case_a, note)
    assert not note.signed and note.occurred_time == datetime.time(9, 30)
    page = client.get(response["Location"]).content.decode()
    assert "Äiti soitti koulun poissaoloista." in page and _url("note_sign", case_a, note) in page
    response = client.post(_url("note_sign", case_a, note), {"lock_version": note.lock_version})
    assert response.status_code == 302
    note.refresh_from_db()
    assert note.signed
    chronology = client.get(_url("case_chronology", case_a)).content.decode()
    assert _url("note_detail", case_a, note) in chronology


def test_a_form_sent_twice_saves_one_note_and_says_so(worker_a: User, case_a: CaseWorld) -> None:
    client = login("worker_a")
    data = _phone_call()
    url = _url("note_new", case_a) + "?kind=phone"
    client.post(url, data)
    again = client.post(url, data, follow=True)
    assert ClientNote.objects.count() == 1
    assert [str(m) for m in again.context["messages"]][-1] == (
        "Merkintä oli jo tallennettu: lomake lähetettiin kahdesti. "
        "Mitään ei tallennettu kahteen kertaan."
    )


def test_a_wrong_date_keeps_the_text_typed_and_saves_nothing(
    worker_a: User, case_a: CaseWorld
) -> None:
    tomorrow = (TODAY() + datetime.timedelta(days=1)).isoformat()
    response = login("worker_a").post(
        _url("note_new", case_a) + "?kind=phone", _phone_call(occurred_on=tomorrow)
    )
    assert response.status_code == 200
    assert "occurred_on" in response.context["form"].errors
    assert "Äiti soitti koulun poissaoloista." in response.content.decode()
    assert not ClientNote.objects.exists()


def test_a_draft_is_its_authors_alone(
    worker_a: User, teammate_a: User, senior_a: User, case_a: CaseWorld
) -> None:
    note = write(worker_a, case_a)
    for persona in ("teammate_a", "senior_a"):
        client = login(persona)
        assert client.get(_url("note_detail", case_a, note)).status_code == 404
        assert client.get(_url("note_edit", case_a, note)).status_code == 404
        assert client.post(_url("note_sign", case_a, note), {"lock_version": 1}).status_code == 404
        assert client.get(_url("note_amend", case_a, note)).status_code == 404
    author = login("worker_a")
    assert author.get(_url("note_edit", case_a, note)).status_code == 200
    note.refresh_from_db()
    assert not note.signed


def test_a_signed_note_is_read_by_the_team_and_amended_by_those_who_record(
    worker_a: User, teammate_a: User, coordinator_a: User, other_team: User, case_a: CaseWorld
) -> None:
    note = signed(worker_a, case_a)
    assert login("coordinator_a").get(_url("note_detail", case_a, note)).status_code == 200
    assert login("coordinator_a").get(_url("note_amend", case_a, note)).status_code == 404
    assert login("other_team").get(_url("note_detail", case_a, note)).status_code == 404
    teammate = login("teammate_a")
    data = {"text": "Isä soitti myöhemmin.", "reason": "Tieto tuli jälkikäteen"}
    data["submission_key"] = str(uuid.uuid4())
    assert teammate.post(_url("note_amend", case_a, note), data).status_code == 302
    again = teammate.post(_url("note_amend", case_a, note), data, follow=True)
    assert NoteAmendment.objects.count() == 1
    assert "lomake lähetettiin kahdesti" in again.content.decode()
    page = teammate.get(_url("note_detail", case_a, note)).content.decode()
    assert "Isä soitti myöhemmin." in page and "Tieto tuli jälkikäteen" in page


def test_a_signed_note_opens_to_read_not_to_edit(worker_a: User, case_a: CaseWorld) -> None:
    note = signed(worker_a, case_a)
    client = login("worker_a")
    response = client.get(_url("note_edit", case_a, note))
    assert response.status_code == 302 and response["Location"] == _url("note_detail", case_a, note)
    response = client.post(_url("note_edit", case_a, note), _phone_call(lock_version=2))
    note.refresh_from_db()
    assert note.discussed.startswith("Äiti kertoi")
    again = client.post(_url("note_sign", case_a, note), {"lock_version": 1}, follow=True)
    assert "on jo allekirjoitettu" in again.content.decode()
    assert ChronologyEvent.objects.filter(kind=EventKind.CLIENT_NOTE).count() == 1


def test_signing_an_incomplete_note_shows_what_is_missing(
    worker_a: User, case_a: CaseWorld
) -> None:
    note = write(worker_a, case_a, child_took_part=True)
    response = login("worker_a").post(
        _url("note_sign", case_a, note), {"lock_version": note.lock_version}
    )
    html = response.content.decode()
    assert response.status_code == 200 and "child_view" in response.context["form"].errors
    assert 'href="#id_child_view"' in html and "Äiti kertoi" in html
    note.refresh_from_db()
    assert not note.signed


def test_save_and_sign_with_something_missing_keeps_the_draft_saved(
    worker_a: User, case_a: CaseWorld
) -> None:
    note = write(worker_a, case_a)
    client = login("worker_a")
    data = _phone_call(lock_version=note.lock_version, child_took_part="on", sign="1")
    response = client.post(_url("note_edit", case_a, note), data)
    assert response.status_code == 200 and response.context["not_signed"]
    note.refresh_from_db()
    assert note.child_took_part and not note.signed
    # The form goes on from the saved draft: the next "Save and sign" is not stale.
    data.update(child_view="Haluan, että äiti jaksaa.", lock_version=note.lock_version)
    assert client.post(_url("note_edit", case_a, note), data).status_code == 302
    note.refresh_from_db()
    assert note.signed and note.child_view == "Haluan, että äiti jaksaa."


def test_a_stale_draft_keeps_the_text_typed(worker_a: User, case_a: CaseWorld) -> None:
    note = write(worker_a, case_a)
    opened = note.lock_version
    note_services.note_update(user=worker_a, note=note, data={"place": "x"}, lock_version=opened)
    response = login("worker_a").post(
        _url("note_edit", case_a, note), _phone_call(lock_version=opened, discussed="Uusi teksti")
    )
    assert response.status_code == 200 and "Uusi teksti" in response.content.decode()
    assert "tallennettu toisessa ikkunassa" in response.content.decode()
    note.refresh_from_db()
    assert note.discussed.startswith("Äiti kertoi")


def test_every_read_of_the_notes_is_logged(
    worker_a: User, teammate_a: User, case_a: CaseWorld
) -> None:
    note = signed(worker_a, case_a)
    client = login("teammate_a")
    client.get(_url("case_notes", case_a), {"q": "koulu"})
    client.get(_url("note_detail", case_a, note))
    purposes = AccessLog.objects.filter(user=teammate_a, case=case_a.case).values_list(
        "purpose", flat=True
    )
    assert sorted(purposes) == ["client_note", "client_notes"]


def test_the_search_page_marks_the_hits(worker_a: User, case_a: CaseWorld) -> None:
    signed(worker_a, case_a, discussed="Poissaoloista koulussa puhuttiin.")
    signed(worker_a, case_a, discussed="Harrastukset.")
    html = login("worker_a").get(_url("case_notes", case_a), {"q": "koulu"}).content.decode()
    assert "<mark>koulussa</mark>" in html and "Harrastukset." not in html
    assert "1 merkintä löytyi" in html


def test_a_search_term_that_cannot_be_searched_gets_a_message(
    worker_a: User, case_a: CaseWorld
) -> None:
    response = login("worker_a").get(_url("case_notes", case_a), {"q": "ko\x00ulu", "type": "x"})
    assert response.status_code == 200
    assert {"q", "type"} <= set(response.context["form"].errors)


def test_the_notes_list_reads_a_fixed_number_of_queries(
    worker_a: User, case_a: CaseWorld, django_assert_max_num_queries: Any
) -> None:
    def count(client: Client, query: dict[str, str]) -> int:
        with django_assert_max_num_queries(30) as captured:
            assert client.get(_url("case_notes", case_a), query).status_code == 200
        return len(captured.captured_queries)

    client = login("worker_a")
    note = signed(worker_a, case_a)
    note_services.note_amend(user=worker_a, note=note, text="koulu", reason="r")
    small = [count(client, {}), count(client, {"q": "koulu"})]
    for i in range(8):
        amended = signed(worker_a, case_a, discussed=f"Koulu {i}")
        note_services.note_amend(user=worker_a, note=amended, text="koulu", reason="r")
        write(worker_a, case_a, discussed=f"Luonnos {i}")
    assert [count(client, {}), count(client, {"q": "koulu"})] == small


def test_a_closed_case_takes_no_new_notes(worker_a: User, case_a: CaseWorld) -> None:
    case_a.case.stage = "closed"
    case_a.case.save(update_fields=["stage"])
    response = login("worker_a").post(_url("note_new", case_a) + "?kind=phone", _phone_call())
    assert response.status_code == 200 and "Asia on päättynyt" in response.content.decode()
    assert not ClientNote.objects.exists()


def test_the_new_note_page_first_asks_what_is_recorded(worker_a: User, case_a: CaseWorld) -> None:
    html = login("worker_a").get(_url("note_new", case_a), {"kind": "nonsense"}).content.decode()
    for kind in ("phone", "home_visit", "child_meeting", "cancelled", "information"):
        assert f"?kind={kind}" in html


def test_the_timeline_shows_signed_notes_with_a_link(
    worker_a: User, coordinator_a: User, case_a: CaseWorld
) -> None:
    note = signed(worker_a, case_a, discussed="Kotikäynti sujui hyvin.")
    write(worker_a, case_a, discussed="Luonnoksen teksti")
    html = login("coordinator_a").get(_url("case_timeline", case_a)).content.decode()
    assert "Kotikäynti sujui hyvin." in html and _url("note_detail", case_a, note) in html
    assert "Luonnoksen teksti" not in html


def test_the_draft_pages_answer_only_the_author(
    case_a: CaseWorld, request: pytest.FixtureRequest
) -> None:
    from monia.access.tests.test_url_rules import PERSONAS

    for persona in PERSONAS:
        request.getfixturevalue(persona)
    note = write(User.objects.get(username="worker_a"), case_a)
    for persona in PERSONAS:
        client = login(persona)
        edit = client.get(_url("note_edit", case_a, note)).status_code
        sign = client.post(_url("note_sign", case_a, note), {"lock_version": "x"}).status_code
        expected = (200, 302) if persona == "worker_a" else (404, 404)
        assert (edit, sign) == expected, persona
    note.refresh_from_db()
    assert not note.signed


HOSTILE_KINDS = ["phone", "child_meeting", "information", "cancelled"]


@pytest.mark.parametrize("kind", HOSTILE_KINDS)
@HOSTILE
@_known
@given(value=HOSTILE_TEXT)
def test_the_note_forms_survive_hostile_input(
    kind: str, worker_a: User, case_a: CaseWorld, value: str
) -> None:
    client = login("worker_a")
    client.raise_request_exception = True  # a 500 fails with its traceback
    notes = ClientNote.objects.count()
    assert_survives(client, _url("note_new", case_a) + f"?kind={kind}", value)
    assert ClientNote.objects.count() == notes  # every field hostile: nothing saved


@HOSTILE
@_known
@given(value=HOSTILE_TEXT)
def test_the_draft_and_amendment_forms_survive_hostile_input(
    worker_a: User, case_a: CaseWorld, value: str
) -> None:
    client = login("worker_a")
    client.raise_request_exception = True
    draft = ClientNote.objects.filter(signed_at__isnull=True).first() or write(worker_a, case_a)
    note = ClientNote.objects.filter(signed_at__isnull=False).first() or signed(worker_a, case_a)
    assert_survives(client, _url("note_edit", case_a, draft), value)
    assert_survives(client, _url("note_amend", case_a, note), value)
    assert_survives(client, _url("case_notes", case_a), value)
    draft.refresh_from_db()
    assert not draft.signed and draft.discussed.startswith("Äiti kertoi")
    assert not NoteAmendment.objects.exists()


def test_the_amendment_page_shows_the_signed_text_and_the_earlier_amendments(
    worker_a: User, case_a: CaseWorld
) -> None:
    """A worker fixing a typo reads the note where she writes the amendment, and sees
    whether someone has already added it; the note page shows the same text."""
    note = signed(worker_a, case_a, discussed="Äiti kertoi että koulunkäynti sujuu paremin.")
    note_services.note_amend(user=worker_a, note=note, text="Korjaus: paremmin.", reason="r")
    client = login("worker_a", "en")
    page = client.get(_url("note_amend", case_a, note)).content.decode()
    signed_part = page.split('id="signed-h"')[1].split("<form")[0]  # above the form
    assert "The note as it was signed" in page
    assert "Äiti kertoi että koulunkäynti sujuu paremin." in signed_part
    assert "Korjaus: paremmin." in signed_part
    assert "<h3>What was discussed or done</h3>" in signed_part
    detail = client.get(_url("note_detail", case_a, note)).content.decode()
    assert "<h2>What was discussed or done</h2>" in detail and "Korjaus: paremmin." in detail


def test_a_note_page_names_its_type_once_and_a_meeting_note_its_way_of_contact_too(
    worker_a: User, case_a: CaseWorld
) -> None:
    client = login("worker_a")
    other = write(worker_a, case_a, NoteType.OTHER, contact_method="", participants="")
    page = client.get(_url("note_detail", case_a, other)).content.decode()
    assert page.count("Muu asiakaskertomusmerkintä") == 2  # the title and the heading
    phone = write(worker_a, case_a)
    page = client.get(_url("note_detail", case_a, phone)).content.decode()
    assert "Merkintä tapaamisesta tai yhteydenotosta" in page


def test_a_note_heads_itself_as_the_plan_does_with_its_service_task_on_a_line_of_its_own(
    worker_a: User, case_a: CaseWorld
) -> None:
    note = signed(worker_a, case_a)
    page = login("worker_a").get(_url("note_detail", case_a, note)).content.decode()
    assert '<p class="doc-controller">Alue A</p>' in page
    assert '<p class="doc-service-task">Palvelutehtävä: Lastensuojelu</p>' in page
    page = login("worker_a", language="sv").get(_url("note_detail", case_a, note)).content.decode()
    assert '<p class="doc-service-task">Serviceuppgift: Barnskydd</p>' in page
