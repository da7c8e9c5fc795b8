"""Who runs a team meeting (agenda, order, attendance, closing): one policy check, the
coordinator included (issue 11, item 12; docs/architecture.md, the role table)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from monia.access import policy
from monia.accounts.models import Role
from monia.conftest import CaseWorld, make_user
from monia.conftest import login as _login
from monia.systemic import services

pytestmark = pytest.mark.django_db


def _meeting(user: Any, world: Any) -> Any:
    return services.meeting_open(
        user=user, team=world.team_a1, held_on=timezone.localdate() + datetime.timedelta(days=7)
    )


def test_coordinator_runs_her_teams_meeting_and_no_one_outside_the_rule_does(
    case_a: CaseWorld,
    world: Any,
    worker_a: Any,
    coordinator_a: Any,
    senior_a: Any,
    other_team: Any,
    partner: Any,
) -> None:
    meeting = _meeting(worker_a, world)
    assert policy.may_run_meeting(coordinator_a, meeting)
    assert policy.may_run_meeting(worker_a, meeting)
    assert policy.may_run_meeting(senior_a, meeting)
    assert not policy.may_run_meeting(other_team, meeting)
    assert not policy.may_run_meeting(partner, meeting)
    in_team_admin = make_user("admin_in_a1", Role.ADMINISTRATOR, world.county_a, world.team_a1)
    assert not policy.may_run_meeting(in_team_admin, meeting)


def test_every_change_to_a_meeting_passes_the_one_policy_check(
    case_a: CaseWorld, world: Any, worker_a: Any, coordinator_a: Any, monkeypatch: Any
) -> None:
    meeting = _meeting(worker_a, world)
    client = _login("coordinator_a")
    item = meeting.items.get(case=case_a.case)
    order = client.post(reverse("meeting_agenda_order", args=[meeting.pk]), {f"pos-{item.pk}": 1})
    assert order.status_code in (200, 302)
    asked: list[int] = []

    def refuse(user: Any, m: Any) -> bool:
        asked.append(m.pk)
        return False

    monkeypatch.setattr(policy, "may_run_meeting", refuse)
    for name in ("meeting_agenda_order", "meeting_attendance", "meeting_close", "meeting_detail"):
        response = client.post(reverse(name, args=[meeting.pk]), {})
        assert response.status_code == 404, name
    assert asked == [meeting.pk] * 4
    assert client.get(reverse("meeting_detail", args=[meeting.pk])).status_code == 200


def test_the_meeting_pages_link_back_to_the_meetings_of_its_team_for_the_senior_official(
    case_a: CaseWorld, world: Any, worker_a: Any, senior_a: Any
) -> None:
    """The senior official opens any team's meetings with ?team=: the link from a meeting
    back to the list named no team, and answered her 404; the team's own are unchanged."""
    meeting = _meeting(worker_a, world)
    back = f"{reverse('meetings')}?team={world.team_a1.pk}"
    for who in ("senior_a", "worker_a"):
        client = _login(who)
        page = client.get(reverse("meeting_detail", args=[meeting.pk])).content.decode()
        assert f'href="{back}"' in page, who
        listed = client.get(back)
        assert listed.status_code == 200, who
        assert world.team_a1.name in listed.content.decode(), who
