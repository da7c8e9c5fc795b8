"""Writes of My voice and "Were you heard?": each checks its rules before writing anything,
and My voice writes its chronology event in the same transaction."""

from __future__ import annotations

import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from monia.accounts.models import User
from monia.casework.case_services import sent_before
from monia.casework.models import EventKind
from monia.casework.services import event_write
from monia.netmeet.models import MeetingStatus, NetworkMeeting
from monia.notify.services import notify
from monia.portal.access import PortalCase
from monia.portal.services import restriction_request, workers_to_notify
from monia.ui.rows import day_month_year
from monia.voice import scales, selectors
from monia.voice.models import SCALE_FIELDS, TEXT_FIELDS, HeardFeedback, VoiceEntry

TEXT_MAX = 2000


def _scale_error(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        return _("Choose one of the five faces.")
    return None


def _voice_errors(
    portal_case: PortalCase, meeting: NetworkMeeting | None, answers: dict[str, Any]
) -> dict[str, str]:
    errors: dict[str, str] = {}
    asked = {q.field for q in scales.scales_for(portal_case.kind)}
    for field in SCALE_FIELDS:
        value = answers.get(field)
        if value is not None and field not in asked:
            errors[field] = _("This question is not asked of you.")
        elif message := _scale_error(value):
            errors[field] = message
    for field in TEXT_FIELDS:
        if len(answers.get(field) or "") > TEXT_MAX:
            errors[field] = _("Write at most %(n)s characters.") % {"n": TEXT_MAX}
    if meeting is not None and (
        meeting.case_id != portal_case.case.pk or meeting.status != MeetingStatus.PLANNED
    ):
        errors["__all__"] = _("This meeting is not coming up in your matter.")
    has_answer = any(answers.get(f) is not None for f in SCALE_FIELDS) or any(
        (answers.get(f) or "").strip() for f in TEXT_FIELDS
    )
    if not has_answer and not errors:
        errors["__all__"] = _("Choose at least one face or write something.")
    return errors


def voice_entry_give(
    *,
    user: User,
    portal_case: PortalCase,
    meeting: NetworkMeeting | None,
    answers: dict[str, Any],
    submission_key: uuid.UUID | None = None,
) -> VoiceEntry:
    """My voice (nuoren ääni, LsL 20 §) before a meeting, or "for my next meeting" when
    ``meeting`` is None; written with its CLIENT_VOICE event in the record. The same form
    sent twice (a double click, "Back" and send) saves, records and notifies once."""
    errors = _voice_errors(portal_case, meeting, answers)
    if errors:
        raise ValidationError(errors)
    case = portal_case.case
    with transaction.atomic():
        given = sent_before(VoiceEntry.objects.all(), submission_key, owner="author_id", user=user)
        if given is not None:
            return given
        entry = VoiceEntry.objects.create(
            submission_key=submission_key,
            case=case,
            meeting=meeting,
            author=user,
            author_person=portal_case.client,
            kind=portal_case.kind,
            **{f: answers.get(f) for f in SCALE_FIELDS},
            **{f: (answers.get(f) or "").strip() for f in TEXT_FIELDS},
        )
        event_write(case=case, kind=EventKind.CLIENT_VOICE, actor=user, detail=_detail(entry))
        link = (
            reverse("network_meeting_detail", kwargs={"case_id": case.pk, "meeting_id": meeting.pk})
            if meeting is not None
            else reverse("case_detail", kwargs={"case_id": case.pk})
        )
        notify(
            users=workers_to_notify(case),
            kind="client_voice",
            message=gettext_noop("A client told their view before a meeting."),
            link=link,
        )
    return entry


def _detail(entry: VoiceEntry) -> str:
    """The chronology line: which meeting, and the client's message to the adults."""
    parts = []
    if entry.meeting is not None:
        held_at = timezone.localtime(entry.meeting.held_at)
        parts.append(f"{day_month_year(held_at, with_time=True)} {entry.meeting.place}")
    if entry.adults_know:
        parts.append(entry.adults_know)
    return ": ".join(parts)


def heard_feedback_save(
    *,
    user: User,
    portal_case: PortalCase,
    meeting: NetworkMeeting,
    score: Any,
    comment: str = "",
) -> HeardFeedback:
    """ "Were you heard?" after a held meeting; a second answer replaces the first."""
    errors: dict[str, str] = {}
    if meeting.case_id != portal_case.case.pk or meeting.status != MeetingStatus.HELD:
        errors["__all__"] = _("You can answer this only after a meeting in your matter.")
    if score is None:
        errors["score"] = _("Choose how well you were heard.")
    elif message := _scale_error(score):
        errors["score"] = message
    if len(comment) > TEXT_MAX:
        errors["comment"] = _("Write at most %(n)s characters.") % {"n": TEXT_MAX}
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        feedback, _created = HeardFeedback.objects.select_for_update().update_or_create(
            meeting=meeting,
            author=user,
            defaults={
                "author_person": portal_case.client,
                "kind": portal_case.kind,
                "score": score,
                "comment": comment.strip(),
            },
        )
    return feedback


def voice_restriction_request(*, user: User, portal_case: PortalCase, entry_id: object) -> int:
    """A young person asks that the guardians do not hear one of their My voice answers:
    the workers keep it to themselves if the worker agrees (portal.GuardianRestriction)."""
    entry = selectors.own_entry(portal_case.case, entry_id, author=user)
    if entry is None:
        raise ValidationError({"__all__": _("Choose one of your own answers.")})
    created = timezone.localtime(entry.created_at)
    return restriction_request(
        user=user,
        portal_case=portal_case,
        document_key=selectors.voice_key(entry),
        title=_("My voice answer of %(date)s") % {"date": f"{created:%-d.%-m.%Y}"},
    )
