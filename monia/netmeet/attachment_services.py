"""Files of a network meeting (an agenda, a plan to discuss, a drawing the child made):
added by the team, shared with the organisations invited to the meeting as its material,
removed only by whoever added one by mistake and only while the meeting is still planned.
Each change writes its chronology row in the file's transaction."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from monia.accounts.models import User
from monia.attachments import services as attachments
from monia.attachments.models import Attachment, OwnerKind
from monia.casework.models import EventKind
from monia.casework.services import event_write
from monia.netmeet.models import MeetingStatus, NetworkMeeting


def meeting_attachment_add(*, user: User, meeting: NetworkMeeting, upload: Any) -> Attachment:
    checked = attachments.attachment_check(upload)
    with attachments.files_atomic():
        list(NetworkMeeting.objects.select_for_update().filter(pk=meeting.pk).values_list("pk"))
        if same := attachments.attached_already(checked, network_meeting=meeting):
            return same  # the same file sent again: attached once
        attachment = attachments.attachment_add(
            checked=checked,
            owner_kind=OwnerKind.NETWORK_MEETING,
            county_id=meeting.case.county_id,
            case_id=meeting.case_id,
            uploaded_by=user,
            network_meeting=meeting,
        )
        event_write(
            case=meeting.case, kind=EventKind.ATTACHMENT_ADDED, actor=user, detail=checked.name
        )
    return attachment


def meeting_attachment_remove(
    *, user: User, meeting: NetworkMeeting, attachment_id: int
) -> Attachment:
    with attachments.files_atomic():
        attachment = (
            Attachment.objects.select_for_update()
            .filter(pk=attachment_id, network_meeting=meeting, removed_at__isnull=True)
            .first()
        )
        if (
            attachment is None
            or attachment.uploaded_by_id != user.pk
            or meeting.status != MeetingStatus.PLANNED
        ):
            raise ValidationError(
                _(
                    "Only the person who added a file can remove it, and only while the "
                    "meeting is planned."
                )
            )
        attachments.attachment_remove(user=user, attachment=attachment)
        event_write(
            case=meeting.case,
            kind=EventKind.ATTACHMENT_REMOVED,
            actor=user,
            detail=attachment.original_name,
        )
    return attachment
