"""Files on an intake: checked from the content, downloaded through the case's rule with a
log row, always as a download; a mistaken one removed by its uploader only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from monia.access.models import AccessLog
from monia.accounts.models import User
from monia.attachments import services as attachments
from monia.attachments.models import Attachment
from monia.attachments.testing import EXE_BYTES, PDF_BYTES, upload
from monia.casework import attachment_services
from monia.casework.models import ChronologyEvent, EventKind
from monia.conftest import CaseWorld, login


def _page(cw: CaseWorld) -> str:
    return reverse("intake_attachments", args=[cw.case.pk, cw.pending_intake.pk])


def _stored_files() -> list[Path]:
    root = Path(attachments.storage().path(""))
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def _attach(client: Client, cw: CaseWorld, name: str, data: bytes) -> Any:
    return client.post(_page(cw), {"attachment": upload(name, data)})


def test_a_pdf_named_exe_is_attached_as_a_pdf(case_a: CaseWorld) -> None:
    response = _attach(login("worker_a"), case_a, "lausunto.exe", PDF_BYTES)
    assert response.status_code == 302
    attachment = Attachment.objects.get(intake=case_a.pending_intake)
    assert attachment.content_type == "application/pdf"
    assert attachment.original_name == "lausunto.exe.pdf"
    assert attachment.case_id == case_a.case.pk and attachment.size == len(PDF_BYTES)
    assert ChronologyEvent.objects.filter(
        case=case_a.case, kind=EventKind.ATTACHMENT_ADDED
    ).exists()


def test_an_exe_named_pdf_is_refused_with_a_message_and_nothing_saved(
    case_a: CaseWorld,
) -> None:
    before = len(_stored_files())
    response = _attach(login("worker_a", "sv"), case_a, "lausunto.pdf", EXE_BYTES)
    assert response.status_code == 200
    html = response.content.decode()
    assert "lausunto.pdf" in html and "kan inte bifogas" in html
    assert not Attachment.objects.exists() and len(_stored_files()) == before


def test_an_oversized_file_is_refused_with_the_limit_in_the_users_language(
    case_a: CaseWorld, settings: Any
) -> None:
    settings.MONIA_ATTACHMENT_MAX_MB = 1
    big = PDF_BYTES + b"0" * (1024 * 1024)
    response = _attach(login("worker_a"), case_a, "iso.pdf", big)
    assert response.status_code == 200
    assert "Tiedosto on liian suuri" in response.content.decode()
    assert "1 Mt" in response.content.decode()
    assert not Attachment.objects.exists()


def test_a_file_whose_transaction_fails_is_not_left_in_the_storage(
    case_a: CaseWorld, worker_a: User
) -> None:
    before = len(_stored_files())
    checked = attachments.attachment_check(upload("a.pdf", PDF_BYTES))
    with pytest.raises(ValidationError), attachments.files_atomic():
        attachments.attachment_add(
            checked=checked,
            owner_kind="intake",
            county_id=case_a.case.county_id,
            case_id=case_a.case.pk,
            uploaded_by=worker_a,
            intake=case_a.pending_intake,
        )
        raise ValidationError("a later step of the same service failed")
    assert not Attachment.objects.exists() and len(_stored_files()) == before


def _attached(cw: CaseWorld, worker: User) -> Attachment:
    return attachment_services.intake_attachment_add(
        user=worker, intake=cw.pending_intake, upload=upload("ilmoitus.pdf", PDF_BYTES)
    )


def test_a_download_is_an_attachment_with_nosniff_and_writes_one_log_row(
    case_a: CaseWorld, worker_a: User, teammate_a: User
) -> None:
    attachment = _attached(case_a, worker_a)
    client = login("teammate_a")
    before = AccessLog.objects.filter(purpose="attachment_download").count()
    response = client.get(reverse("case_attachment", args=[case_a.case.pk, attachment.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES  # type: ignore[attr-defined]
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="ilmoitus.pdf"' in response["Content-Disposition"]
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert "sandbox" in response["Content-Security-Policy"]
    rows = AccessLog.objects.filter(purpose="attachment_download")
    assert rows.count() == before + 1
    row = rows.latest("pk")
    assert row.user.username == "teammate_a" and row.person_id == case_a.case.child_id


@pytest.mark.parametrize("persona", ["other_team", "other_county", "admin", "partner"])
def test_anyone_outside_the_case_gets_404_for_its_file(
    case_a: CaseWorld, worker_a: User, persona: str, request: pytest.FixtureRequest
) -> None:
    request.getfixturevalue(persona)
    attachment = _attached(case_a, worker_a)
    url = reverse("case_attachment", args=[case_a.case.pk, attachment.pk])
    assert login(persona).get(url).status_code == 404
    assert login(persona).get(_page(case_a)).status_code == 404


def test_a_file_of_another_case_is_404_through_a_case_one_may_see(
    case_a: CaseWorld, worker_a: User, other_team: User
) -> None:
    from monia.conftest import child_create, notification

    attachment = _attached(case_a, worker_a)
    other = notification(
        other_team,
        child_create(case_a.case.county, first="Eino", number=902),
        other_team.team,  # type: ignore[arg-type]
        at=case_a.pending_intake.received_at,
    )
    url = reverse("case_attachment", args=[other.case_id, attachment.pk])
    assert login("other_team").get(url).status_code == 404


def test_the_uploader_removes_a_mistaken_file_and_the_row_stays_as_history(
    case_a: CaseWorld, worker_a: User, teammate_a: User
) -> None:
    attachment = _attached(case_a, worker_a)
    assert login("teammate_a").post(_page(case_a), {"remove": attachment.pk}).status_code == 302
    attachment.refresh_from_db()
    assert attachment.removed_at is None  # only the uploader may remove it
    assert login("worker_a").post(_page(case_a), {"remove": attachment.pk}).status_code == 302
    attachment.refresh_from_db()
    assert attachment.removed_by == worker_a and attachment.sha256
    url = reverse("case_attachment", args=[case_a.case.pk, attachment.pk])
    assert login("worker_a").get(url).status_code == 404
    assert "ilmoitus.pdf" in login("worker_a").get(_page(case_a)).content.decode()


def test_the_case_page_lists_an_intakes_files(case_a: CaseWorld, worker_a: User) -> None:
    attachment = _attached(case_a, worker_a)
    html = login("worker_a").get(reverse("case_detail", args=[case_a.case.pk])).content.decode()
    assert reverse("case_attachment", args=[case_a.case.pk, attachment.pk]) in html


def test_the_same_file_sent_twice_is_attached_once(case_a: CaseWorld) -> None:
    """A double click, or the upload sent again after "Back": one file, one chronology row;
    another file, or the same file after it was removed, is attached again."""
    client = login("worker_a")
    before = len(_stored_files())
    assert _attach(client, case_a, "lausunto.pdf", PDF_BYTES).status_code == 302
    assert _attach(client, case_a, "lausunto.pdf", PDF_BYTES).status_code == 302
    assert Attachment.objects.filter(intake=case_a.pending_intake).count() == 1
    assert len(_stored_files()) == before + 1
    added = ChronologyEvent.objects.filter(case=case_a.case, kind=EventKind.ATTACHMENT_ADDED)
    assert added.count() == 1
    assert _attach(client, case_a, "toinen.pdf", PDF_BYTES).status_code == 302
    assert Attachment.objects.filter(intake=case_a.pending_intake).count() == 2
