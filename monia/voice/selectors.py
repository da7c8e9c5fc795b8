"""Reads of My voice and "Were you heard?".

The portal's functions take a case the policy has already opened
(``portal.access.portal_case_get``); the staff template tags take a meeting or an agenda item
whose page already passed ``policy.case_get_for_user``. Nothing here decides access,
except that a meeting is only found within the case it belongs to.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import CharField, Count, Exists, OuterRef, Q, QuerySet, Sum, Value
from django.db.models.functions import Cast, Concat, TruncMonth
from django.utils import timezone

from monia.accounts.models import User
from monia.casework.models import Case
from monia.netmeet.models import MeetingStatus, NetworkMeeting
from monia.portal.models import GuardianRestriction, RestrictionStatus
from monia.systemic.models import AgendaItem
from monia.voice import scales
from monia.voice.models import HeardFeedback, VoiceEntry

HEARD_OPEN_DAYS = 60  # the portal asks "Were you heard?" for meetings held this recently
INDICATOR_MONTHS = 12


def meeting_of_case(case: Case, meeting_id: object, *, status: str) -> NetworkMeeting | None:
    """The case's meeting in this status; None for another case's, a missing one or junk."""
    if not str(meeting_id).isdigit():
        return None
    return NetworkMeeting.objects.filter(pk=int(str(meeting_id)), case=case, status=status).first()


def heard_open(meeting: NetworkMeeting, *, now: datetime.datetime | None = None) -> bool:
    """Whether the portal offers "Were you heard?" for this meeting now."""
    now = now or timezone.now()
    return (
        meeting.status == MeetingStatus.HELD
        and now - datetime.timedelta(days=HEARD_OPEN_DAYS) <= meeting.held_at <= now
    )


@dataclasses.dataclass(frozen=True)
class HeldMeeting:
    meeting: NetworkMeeting
    answer: HeardFeedback | None


def recent_held_meetings(
    case: Case, *, author: User, now: datetime.datetime | None = None
) -> list[HeldMeeting]:
    """The case's meetings held in the last 60 days, each with the client's own answer."""
    now = now or timezone.now()
    meetings = list(
        NetworkMeeting.objects.filter(
            case=case,
            status=MeetingStatus.HELD,
            held_at__gte=now - datetime.timedelta(days=HEARD_OPEN_DAYS),
            held_at__lte=now,
        ).order_by("-held_at")
    )
    answers = {
        f.meeting_id: f for f in HeardFeedback.objects.filter(meeting__in=meetings, author=author)
    }
    return [HeldMeeting(m, answers.get(m.pk)) for m in meetings]


def heard_answer(meeting: NetworkMeeting, *, author: User) -> HeardFeedback | None:
    return HeardFeedback.objects.filter(meeting=meeting, author=author).first()


def voice_key(entry: VoiceEntry) -> str:
    """The entry's key among the documents a guardian may be kept from (GuardianRestriction)."""
    return f"voice:{entry.pk}"


def with_privacy(entries: QuerySet[VoiceEntry]) -> QuerySet[VoiceEntry]:
    """The entries, each annotated with the state of "not for the guardians" over all the
    guardians' rows (GuardianRestriction keyed "voice:<pk>") in the same query."""
    rows = GuardianRestriction.objects.filter(
        case_id=OuterRef("case_id"),
        document_key=Concat(Value("voice:"), Cast(OuterRef("pk"), CharField())),
    )
    return entries.annotate(
        private_requested=Exists(rows.filter(status=RestrictionStatus.REQUESTED)),
        private_declined=Exists(rows.filter(status=RestrictionStatus.DECLINED)),
        private_in_force=Exists(rows.filter(status=RestrictionStatus.IN_FORCE)),
    )


def _private(entry: VoiceEntry) -> str:
    """ "" (never asked), requested, declined or in_force (see ``with_privacy``)."""
    for status in ("requested", "declined", "in_force"):
        if getattr(entry, f"private_{status}", False):
            return status
    return ""


