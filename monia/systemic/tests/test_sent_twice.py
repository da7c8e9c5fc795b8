"""The team meeting's forms sent twice (a double click, or "Back" and send again) save once:
opening the meeting, a hypothesis, a next step (one task, one notification), a flag, a
life event on the timeline."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from monia.conftest import CaseWorld
from monia.conftest import login as _login
from monia.notify.models import Notification
from monia.systemic import services
from monia.systemic.models import CaseFlag, Hypothesis, LifeEvent, NextStep, TeamMeeting

pytestmark = pytest.mark.django_db


def _item(case_a: CaseWorld, world: Any, worker_a: Any) -> Any:
    day = timezone.localdate() + datetime.timedelta(days=7)
    meeting = services.meeting_open(user=worker_a, team=world.team_a1, held_on=day)
    return meeting.items.get(case=case_a.case)


def test_opening_the_meeting_twice_opens_one_and_goes_to_it(
    case_a: CaseWorld, world: Any, worker_a: Any
) -> None:
    client = _login("worker_a")
    day = (timezone.localdate() + datetime.timedelta(days=7)).isoformat()
    data = {"held_on": day, "agenda_size": "8"}
    first = client.post(reverse("meetings"), data)
    again = client.post(reverse("meetings"), data)
    assert first.status_code == again.status_code == 302
    assert again["Location"] == first["Location"]
    assert TeamMeeting.objects.filter(team=world.team_a1).count() == 1


def test_a_hypothesis_sent_twice_is_saved_once(
    case_a: CaseWorld, world: Any, worker_a: Any
) -> None:
    item = _item(case_a, world, worker_a)
    url = reverse("meeting_item_hypothesis_add", args=[item.meeting_id, item.pk])
    data = {"new-statement": "Isän muutto kuormittaa.", "new-status": "open"}
    client = _login("worker_a")
    assert client.post(url, data).status_code == client.post(url, data).status_code == 302
    assert Hypothesis.objects.filter(case=case_a.case).count() == 1


def test_a_next_step_sent_twice_is_one_task_and_one_notification(
    case_a: CaseWorld, world: Any, worker_a: Any
) -> None:
    item = _item(case_a, world, worker_a)
    url = reverse("meeting_item_step_add", args=[item.meeting_id, item.pk])
    due = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    data = {"description": "Soita kouluun", "owner": worker_a.pk, "due_on": due}
    client = _login("worker_a")
    assert client.post(url, data).status_code == client.post(url, data).status_code == 302
    assert NextStep.objects.filter(case=case_a.case).count() == 1
    assert Notification.objects.filter(user=worker_a, kind="task").count() == 1


def test_a_flag_sent_twice_is_raised_once_without_an_error(
    case_a: CaseWorld, worker_a: Any
) -> None:
    url = reverse("case_flag", args=[case_a.case.pk])
    client = _login("worker_a")
    first = client.post(url, {"reason": "Isä muuttanut pois."})
    again = client.post(url, {"reason": "Isä muuttanut pois."})
    assert first.status_code == again.status_code == 302
    assert CaseFlag.objects.filter(case=case_a.case).count() == 1


def test_a_life_event_sent_twice_is_saved_once(case_a: CaseWorld, worker_a: Any) -> None:
    url = reverse("life_event_new", kwargs={"case_id": case_a.case.pk})
    data = {"occurred_on": "2020-02-03", "title": "Pikkusisko syntyi", "description": ""}
    client = _login("worker_a")
    assert client.post(url, data).status_code == client.post(url, data).status_code == 302
    assert LifeEvent.objects.filter(case=case_a.case).count() == 1
