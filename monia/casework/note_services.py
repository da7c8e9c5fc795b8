"""Writes for client notes (asiakaskertomus): writing a draft, signing it, amending it.

A draft is its author's: only they edit or sign it, and each save carries the version
the author started from — a stale one saves nothing (``NoteConflict``). Signing locks the
note and writes its line in the chronology; a signed note is never rewritten (the
database refuses as well, migration 0012) and is amended by a new row under it.

A draft's author may attach files to it and remove them (``attachments``); once the
note is signed its files are part of it and stay — as its text does. The note and its
file are saved in one ``files_atomic()``: a refused note leaves no file behind.

Writing a note and amending one are safe to repeat: a second submission of the same
form (its submission key) creates nothing and says so (``created`` is False). Every
function runs in one transaction and raises ``ValidationError`` (field → translated
message) before touching anything when the input is wrong, so nothing is half-saved.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from monia import deadlines
from monia.accounts.models import User
from monia.attachments import services as attachments
from monia.attachments.models import Attachment, OwnerKind
from monia.casework.case_services import event_write, moment, sent_before, today
from monia.casework.models import (
    CancellationReason,
    Case,
    CaseStage,
    ClientNote,
    ContactMethod,
    EventKind,
    NoteAmendment,
    NoteType,
)
from monia.casework.note_models import TYPE_FIELDS
from monia.casework.note_selectors import family_members
from monia.people.models import Person

# Long enough for a long meeting's notes; beyond it a paste went wrong.
NOTE_TEXT_MAX_LENGTH = 20_000
TEXT_FIELDS = (
    "participants",
    "discussed",
    "agreed",
    "child_view",
    "child_view_reason",
    "info_purpose",
    "info_requested",
    "info_received",
)
SHORT_TEXT_FIELDS = ("place", "info_source")  # at most 200 characters


class NoteConflict(ValidationError):
    """The draft was saved (or signed) elsewhere after this form was opened."""


class NoteAlreadySigned(ValidationError):
    """The note was signed already: a repeated "Sign" changes nothing."""


CONFLICT_MESSAGE = gettext_lazy(
    "This draft was saved in another window after you opened it. Your text is kept below; "
    "compare it with the saved note and save again."
)


def _text_errors(note: ClientNote) -> dict[str, str]:
    errors: dict[str, str] = {}
    for field in TEXT_FIELDS:
        if len(getattr(note, field)) > NOTE_TEXT_MAX_LENGTH:
            errors[field] = _("The text can be at most %(max)s characters long.") % {
                "max": NOTE_TEXT_MAX_LENGTH
            }
    for field in SHORT_TEXT_FIELDS:
        if len(getattr(note, field)) > 200:
            errors[field] = _("The text can be at most %(max)s characters long.") % {"max": 200}
    return errors


def _draft_errors(note: ClientNote, persons: Iterable[Person] | None) -> dict[str, str]:
    """What a draft cannot be saved with: a wrong type or code, an impossible date, text
    too long, someone named who is not of the child's family."""
    errors = _text_errors(note)
    if note.note_type not in NoteType.values:
        errors["note_type"] = _("Choose the type of entry.")
        return errors
    if note.occurred_on is None:
        errors["occurred_on"] = _("Give the date.")
    elif note.occurred_on > today() and note.note_type != NoteType.CANCELLED:
        errors["occurred_on"] = _("The date cannot be in the future.")
    if note.info_received_on is not None and note.info_received_on > today():
        errors["info_received_on"] = _("The date cannot be in the future.")
    if note.contact_method and note.contact_method not in ContactMethod.values:
        errors["contact_method"] = _("Choose the way of contact from the list.")
    if note.cancellation_reason and note.cancellation_reason not in CancellationReason.values:
        errors["cancellation_reason"] = _("Choose the reason from the list.")
    if persons is not None:
        family = {p.pk for p in family_members(note.case.child)}
        if any(p.pk not in family for p in persons):
            errors["persons"] = _("Choose family members of the child only.")
    return errors


