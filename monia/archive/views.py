"""The archive export's pages: the case's exports with the start button, and the download.
Both only for the county's senior official (``access.py``); anyone else 404."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from monia.access import policy
from monia.access.purposes import Purpose
from monia.archive import access, selectors, services
from monia.archive.forms import ExportStartForm
from monia.attachments.responses import stored_file_response
from monia.ui.errors import saved_by


@login_required
@require_http_methods(["GET", "POST"])
def archive_exports(request: HttpRequest, case_id: int) -> HttpResponse:
    """The exports of a case, newest first, with their progress; POST starts a new one
    (the same form sent twice starts one)."""
    user = policy.user_of(request)
    form = ExportStartForm(request.POST or None)
    if saved_by(
        request,
        form,
        lambda data: services.archive_export_request(
            user=user, case_id=case_id, submission_key=data["submission_key"]
        ),
    ):
        messages.success(request, _("The archive export has started."))
        return redirect("archive_exports", case_id)
    case = access.archive_case_get(user, case_id, purpose=Purpose.ARCHIVE_EXPORTS)
    exports = list(selectors.exports_of_case(case))
    return render(
        request,
        "archive/exports.html",
        {
            "case": case,
            "form": form,
            "exports": exports,
            "in_progress": selectors.any_in_progress(exports),
        },
    )


@login_required
@require_GET
def archive_export_zip(request: HttpRequest, case_id: int, export_id: int) -> FileResponse:
    """The finished package as a download; the access-log row, the disclosure-log row and
    the chronology line are written before it leaves."""
    user = policy.user_of(request)
    export = services.archive_export_download(user=user, case_id=case_id, export_id=export_id)
    return stored_file_response(
        export.stored_name,
        filename=f"archive-case-{case_id}-{export.pk}.zip",
        content_type="application/zip",
    )
