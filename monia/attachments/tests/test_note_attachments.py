"""Files on a client note: chosen while writing the note and saved with it in one go,
downloaded through the case's rule with a log row, a draft's file its author's alone,
a wrong file refused with the note's typed text kept and nothing saved."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from monia.access.models import AccessLog
from monia.accounts.models import User
from monia.attachments.models import Attachment
from monia.attachments.testing import EXE_BYTES, PDF_BYTES, upload
from monia.casework import note_services
from monia.casework.models import ClientNote
from monia.conftest import CaseWorld, login

pytestmark = pytest.mark.django_db


def _new(cw: CaseWorld) -> str:
    return reverse("note_new", args=[cw.case.pk]) + "?kind=phone"


def _phone_call(**extra: Any) -> dict[str, Any]:
    data = {
        "submission_key": str(uuid.uuid4()),
        "occurred_on": (timezone.localdate() - datetime.timedelta(days=1)).isoformat(),
        "contact_method": "phone",
        "discussed": "Äiti lähetti koulun lausunnon.",
        "save": "1",
    }
    data.update(extra)
    return data


def _download(cw: CaseWorld, attachment: Attachment) -> str:
    return reverse("case_attachment", args=[cw.case.pk, attachment.pk])


def test_a_worker_attaches_a_file_while_writing_a_note_and_downloads_it_logged(
    worker_a: User, case_a: CaseWorld
) -> None:
    client = login("worker_a")
    form = client.get(_new(case_a)).content.decode()
    assert 'enctype="multipart/form-data"' in form and 'type="file"' in form
    response = client.post(_new(case_a), _phone_call(attachment=upload("lausunto.pdf", PDF_BYTES)))
    note = ClientNote.objects.get()
    attachment = Attachment.objects.get(note=note)
    assert response.status_code == 302
    assert attachment.owner_kind == "note" and attachment.case_id == case_a.case.pk
    assert attachment.content_type == "application/pdf" and attachment.uploaded_by == worker_a
    page = client.get(response["Location"]).content.decode()
    assert "lausunto.pdf" in page and _download(case_a, attachment) in page
    before = AccessLog.objects.filter(purpose="attachment_download").count()
    got = client.get(_download(case_a, attachment))
    assert got.status_code == 200 and b"".join(got.streaming_content) == PDF_BYTES
    assert got["Content-Disposition"].startswith("attachment")
    assert AccessLog.objects.filter(purpose="attachment_download").count() == before + 1


def test_a_drafts_file_is_not_there_for_another_worker_until_signed(
    worker_a: User, teammate_a: User, case_a: CaseWorld
) -> None:
    note, _ = note_services.note_create(
        user=worker_a,
        case=case_a.case,
        note_type="19005",
        data={"occurred_on": timezone.localdate(), "contact_method": "phone", "discussed": "x"},
        upload=upload("luonnos.pdf", PDF_BYTES),
    )
    attachment = Attachment.objects.get(note=note)
    teammate = login("teammate_a")
    assert teammate.get(_download(case_a, attachment)).status_code == 404
    assert login("worker_a").get(_download(case_a, attachment)).status_code == 200
    note_services.note_sign(user=worker_a, note=note, lock_version=note.lock_version)
    assert teammate.get(_download(case_a, attachment)).status_code == 200
    page = teammate.get(reverse("note_detail", args=[case_a.case.pk, note.pk]))
    assert "luonnos.pdf" in page.content.decode()


def test_a_wrong_file_is_refused_with_the_notes_text_kept_and_nothing_saved(
    worker_a: User, case_a: CaseWorld
) -> None:
    response = login("worker_a", "en").post(
        _new(case_a), _phone_call(attachment=upload("lausunto.pdf", EXE_BYTES))
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Äiti lähetti koulun lausunnon." in html
    assert "is not of a type that can be attached" in html
    assert "Choose the file again" in html
    assert not ClientNote.objects.exists() and not Attachment.objects.exists()


def test_the_author_removes_a_file_from_the_draft_but_a_signed_notes_files_stay(
    worker_a: User, case_a: CaseWorld
) -> None:
    note, _ = note_services.note_create(
        user=worker_a,
        case=case_a.case,
        note_type="19005",
        data={"occurred_on": timezone.localdate(), "contact_method": "phone", "discussed": "x"},
        upload=upload("väärä.pdf", PDF_BYTES),
    )
    wrong = Attachment.objects.get(note=note)
    client = login("worker_a")
    edit = reverse("note_edit", args=[case_a.case.pk, note.pk])
    assert "väärä.pdf" in client.get(edit).content.decode()
    data = {
        "occurred_on": timezone.localdate().isoformat(),
        "contact_method": "phone",
        "discussed": "x",
        "lock_version": note.lock_version,
        "remove_files": [wrong.pk],
        "attachment": upload("oikea.pdf", PDF_BYTES),
        "sign": "1",
    }
    assert client.post(edit, data).status_code == 302
    wrong.refresh_from_db()
    note.refresh_from_db()
    assert wrong.removed and note.signed
    assert [a.original_name for a in Attachment.objects.filter(note=note, removed_at=None)] == [
        "oikea.pdf"
    ]
    with pytest.raises(ValidationError):
        note_services.note_update(
            user=worker_a,
            note=note,
            data={},
            lock_version=note.lock_version,
            remove=[wrong.pk],
        )