def sign_errors(note: ClientNote) -> dict[str, str]:
    """What a note needs before it is signed, after its Sosmeta definition and LsL 20 §."""
    errors: dict[str, str] = {}
    if note.note_type == NoteType.INFORMATION:
        if not note.info_source.strip():
            errors["info_source"] = _("Say whom the information was asked from or given by.")
        if not note.info_requested.strip() and not note.info_received.strip():
            errors["info_requested"] = _("Record the information requested or received.")
        if note.info_received.strip() and note.info_received_on is None:
            errors["info_received_on"] = _("Give the date the information was received.")
    elif not note.discussed.strip():
        errors["discussed"] = (
            _("Record more about the cancellation.")
            if note.note_type == NoteType.CANCELLED
            else _("Record what was discussed or done.")
        )
    if note.note_type == NoteType.CANCELLED and not note.cancellation_reason:
        errors["cancellation_reason"] = _("Choose the reason for the cancellation.")
    if note.child_took_part and not note.child_view.strip() and not note.child_view_reason.strip():
        errors["child_view"] = _(
            "The child took part: record the child's own view, or why it is not recorded "
            "(LsL 20 §)."
        )
    return errors


def _apply(note: ClientNote, data: dict[str, Any]) -> list[Person] | None:
    """Copy the fields this type of entry has from ``data`` onto ``note`` (the others stay
    empty); return the family members named, or None when ``data`` does not name them."""
    note.occurred_on = data.get("occurred_on", note.occurred_on)
    note.occurred_time = data.get("occurred_time", note.occurred_time)
    fields = TYPE_FIELDS.get(note.note_type, ())
    for field in fields:
        if field in data and field != "persons":
            value = data[field]
            setattr(note, field, value.strip() if isinstance(value, str) else value)
    if "child_took_part" in fields and "child_took_part" in data:
        note.child_took_part = bool(data["child_took_part"])
    if "persons" in fields and "persons" in data:
        return list(data["persons"] or [])
    return None


def _attach(user: User, note: ClientNote, upload: Any) -> Attachment:
    """Store a checked file for the draft, inside the caller's ``files_atomic()``."""
    return attachments.attachment_add(
        checked=attachments.attachment_check(upload),
        owner_kind=OwnerKind.NOTE,
        county_id=note.case.county_id,
        case_id=note.case_id,
        uploaded_by=user,
        note=note,
    )


def _same_target(saved_on: int, sent_on: int) -> None:
    """A form session's key saved a note (an amendment) of one case (note): sent again
    for another, it is refused like another user's key."""
    if saved_on != sent_on:
        raise ValidationError(_("This form was sent already. Open a new form."))


@attachments.files_atomic()
def note_create(
    *,
    user: User,
    case: Case,
    note_type: str,
    data: dict[str, Any],
    submission_key: uuid.UUID | None = None,
    upload: Any = None,
) -> tuple[ClientNote, bool]:
    """Write a draft note, with a file when ``upload`` is given; (the note, True). The
    same form sent again returns the note it saved the first time and False: nothing is
    saved twice."""
    if upload is not None:
        upload = attachments.attachment_check(upload)
    existing = sent_before(ClientNote.objects.all(), submission_key, owner="author_id", user=user)
    if existing is not None:
        _same_target(existing.case_id, case.pk)
        return existing, False
    if case.stage == CaseStage.CLOSED:
        raise ValidationError(
            _("The case is closed: a new note is written in the child's new case.")
        )
    note = ClientNote(case=case, note_type=note_type, author=user, submission_key=submission_key)
    persons = _apply(note, data)
    errors = _draft_errors(note, persons)
    if errors:
        raise ValidationError(errors)
    note.save()
    if persons:
        note.persons.set(persons)
    if upload is not None:
        _attach(user, note, upload)
    return note, True


