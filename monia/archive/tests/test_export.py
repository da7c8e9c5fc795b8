"""The archive export: the package, its progress and failure, the rule and the logs."""

from __future__ import annotations

import io
import json
import uuid
import zipfile
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from monia.access.models import AccessLog
from monia.archive import services
from monia.archive.models import ArchiveExport, ExportState
from monia.attachments.services import storage
from monia.casework import note_services, plan_services
from monia.casework.models import ChronologyEvent, ClientNote
from monia.conftest import CaseWorld, login
from monia.decisions.testing import draft_for, signed_for
from monia.network.models import DisclosureLog

pytestmark = pytest.mark.django_db


def _note(case: Any, *, sign: bool, text: str = "Puhelu äidin kanssa.") -> ClientNote:
    worker = case.designated_worker
    note, _ = note_services.note_create(
        user=worker,
        case=case,
        note_type="19005",
        data={"occurred_on": timezone.localdate(), "discussed": text},
    )
    if sign:
        note = note_services.note_sign(user=worker, note=note, lock_version=note.lock_version)
    return note


def _package(export: ArchiveExport) -> zipfile.ZipFile:
    with storage().open(export.stored_name, "rb") as handle:
        return zipfile.ZipFile(io.BytesIO(handle.read()))


def _export(case_a: CaseWorld, senior: Any) -> ArchiveExport:
    export = services.archive_export_request(user=senior, case_id=case_a.case.pk)
    return services.archive_export_build(export_id=export.pk)


def test_the_package_holds_pdf_structure_and_metadata_of_each_signed_document(
    case_a: CaseWorld, senior_a: Any
) -> None:
    signed = _note(case_a.case, sign=True)
    export = _export(case_a, senior_a)

    assert export.state == ExportState.DONE
    package = _package(export)
    plan = case_a.case.plans.get(status="approved")
    for key in (f"client-plan-{plan.pk}", f"client-note-{signed.pk}"):
        assert package.read(f"{key}/document.pdf").startswith(b"%PDF")
        assert isinstance(json.loads(package.read(f"{key}/structured.json")), dict)
    meta = json.loads(package.read(f"client-note-{signed.pk}/metadata.json"))
    assert meta["service_task"]["code"] == "lastensuojelu"
    assert meta["document_type"]["definition_oid"] == "1.2.246.537.6.1506.19005"
    assert meta["document_type"]["definition_version"] == "2022.1.10"
    assert meta["custodian"]["controller"] == "Alue A"
    assert meta["confidentiality"]["fi"] == "Salassa pidettävä"
    assert meta["retention"]["code"] == "client_death_plus_2_years"
    assert meta["author"]["name"] == case_a.case.designated_worker.display_name
    assert meta["dates"]["signed"] and meta["dates"]["created"]
    plan_meta = json.loads(package.read(f"client-plan-{plan.pk}/metadata.json"))
    assert plan_meta["document_type"]["definition_oid"] == "1.2.246.537.6.1506.15009"


def test_the_manifest_lists_every_file_with_its_sha256(case_a: CaseWorld, senior_a: Any) -> None:
    import hashlib

    _note(case_a.case, sign=True)
    package = _package(_export(case_a, senior_a))
    manifest = json.loads(package.read("manifest.json"))
    listed = {f["path"]: f["sha256"] for d in manifest["documents"] for f in d["files"]}
    assert set(listed) == set(package.namelist()) - {"manifest.json"}
    assert len(manifest["documents"]) == 2
    for path, digest in listed.items():
        assert hashlib.sha256(package.read(path)).hexdigest() == digest


def test_drafts_are_not_archived(case_a: CaseWorld, senior_a: Any) -> None:
    draft_note = _note(case_a.case, sign=False, text="Luonnos")
    plan_services.plan_save(
        user=case_a.case.designated_worker,
        case=case_a.case,
        lock_version=0,
        approve=False,
        data={"service_needs": "Uusi luonnos"},
    )
    export = _export(case_a, senior_a)
    names = _package(export).namelist()
    assert not any(str(draft_note.pk) in n and "client-note" in n for n in names)
    assert sum(n.endswith("document.pdf") for n in names) == 1  # the approved plan only
    assert (export.progress_done, export.progress_total) == (1, 1)


