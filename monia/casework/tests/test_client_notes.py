"""Client notes (asiakaskertomus): drafts, signing, amendments, the lock in the database
and full-text search in Finnish and Swedish."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from monia.accounts.models import User
from monia.casework import note_selectors, note_services
from monia.casework.models import (
    ChronologyEvent,
    ClientNote,
    EventKind,
    NoteAmendment,
    NoteType,
)
from monia.conftest import CaseWorld

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def write(
    user: User, cw: CaseWorld, note_type: str = NoteType.MEETING_OR_CONTACT, **data: Any
) -> ClientNote:
    fields: dict[str, Any] = {
        "occurred_on": TODAY() - datetime.timedelta(days=1),
        "contact_method": "phone",
        "participants": "Äiti Maija Esimerkki",
        "discussed": "Äiti kertoi, että koulunkäynti on sujunut paremmin.",
    }
    fields.update(data)
    note, created = note_services.note_create(
        user=user, case=cw.case, note_type=note_type, data=fields
    )
    assert created
    return note


def signed(user: User, cw: CaseWorld, **data: Any) -> ClientNote:
    note = write(user, cw, **data)
    return note_services.note_sign(user=user, note=note, lock_version=note.lock_version)


# --- Drafts and signing ---------------------------------------------------------------------


def test_a_signed_note_is_a_line_in_the_chronology_at_the_time_it_happened(
    worker_a: User, case_a: CaseWorld
) -> None:
    note = signed(
        worker_a, case_a, occurred_time=datetime.time(14, 5), occurred_on=datetime.date(2025, 3, 4)
    )
    event = ChronologyEvent.objects.get(kind=EventKind.CLIENT_NOTE)
    assert event.client_note == note and event.case == case_a.case
    assert timezone.localtime(event.occurred_at).strftime("%d.%m.%Y %H:%M") == "04.03.2025 14:05"
    assert event.detail == "19005" and event.actor == worker_a
    assert note.signed_by == worker_a and note.signed_at is not None


def test_a_draft_is_not_in_the_chronology(worker_a: User, case_a: CaseWorld) -> None:
    write(worker_a, case_a)
    assert not ChronologyEvent.objects.filter(kind=EventKind.CLIENT_NOTE).exists()


def test_only_the_author_edits_or_signs_a_draft(
    worker_a: User, teammate_a: User, case_a: CaseWorld
) -> None:
    note = write(worker_a, case_a)
    with pytest.raises(ValidationError):
        note_services.note_update(
            user=teammate_a, note=note, data={"discussed": "x"}, lock_version=note.lock_version
        )
    with pytest.raises(ValidationError):
        note_services.note_sign(user=teammate_a, note=note, lock_version=note.lock_version)
    note.refresh_from_db()
    assert note.discussed.startswith("Äiti kertoi") and not note.signed


def test_a_stale_draft_saves_nothing(worker_a: User, case_a: CaseWorld) -> None:
    note = write(worker_a, case_a)
    opened = note.lock_version
    note_services.note_update(user=worker_a, note=note, data={"place": "Koti"}, lock_version=opened)
    with pytest.raises(note_services.NoteConflict):
        note_services.note_update(
            user=worker_a, note=note, data={"place": "Koulu"}, lock_version=opened
        )
    note.refresh_from_db()
    assert note.place == "Koti"


def test_the_child_took_part_so_the_childs_view_or_why_not_is_needed_to_sign(
    worker_a: User, case_a: CaseWorld
) -> None:
    note = write(worker_a, case_a, child_took_part=True)
    with pytest.raises(ValidationError) as caught:
        note_services.note_sign(user=worker_a, note=note, lock_version=note.lock_version)
    assert "child_view" in caught.value.message_dict
    note = note_services.note_update(
        user=worker_a,
        note=note,
        data={"child_view_reason": "Lapsi nukkui koko käynnin ajan."},
        lock_version=note.lock_version,
    )
    assert note_services.note_sign(user=worker_a, note=note, lock_version=note.lock_version).signed


def test_each_type_needs_what_its_national_definition_asks_before_signing(
    worker_a: User, case_a: CaseWorld
) -> None:
    info = write(worker_a, case_a, NoteType.INFORMATION, discussed="", info_received="Todistus")
    assert set(note_services.sign_errors(info)) == {"info_source", "info_received_on"}
    cancelled = write(worker_a, case_a, NoteType.CANCELLED)
    assert set(note_services.sign_errors(cancelled)) == {"cancellation_reason"}
    other = write(worker_a, case_a, NoteType.OTHER, discussed=" ")
    assert set(note_services.sign_errors(other)) == {"discussed"}


def test_fields_a_type_does_not_have_are_not_stored(worker_a: User, case_a: CaseWorld) -> None:
    note = write(worker_a, case_a, NoteType.OTHER, place="Koti", info_received="x", agreed="y")
    assert (note.place, note.info_received, note.agreed) == ("", "", "")


def test_a_date_in_the_future_is_refused_except_for_a_cancelled_meeting(
    worker_a: User, case_a: CaseWorld
) -> None:
    tomorrow = TODAY() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as caught:
        write(worker_a, case_a, occurred_on=tomorrow)
    assert "occurred_on" in caught.value.message_dict
    assert write(worker_a, case_a, NoteType.CANCELLED, occurred_on=tomorrow).pk
    assert ClientNote.objects.count() == 1


def test_only_family_members_of_the_child_are_named_present(
    worker_a: User, case_a: CaseWorld, world: Any
) -> None:
    from monia.conftest import child_create

    mother = note_selectors.family_members(case_a.case.child)
    assert [p.first_names for p in mother] == ["Maija"]
    note = write(worker_a, case_a, persons=mother)
    assert list(note.persons.all()) == mother
    stranger = child_create(world.county_a, first="Vieras", number=960)
    with pytest.raises(ValidationError) as caught:
        write(worker_a, case_a, persons=[stranger])
    assert "persons" in caught.value.message_dict


def test_the_same_form_sent_twice_writes_one_note(worker_a: User, case_a: CaseWorld) -> None:
    key = uuid.uuid4()
    data = {"occurred_on": TODAY(), "discussed": "Puhelu"}
    first, created = note_services.note_create(
        user=worker_a, case=case_a.case, note_type="19005", data=data, submission_key=key
    )
    again, created_again = note_services.note_create(
        user=worker_a, case=case_a.case, note_type="19005", data=data, submission_key=key
    )
    assert created and not created_again and again == first
    assert ClientNote.objects.count() == 1


def test_another_users_submission_key_is_refused(
    worker_a: User, teammate_a: User, case_a: CaseWorld
) -> None:
    key = uuid.uuid4()
    data = {"occurred_on": TODAY(), "discussed": "Puhelu"}
    note_services.note_create(
        user=worker_a, case=case_a.case, note_type="19005", data=data, submission_key=key
    )
    with pytest.raises(ValidationError):
        note_services.note_create(
            user=teammate_a, case=case_a.case, note_type="19005", data=data, submission_key=key
        )


def test_signing_twice_changes_nothing_and_says_so(worker_a: User, case_a: CaseWorld) -> None:
    note = write(worker_a, case_a)
    version = note.lock_version
    note_services.note_sign(user=worker_a, note=note, lock_version=version)
    with pytest.raises(note_services.NoteAlreadySigned):
        note_services.note_sign(user=worker_a, note=note, lock_version=version)
    assert ChronologyEvent.objects.filter(kind=EventKind.CLIENT_NOTE).count() == 1


# --- Signed means locked: amendments, and the database's own refusal -------------------------


def test_a_signed_note_is_amended_never_rewritten(
    worker_a: User, teammate_a: User, case_a: CaseWorld
) -> None:
    note = signed(worker_a, case_a)
    with pytest.raises(note_services.NoteAlreadySigned):
        note_services.note_update(
            user=worker_a, note=note, data={"discussed": "toisin"}, lock_version=note.lock_version
        )
    amendment, created = note_services.note_amend(
        user=teammate_a, note=note, text="Puhelu kesti 20 min.", reason="Jälkikäteen lisätty"
    )
    assert created and amendment.author == teammate_a
    note.refresh_from_db()
    assert note.discussed.startswith("Äiti kertoi")
    event = ChronologyEvent.objects.get(kind=EventKind.CLIENT_NOTE_AMENDED)
    assert event.client_note == note and event.actor == teammate_a


def test_an_amendment_needs_its_text_and_reason_and_a_signed_note(
    worker_a: User, case_a: CaseWorld
) -> None:
    draft = write(worker_a, case_a)
    with pytest.raises(ValidationError):
        note_services.note_amend(user=worker_a, note=draft, text="x", reason="y")
    note = signed(worker_a, case_a)
    with pytest.raises(ValidationError) as caught:
        note_services.note_amend(user=worker_a, note=note, text=" ", reason="")
    assert set(caught.value.message_dict) == {"text", "reason"}
    assert not NoteAmendment.objects.exists()


def _refused(sql: str, params: list[Any]) -> bool:
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, params)
    except DatabaseError:
        return True
    return False


def test_the_database_refuses_to_rewrite_a_signed_note(worker_a: User, case_a: CaseWorld) -> None:
    note = signed(worker_a, case_a, persons=note_selectors.family_members(case_a.case.child))
    draft = write(worker_a, case_a)
    table = "casework_clientnote"
    assert _refused(f"UPDATE {table} SET discussed = 'x' WHERE id = %s", [note.pk])  # noqa: S608
    assert _refused(f"DELETE FROM {table} WHERE id = %s", [note.pk])  # noqa: S608
    assert _refused("DELETE FROM casework_clientnote_persons WHERE clientnote_id = %s", [note.pk])
    assert _refused(
        "INSERT INTO casework_clientnote_persons (clientnote_id, person_id) VALUES (%s, %s)",
        [note.pk, case_a.case.child_id],
    )
    # A draft is its author's to change; a signed note may move to the child's other case.
    assert not _refused(f"UPDATE {table} SET discussed = 'x' WHERE id = %s", [draft.pk])  # noqa: S608
    assert not _refused(
        f"UPDATE {table} SET case_id = case_id WHERE id = %s",  # noqa: S608
        [note.pk],
    )
    note.refresh_from_db()
    assert note.discussed.startswith("Äiti kertoi")


def test_the_database_refuses_to_change_an_amendment(worker_a: User, case_a: CaseWorld) -> None:
    note = signed(worker_a, case_a)
    amendment, _ = note_services.note_amend(user=worker_a, note=note, text="Lisäys", reason="r")
    sql = "UPDATE casework_noteamendment SET text = 'x' WHERE id = %s"
    assert _refused(sql, [amendment.pk])
    assert _refused("DELETE FROM casework_noteamendment WHERE id = %s", [amendment.pk])


def test_the_database_refuses_a_signed_note_without_the_childs_view(
    worker_a: User, case_a: CaseWorld
) -> None:
    note = write(worker_a, case_a, child_took_part=True)
    sql = "UPDATE casework_clientnote SET signed_at = now(), signed_by_id = %s WHERE id = %s"
    assert _refused(sql, [worker_a.pk, note.pk])


# --- Full-text search ----------------------------------------------------------------------


def test_search_finds_finnish_words_in_another_form_and_marks_them(
    worker_a: User, case_a: CaseWorld
) -> None:
    signed(worker_a, case_a, discussed="Poissaoloista puhuttiin, ja harrastuksista.")
    signed(worker_a, case_a, discussed="Puhelu äidin kanssa.")
    rows = note_selectors.notes_list(case_a.case, user=worker_a, query="poissaolo")
    assert len(rows) == 1
    assert "<mark>Poissaoloista</mark>" in rows[0].headline


def test_search_finds_swedish_words_in_another_form(worker_a: User, case_a: CaseWorld) -> None:
    signed(worker_a, case_a, discussed="Vi talade om barnens skolor och fritid.")
    rows = note_selectors.notes_list(case_a.case, user=worker_a, query="skola")
    assert len(rows) == 1 and "<mark>skolor</mark>" in rows[0].headline


def test_search_reads_the_amendments_too(worker_a: User, case_a: CaseWorld) -> None:
    note = signed(worker_a, case_a)
    note_services.note_amend(user=worker_a, note=note, text="Isä soitti myöhemmin.", reason="r")
    rows = note_selectors.notes_list(case_a.case, user=worker_a, query="isä")
    assert [r.note for r in rows] == [note]
    assert "<mark>Isä</mark>" in rows[0].amendment_headlines[0]


def test_a_hit_in_hostile_text_comes_back_escaped(worker_a: User, case_a: CaseWorld) -> None:
    signed(worker_a, case_a, discussed='1 < 2 <script>alert("koulu")</script> koulu & "koti"')
    rows = note_selectors.notes_list(case_a.case, user=worker_a, query="koulu")
    headline = str(rows[0].headline)
    assert "<script" not in headline and "&lt;" in headline and "&amp;" in headline
    assert "<mark>koulu</mark>" in headline
    assert headline.replace("<mark>", "").replace("</mark>", "").count("<") == 0


def test_marking_escapes_everything_and_stays_balanced() -> None:
    from monia.ui.highlight import START, STOP, marked

    html = marked(f'<img src=x onerror="a()">{START}koulu{STOP} {STOP}{START}{START}x')
    assert html == "&lt;img src=x onerror=&quot;a()&quot;&gt;<mark>koulu</mark> <mark>x</mark>"


def test_search_syntax_and_stop_words_never_fail(worker_a: User, case_a: CaseWorld) -> None:
    signed(worker_a, case_a)
    for query in ('"koulunkäynti on"', "-äiti", "koulu or isä", "ja", "'); DROP", "&|!:*"):
        note_selectors.notes_list(case_a.case, user=worker_a, query=query)


def test_drafts_are_found_only_by_their_author(
    worker_a: User, teammate_a: User, case_a: CaseWorld
) -> None:
    write(worker_a, case_a, discussed="Luonnos koulusta")
    assert len(note_selectors.notes_list(case_a.case, user=worker_a, query="koulu")) == 1
    assert note_selectors.notes_list(case_a.case, user=teammate_a, query="koulu") == []
    assert note_selectors.notes_list(case_a.case, user=teammate_a) == []


def test_type_filter_and_newest_first(worker_a: User, case_a: CaseWorld) -> None:
    old = signed(worker_a, case_a, occurred_on=TODAY() - datetime.timedelta(days=9))
    new = signed(worker_a, case_a, occurred_on=TODAY())
    other = write(worker_a, case_a, NoteType.OTHER, occurred_on=TODAY())
    newest_first = [r.note for r in note_selectors.notes_list(case_a.case, user=worker_a)]
    assert newest_first == [other, new, old]
    only = note_selectors.notes_list(case_a.case, user=worker_a, note_type=NoteType.OTHER)
    assert [r.note for r in only] == [other]


def test_notes_of_an_unidentified_childs_case_follow_the_child_into_the_open_case(
    worker_a: User, case_a: CaseWorld, world: Any
) -> None:
    from monia.casework import person_services
    from monia.casework.tests.test_child_identify import _unidentified_case

    case = _unidentified_case(worker_a, world.team_a1)
    cw = CaseWorld(case, case_a.pending_intake, case_a.open_assessment, case_a.emergency)
    note = signed(worker_a, cw, occurred_on=TODAY())
    draft = write(worker_a, cw, occurred_on=TODAY())
    person_services.child_identify(
        user=worker_a, case=case, person=case_a.case.child, reason="Sama lapsi."
    )
    assert set(case_a.case.notes.all()) == {note, draft}
    line = ChronologyEvent.objects.get(kind=EventKind.CLIENT_NOTE)
    assert line.case == case_a.case and line.client_note == note