@dataclasses.dataclass(frozen=True)
class OwnEntry:
    """One of the client's own entries, and whether they asked to keep it from guardians."""

    entry: VoiceEntry
    private: str  # "" | requested | in_force | declined


def entries_by_author(case: Case, *, author: User, limit: int = 5) -> list[OwnEntry]:
    """What this client has told before meetings of this case, newest first."""
    entries = with_privacy(
        VoiceEntry.objects.filter(case=case, author=author).select_related("meeting")
    ).order_by("-created_at", "-pk")[:limit]
    return [OwnEntry(e, _private(e)) for e in entries]


def own_entry(case: Case, entry_id: object, *, author: User) -> VoiceEntry | None:
    """The client's own entry of this case; None for another's, a missing one or junk."""
    if not str(entry_id).isdigit():
        return None
    return VoiceEntry.objects.filter(pk=int(str(entry_id)), case=case, author=author).first()


# --- Staff pages --------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Answer:
    label: str
    value: int
    text: str  # the face's words, e.g. "Good"


@dataclasses.dataclass(frozen=True)
class EntryView:
    """One entry as the staff pages show it: labelled answers in the reader's language."""

    entry: VoiceEntry
    scales: list[Answer]
    texts: list[tuple[str, str]]
    private: str = ""  # the young person asked that guardians do not see it: the state


def entry_view(entry: VoiceEntry) -> EntryView:
    answers = [
        Answer(str(q.label), value, scales.face_label(value))
        for q in scales.scales_for(entry.kind)
        if (value := getattr(entry, q.field)) is not None
    ]
    texts = [
        (str(q.label), text)
        for q in scales.texts_for(entry.kind)
        if (text := getattr(entry, q.field))
    ]
    return EntryView(entry, answers, texts, _private(entry))


def _views(entries: QuerySet[VoiceEntry]) -> list[EntryView]:
    return [entry_view(e) for e in with_privacy(entries)]


def entry_for_key(case: Case, key: str) -> EntryView | None:
    """The case's entry named by a restriction key ("voice:7"), for the worker's page."""
    kind, _sep, pk = key.partition(":")
    if kind != "voice" or not pk.isdigit():
        return None
    views = _views(VoiceEntry.objects.filter(pk=int(pk), case=case).select_related("author_person"))
    return views[0] if views else None


def entries_asked_about(case: Case) -> dict[str, EntryView]:
    """The case's entries a young person asked to keep from the guardians, the request
    waiting for the worker, by restriction key ("voice:7"): one query for the worker's page,
    however many requests it lists."""
    asked = GuardianRestriction.objects.filter(
        case_id=OuterRef("case_id"),
        document_key=Concat(Value("voice:"), Cast(OuterRef("pk"), CharField())),
        status=RestrictionStatus.REQUESTED,
    )
    entries = VoiceEntry.objects.filter(Exists(asked), case=case).select_related("author_person")
    return {voice_key(v.entry): v for v in _views(entries)}


@dataclasses.dataclass(frozen=True)
class MeetingVoices:
    entries: list[EntryView]
    heard: list[HeardFeedback]


def meeting_voices(meeting: NetworkMeeting) -> MeetingVoices:
    """The clients' entries for this meeting, and those written "for my next meeting"
    since the case's previous meeting; and the "Were you heard?" answers. Three queries."""
    previous = (
        NetworkMeeting.objects.filter(case_id=meeting.case_id, held_at__lt=meeting.held_at)
        .order_by("-held_at")
        .values_list("held_at", flat=True)
        .first()
    )
    next_meeting = Q(meeting__isnull=True, created_at__lte=meeting.held_at)
    if previous is not None:
        next_meeting &= Q(created_at__gt=previous)
    entries = (
        VoiceEntry.objects.filter(case_id=meeting.case_id)
        .filter(Q(meeting=meeting) | next_meeting)
        .select_related("author_person")
        .order_by("created_at", "pk")
    )
    heard = list(
        HeardFeedback.objects.filter(meeting=meeting)
        .select_related("author_person")
        .order_by("created_at", "pk")
    )
    return MeetingVoices(_views(entries), heard)


