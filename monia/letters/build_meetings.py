"""Meeting invitations: a network meeting recorded in ``monia.netmeet``, and a client plan
meeting or a meeting with the worker written from the letter form (Monia keeps no object
for those). The portal is named only for a recipient the portal lets in, and only for what
it offers: the "My voice" page, read by the workers before the meeting (monia/voice)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from monia.accounts.models import User
from monia.casework.models import Case
from monia.letters.frame import child_rows, letter_document, letter_language
from monia.letters.recipients import Recipient, may_use_portal
from monia.netmeet.models import NetworkMeeting
from monia.ui.document import Document, Section
from monia.ui.pdf import date_text


class MeetingPurpose:
    PLAN = "plan"
    WORKER = "worker"


@dataclass(frozen=True)
class MeetingDetails:
    """A meeting the worker describes in the letter form."""

    purpose: str  # MeetingPurpose
    starts_at: datetime.datetime
    place: str
    invited: str
    topics: str


def _when(at: datetime.datetime) -> str:
    local = timezone.localtime(at)
    return _("%(date)s at %(time)s") % {"date": date_text(local.date()), "time": f"{local:%H.%M}"}


def _your_view(case: Case, recipient: Recipient, today: datetime.date) -> Section:
    paragraphs = []
    if may_use_portal(case, recipient, on=today):
        paragraphs.append(
            _(
                "You can write your view before the meeting in Monia's participation "
                "portal, on the page “My voice”. The workers read it."
            )
        )
    paragraphs.append(_("You can also call or write to the worker before the meeting."))
    paragraphs.append(_("If you cannot come, please tell the worker. We will find another time."))
    return Section(_("Your own view"), tuple(paragraphs))


def network_meeting_letter(
    *,
    meeting: NetworkMeeting,
    recipient: Recipient,
    sender: User,
    language: str | None = None,
    today: datetime.date | None = None,
) -> Document:
    """An invitation to a planned network meeting (verkostopalaveri): when, where, who is
    invited (names and organisations only), what is discussed, how to give one's view."""
    case, today = meeting.case, today or timezone.localdate()
    lang = letter_language(recipient, language)
    with translation.override(lang):
        rows = [*child_rows(case), (_("Time"), _when(meeting.held_at)), (_("Place"), meeting.place)]
        if meeting.remote_link:
            rows.append((_("Remote meeting link"), meeting.remote_link))
        invited = [str(i) for i in meeting.invitees.select_related("organisation")]
        sections = [
            Section(
                "",
                (
                    _(
                        "Welcome to a network meeting. The family and the people who help the "
                        "child meet together. We agree who does what."
                    ),
                ),
                tuple(rows),
            ),
            Section(_("What we will talk about"), (meeting.agenda,)),
            Section(_("Who is invited"), ("\n".join(invited) or "—",)),
            _your_view(case, recipient, today),
        ]
        return letter_document(
            case=case,
            recipient=recipient,
            sender=sender,
            language=lang,
            title=_("Invitation to a network meeting"),
            sections=sections,
            today=today,
        )


def meeting_letter(
    *,
    case: Case,
    details: MeetingDetails,
    recipient: Recipient,
    sender: User,
    language: str | None = None,
    today: datetime.date | None = None,
) -> Document:
    """An invitation to a client plan meeting (LsL 30 §) or to meet the worker, from what
    the worker typed: date, time, place, who is invited, what is discussed."""
    today = today or timezone.localdate()
    lang = letter_language(recipient, language)
    with translation.override(lang):
        plan = details.purpose == MeetingPurpose.PLAN
        intro = (
            _(
                "Welcome to a client plan meeting. Together we agree what help the child and "
                "the family get."
            )
            if plan
            else _("Welcome to meet the social worker.")
        )
        rows = [
            *child_rows(case),
            (_("Time"), _when(details.starts_at)),
            (_("Place"), details.place),
        ]
        sections = [
            Section("", (intro,), tuple(rows)),
            Section(_("What we will talk about"), (details.topics,)),
            Section(_("Who is invited"), (details.invited,)),
            _your_view(case, recipient, today),
        ]
        title = (
            _("Invitation to a client plan meeting")
            if plan
            else _("Invitation to meet the social worker")
        )
        return letter_document(
            case=case,
            recipient=recipient,
            sender=sender,
            language=lang,
            title=title,
            sections=sections,
            today=today,
        )
