"""The family's timeline (aikajana): one date-ordered list drawn from every record that
says when something happened to the child.

Sources: the case chronology, the intakes as received, the signed client notes
(asiakaskertomus), the life events the team has recorded, the team meetings where the
family was discussed and the expert group's consultations (LsL 14 §). The chronology's
own "intake received" and "client note" lines are left out: the intakes and the notes
themselves stand for them, with their kind, and a note with a link to it.

Six queries whatever the length of the history. The caller has reached the case
through ``policy.case_get_for_user``.
"""

from __future__ import annotations

import datetime
import itertools
import math
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from monia.casework.models import Case, ChronologyEvent, ClientNote, EventKind, Intake
from monia.experts.models import ExpertCase
from monia.systemic.models import AgendaItem, AgendaReason, LifeEvent


@dataclass(frozen=True)
class Kind:
    code: str
    label: Promise  # translated when shown
    colour: str  # contrast at least 4.5:1 on white


KINDS: dict[str, Kind] = {
    k.code: k
    for k in (
        Kind("intake", gettext_lazy("Intake"), "#1d4e89"),
        Kind("record", gettext_lazy("Case record"), "#4a4a55"),
        Kind("note", gettext_lazy("Client note"), "#005f73"),
        Kind("life_event", gettext_lazy("Life event"), "#2e6b30"),
        Kind("meeting", gettext_lazy("Team meeting"), "#6b2d83"),
        Kind("expert", gettext_lazy("Expert group"), "#8a3c00"),
    )
}
KIND_ORDER = list(KINDS)
END_OF_DAY = 24 * 3600  # date-only entries sort after the day's timed ones


@dataclass(frozen=True)
class TimelineEntry:
    date: datetime.date
    kind: str  # a key of KINDS
    title: str
    detail: str
    source: str
    url: str = ""  # a follow-up page, e.g. recording the expert group's statement
    url_label: str = ""
    seconds: int = END_OF_DAY  # time of day, for the order within one day
    url_for_all: bool = False  # a page to read (not a form): linked for every reader

    @property
    def kind_label(self) -> str:
        return str(KINDS[self.kind].label)

    @property
    def colour(self) -> str:
        return KINDS[self.kind].colour

    def sort_key(self) -> tuple[datetime.date, int, int]:
        return (self.date, self.seconds, KIND_ORDER.index(self.kind))


def _seconds(moment: datetime.datetime) -> int:
    local = timezone.localtime(moment)
    return local.hour * 3600 + local.minute * 60 + local.second


def _chronology(case: Case) -> list[TimelineEntry]:
    events = (
        ChronologyEvent.objects.filter(case=case)
        .exclude(kind__in=[EventKind.INTAKE_RECEIVED, EventKind.CLIENT_NOTE])
        .select_related("actor")
        .order_by("occurred_at", "pk")
    )
    return [
        TimelineEntry(
            date=timezone.localdate(e.occurred_at),
            kind="record",
            title=e.get_kind_display(),
            detail=e.detail_display,
            source=e.actor.display_name if e.actor else _("Case record"),
            seconds=_seconds(e.occurred_at),
        )
        for e in events
    ]


def _intakes(case: Case) -> list[TimelineEntry]:
    intakes = Intake.objects.filter(case=case).only(
        "kind", "received_at", "notifier_type", "notifier_sector", "case_id"
    )
    return [
        TimelineEntry(
            date=timezone.localdate(i.received_at),
            kind="intake",
            title=_("Intake received"),
            detail=i.get_kind_display(),
            source=i.get_notifier_sector_display() or i.get_notifier_type_display(),
            seconds=_seconds(i.received_at),
        )
        for i in intakes
    ]


NOTE_SUMMARY_LENGTH = 200


