"""Writes of letters: a letter marked as sent is kept with its words and a chronology row,
in one transaction; a doubled submit, or the same letter previewed and marked sent again
after "Back", keeps one letter."""

from __future__ import annotations

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from monia.accounts.models import User
from monia.casework.case_services import sent_before
from monia.casework.models import Case, EventKind
from monia.casework.services import event_write
from monia.letters.models import Letter, LetterChannel
from monia.letters.snapshot import document_to_json
from monia.people.models import Person
from monia.ui.document import Document


def _kept_already(
    case: Case,
    kind: str,
    recipient: Person,
    document: Document,
    *,
    channel: str,
    sent_on: datetime.date,
) -> Letter | None:
    """The same letter in the same words, to the same person, sent the same way the same
    day, kept already. The preview is the answer to a POST, so "Back" after marking a
    letter sent (the browser sends the preview's form again) or back to the letters page
    and preview again makes a new form: the letter, not the form, tells it is a repeat."""
    return (
        Letter.objects.filter(
            case=case,
            kind=kind,
            recipient=recipient,
            channel=channel,
            sent_on=sent_on,
            content=document_to_json(document),
        )
        .order_by("pk")
        .first()
    )


@transaction.atomic
def letter_send(
    *,
    user: User,
    case: Case,
    kind: str,
    recipient: Person,
    document: Document,
    channel: str,
    sent_on: datetime.date,
    submission_key: uuid.UUID | None = None,
) -> Letter:
    """Keep ``document`` as the letter sent to ``recipient`` and write LETTER_SENT in the
    chronology (the letter's title and the recipient's name: no address). The same
    ``submission_key`` again returns the letter already kept; so does the same letter
    marked sent again (``_kept_already``)."""
    earlier = sent_before(
        Letter.objects.filter(case=case), submission_key, owner="created_by_id", user=user
    )
    if earlier is not None:
        return earlier
    Case.objects.select_for_update().filter(pk=case.pk).first()  # one letter kept at a time
    earlier = _kept_already(case, kind, recipient, document, channel=channel, sent_on=sent_on)
    if earlier is not None:
        return earlier
    errors = {}
    if channel not in LetterChannel.values:
        errors["channel"] = _("Choose how the letter was sent.")
    if sent_on > timezone.localdate():
        errors["sent_on"] = _("The date cannot be in the future.")
    if errors:
        raise ValidationError(errors)
    letter = Letter.objects.create(
        case=case,
        kind=kind,
        recipient=recipient,
        language=document.language,
        title=document.title,
        content=document_to_json(document),
        channel=channel,
        sent_on=sent_on,
        created_by=user,
        submission_key=submission_key,
    )
    event_write(
        case=case,
        kind=EventKind.LETTER_SENT,
        actor=user,
        detail=f"{document.title}: {recipient.recorded_name}",
    )
    return letter
