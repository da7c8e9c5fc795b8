from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from monia.casework.models import ChronologyEvent, EventKind
from monia.conftest import CaseWorld
from monia.netmeet import services
from monia.netmeet.models import AgreedAction, MeetingStatus, NetworkMeeting
from monia.netmeet.tests.conftest import record


def test_planning_in_the_past_is_refused(case_a: CaseWorld, worker_a: Any) -> None:
    with pytest.raises(ValidationError) as exc:
        services.meeting_plan(
            user=worker_a,
            case=case_a.case,
            held_at=timezone.now() - datetime.timedelta(hours=1),
            place="Koulu",
            agenda="Asiat",
        )
    assert "held_at" in exc.value.message_dict
    assert not NetworkMeeting.objects.exists()


def test_planning_writes_a_chronology_event(meeting: NetworkMeeting) -> None:
    assert ChronologyEvent.objects.filter(
        case=meeting.case, kind=EventKind.NETWORK_MEETING_PLANNED
    ).exists()


def test_recording_needs_the_family_and_child_views(meeting: NetworkMeeting, worker_a: Any) -> None:
    with pytest.raises(ValidationError) as exc:
        record(meeting, worker_a, family_view="", child_view="")
    assert {"family_view", "child_view"} <= set(exc.value.message_dict)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PLANNED


def test_a_reason_the_child_was_absent_stands_for_the_view(
    meeting: NetworkMeeting, worker_a: Any
) -> None:
    record(meeting, worker_a, child_view="", child_absent_reason="Lapsi oli sairaana.")
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD
    assert meeting.child_absent_reason == "Lapsi oli sairaana."


def test_recording_before_the_meeting_is_refused(meeting: NetworkMeeting, worker_a: Any) -> None:
    with pytest.raises(ValidationError):
        record(meeting, worker_a, now=meeting.held_at - datetime.timedelta(hours=1))


def test_agreed_action_needs_an_owner_and_due_date(meeting: NetworkMeeting, worker_a: Any) -> None:
    action = {"description": "Jotain", "owner_name": "", "owner_organisation": None, "due_on": None}
    with pytest.raises(ValidationError) as exc:
        record(meeting, worker_a, actions=[action])
    assert "actions" in exc.value.message_dict


def test_recording_saves_actions_and_writes_the_event(
    meeting: NetworkMeeting, worker_a: Any
) -> None:
    record(meeting, worker_a)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD
    assert list(AgreedAction.objects.values_list("owner_name", flat=True)) == ["Rehtori"]
    assert ChronologyEvent.objects.filter(
        case=meeting.case, kind=EventKind.NETWORK_MEETING_HELD
    ).exists()
    with pytest.raises(ValidationError):
        record(meeting, worker_a)


def test_the_held_meetings_chronology_line_counts_the_actions_in_the_readers_words(
    meeting: NetworkMeeting, worker_a: Any
) -> None:
    """Recorded in Finnish, read in Swedish: "1 överenskommen åtgärd" (the line kept the
    recorder's "1 sovittua toimenpidettä", which also took no singular)."""
    from django.utils import translation

    with translation.override("fi"):
        record(meeting, worker_a)
    event = ChronologyEvent.objects.get(case=meeting.case, kind=EventKind.NETWORK_MEETING_HELD)
    with translation.override("sv"):
        assert event.detail_display == "1 överenskommen åtgärd"
    with translation.override("fi"):
        assert event.detail_display == "1 sovittu toimenpide"


def test_lines_written_in_words_become_counts(meeting: NetworkMeeting, worker_a: Any) -> None:
    from importlib import import_module

    from django.apps import apps

    migration = import_module("monia.casework.migrations.0022_chronology_agreed_actions_as_count")
    record(meeting, worker_a)
    events = ChronologyEvent.objects.filter(kind=EventKind.NETWORK_MEETING_HELD)
    events.update(detail="3 sovittua toimenpidettä")
    migration.words_to_counts(apps, None)
    assert list(events.values_list("detail", flat=True)) == ["3"]


def test_partner_invitee_from_another_county_is_refused(
    meeting: NetworkMeeting, world: Any
) -> None:
    from monia.network.models import Organisation

    far = Organisation.objects.create(county=world.county_b, name="Kaukokoulu", sector="school")
    with pytest.raises(ValidationError):
        services.invitee_add(meeting=meeting, role="partner", organisation=far)


def test_invited_partners_are_notified_without_client_data(
    case_a: Any,
    worker_a: Any,
    school: Any,
    partner: Any,
    django_capture_on_commit_callbacks: Any,
    mailoutbox: Any,
) -> None:
    import datetime

    from django.utils import timezone

    from monia.netmeet import services as netmeet_services
    from monia.notify.models import Notification

    meeting = netmeet_services.meeting_plan(
        user=worker_a,
        case=case_a.case,
        held_at=timezone.now() + datetime.timedelta(days=3),
        place="Koulu",
        agenda="Tuki",
    )
    with django_capture_on_commit_callbacks(execute=True):
        netmeet_services.invitee_add(meeting=meeting, role="partner", organisation=school)
    assert Notification.objects.filter(user=partner, kind="invitation").count() == 1
    for mail in mailoutbox:
        assert "Aino" not in mail.subject + mail.body and "Esimerkki" not in mail.body
