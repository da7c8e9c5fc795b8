"""Two people at once on one meeting: the first save of a reflection and the closing are
taken one after the other (row locks), never a 500, a lost text or duplicate snapshots
(issue 11, item 10). Real transactions in two threads."""

from __future__ import annotations

import datetime
import threading
import time
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from monia.conftest import CaseWorld
from monia.systemic import selectors, services
from monia.systemic.models import AttendanceStatus, DiagramSnapshot, Reflection

pytestmark = pytest.mark.django_db(transaction=True)


def _meeting(user: Any, world: Any) -> Any:
    return services.meeting_open(
        user=user, team=world.team_a1, held_on=timezone.localdate() + datetime.timedelta(days=7)
    )


def _in_thread(work: Any) -> threading.Thread:
    def run() -> None:
        try:
            work()
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_two_first_saves_of_a_reflection_keep_one_and_refuse_the_other_as_a_conflict(
    case_a: CaseWorld, world: Any, worker_a: Any, teammate_a: Any
) -> None:
    item = _meeting(worker_a, world).items.get(case=case_a.case)
    first_saved = threading.Event()
    outcome: dict[str, object] = {}

    def first() -> None:
        with transaction.atomic():
            services.reflection_save(
                user=worker_a, item=item, data={"worries": "A"}, lock_version=0
            )
            first_saved.set()
            time.sleep(0.5)  # the second save arrives before this one commits

    def second() -> None:
        first_saved.wait(5)
        try:
            services.reflection_save(
                user=teammate_a, item=item, data={"worries": "B"}, lock_version=0
            )
            outcome["second"] = "saved"
        except services.ReflectionConflict:
            outcome["second"] = "conflict"
        except Exception as exc:  # noqa: BLE001 - the race's 500 today
            outcome["second"] = repr(exc)

    threads = [_in_thread(first), _in_thread(second)]
    for t in threads:
        t.join(15)
    assert outcome["second"] == "conflict"
    assert list(Reflection.objects.filter(item=item).values_list("worries", flat=True)) == ["A"]


def test_closing_a_meeting_twice_at_once_closes_it_once(
    case_a: CaseWorld, world: Any, worker_a: Any, teammate_a: Any
) -> None:
    meeting = _meeting(worker_a, world)
    item = meeting.items.get(case=case_a.case)
    services.reflection_save(user=worker_a, item=item, data={"worries": "x"}, lock_version=0)
    statuses = {m.pk: AttendanceStatus.PRESENT for m in selectors.meeting_members(meeting)}
    services.meeting_attendance_record(user=worker_a, meeting=meeting, statuses=statuses)
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def close(user: Any) -> None:
        mine = type(meeting).objects.get(pk=meeting.pk)  # each its own copy, read as open
        start.wait(5)
        try:
            services.meeting_close(user=user, meeting=mine, today=mine.held_on)
            outcomes.append("closed")
        except ValidationError as exc:
            outcomes.append(exc.error_list[0].code or "")

    threads = [_in_thread(lambda: close(worker_a)), _in_thread(lambda: close(teammate_a))]
    for t in threads:
        t.join(15)
    assert sorted(outcomes) == ["already_closed", "closed"]
    kinds = list(DiagramSnapshot.objects.filter(meeting=meeting).values_list("kind", flat=True))
    assert sorted(kinds) == sorted(set(kinds)) and kinds
