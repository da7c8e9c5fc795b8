"""A network meeting called at short notice and held before anyone put it in Monia is
entered afterwards and recorded at once."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from monia.casework.models import ChronologyEvent, EventKind
from monia.conftest import PASSWORD, CaseWorld
from monia.netmeet import services
from monia.netmeet.models import MeetingStatus, NetworkMeeting

pytestmark = pytest.mark.django_db


def _held_yesterday(case_a: CaseWorld, worker_a: Any, **extra: Any) -> NetworkMeeting:
    return services.meeting_plan(
        user=worker_a,
        case=case_a.case,
        held_at=timezone.now() - datetime.timedelta(days=1),
        place="Koulu",
        agenda="Kiireellinen palaveri",
        **extra,
    )


def test_a_meeting_already_held_is_entered_and_recorded_at_once(
    case_a: CaseWorld, worker_a: Any
) -> None:
    with translation.override("en"):
        meeting = _held_yesterday(case_a, worker_a, already_held=True)
    event = ChronologyEvent.objects.get(kind=EventKind.NETWORK_MEETING_ENTERED)
    assert event.detail.endswith(" Koulu")
    assert not ChronologyEvent.objects.filter(kind=EventKind.NETWORK_MEETING_PLANNED).exists()
    services.meeting_record(
        user=worker_a,
        meeting=meeting,
        minutes="Sovittiin tuesta.",
        family_view="Äiti toivoo apua.",
        child_absent_reason="Lapsi oli koulussa.",
        actions=[],
    )
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD


def test_without_the_tick_a_past_time_is_refused_saying_how_to_record_it(
    case_a: CaseWorld, worker_a: Any
) -> None:
    with pytest.raises(ValidationError) as exc, translation.override("en"):
        _held_yesterday(case_a, worker_a)
    assert "tick the box below" in exc.value.message_dict["held_at"][0]
    assert not NetworkMeeting.objects.exists()


def test_a_meeting_already_held_cannot_be_in_the_future(case_a: CaseWorld, worker_a: Any) -> None:
    with pytest.raises(ValidationError) as exc:
        services.meeting_plan(
            user=worker_a,
            case=case_a.case,
            held_at=timezone.now() + datetime.timedelta(days=1),
            place="Koulu",
            agenda="Asiat",
            already_held=True,
        )
    assert "held_at" in exc.value.message_dict


def test_people_added_afterwards_took_part_and_are_not_invited(
    case_a: CaseWorld, worker_a: Any, school: Any, partner: Any
) -> None:
    from monia.notify.models import Notification

    meeting = _held_yesterday(case_a, worker_a, already_held=True)
    invitee = services.invitee_add(meeting=meeting, role="partner", organisation=school)
    assert invitee.attends is True
    assert not Notification.objects.filter(user=partner).exists()


def test_the_worker_enters_a_held_meeting_and_records_it_on_the_pages(
    case_a: CaseWorld, worker_a: Any, school: Any
) -> None:
    client = Client()
    assert client.login(username="worker_a", password=PASSWORD)
    when = timezone.localtime() - datetime.timedelta(hours=3)
    plan = {"held_at": when.strftime("%Y-%m-%dT%H:%M"), "place": "Koulu", "agenda": "Huoli"}
    url = reverse("case_network_meetings", kwargs={"case_id": case_a.case.pk})
    refused = client.post(url, plan, HTTP_ACCEPT_LANGUAGE="en")
    assert refused.status_code == 200 and "tick the box below" in refused.content.decode()
    assert "Huoli</textarea>" in refused.content.decode()  # what was typed is kept
    response = client.post(url, {**plan, "already_held": "on"})
    meeting = NetworkMeeting.objects.get()
    detail = reverse(
        "network_meeting_detail", kwargs={"case_id": case_a.case.pk, "meeting_id": meeting.pk}
    )
    assert response["Location"] == detail
    page = client.get(detail, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Who took part" in page and "Record the meeting" in page
    client.post(detail, {"form": "invitee", "role": "partner", "organisation": school.pk})
    recorded = client.post(
        detail,
        {
            "form": "record",
            "minutes": "Sovittiin tuesta.",
            "family_view": "Perhe toivoo tukea.",
            "child_view": "Haluan apua läksyihin.",
            "actions-TOTAL_FORMS": "1",
            "actions-INITIAL_FORMS": "0",
        },
    )
    assert recorded.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD
    assert meeting.invitees.get().attends is True


def test_a_meeting_entered_afterwards_reads_so_in_each_readers_language(
    case_a: CaseWorld, worker_a: Any
) -> None:
    """Entered by a worker using Finnish, the line once kept "(pidetty, kirjattu
    jälkikäteen)" for a Swedish reader too: the kind now says it in each language."""
    with translation.override("fi"):
        _held_yesterday(case_a, worker_a, already_held=True)
    event = ChronologyEvent.objects.get(kind=EventKind.NETWORK_MEETING_ENTERED)
    assert "jälkikäteen" not in event.detail
    with translation.override("sv"):
        assert event.get_kind_display() == "Nätverksmöte hållet, registrerat i efterhand"


def test_lines_written_with_the_words_appended_get_the_kind_of_their_own(
    case_a: CaseWorld, worker_a: Any
) -> None:
    from importlib import import_module

    from django.apps import apps

    migration = import_module(
        "monia.casework.migrations.0023_chronology_meeting_entered_afterwards"
    )
    with translation.override("fi"):
        _held_yesterday(case_a, worker_a, already_held=True)
    event = ChronologyEvent.objects.get(kind=EventKind.NETWORK_MEETING_ENTERED)
    ChronologyEvent.objects.filter(pk=event.pk).update(
        kind=EventKind.NETWORK_MEETING_PLANNED,
        detail="01.12.2026 10:00 Koulu (pidetty, kirjattu jälkikäteen)",
    )
    migration.appended_words_to_kind(apps, None)
    event.refresh_from_db()
    assert event.kind == EventKind.NETWORK_MEETING_ENTERED
    assert event.detail == "01.12.2026 10:00 Koulu"


def test_the_chronology_writes_the_meetings_date_as_every_page_does(
    case_a: CaseWorld, worker_a: Any
) -> None:
    """The line reads "1.12.2026 10:00", as the pages write dates, not "01.12.2026 10:00"."""
    with translation.override("en"):
        meeting = _held_yesterday(case_a, worker_a, already_held=True)
    held_at = timezone.localtime(meeting.held_at)
    event = ChronologyEvent.objects.get(kind=EventKind.NETWORK_MEETING_ENTERED)
    day = f"{held_at.day}.{held_at.month}.{held_at.year}"
    assert event.detail.startswith(f"{day} ") and event.detail.endswith(" Koulu")
