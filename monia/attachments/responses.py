"""The one way a stored file leaves Monia: as a download, never shown in the browser.

``Content-Disposition: attachment`` with the sanitised original name, the content type
read at upload, ``X-Content-Type-Options: nosniff`` (the browser may not guess another
type), ``Cache-Control: no-store`` and a CSP that runs nothing, whatever the file holds.
Callers have already passed the owner's access rule and written its log row.
"""

from __future__ import annotations

from django.http import FileResponse, Http404

from monia.attachments.models import Attachment
from monia.attachments.services import storage


def attachment_response(attachment: Attachment) -> FileResponse:
    if attachment.removed:
        raise Http404
    return stored_file_response(
        attachment.stored_name,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )


def stored_file_response(stored_name: str, *, filename: str, content_type: str) -> FileResponse:
    """A file of the attachments storage (an attachment, an archive package) as a download;
    404 when it is not there."""
    try:
        handle = storage().open(stored_name, "rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=filename,
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
