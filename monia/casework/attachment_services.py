"""Files attached to an intake (a notifier's letter, a school's form, a photo): added by
the team while the matter is worked on, removed only by whoever added one by mistake and
only until the 7-day decision on the intake is recorded (the record is final then).

Each change writes its chronology row in the same transaction as the file and its row
(``attachments.services.files_atomic``): nothing is half-saved.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from monia.accounts.models import User
from monia.attachments import services as attachments
from monia.attachments.models import Attachment, OwnerKind
from monia.casework.case_services import event_write
from monia.casework.models import EventKind, Intake


def intake_attachment_add(*, user: User, intake: Intake, upload: Any) -> Attachment:
    """Attach a checked file to an intake (``ValidationError`` on "attachment" first)."""
    checked = attachments.attachment_check(upload)
    with attachments.files_atomic():
        list(Intake.objects.select_for_update().filter(pk=intake.pk).values_list("pk"))
        if same := attachments.attached_already(checked, intake=intake):
            return same  # the same file sent again: attached once
        attachment = attachments.attachment_add(
            checked=checked,
            owner_kind=OwnerKind.INTAKE,
            county_id=intake.case.county_id,
            case_id=intake.case_id,
            uploaded_by=user,
            intake=intake,
        )
        event_write(
            case=intake.case, kind=EventKind.ATTACHMENT_ADDED, actor=user, detail=checked.name
        )
    return attachment


def intake_attachment_removable(*, user: User, intake: Intake, attachment: Attachment) -> bool:
    """Whoever added a file may remove it until the decision on the intake is recorded."""
    return (
        not attachment.removed
        and attachment.uploaded_by_id == user.pk
        and attachment.intake_id == intake.pk
        and intake.decision == ""
    )


def intake_attachment_remove(*, user: User, intake: Intake, attachment_id: int) -> Attachment:
    with attachments.files_atomic():
        attachment = (
            Attachment.objects.select_for_update().filter(pk=attachment_id, intake=intake).first()
        )
        if attachment is None or not intake_attachment_removable(
            user=user, intake=intake, attachment=attachment
        ):
            raise ValidationError(
                _(
                    "Only the person who added a file can remove it, and only until the "
                    "decision on the intake is recorded."
                )
            )
        attachments.attachment_remove(user=user, attachment=attachment)
        event_write(
            case=intake.case,
            kind=EventKind.ATTACHMENT_REMOVED,
            actor=user,
            detail=attachment.original_name,
        )
    return attachment
