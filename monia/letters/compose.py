"""From the letter form to the letter: the recipient, the record the letter is written
from, and the `Document` (``build``). Missing input raises ``ValidationError`` keyed by the
form's fields; nothing is written here."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from monia.accounts.models import User
from monia.casework.models import Case
from monia.letters import build, build_meetings, selectors
from monia.letters.models import LetterKind
from monia.letters.recipients import Recipient, recipient_get
from monia.ui.document import Document


@dataclass(frozen=True)
class Composed:
    kind: str
    recipient: Recipient
    document: Document


def letter_compose(
    *, case: Case, data: dict[str, Any], sender: User, today: datetime.date
) -> Composed:
    recipient = recipient_get(case, data["recipient"], on=today)
    if recipient is None:
        raise ValidationError({"recipient": _("Choose a member of the child's family.")})
    common = {
        "recipient": recipient,
        "sender": sender,
        "language": data.get("language") or None,
        "today": today,
    }
    kind = data["kind"]
    try:
        document = BUILDERS[kind](case, data, common)
    except build.LetterUnavailable as exc:
        raise ValidationError({"kind": str(exc)}) from exc
    return Composed(kind=kind, recipient=recipient, document=document)


def _required(data: dict[str, Any], *names: str) -> None:
    missing = {n: _("This letter needs this.") for n in names if not data.get(n)}
    if missing:
        raise ValidationError(missing)


def _notification(case: Case, data: dict[str, Any], common: dict[str, Any]) -> Document:
    _required(data, "intake")
    intake = selectors.intakes_of_case(case).filter(pk=data["intake"]).first()
    if intake is None:
        raise ValidationError({"intake": _("Choose a notification of this case.")})
    return build.notification_received_letter(intake=intake, **common)


def _assessment(case: Case, data: dict[str, Any], common: dict[str, Any]) -> Document:
    _required(data, "assessment")
    assessment = selectors.assessments_done(case).filter(pk=data["assessment"]).first()
    if assessment is None:
        raise ValidationError({"assessment": _("Choose a completed assessment of this case.")})
    return build.assessment_summary_letter(
        assessment=assessment, family_view=data.get("family_view") or "", **common
    )


def _plan(case: Case, data: dict[str, Any], common: dict[str, Any]) -> Document:
    return build.plan_letter(case=case, **common)


def _network_meeting(case: Case, data: dict[str, Any], common: dict[str, Any]) -> Document:
    _required(data, "meeting")
    meeting = selectors.meetings_planned(case).filter(pk=data["meeting"]).first()
    if meeting is None:
        raise ValidationError({"meeting": _("Choose a planned network meeting of this case.")})
    return build_meetings.network_meeting_letter(meeting=meeting, **common)


def _meeting(case: Case, data: dict[str, Any], common: dict[str, Any]) -> Document:
    _required(data, "meeting_purpose", "starts_at", "place", "invited", "topics")
    if data["starts_at"] < timezone.now():
        raise ValidationError({"starts_at": _("The meeting time has already passed.")})
    details = build_meetings.MeetingDetails(
        purpose=data["meeting_purpose"],
        starts_at=data["starts_at"],
        place=data["place"],
        invited=data["invited"],
        topics=data["topics"],
    )
    return build_meetings.meeting_letter(case=case, details=details, **common)


BUILDERS: dict[str, Callable[[Case, dict[str, Any], dict[str, Any]], Document]] = {
    LetterKind.NOTIFICATION_RECEIVED: _notification,
    LetterKind.ASSESSMENT_SUMMARY: _assessment,
    LetterKind.CLIENT_PLAN: _plan,
    LetterKind.NETWORK_MEETING: _network_meeting,
    LetterKind.MEETING: _meeting,
}
