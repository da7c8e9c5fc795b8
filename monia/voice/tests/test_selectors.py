"""The staff pages' reads of the clients' voice keep a fixed number of queries."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone

from monia.accounts.models import User
from monia.conftest import PortalWorld
from monia.netmeet.models import NetworkMeeting
from monia.voice import selectors
from monia.voice.models import HeardFeedback, VoiceEntry, VoiceKind
from monia.voice.tests.conftest import meeting_make

pytestmark = pytest.mark.django_db


def _entries(pw: PortalWorld, meeting: NetworkMeeting | None, n: int) -> None:
    author = User.objects.get(username="worker_a")
    VoiceEntry.objects.bulk_create(
        VoiceEntry(
            case=pw.young_case,
            meeting=meeting,
            author=author,
            author_person=pw.young,
            kind=VoiceKind.YOUNG_PERSON,
            feeling=1 + i % 5,
            adults_know=f"Viesti {i}",
            created_at=timezone.now() - datetime.timedelta(hours=i + 1),
        )
        for i in range(n)
    )


@pytest.mark.parametrize("n", [1, 6])
def test_a_meetings_voices_take_three_queries(
    portal_world: PortalWorld, planned: NetworkMeeting, n: int, django_assert_num_queries: Any
) -> None:
    _entries(portal_world, planned, n)
    _entries(portal_world, None, n)  # "for my next meeting": shown at this one too
    with django_assert_num_queries(3):
        voices = selectors.meeting_voices(planned)
        labels = [a.label for v in voices.entries for a in v.scales]
    assert len(voices.entries) == 2 * n and len(labels) == 2 * n


def test_an_entry_for_the_next_meeting_is_not_shown_at_a_later_one(
    portal_world: PortalWorld, planned: NetworkMeeting
) -> None:
    _entries(portal_world, None, 1)
    later = meeting_make(portal_world.young_case, days=30)
    assert len(selectors.meeting_voices(planned).entries) == 1
    assert selectors.meeting_voices(later).entries == []


def test_heard_answers_of_other_meetings_are_not_shown(
    portal_world: PortalWorld, held: NetworkMeeting
) -> None:
    other = meeting_make(portal_world.young_case, days=-20, held=True)
    HeardFeedback.objects.create(
        meeting=other,
        author=User.objects.get(username="worker_a"),
        author_person=portal_world.young,
        kind=VoiceKind.YOUNG_PERSON,
        score=3,
    )
    assert selectors.meeting_voices(held).heard == []
    assert len(selectors.meeting_voices(other).heard) == 1