def _summary(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= NOTE_SUMMARY_LENGTH else text[: NOTE_SUMMARY_LENGTH - 1] + "…"


def _notes(case: Case) -> list[TimelineEntry]:
    """The signed client notes (drafts are their authors' alone), each linked."""
    notes = ClientNote.objects.filter(case=case, signed_at__isnull=False).select_related("author")
    return [
        TimelineEntry(
            date=n.occurred_on,
            kind="note",
            title=n.heading,
            detail=_summary(n.discussed or n.info_received or n.info_requested),
            source=n.author.display_name,
            url=reverse("note_detail", kwargs={"case_id": case.pk, "note_id": n.pk}),
            url_label=_("Read the note"),
            seconds=(
                n.occurred_time.hour * 3600 + n.occurred_time.minute * 60
                if n.occurred_time
                else END_OF_DAY
            ),
            url_for_all=True,
        )
        for n in notes
    ]


def _life_events(case: Case) -> list[TimelineEntry]:
    events = LifeEvent.objects.filter(case=case).select_related("recorded_by")
    return [
        TimelineEntry(
            date=e.occurred_on,
            kind="life_event",
            title=e.title,
            detail=e.description,
            source=_("Recorded by %(name)s") % {"name": e.recorded_by.display_name},
        )
        for e in events
    ]


def _reasons(codes: list[str]) -> str:
    labels = {c.value: str(c.label) for c in AgendaReason}
    return ", ".join(labels.get(code, code) for code in codes)


def _meetings(case: Case) -> list[TimelineEntry]:
    items = AgendaItem.objects.filter(case=case, discussed=True).select_related("meeting__team")
    return [
        TimelineEntry(
            date=item.meeting.held_on,
            kind="meeting",
            title=_("Discussed at the team meeting"),
            detail=_reasons(item.reasons),
            source=item.meeting.team.display_name,
        )
        for item in items
    ]


def _expert_group(case: Case) -> list[TimelineEntry]:
    found: list[TimelineEntry] = []
    for ec in ExpertCase.objects.filter(case=case).select_related("session__group"):
        url = reverse("expert_statement", kwargs={"case_id": case.pk, "expert_case_id": ec.pk})
        found.append(
            TimelineEntry(
                date=ec.session.held_on,
                kind="expert",
                title=_("Presented to the expert group (LsL 14 §)"),
                detail=ec.question,
                source=ec.session.group.name,
                url="" if ec.statement_given_on else url,
                url_label=_("Record the statement"),
            )
        )
        if ec.statement_given_on is not None:
            found.append(
                TimelineEntry(
                    date=ec.statement_given_on,
                    kind="expert",
                    title=_("Statement of the expert group"),
                    detail=ec.statement,
                    source=ec.session.group.name,
                    url=url,
                    url_label=_("Correct the statement"),
                )
            )
    return found


def case_timeline(case: Case) -> list[TimelineEntry]:
    """Everything dated in the family's record, oldest first."""
    entries = [
        *_chronology(case),
        *_intakes(case),
        *_notes(case),
        *_life_events(case),
        *_meetings(case),
        *_expert_group(case),
    ]
    return sorted(entries, key=TimelineEntry.sort_key)


def by_year(entries: list[TimelineEntry]) -> list[tuple[int, list[TimelineEntry]]]:
    return [
        (year, list(group)) for year, group in itertools.groupby(entries, lambda e: e.date.year)
    ]


# --- The strip above the list: dots on a time axis, one lane per kind -------------------


@dataclass(frozen=True)
class Lane:
    y: int
    kind: Kind

    @property
    def text_y(self) -> int:
        return self.y + 4


@dataclass(frozen=True)
class Dot:
    x: float
    y: int
    colour: str
    label: str


@dataclass(frozen=True)
class Tick:
    x: float
    label: str
    anchor: str  # start | middle | end


@dataclass(frozen=True)
class Strip:
    width: int
    height: int
    left: int
    right: int
    axis_y: int
    lanes: list[Lane]
    dots: list[Dot]
    ticks: list[Tick]

    @property
    def label_x(self) -> int:
        return self.left - 10

    @property
    def tick_end_y(self) -> int:
        return self.axis_y + 5

    @property
    def tick_text_y(self) -> int:
        return self.axis_y + 18


WIDTH, LEFT, RIGHT_PAD, TOP, LANE_HEIGHT = 800, 130, 16, 14, 24
MIN_TICK_GAP = 50  # px between year labels


def _fmt(day: datetime.date) -> str:
    return f"{day.day}.{day.month}.{day.year}"


def strip(entries: list[TimelineEntry]) -> Strip | None:
    """Positions for a small SVG drawing of ``entries``; the list stays the data."""
    if not entries:
        return None
    start, end = entries[0].date, entries[-1].date
    if start == end:
        start, end = start - datetime.timedelta(days=15), end + datetime.timedelta(days=15)
    span = (end - start).days
    right = WIDTH - RIGHT_PAD

    def x(day: datetime.date) -> float:
        return round(LEFT + (right - LEFT) * (day - start).days / span, 1)

    present = [k for k in KIND_ORDER if any(e.kind == k for e in entries)]
    lanes = [Lane(TOP + i * LANE_HEIGHT, KINDS[k]) for i, k in enumerate(present)]
    lane_y = {lane.kind.code: lane.y for lane in lanes}
    axis_y = TOP + len(lanes) * LANE_HEIGHT - LANE_HEIGHT // 2 + 4
    dots = [
        Dot(x(e.date), lane_y[e.kind], KINDS[e.kind].colour, f"{_fmt(e.date)} {e.title}")
        for e in entries
    ]
    ticks = [Tick(LEFT, _fmt(start), "start"), Tick(right, _fmt(end), "end")]
    per_year = (right - LEFT) * 365.25 / span
    step = max(1, math.ceil(MIN_TICK_GAP / per_year))  # years between labelled ticks
    for year in range(start.year + 1, end.year + 1):
        at = x(datetime.date(year, 1, 1))
        if year % step == 0 and at - LEFT > 60 and right - at > 60:
            ticks.append(Tick(at, str(year), "middle"))
    return Strip(WIDTH, axis_y + 24, LEFT, right, axis_y, lanes, dots, ticks)