@dataclasses.dataclass(frozen=True)
class ItemVoices:
    since: datetime.datetime | None  # when the team last discussed the family; None: never
    entries: list[EntryView]


def voices_since_last_discussed(item: AgendaItem) -> ItemVoices:
    """The family's entries given since the team last discussed the family (before this
    meeting): from the close of that meeting, or its morning when it was never closed."""
    last = (
        AgendaItem.objects.filter(
            case_id=item.case_id, discussed=True, meeting__held_on__lt=item.meeting.held_on
        )
        .select_related("meeting")
        .order_by("-meeting__held_on")
        .first()
    )
    since: datetime.datetime | None = None
    if last is not None:
        since = last.meeting.closed_at or timezone.make_aware(
            datetime.datetime.combine(last.meeting.held_on, datetime.time.min)
        )
    entries = VoiceEntry.objects.filter(case_id=item.case_id)
    if since is not None:
        entries = entries.filter(created_at__gte=since)
    return ItemVoices(
        since,
        _views(entries.select_related("author_person", "meeting").order_by("created_at", "pk")),
    )


# --- Development indicators ---------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class MonthRow:
    month: datetime.date  # the first day of the month
    heard_answers: int
    heard_mean: Decimal | None  # one decimal; None when nobody answered
    heard_high_share: int | None  # per cent answering 4 or 5, rounded
    voice_entries: int


def _months(until: datetime.date, count: int) -> list[datetime.date]:
    first = until.replace(day=1)
    months = []
    for _ in range(count):
        months.append(first)
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    return months[::-1]


def _round(value: Decimal, places: str) -> Decimal:
    return value.quantize(Decimal(places), rounding=ROUND_HALF_UP)


def participation_by_month(
    *, county_id: int, team_id: int | None, until: datetime.date
) -> list[MonthRow]:
    """Per month of the last twelve (until ``until``'s month): "Were you heard?" answers
    about meetings held that month, their mean, the share answering 4–5, and the My voice
    entries given that month; the county's cases, or one team's. Two queries."""
    months = _months(until, INDICATOR_MONTHS)
    tz = timezone.get_current_timezone()
    start = timezone.make_aware(datetime.datetime.combine(months[0], datetime.time.min), tz)
    end_month = (months[-1] + datetime.timedelta(days=32)).replace(day=1)
    end = timezone.make_aware(datetime.datetime.combine(end_month, datetime.time.min), tz)
    heard = {
        timezone.localdate(row["month"], tz): row
        for row in HeardFeedback.objects.filter(
            _scope("meeting__case__", county_id, team_id),
            meeting__held_at__gte=start,
            meeting__held_at__lt=end,
        )
        .annotate(month=TruncMonth("meeting__held_at", tzinfo=tz))
        .values("month")
        .annotate(n=Count("pk"), total=Sum("score"), high=Count("pk", filter=Q(score__gte=4)))
    }
    voices = {
        timezone.localdate(month, tz): n
        for month, n in VoiceEntry.objects.filter(
            _scope("case__", county_id, team_id), created_at__gte=start, created_at__lt=end
        )
        .annotate(month=TruncMonth("created_at", tzinfo=tz))
        .values("month")
        .annotate(n=Count("pk"))
        .values_list("month", "n")
    }
    return [_month_row(month, heard.get(month), voices.get(month, 0)) for month in months]


def _scope(prefix: str, county_id: int, team_id: int | None) -> Q:
    """The county's cases, or one team's (policy.caseload_scope)."""
    scope = Q(**{f"{prefix}county_id": county_id})
    if team_id is not None:
        scope &= Q(**{f"{prefix}team_id": team_id})
    return scope


def _month_row(month: datetime.date, heard: Mapping[str, Any] | None, voices: int) -> MonthRow:
    if not heard:
        return MonthRow(month, 0, None, None, voices)
    n = heard["n"]
    return MonthRow(
        month=month,
        heard_answers=n,
        heard_mean=_round(Decimal(heard["total"]) / n, "0.1"),
        heard_high_share=int(_round(Decimal(heard["high"] * 100) / n, "1")),
        voice_entries=voices,
    )
