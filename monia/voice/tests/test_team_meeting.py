"""The systemic team's weekly meeting shows the family's own voice given since the team
last discussed the family."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from monia.accounts.models import User
from monia.conftest import PortalWorld, login
from monia.systemic import services as systemic_services
from monia.systemic.models import AgendaItem, MeetingStatus, TeamMeeting
from monia.voice import selectors
from monia.voice.models import VoiceEntry, VoiceKind

pytestmark = pytest.mark.django_db


def _entry(pw: PortalWorld, *, days_ago: int, text: str) -> VoiceEntry:
    return VoiceEntry.objects.create(
        case=pw.young_case,
        author=User.objects.get(username="worker_a"),  # any user: the author is not shown here
        author_person=pw.young,
        kind=VoiceKind.YOUNG_PERSON,
        home=3,
        adults_know=text,
        created_at=timezone.now() - datetime.timedelta(days=days_ago),
    )


def test_the_family_item_shows_the_voice_given_since_last_discussed(
    portal_world: PortalWorld, worker_a: User
) -> None:
    team = portal_world.young_case.team
    today = timezone.localdate()
    last = TeamMeeting.objects.create(
        team=team,
        held_on=today - datetime.timedelta(days=14),
        opened_by=worker_a,
        status=MeetingStatus.CLOSED,
        closed_at=timezone.now() - datetime.timedelta(days=14),
    )
    AgendaItem.objects.create(
        meeting=last, case=portal_world.young_case, position=1, discussed=True
    )
    _entry(portal_world, days_ago=20, text="Vanha viesti ennen edellistä kokousta.")
    _entry(portal_world, days_ago=2, text="Uusi viesti tiimille.")
    meeting = systemic_services.meeting_open(
        user=worker_a,
        team=team,
        held_on=today + datetime.timedelta(days=1),
    )
    item = meeting.items.filter(case=portal_world.young_case).first() or (
        systemic_services.agenda_add(meeting=meeting, case=portal_world.young_case)
    )

    voices = selectors.voices_since_last_discussed(item)
    assert [v.entry.adults_know for v in voices.entries] == ["Uusi viesti tiimille."]

    page = login("worker_a").get(reverse("meeting_item", args=[meeting.pk, item.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Uusi viesti tiimille." in text
    assert "Vanha viesti" not in text


def test_a_family_never_discussed_shows_everything_it_gave(
    portal_world: PortalWorld, worker_a: User
) -> None:
    _entry(portal_world, days_ago=40, text="Ensimmäinen viesti.")
    meeting = systemic_services.meeting_open(
        user=worker_a,
        team=portal_world.young_case.team,
        held_on=timezone.localdate() + datetime.timedelta(days=1),
    )
    item = meeting.items.filter(case=portal_world.young_case).first() or (
        systemic_services.agenda_add(meeting=meeting, case=portal_world.young_case)
    )
    voices = selectors.voices_since_last_discussed(item)
    assert voices.since is None
    assert [v.entry.adults_know for v in voices.entries] == ["Ensimmäinen viesti."]
