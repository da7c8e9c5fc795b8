"""The weekly meeting's page costs the same queries with N families on the short agenda,
N more in the "more" list and N members whose attendance is recorded as with 3N — open
(for a social worker and for the coordinator who keeps the memo) and closed."""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from django.utils import timezone

from monia.accounts.models import Role
from monia.conftest import child_create, days_ago, login, make_user, notification
from monia.systemic import selectors, services
from monia.systemic.models import AttendanceStatus, TeamMeeting

N = 2
TODAY = timezone.localdate


def _grow(world: Any, worker: Any, meeting: TeamMeeting, *, start: int, n: int) -> None:
    """``n`` families put on the agenda and reflected on, ``n`` flagged families left for
    the "more" list, ``n`` new members of the team; the attendance recorded again."""
    for i in range(start, start + n):
        on_agenda = notification(
            worker,
            child_create(world.county_a, first=f"Esillä{i}", number=900 + i),
            world.team_a1,
            at=days_ago(2),
        ).case
        item = services.agenda_add(meeting=meeting, case=on_agenda)
        services.reflection_save(user=worker, item=item, data={"worries": "Huoli."}, lock_version=0)
        more = notification(
            worker,
            child_create(world.county_a, first=f"Lisää{i}", number=930 + i),
            world.team_a1,
            at=days_ago(2),
        ).case
        services.flag_raise(user=worker, case=more, reason="Pohdittavaa.")
        make_user(f"jasen{i}", Role.FAMILY_WORKER, world.county_a, world.team_a1)
    statuses = {m.pk: AttendanceStatus.PRESENT for m in selectors.meeting_members(meeting)}
    statuses[worker.pk] = AttendanceStatus.APOLOGISED
    services.meeting_attendance_record(user=worker, meeting=meeting, statuses=statuses)


def _shown(html: str) -> tuple[int, int, int]:
    more = html.split('id="more-h"')[1].split("</section>")[0] if 'id="more-h"' in html else ""
    return (
        html.count('class="badge badge-done"'),
        more.count("<li>"),
        html.split('id="attendance-h"')[1].split("</dl>")[0].count(","),
    )


def _measure(username: str, world: Any, worker: Any, assert_num: Any, count: int) -> None:
    meeting = services.meeting_open(user=worker, team=world.team_a1, held_on=TODAY(), agenda_size=1)
    client = login(username)
    url = reverse("meeting_detail", args=[meeting.pk])
    _grow(world, worker, meeting, start=0, n=N)
    client.get(url)  # one-time caches (sessions, translations)
    with assert_num(count) as small:
        small_shown = _shown(client.get(url).content.decode())
    _grow(world, worker, meeting, start=N, n=2 * N)
    with assert_num(count) as large:
        large_shown = _shown(client.get(url).content.decode())
    assert [b - a for a, b in zip(small_shown, large_shown, strict=True)] == [2 * N] * 3
    assert len(large.captured_queries) == len(small.captured_queries)


def test_the_open_meeting_does_not_grow_with_its_agenda_more_list_and_attendance(
    world: Any, worker_a: Any, django_assert_num_queries: Any
) -> None:
    _measure("worker_a", world, worker_a, django_assert_num_queries, 14)


def test_the_coordinators_meeting_page_does_not_grow_either(
    world: Any, worker_a: Any, coordinator_a: Any, django_assert_num_queries: Any
) -> None:
    _measure("coordinator_a", world, worker_a, django_assert_num_queries, 14)


def _closed(world: Any, worker: Any, *, days_back: int, start: int, n: int) -> TeamMeeting:
    """A meeting ``days_back`` days ago with ``n`` families discussed, closed on its day."""
    day = TODAY() - datetime.timedelta(days=days_back)
    meeting = services.meeting_open(
        user=worker, team=world.team_a1, held_on=day, agenda_size=1, today=day
    )
    meeting.items.all().delete()
    _grow(world, worker, meeting, start=start, n=n)
    return services.meeting_close(user=worker, meeting=meeting, today=day)


def test_a_closed_meetings_page_does_not_grow_with_its_agenda(
    world: Any, worker_a: Any, django_assert_num_queries: Any
) -> None:
    small_meeting = _closed(world, worker_a, days_back=7, start=0, n=N)
    large_meeting = _closed(world, worker_a, days_back=0, start=N, n=3 * N)
    client = login("worker_a")
    client.get(reverse("meeting_detail", args=[small_meeting.pk]))  # one-time caches
    with django_assert_num_queries(7) as small:
        html = client.get(reverse("meeting_detail", args=[small_meeting.pk])).content.decode()
    assert html.count('class="badge badge-done"') == N
    with django_assert_num_queries(7) as large:
        html = client.get(reverse("meeting_detail", args=[large_meeting.pk])).content.decode()
    assert html.count('class="badge badge-done"') == 3 * N
    assert len(large.captured_queries) == len(small.captured_queries)
