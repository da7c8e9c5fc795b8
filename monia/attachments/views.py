"""Downloading a file of a case: the staff rule of the case, one access-log row, then the
file as a download (``responses.attachment_response``). Each owner's own pages (intake,
statement, network meeting, e-notification) live in the owner's app."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest
from django.views.decorators.http import require_GET

from monia.access import policy
from monia.access.purposes import Purpose
from monia.attachments import selectors
from monia.attachments.responses import attachment_response


@login_required
@require_GET
def case_attachment(request: HttpRequest, case_id: int, attachment_id: int) -> FileResponse:
    """Whoever may see the case downloads its files (the log row is written by the policy
    in the read's transaction); any other file, a removed one, or the file of a draft note
    to anyone but its author, is 404."""
    user = policy.user_of(request)
    case = policy.case_get_for_user(user, case_id, purpose=Purpose.ATTACHMENT_DOWNLOAD)
    attachment = selectors.attachment_of_case(case.pk, attachment_id, user_id=user.pk)
    if attachment is None:
        raise policy.NotFound
    return attachment_response(attachment)
