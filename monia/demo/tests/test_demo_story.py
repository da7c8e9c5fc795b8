"""The demo's story reads as one: a note of three weeks ago was signed that day, not on the
day the demo was loaded; no family is told of a stepfather or a father it does not have;
no family is given the same hypothesis twice."""

from __future__ import annotations

import datetime
import io
import re
from collections import Counter

import pytest
from django.core.management import call_command
from django.utils import timezone

from monia.casework.models import ChildHearing, ChronologyEvent, ClientNote, Intake, NoteAmendment
from monia.demo import kin
from monia.systemic.models import Hypothesis

pytestmark = pytest.mark.django_db

STEPFATHER = re.compile(r"isäpuol|styvpapp|styvfar|stepfather", re.IGNORECASE)
FATHER = re.compile(r"\b(?!isäpuol)(isä|isi|pappa)", re.IGNORECASE)


def _seed() -> None:
    # Enough families for the Swedish-language team to have clients with notes.
    call_command("seed_demo", stdout=io.StringIO(), children=40, seed=1)


def _day(moment: datetime.datetime | None) -> datetime.date:
    assert moment is not None
    return timezone.localdate(moment)


def test_each_demo_note_is_written_and_signed_on_its_own_day_in_the_story() -> None:
    _seed()
    today = timezone.localdate()
    signed = ClientNote.objects.exclude(signed_at=None)
    assert signed.count() >= 10
    for note in signed:
        # An information request is signed the day its answer came.
        story_day = note.info_received_on or note.occurred_on
        assert _day(note.signed_at) == story_day != today, note.pk
        assert _day(note.created_at) == note.occurred_on, note.pk
        assert note.created_at <= note.signed_at
    for draft in ClientNote.objects.filter(signed_at=None):
        assert _day(draft.created_at) == draft.occurred_on != today
    amendments = NoteAmendment.objects.select_related("note")
    assert amendments.exists()
    for amendment in amendments:
        assert _day(amendment.created_at) == _day(amendment.note.signed_at)
        assert amendment.created_at > amendment.note.signed_at
    # The chronology says the same: the amendment's line is on its day.
    for event in ChronologyEvent.objects.filter(kind="client_note_amended"):
        assert _day(event.occurred_at) == _day(event.client_note.signed_at)


def test_no_family_is_told_of_a_stepfather_or_a_father_it_does_not_have() -> None:
    _seed()
    said = [(h.case.child, h.child_view) for h in ChildHearing.objects.select_related("case")]
    said += [(i.case.child, i.content) for i in Intake.objects.select_related("case")]
    said += [(n.case.child, n.child_view) for n in ClientNote.objects.select_related("case")]
    wrong = []
    for child, text in said:
        facts = kin.family_facts(child)
        if STEPFATHER.search(text) and "stepfather" not in facts:
            wrong.append((child.pk, text))
        if FATHER.search(text) and "father" not in facts:
            wrong.append((child.pk, text))
    assert wrong == []
    assert any(FATHER.search(text) for _child, text in said)  # fathers are spoken of


def test_no_family_is_given_the_same_hypothesis_twice() -> None:
    _seed()
    hypotheses = Hypothesis.objects.select_related("case__child")
    assert hypotheses.count() >= 3
    per_case = Counter((h.case_id, h.statement) for h in hypotheses)
    assert [key for key, n in per_case.items() if n > 1] == []
    per_family = Counter((kin.family_key(h.case.child), h.statement) for h in hypotheses)
    assert [key for key, n in per_family.items() if n > 1] == []
