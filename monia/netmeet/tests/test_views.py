from __future__ import annotations

import datetime
from typing import Any

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from monia.casework.models import ChronologyEvent, EventKind
from monia.conftest import PASSWORD, CaseWorld
from monia.netmeet.models import MeetingStatus, NetworkMeeting
from monia.netmeet.tests.conftest import record
from monia.network.models import DisclosureLog


def _client(username: str) -> Client:
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    return client


def _detail(meeting: NetworkMeeting) -> str:
    return reverse(
        "network_meeting_detail", kwargs={"case_id": meeting.case_id, "meeting_id": meeting.pk}
    )


def test_worker_plans_a_meeting(case_a: CaseWorld, worker_a: Any) -> None:
    held_at = timezone.localtime() + datetime.timedelta(days=3)
    response = _client("worker_a").post(
        reverse("case_network_meetings", kwargs={"case_id": case_a.case.pk}),
        {"held_at": held_at.strftime("%Y-%m-%dT%H:%M"), "place": "Koulu", "agenda": "Tuki"},
    )
    assert response.status_code == 302
    assert NetworkMeeting.objects.get().organised_by == worker_a
    assert ChronologyEvent.objects.filter(kind=EventKind.NETWORK_MEETING_PLANNED).exists()


def test_past_time_is_shown_on_the_form(case_a: CaseWorld, worker_a: Any) -> None:
    response = _client("worker_a").post(
        reverse("case_network_meetings", kwargs={"case_id": case_a.case.pk}),
        {"held_at": "2000-01-01T10:00", "place": "Koulu", "agenda": "Tuki"},
    )
    assert response.status_code == 200
    assert "held_at" in response.context["form"].errors
    assert not NetworkMeeting.objects.exists()


def test_recording_without_views_is_shown_on_the_form(
    meeting: NetworkMeeting, worker_a: Any
) -> None:
    NetworkMeeting.objects.filter(pk=meeting.pk).update(
        held_at=timezone.now() - datetime.timedelta(hours=1)
    )
    response = _client("worker_a").post(
        _detail(meeting),
        {
            "form": "record",
            "minutes": "Pöytäkirja",
            "family_view": "Perhe toivoo tukea.",
            "child_view": "",
            "actions-TOTAL_FORMS": "1",
            "actions-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "child_view" in response.context["record"].errors
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PLANNED


def test_held_meeting_lists_agreed_actions(meeting: NetworkMeeting, worker_a: Any) -> None:
    record(meeting, worker_a)
    response = _client("worker_a").get(_detail(meeting))
    assert response.status_code == 200
    assert "Koulunkäyntiavustaja aamuihin" in response.content.decode()


def test_other_team_gets_404(meeting: NetworkMeeting, other_team: Any) -> None:
    client = _client("other_team")
    assert client.get(_detail(meeting)).status_code == 404
    url = reverse("case_network_meetings", kwargs={"case_id": meeting.case_id})
    assert client.get(url).status_code == 404


def test_invited_partner_sees_the_meeting_with_first_name_only(
    meeting: NetworkMeeting, partner: Any
) -> None:
    client = _client("partner")
    listing = client.get(reverse("partner_network_meetings")).content.decode()
    child = meeting.case.child
    assert "Koulu" in listing and "https://meet.example.fi/abc" in listing
    assert child.first_names.split()[0] in listing and child.last_name not in listing
    response = client.get(reverse("partner_network_meeting", kwargs={"meeting_id": meeting.pk}))
    assert response.status_code == 200
    assert "Koulunkäynnin tuki" in response.content.decode()
    rows = DisclosureLog.objects.filter(recipient=partner)
    assert rows.count() == 2
    assert {(r.source, r.source_id, r.basis) for r in rows} == {
        ("network_meeting", meeting.pk, "meeting_invitation")
    }
    assert {(r.person_id, r.organisation_id) for r in rows} == {
        (meeting.case.child_id, partner.organisation_id)
    }


def test_partner_sees_agreed_actions_but_not_the_minutes(
    meeting: NetworkMeeting, worker_a: Any, partner: Any
) -> None:
    record(meeting, worker_a)
    page = (
        _client("partner")
        .get(reverse("partner_network_meeting", kwargs={"meeting_id": meeting.pk}))
        .content.decode()
    )
    assert "Koulunkäyntiavustaja aamuihin" in page
    assert "Sovittiin tukitoimista." not in page
    assert "Äiti toivoo" not in page


def test_another_organisations_partner_gets_404(
    meeting: NetworkMeeting, clinic_partner: Any
) -> None:
    client = _client("clinic_doctor")
    url = reverse("partner_network_meeting", kwargs={"meeting_id": meeting.pk})
    assert client.get(url).status_code == 404
    assert meeting.place not in client.get(reverse("partner_network_meetings")).content.decode()
    assert not DisclosureLog.objects.exists()


def test_staff_cannot_use_the_partner_pages(meeting: NetworkMeeting, worker_a: Any) -> None:
    client = _client("worker_a")
    assert client.get(reverse("partner_network_meetings")).status_code == 404
    url = reverse("partner_network_meeting", kwargs={"meeting_id": meeting.pk})
    assert client.get(url).status_code == 404
