"""Writes of attachments: check a file, store it with its owner in one transaction,
remove a mistaken one.

The owner's service calls these inside ``files_atomic()``: the owner's row, the
attachment's row and the file are kept together or not at all — a failed transaction
deletes the files it wrote, so nothing is half-saved.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime
import hashlib
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.core.files.storage import Storage, storages
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from monia.accounts.models import User
from monia.attachments import content
from monia.attachments.models import Attachment, OwnerKind

FIELD = "attachment"  # the form field every owner's form names its file input


def storage() -> Storage:
    return storages["attachments"]


def max_bytes() -> int:
    return int(settings.MONIA_ATTACHMENT_MAX_MB) * 1024 * 1024


@dataclass(frozen=True)
class CheckedFile:
    """An uploaded file whose content is of an allowed kind and within the size limit."""

    file: Any  # django.core.files.uploadedfile.UploadedFile or File
    content_type: str
    name: str
    size: int


def allowed_kinds_text() -> str:
    return _(
        "Attach a PDF, a picture (PNG, JPEG, HEIC) or an office document (Word, Excel, "
        "PowerPoint, OpenDocument)."
    )


def attachment_check(upload: Any, *, field: str = FIELD) -> CheckedFile:
    """The file checked: its kind from its content (``content.sniff``), its size under
    ``MONIA_ATTACHMENT_MAX_MB``; ``ValidationError`` on ``field`` otherwise. A file the
    form has checked already is returned as it is."""
    if isinstance(upload, CheckedFile):
        return upload
    limit = int(settings.MONIA_ATTACHMENT_MAX_MB)
    size = int(upload.size or 0)
    if size > max_bytes():
        raise ValidationError(
            {field: _("The file is too large. A file can be at most %(max)d MB.") % {"max": limit}}
        )
    try:
        kind = content.sniff(upload)
    except content.Refused as refused:
        if refused.reason == "empty":
            message = _("The file is empty. Choose the file again.")
        elif refused.reason == "macro":
            message = _(
                "A document with macros cannot be attached. Save it without macros "
                "(for example as .docx) or as a PDF."
            )
        else:
            message = _(
                "The content of the file “%(name)s” is not of a type that can be attached, "
                "whatever its name says."
            ) % {"name": content.clean_name(str(upload.name or ""))}
            message = f"{message} {allowed_kinds_text()}"
        raise ValidationError({field: message}) from None
    return CheckedFile(
        file=upload, content_type=kind, name=content.safe_name(str(upload.name), kind), size=size
    )


_written: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar(
    "attachments_written", default=None
)


@contextlib.contextmanager
def files_atomic() -> Iterator[None]:
    """``transaction.atomic()`` that also deletes the files written inside it when it
    does not commit. Use it as the owner's outermost transaction (or decorator)."""
    written: list[str] = []
    token = _written.set(written)
    try:
        with transaction.atomic():
            yield
    except BaseException:
        for name in written:
            storage().delete(name)
        raise
    finally:
        _written.reset(token)


def _digest(checked: CheckedFile) -> Any:
    digest = hashlib.sha256()
    checked.file.seek(0)
    for chunk in iter(lambda: checked.file.read(64 * 1024), b""):
        digest.update(chunk)
    checked.file.seek(0)
    return digest


def attached_already(checked: CheckedFile, **owner: Any) -> Attachment | None:
    """The same file (its name and content) that the owner (``intake=…``) has already and
    has not removed: the upload sent twice (a double click, "Back" and send), which the
    owner's service answers with the first instead of storing it again. The caller locks
    the owner's row first, inside its ``files_atomic()``."""
    return Attachment.objects.filter(
        removed_at__isnull=True,
        original_name=checked.name,
        sha256=_digest(checked).hexdigest(),
        **owner,
    ).first()


def _store(checked: CheckedFile) -> tuple[str, str]:
    """Write the file under a random name; (stored name, SHA-256)."""
    digest = _digest(checked)
    now = timezone.now()
    name = storage().save(f"{now:%Y}/{uuid.uuid4().hex}", File(checked.file))
    written = _written.get()
    if written is None:
        storage().delete(name)
        raise RuntimeError("attachment_add runs inside attachments.services.files_atomic()")
    written.append(name)
    return name, digest.hexdigest()


def attachment_add(
    *,
    checked: CheckedFile,
    owner_kind: OwnerKind,
    county_id: int,
    case_id: int | None,
    uploaded_by: User | None,
    now: datetime.datetime | None = None,
    **owner: Any,
) -> Attachment:
    """Store ``checked`` for its owner (``intake=…``, ``enotification=…``, …) inside the
    caller's ``files_atomic()``."""
    stored_name, sha256 = _store(checked)
    return Attachment.objects.create(
        county_id=county_id,
        case_id=case_id,
        owner_kind=owner_kind,
        stored_name=stored_name,
        original_name=checked.name,
        content_type=checked.content_type,
        size=checked.size,
        sha256=sha256,
        uploaded_by=uploaded_by,
        uploaded_at=now or timezone.now(),
        **owner,
    )


def attachments_join_intake(*, enotification_id: int, intake: Any) -> int:
    """The files of a converted e-notification become the intake's too (its case's)."""
    return Attachment.objects.filter(enotification_id=enotification_id, intake__isnull=True).update(
        intake=intake, case_id=intake.case_id
    )


def attachment_remove(*, user: User, attachment: Attachment) -> Attachment:
    """Remove a mistaken attachment: the row stays as history (who added and removed it,
    when, its name and hash), the content is deleted once the removal commits. The owner's
    service decides whether it may be removed now (only its uploader, before the record is
    final) and calls this inside its transaction."""
    attachment.removed_at = timezone.now()
    attachment.removed_by = user
    attachment.save(update_fields=["removed_at", "removed_by"])
    name = attachment.stored_name
    transaction.on_commit(lambda: storage().delete(name))
    return attachment
