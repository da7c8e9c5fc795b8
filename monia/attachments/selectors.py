"""Reads of attachments. Callers have opened the owner through its access rule first:
these only find a file among that owner's (or that case's) files."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q

from monia.attachments.models import Attachment


def attachment_of_case(case_id: int, attachment_id: int, *, user_id: int) -> Attachment | None:
    """A file of a case the caller may read (intake, statement, network meeting, client
    note …). A client note's file is read as the note is: a draft's only by its author
    (``casework.access.note_visible``); to anyone else it is not there."""
    return (
        Attachment.objects.filter(pk=attachment_id, case_id=case_id)
        .filter(
            Q(note__isnull=True) | Q(note__signed_at__isnull=False) | Q(note__author_id=user_id)
        )
        .first()
    )


def attachment_of(field: str, owner_id: int, attachment_id: int) -> Attachment | None:
    """One file of one owner (``field``: "contribution", …), whose rule the caller passed."""
    return Attachment.objects.filter(pk=attachment_id, **{f"{field}_id": owner_id}).first()


def files_of(field: str, owner_ids: list[int]) -> dict[int, list[Attachment]]:
    """The files of these owners (``field``: "intake", "network_meeting", …), removed ones
    too (as history), by owner id: one query. The caller opened the owners by their rule."""
    grouped: dict[int, list[Attachment]] = {pk: [] for pk in owner_ids}
    rows = Attachment.objects.filter(**{f"{field}__in": owner_ids}).select_related("removed_by")
    for a in rows.order_by("uploaded_at", "pk"):
        grouped[getattr(a, f"{field}_id")].append(a)
    return grouped


@dataclass(frozen=True)
class ShownFile:
    """A file as a page lists it, with the download address of the page's own rule."""

    attachment: Attachment
    url: str


def shown(attachments: list[Attachment], url_for: Callable[[Attachment], str]) -> list[ShownFile]:
    return [ShownFile(a, "" if a.removed else url_for(a)) for a in attachments]