def _draft_for_update(user: User, note: ClientNote, lock_version: int) -> ClientNote:
    note = ClientNote.objects.select_for_update().select_related("case__child").get(pk=note.pk)
    if note.signed:
        raise NoteAlreadySigned(_("The note is signed already. Add an amendment instead."))
    if note.author_id != user.pk:
        raise ValidationError(_("Only the author of a draft edits or signs it."))
    if note.lock_version != lock_version:
        raise NoteConflict(CONFLICT_MESSAGE)
    return note


@attachments.files_atomic()
def note_update(
    *,
    user: User,
    note: ClientNote,
    data: dict[str, Any],
    lock_version: int,
    upload: Any = None,
    remove: Iterable[int] = (),
) -> ClientNote:
    """Save the author's draft over the version they opened, adding the file ``upload``
    and removing the draft's files ``remove`` (ids); a stale version saves nothing."""
    if upload is not None:
        upload = attachments.attachment_check(upload)
    note = _draft_for_update(user, note, lock_version)
    persons = _apply(note, data)
    errors = _draft_errors(note, persons)
    if errors:
        raise ValidationError(errors)
    note.lock_version += 1
    note.save()
    if persons is not None:
        note.persons.set(persons)
    removed = set(remove)
    for attachment in Attachment.objects.select_for_update().filter(
        note=note, pk__in=removed, removed_at__isnull=True
    ):
        attachments.attachment_remove(user=user, attachment=attachment)
    if upload is not None:
        _attach(user, note, upload)
    return note


def _moment(note: ClientNote) -> datetime.datetime:
    """When the note's event happened, for the chronology."""
    if note.occurred_time is not None:
        return datetime.datetime.combine(
            note.occurred_on, note.occurred_time, tzinfo=deadlines.HELSINKI
        )
    return moment(note.occurred_on)


@transaction.atomic
def note_sign(*, user: User, note: ClientNote, lock_version: int) -> ClientNote:
    """Sign the author's draft: it is locked from now on and shows in the chronology."""
    note = _draft_for_update(user, note, lock_version)
    errors = sign_errors(note)
    if errors:
        raise ValidationError(errors)
    note.signed_at = timezone.now()
    note.signed_by = user
    note.lock_version += 1
    note.save(update_fields=["signed_at", "signed_by", "lock_version", "updated_at"])
    event_write(
        case=note.case,
        kind=EventKind.CLIENT_NOTE,
        actor=user,
        detail=note.note_type,
        occurred_at=_moment(note),
        client_note=note,
    )
    return note


@transaction.atomic
def note_amend(
    *,
    user: User,
    note: ClientNote,
    text: str,
    reason: str,
    submission_key: uuid.UUID | None = None,
) -> tuple[NoteAmendment, bool]:
    """Add an amendment under a signed note; (the amendment, True), or the one the same
    form saved before and False."""
    existing = sent_before(
        NoteAmendment.objects.all(), submission_key, owner="author_id", user=user
    )
    if existing is not None:
        _same_target(existing.note_id, note.pk)
        return existing, False
    note = ClientNote.objects.select_for_update().select_related("case").get(pk=note.pk)
    errors: dict[str, str] = {}
    if not note.signed:
        raise ValidationError(_("Only a signed note is amended: edit the draft instead."))
    if not text.strip():
        errors["text"] = _("Write the amendment.")
    if not reason.strip():
        errors["reason"] = _("Give the reason for the amendment.")
    for field, value in (("text", text), ("reason", reason)):
        if len(value) > NOTE_TEXT_MAX_LENGTH:
            errors[field] = _("The text can be at most %(max)s characters long.") % {
                "max": NOTE_TEXT_MAX_LENGTH
            }
    if errors:
        raise ValidationError(errors)
    amendment = NoteAmendment.objects.create(
        note=note,
        text=text.strip(),
        reason=reason.strip(),
        author=user,
        submission_key=submission_key,
    )
    event_write(
        case=note.case,
        kind=EventKind.CLIENT_NOTE_AMENDED,
        actor=user,
        detail=note.note_type,
        client_note=note,
    )
    return amendment, True
