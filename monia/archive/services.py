"""Writes of the archive export: asking for one (the row, its chronology line and the
background task in one transaction), writing the package (the task: ``tasks.py``), and
downloading it (the access-log row, the disclosure-log row and the chronology line in one
transaction, before the file leaves)."""

from __future__ import annotations

import logging
import tempfile
import uuid

from django.core.files.base import File
from django.db import transaction
from django.utils import timezone, translation

from monia.access.purposes import Purpose
from monia.accounts.models import User
from monia.archive import access
from monia.archive.documents import ArchiveDocument, signed_documents
from monia.archive.models import ArchiveExport, ExportState
from monia.archive.package import package_write, sha256_of
from monia.attachments.services import storage
from monia.casework.case_services import event_write, sent_before
from monia.casework.models import EventKind
from monia.network.models import DisclosureBasis, DisclosureSource
from monia.network.services import Disclosure, disclosure_log_write

logger = logging.getLogger(__name__)
SPOOL_BYTES = 32 * 1024 * 1024  # a package larger than this is written to a temporary file


@transaction.atomic
def archive_export_request(
    *, user: User, case_id: int, submission_key: uuid.UUID | None = None
) -> ArchiveExport:
    """A new export of the case's signed documents, queued for the worker. The same form
    sent twice (``submission_key``) and a request while one is still being written both
    answer with the export already there: one package is written."""
    from monia.archive.tasks import archive_export_run

    # The case's row locked: two requests at once wait for each other, and one is written.
    case = access.archive_case_get(
        user, case_id, purpose=Purpose.ARCHIVE_EXPORT_REQUEST, for_update=True
    )
    same = ArchiveExport.objects.filter(case=case)
    if found := sent_before(same, submission_key, owner="requested_by_id", user=user):
        return found
    if found := same.filter(state__in=[ExportState.QUEUED, ExportState.RUNNING]).first():
        return found
    export = ArchiveExport.objects.create(
        case=case, requested_by=user, submission_key=submission_key
    )
    event_write(case=case, kind=EventKind.ARCHIVE_EXPORT_REQUESTED, actor=user)
    result = archive_export_run.enqueue(export_id=export.pk)
    ArchiveExport.objects.filter(pk=export.pk, task_id="").update(task_id=str(result.id))
    export.refresh_from_db()
    return export


def archive_export_build(*, export_id: int) -> ArchiveExport:
    """Write the package of a queued export (the background task). Progress is committed
    after each document, so the page shows it; any failure is recorded on the row with
    the document it happened at, and no file is left behind."""
    export = _start(export_id)
    if export is None:  # already taken by another run: nothing to do twice
        return ArchiveExport.objects.get(pk=export_id)
    case = export.case
    current: list[ArchiveDocument] = []
    stored = ""
    try:
        with translation.override("fi"):  # the archive's metadata speaks Finnish
            documents = signed_documents(case)
        _progress(export, 0, total=len(documents))
        with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as handle:

            def step(n: int) -> None:
                _progress(export, n)
                current[:] = documents[n : n + 1]

            current[:] = documents[:1]
            package_write(handle, case, documents, created=export.created_at, progress=step)
            digest, size = sha256_of(handle)
            stored = storage().save(
                f"archive/{timezone.now():%Y}/{uuid.uuid4().hex}.zip", File(handle)
            )
        return _finish(export, stored_name=stored, sha256=digest, size=size)
    except Exception as error:  # the row records every failure, whatever it was
        logger.exception("archive export %s failed", export_id)
        if stored:
            storage().delete(stored)
        where = f"{current[0].title} ({current[0].key}): " if current else ""
        return _fail(export, f"{where}{type(error).__name__}: {error}")


def _start(export_id: int) -> ArchiveExport | None:
    with transaction.atomic():
        export = (
            ArchiveExport.objects.select_for_update()
            .select_related("case__child", "case__county")
            .get(pk=export_id)
        )
        if export.state != ExportState.QUEUED:
            return None
        export.state = ExportState.RUNNING
        export.save(update_fields=["state"])
    return export


def _progress(export: ArchiveExport, done: int, *, total: int | None = None) -> None:
    if total is not None:
        export.progress_total = total
    export.progress_done = done
    ArchiveExport.objects.filter(pk=export.pk).update(
        progress_done=done, progress_total=export.progress_total
    )


def _finish(export: ArchiveExport, *, stored_name: str, sha256: str, size: int) -> ArchiveExport:
    export.state = ExportState.DONE
    export.stored_name, export.sha256, export.size = stored_name, sha256, size
    export.finished_at = timezone.now()
    export.save(update_fields=["state", "stored_name", "sha256", "size", "finished_at"])
    return export


def _fail(export: ArchiveExport, message: str) -> ArchiveExport:
    export.state = ExportState.FAILED
    export.error = message[:2000]
    export.finished_at = timezone.now()
    export.save(update_fields=["state", "error", "finished_at"])
    return export


@transaction.atomic
def archive_export_download(*, user: User, case_id: int, export_id: int) -> ArchiveExport:
    """A finished package about to leave Monia: the case read through the rule (its
    access-log row), a disclosure-log row (to the archive; Act 703/2023) and the chronology
    line, all before the file is sent. 404 for anyone but the senior official, and for an
    export not finished."""
    case = access.archive_case_get(user, case_id, purpose=Purpose.ARCHIVE_EXPORT_DOWNLOAD)
    export = access.export_get(case, export_id)
    if export.state != ExportState.DONE:
        raise access.NotFound
    disclosure = Disclosure(
        source=DisclosureSource.ARCHIVE_EXPORT,
        source_id=export.pk,
        organisation_id=None,
        person_id=case.child_id,
        case_id=case.pk,
        basis=DisclosureBasis.ARCHIVING,
    )
    disclosure_log_write(
        recipient=user, disclosures=[disclosure], purpose=Purpose.ARCHIVE_EXPORT_DOWNLOAD
    )
    event_write(case=case, kind=EventKind.ARCHIVE_EXPORT_DOWNLOADED, actor=user)
    return export
