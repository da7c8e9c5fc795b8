"""The worker's week: the meeting with the child the plan asks for lands on the right
week, a missed one is flagged, and the Outlook feed carries no client data."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from monia.access.models import AccessLog
from monia.accounts.models import User
from monia.calendar import services, weeks
from monia.calendar.models import CalendarFeed
from monia.casework.models import ClientPlan, PlanStatus
from monia.conftest import CaseWorld, login


def _week(day: datetime.date) -> str:
    return weeks.week_name(weeks.monday_of(day))


def _page(client: Client, day: datetime.date) -> str:
    response = client.get(reverse("calendar"), {"week": _week(day)})
    assert response.status_code == 200
    return response.content.decode()


def _plan(cw: CaseWorld) -> ClientPlan:
    return ClientPlan.objects.get(case=cw.case, status=PlanStatus.APPROVED)


def test_calendar_shows_the_next_meeting_with_the_child_on_the_right_week(
    case_a: CaseWorld, worker_a: User
) -> None:
    plan = _plan(case_a)
    assert plan.approved_on is not None and plan.child_meeting_interval_weeks == 4
    due = plan.approved_on + datetime.timedelta(weeks=4)
    client = login("worker_a", "en")
    html = _page(client, due)
    assert "Meeting with Aino Esimerkki" in html and "due by this day" in html
    assert f"{due:%-d}.{due:%-m}." in html
    before = _page(client, due - datetime.timedelta(weeks=1))
    assert "Meeting with Aino Esimerkki" not in before
    assert AccessLog.objects.filter(
        user=worker_a, purpose="calendar", person_id=case_a.case.child_id
    ).exists()


def test_a_missed_meeting_with_the_child_is_flagged(case_a: CaseWorld, worker_a: User) -> None:
    today = timezone.localdate()
    # The plan was approved ten weeks ago; the child was last heard in person 35 days ago.
    ClientPlan.objects.filter(pk=_plan(case_a).pk).update(
        approved_on=today - datetime.timedelta(weeks=10)
    )
    last_met = today - datetime.timedelta(days=35)
    missed_on = last_met + datetime.timedelta(weeks=4)
    client = login("worker_a", "en")
    html = _page(client, missed_on)
    assert 'class="missed"' in html and "Missed" in html
    this_week = _page(client, today)
    if weeks.monday_of(missed_on) != weeks.monday_of(today):
        assert f"was due {missed_on.day}.{missed_on.month}.{missed_on.year}" in this_week
        # A date as every other date of the page (d.m.yyyy), in every language (it was
        # shown as 2026-11-14, a programmer's date).
        swedish = _page(login("worker_a", "sv"), today)
        assert f"senast {missed_on.day}.{missed_on.month}.{missed_on.year}" in swedish
        assert f"{missed_on:%Y-%m-%d}" not in swedish


def test_a_meeting_with_the_child_restarts_the_rhythm(case_a: CaseWorld, worker_a: User) -> None:
    from monia.casework.models import ChildHearing

    today = timezone.localdate()
    ClientPlan.objects.filter(pk=_plan(case_a).pk).update(
        approved_on=today - datetime.timedelta(weeks=10)
    )
    ChildHearing.objects.create(
        case=case_a.case, heard=True, heard_by="Worker A", heard_on=today, method="home_visit"
    )
    html = _page(login("worker_a", "en"), today + datetime.timedelta(weeks=4))
    assert "Meeting with Aino Esimerkki" in html and "Missed" not in html


def test_the_week_lists_network_meetings_team_meetings_and_deadlines(
    case_a: CaseWorld, worker_a: User
) -> None:
    from monia.netmeet import services as netmeet_services
    from monia.systemic.models import TeamMeeting

    at = timezone.now() + datetime.timedelta(days=1)
    netmeet_services.meeting_plan(
        user=worker_a, case=case_a.case, held_at=at, place="Koulu", agenda="Tuki"
    )
    TeamMeeting.objects.create(
        team=worker_a.team, held_on=timezone.localdate(at), opened_by=worker_a
    )
    html = _page(login("worker_a", "en"), timezone.localdate(at))
    assert "Network meeting: Aino Esimerkki" in html and "Team meeting" in html
    due = case_a.pending_intake.decision_due
    assert "New notification about a client" in _page(login("worker_a", "en"), due)


def test_a_wrong_week_falls_back_to_this_week(case_a: CaseWorld, worker_a: User) -> None:
    response = login("worker_a").get(reverse("calendar"), {"week": "2026-W99<script>"})
    assert response.status_code == 200


@pytest.mark.parametrize("persona", ["admin", "partner"])
def test_the_calendar_is_not_for_those_without_cases(
    persona: str, request: pytest.FixtureRequest
) -> None:
    request.getfixturevalue(persona)
    assert login(persona).get(reverse("calendar")).status_code == 404


def _feed_url(user: User) -> tuple[str, str]:
    token = services.feed_token_create(user=user)
    return token, reverse("calendar_feed", args=[token])


def test_the_ical_feed_carries_times_and_links_but_no_name_or_case_text(
    case_a: CaseWorld, worker_a: User
) -> None:
    from monia.netmeet import services as netmeet_services

    netmeet_services.meeting_plan(
        user=worker_a,
        case=case_a.case,
        held_at=timezone.now() + datetime.timedelta(days=2),
        place="Perheen koti, Koulukatu 5",
        agenda="Huoli kotitilanteesta",
    )
    _, url = _feed_url(worker_a)
    logged = AccessLog.objects.count()
    response = Client().get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body: bytes = response.content
    assert b"BEGIN:VCALENDAR" in body and b"BEGIN:VEVENT" in body and b"DTSTART" in body
    assert f"/cases/{case_a.case.pk}/".encode() in body
    child = case_a.case.child
    for secret in (
        child.first_names,
        child.last_name,
        child.identity_code,
        "Koulukatu",
        "Huoli",
        "Esimerkki",
        "Poissaoloja",
        "Perhekoti",
    ):
        assert secret.encode() not in body, secret
    assert AccessLog.objects.count() == logged  # no client data read: no log row


def test_a_wrong_or_revoked_feed_token_is_404(worker_a: User) -> None:
    token, url = _feed_url(worker_a)
    assert Client().get(reverse("calendar_feed", args=["x" + token[1:]])).status_code == 404
    assert not CalendarFeed.objects.filter(token_hash=token).exists()  # only the hash kept
    services.feed_token_create(user=worker_a)  # a new address: the old one stops working
    assert Client().get(url).status_code == 404
    services.feed_revoke(user=worker_a)
    assert not CalendarFeed.objects.exists()


def test_the_worker_makes_and_turns_off_the_feed_on_the_page(worker_a: User) -> None:
    client = login("worker_a", "en")
    made = client.post(reverse("calendar_feed_manage"), {"action": "create"})
    assert made.status_code == 200 and ".ics" in made.content.decode()
    assert CalendarFeed.objects.filter(user=worker_a).exists()
    client.post(reverse("calendar_feed_manage"), {"action": "revoke"})
    assert not CalendarFeed.objects.filter(user=worker_a).exists()


def test_a_feed_of_an_account_that_no_longer_works_with_cases_is_404(
    worker_a: User, settings: Any
) -> None:
    _, url = _feed_url(worker_a)
    User.objects.filter(pk=worker_a.pk).update(is_active=False)
    assert Client().get(url).status_code == 404


def _child_meeting_note(cw: CaseWorld, user: User, day: datetime.date, **data: Any) -> None:
    from monia.casework import note_services

    fields: dict[str, Any] = {
        "occurred_on": day,
        "contact_method": "office",
        "child_took_part": True,
        "discussed": "Tapasimme Ainon toimistolla.",
        "child_view": "Aino sanoi, että koulussa menee hyvin.",
    }
    fields.update(data)
    note, _ = note_services.note_create(user=user, case=cw.case, note_type="19005", data=fields)
    note_services.note_sign(user=user, note=note, lock_version=note.lock_version)


def test_a_signed_note_of_meeting_the_child_restarts_the_rhythm_and_clears_missed(
    case_a: CaseWorld, worker_a: User
) -> None:
    today = timezone.localdate()
    ClientPlan.objects.filter(pk=_plan(case_a).pk).update(
        approved_on=today - datetime.timedelta(weeks=10)
    )
    client = login("worker_a", "en")
    assert "Missed" in _page(client, today)
    _child_meeting_note(case_a, worker_a, today)
    assert "Missed" not in _page(client, today)
    html = _page(client, today + datetime.timedelta(weeks=4))
    assert "Meeting with Aino Esimerkki" in html and "Missed" not in html


@pytest.mark.parametrize("method", ["phone", "message"])
def test_a_phone_call_or_message_with_the_child_is_not_a_meeting(
    case_a: CaseWorld, worker_a: User, method: str
) -> None:
    today = timezone.localdate()
    ClientPlan.objects.filter(pk=_plan(case_a).pk).update(
        approved_on=today - datetime.timedelta(weeks=10)
    )
    _child_meeting_note(case_a, worker_a, today, contact_method=method)
    assert "Missed" in _page(login("worker_a", "en"), today)


def test_a_draft_note_of_meeting_the_child_does_not_count(
    case_a: CaseWorld, worker_a: User
) -> None:
    from monia.casework import note_services

    today = timezone.localdate()
    ClientPlan.objects.filter(pk=_plan(case_a).pk).update(
        approved_on=today - datetime.timedelta(weeks=10)
    )
    note_services.note_create(
        user=worker_a,
        case=case_a.case,
        note_type="19005",
        data={"occurred_on": today, "contact_method": "office", "child_took_part": True},
    )
    assert "Missed" in _page(login("worker_a", "en"), today)
