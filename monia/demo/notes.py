"""Client notes (asiakaskertomus) in the demo: the showcase worker's first client gets a
few weeks of the record — a phone call (amended afterwards), a morning home visit, a
meeting with the child, a negotiation at school, a cancelled visit, information asked
from the school, the therapist's session and a draft still to sign; the second client a
meeting with the child and the family worker's visit. In a bilingual county the
Swedish-language team's first client gets notes in Swedish.

The texts are data (``data/notes.json``; ``{lapsi}`` the child's first name,
``{vanhempi}`` a guardian's; the Swedish ones' ``{hon}`` … the child's pronouns, as
``texts.about_child`` fills them). No randomness: the same ``today`` gives the same notes.
Everything goes through the services, signing and amending included, each on the story's
clock (``clock.story_time``): a note of three weeks ago was written, signed and amended
that day — in the hour after the meeting — not on the day the demo was loaded. An
information request is written the day it is sent and completed and signed the day the
answer came.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from monia import deadlines
from monia.accounts.models import User
from monia.casework import note_services
from monia.casework.models import Case, CaseStage
from monia.casework.note_forms import preset
from monia.casework.note_selectors import family_members
from monia.demo import clock, texts, workdays
from monia.demo.datafiles import load
from monia.demo.steps import TeamStaff
from monia.people.selectors import guardians_of

HOUR = datetime.timedelta(hours=1)

#: Language → the notes of one case: "fi" the first client, "fi_second" the second,
#: "sv" the Swedish-language team's first client.
CLIENT_NOTES: dict[str, tuple[dict[str, Any], ...]] = load("notes.json")


def notes_build(*, staff: list[TeamStaff], bilingual: bool, today: datetime.date) -> None:
    showcase = staff[0]
    cases = _clients(showcase)
    for case, key in zip(cases, ("fi", "fi_second"), strict=False):
        _case_notes(case, CLIENT_NOTES[key], showcase, today)
    if bilingual:
        swedish = staff[2]
        for case in _clients(swedish)[:1]:
            _case_notes(case, CLIENT_NOTES["sv"], swedish, today)


def _clients(staff: TeamStaff) -> list[Case]:
    return list(
        Case.objects.filter(
            team=staff.team, designated_worker=staff.workers[0], stage=CaseStage.CLIENT
        )
        .select_related("child")
        .order_by("pk")[:2]
    )


def _case_notes(
    case: Case, entries: tuple[dict[str, Any], ...], staff: TeamStaff, today: datetime.date
) -> None:
    guardian = guardians_of(case.child).select_related("from_person").first()
    words = {
        "lapsi": case.child.first_names.split()[0],
        "vanhempi": guardian.from_person.first_names.split()[0] if guardian else "—",
        # The Swedish notes' pronouns of the child: "hon" or "han" (texts.about_child).
        **texts.PRONOUNS.get(case.child.gender, texts.NEUTRAL),
    }
    family = family_members(case.child)
    opened = timezone.localdate(case.opened_at)
    longest = max(entry["days_ago"] for entry in entries)
    for entry in entries:
        on = _note_day(entry["days_ago"], longest=longest, opened=opened, today=today)
        _note(case, entry, staff=staff, words=words, family=family, on=on, today=today)


def _note_day(
    days_ago: int, *, longest: int, opened: datetime.date, today: datetime.date
) -> datetime.date:
    """The day of a note ``days_ago`` days back: in a case opened more recently than the
    notes' weeks they come closer together (in their order), all after the day the case
    opened (its notification may have come in the night) and before today (a note of
    today at its given hour could lie ahead); each on a working day."""
    span = (today - opened).days
    if span <= longest:
        days_ago = max(1, days_ago * (span - 1) // longest)
    day = today - datetime.timedelta(days=days_ago)
    return workdays.within(
        day,
        not_before=opened + datetime.timedelta(days=1),
        not_after=today - datetime.timedelta(days=1),
    )


def _note(
    case: Case,
    entry: dict[str, Any],
    *,
    staff: TeamStaff,
    words: dict[str, str],
    family: list[Any],
    on: datetime.date,
    today: datetime.date,
) -> None:
    chosen = preset(entry["kind"])
    assert chosen is not None, entry["kind"]
    author: User = {
        "worker": staff.workers[0],
        "therapist": staff.therapist,
        "family_worker": staff.family_worker,
    }[entry["author"]]
    data: dict[str, Any] = {
        "occurred_on": on,
        "occurred_time": (datetime.time.fromisoformat(entry["time"]) if "time" in entry else None),
        "contact_method": entry.get("contact_method", chosen.contact_method),
        "child_took_part": entry.get("child_took_part", False),
        "persons": family[:2] if entry.get("persons") else [],
        "cancellation_reason": entry.get("cancellation_reason", ""),
    }
    for field in (
        "place",
        "participants",
        "discussed",
        "agreed",
        "child_view",
        "child_view_reason",
        "info_source",
        "info_purpose",
        "info_requested",
        "info_received",
    ):
        data[field] = entry.get(field, "").format(**words)
    answer: dict[str, Any] = {}
    if "info_received_days_ago" in entry:
        received = max(on, today - datetime.timedelta(days=entry["info_received_days_ago"]))
        answer = {
            "info_received": data["info_received"],
            "info_received_on": workdays.within(received, not_before=on, not_after=today),
        }
        data["info_received"] = ""  # asked first; the answer is written in when it comes
    # Saved in the hour after the meeting or the call, or that afternoon (an information
    # request): the new-note page was opened at half past (``story_reads``).
    time = data["occurred_time"]
    written = _at(on, datetime.time(min(time.hour + 1, 23), 45) if time else datetime.time(15, 45))
    with clock.story_time(_not_ahead(written)):
        note, _ = note_services.note_create(
            user=author, case=case, note_type=chosen.note_type, data=data
        )
    if answer:
        # The answer is written in when it came: at one, or later if it came that day.
        written = max(_at(answer["info_received_on"], datetime.time(13)), written + HOUR)
        with clock.story_time(_not_ahead(written)):
            note = note_services.note_update(
                user=author, note=note, data=answer, lock_version=note.lock_version
            )
    if not entry.get("signed", True):
        return
    signed = written + HOUR / 2  # read through and signed the same day
    with clock.story_time(_not_ahead(signed)):
        note = note_services.note_sign(user=author, note=note, lock_version=note.lock_version)
    amendment = entry.get("amendment")
    if amendment:
        with clock.story_time(_not_ahead(signed + 3 * HOUR)):  # "the same afternoon"
            note_services.note_amend(
                user=author,
                note=note,
                text=amendment["text"].format(**words),
                reason=amendment["reason"].format(**words),
            )


def _at(day: datetime.date, time: datetime.time) -> datetime.datetime:
    return datetime.datetime.combine(day, time, tzinfo=deadlines.HELSINKI)


def _not_ahead(moment: datetime.datetime) -> datetime.datetime:
    """A moment of the story, or now if the demo's today is the real one and the moment
    is still ahead (an answer that came in this morning, signed "this afternoon")."""
    return min(moment, timezone.now())