def test_progress_reaches_the_total(case_a: CaseWorld, senior_a: Any) -> None:
    _note(case_a.case, sign=True)
    _note(case_a.case, sign=True, text="Toinen puhelu")
    export = _export(case_a, senior_a)
    export.refresh_from_db()
    assert export.progress_total == 3
    assert export.progress_done == 3
    assert export.finished_at is not None and export.sha256 and export.size


def test_a_failing_document_marks_the_export_failed_with_a_message(
    case_a: CaseWorld, senior_a: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    signed = _note(case_a.case, sign=True)

    def broken(*args: Any, **kwargs: Any) -> bytes:
        raise RuntimeError("the font is missing")

    monkeypatch.setattr("monia.archive.note_pdf.note_pdf_render", broken)
    export = _export(case_a, senior_a)
    assert export.state == ExportState.FAILED
    assert "the font is missing" in export.error
    assert f"client-note-{signed.pk}" in export.error
    assert export.stored_name == "" and export.finished_at is not None
    assert export.progress_done == 1  # the plan was written before the note failed


def test_the_same_form_sent_twice_queues_one_export(case_a: CaseWorld, senior_a: Any) -> None:
    from django_tasks_db.models import DBTaskResult

    key = uuid.uuid4()
    client = login("senior_a")
    url = reverse("archive_exports", args=[case_a.case.pk])
    for _ in range(2):
        assert client.post(url, {"submission_key": str(key)}).status_code == 302
    assert ArchiveExport.objects.filter(case=case_a.case).count() == 1
    assert DBTaskResult.objects.count() == 1
    assert (
        ChronologyEvent.objects.filter(case=case_a.case, kind="archive_export_requested").count()
        == 1
    )


def test_another_officials_form_key_is_refused(
    case_a: CaseWorld, senior_a: Any, world: Any
) -> None:
    """A form session's key belongs to whoever first sent it: another senior official of
    the county sending it is told so on the page, and no second export is asked for."""
    from monia.conftest import make_user

    make_user("senior_a2", "senior_official", world.county_a, None)
    data = {"submission_key": str(uuid.uuid4())}
    url = reverse("archive_exports", args=[case_a.case.pk])
    assert login("senior_a").post(url, data).status_code == 302
    response = login("senior_a2", "en").post(url, data)
    assert response.status_code == 200
    assert "This form was sent already. Open a new form." in response.content.decode()
    assert ArchiveExport.objects.get().requested_by == senior_a


def test_the_worker_runs_the_queued_export(case_a: CaseWorld, senior_a: Any) -> None:
    """Enqueued through the database backend, claimed and run as `manage.py db_worker`
    does each task (its loop's housekeeping closes the test's connection, so the loop's
    two steps are taken here: claim the next ready task, ``Worker.run_task``)."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    _note(case_a.case, sign=True)
    export = services.archive_export_request(user=senior_a, case_id=case_a.case.pk)
    assert export.state == ExportState.QUEUED and export.task_id
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=1,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    claimed = DBTaskResult.objects.ready().filter(backend_name="default").get_locked()
    assert claimed is not None and str(claimed.id) == export.task_id
    claimed.claim(worker.worker_id)
    worker.run_task(claimed)
    export.refresh_from_db()
    assert export.state == ExportState.DONE
    assert DBTaskResult.objects.get(id=export.task_id).status == "SUCCESSFUL"


@pytest.mark.parametrize("persona", ["worker_a", "teammate_a", "coordinator_a", "other_county"])
def test_others_than_the_countys_senior_official_get_404(
    persona: str, case_a: CaseWorld, senior_a: Any, request: pytest.FixtureRequest
) -> None:
    request.getfixturevalue(persona)
    export = _export(case_a, senior_a)
    client = login(persona)
    page = reverse("archive_exports", args=[case_a.case.pk])
    download = reverse("archive_export_zip", args=[case_a.case.pk, export.pk])
    assert client.get(page).status_code == 404
    assert client.post(page, {"submission_key": str(uuid.uuid4())}).status_code == 404
    assert client.get(download).status_code == 404
    assert ArchiveExport.objects.count() == 1
    assert not DisclosureLog.objects.exists()


def test_another_countys_senior_official_gets_404(
    case_a: CaseWorld, senior_a: Any, world: Any
) -> None:
    from monia.conftest import make_user

    make_user("senior_b", "senior_official", world.county_b, None)
    export = _export(case_a, senior_a)
    client = login("senior_b")
    assert client.get(reverse("archive_exports", args=[case_a.case.pk])).status_code == 404
    url = reverse("archive_export_zip", args=[case_a.case.pk, export.pk])
    assert client.get(url).status_code == 404


def test_a_download_is_a_disclosure_an_access_and_a_chronology_line(
    case_a: CaseWorld, senior_a: Any
) -> None:
    export = _export(case_a, senior_a)
    response = login("senior_a").get(
        reverse("archive_export_zip", args=[case_a.case.pk, export.pk])
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))).testzip() is None
    row = DisclosureLog.objects.get()
    assert (row.source, row.source_id, row.basis) == ("archive_export", export.pk, "archiving")
    assert row.recipient == senior_a and row.organisation is None
    assert row.person_id == case_a.case.child_id
    assert AccessLog.objects.filter(
        user=senior_a, case=case_a.case, purpose="archive_export_download"
    ).exists()
    assert ChronologyEvent.objects.filter(
        case=case_a.case, kind="archive_export_downloaded", actor=senior_a
    ).exists()


def test_an_unfinished_export_is_not_downloadable(case_a: CaseWorld, senior_a: Any) -> None:
    export = services.archive_export_request(user=senior_a, case_id=case_a.case.pk)
    url = reverse("archive_export_zip", args=[case_a.case.pk, export.pk])
    assert login("senior_a").get(url).status_code == 404
    assert not DisclosureLog.objects.exists()


def test_the_page_shows_progress_and_the_case_page_links_it(
    case_a: CaseWorld, senior_a: Any, worker_a: Any
) -> None:
    services.archive_export_request(user=senior_a, case_id=case_a.case.pk)
    client = login("senior_a")
    page = client.get(reverse("archive_exports", args=[case_a.case.pk])).content.decode()
    assert "<progress" in page and 'data-refresh="true"' in page
    link = reverse("archive_exports", args=[case_a.case.pk])
    case_page = reverse("case_detail", args=[case_a.case.pk])
    assert link in client.get(case_page).content.decode()
    assert link not in login("worker_a").get(case_page).content.decode()


def test_a_signed_decision_is_packed_with_its_pdf_structure_and_definition(
    case_a: CaseWorld, worker_a: Any, senior_a: Any
) -> None:
    from monia.decisions.kinds import SOSMETA_DEFINITION
    from monia.sosmeta.build import build

    decision = signed_for(case_a.case, worker_a)
    draft = draft_for(case_a.case, worker_a, kind="support_measure")
    package = _package(_export(case_a, senior_a))
    folder = f"decision-{decision.pk}/"
    assert package.read(folder + "document.pdf").startswith(b"%PDF")
    structured = json.loads(package.read(folder + "structured.json"))
    assert structured == json.loads(json.dumps(build(decision)[1]))
    metadata = json.loads(package.read(folder + "metadata.json"))
    kind = metadata["document_type"]
    oid = f"{kind['definition_oid']}.{kind['definition_version']}"
    assert oid == SOSMETA_DEFINITION[decision.kind]
    assert not any(n.startswith(f"decision-{draft.pk}/") for n in package.namelist())


def test_a_case_without_signed_decisions_archives_its_plan_and_notes(
    case_a: CaseWorld, senior_a: Any
) -> None:
    export = _export(case_a, senior_a)
    assert not any(n.startswith("decision-") for n in _package(export).namelist())
