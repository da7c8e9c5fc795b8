"""The dashboard's "Needs attention" list costs the same queries for 2 exceptions of each
kind as for 6, for a worker (her team's) and a senior official (the county's)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from monia.casework.tests.test_exceptions import _assessment_without_worker, client_without_plan
from monia.conftest import child_create, days_ago, login, notification

N = 2


def _grow(world: Any, worker: Any, start: int, n: int) -> None:
    """``n`` cases of each exception: a client without a plan, an assessment nobody owns,
    an intake whose urgency was not assessed in time (in team A1 and in team A2)."""
    for i in range(start, start + n):
        client_without_plan(world, worker, number=900 + i)
        _assessment_without_worker(world, worker, number=920 + i)
        for team, number in ((world.team_a1, 940 + i), (world.team_a2, 960 + i)):
            child = child_create(world.county_a, first=f"Myöhässä{number}", number=number)
            notification(worker, child, team, at=days_ago(8))


def _exceptions_shown(html: str) -> int:
    section = html.split('id="exceptions-h"')[1].split("</section>")[0]
    return section.count('class="badge badge-exception"')


def test_the_workers_dashboard_does_not_grow_with_her_teams_exceptions(
    world: Any, worker_a: Any, django_assert_num_queries: Any
) -> None:
    client = login("worker_a")
    _grow(world, worker_a, 0, N)
    client.get(reverse("dashboard"))  # one-time caches (sessions, translations)
    with django_assert_num_queries(15) as small:
        html = client.get(reverse("dashboard")).content.decode()
    assert _exceptions_shown(html) == 3 * N
    _grow(world, worker_a, N, 2 * N)
    with django_assert_num_queries(15) as large:
        html = client.get(reverse("dashboard")).content.decode()
    assert _exceptions_shown(html) == 3 * 3 * N
    assert len(large.captured_queries) == len(small.captured_queries)


def test_the_senior_officials_dashboard_does_not_grow_with_the_countys_exceptions(
    world: Any, worker_a: Any, senior_a: Any, django_assert_num_queries: Any
) -> None:
    client = login("senior_a")
    _grow(world, worker_a, 0, N)
    client.get(reverse("dashboard"))
    with django_assert_num_queries(15) as small:
        html = client.get(reverse("dashboard")).content.decode()
    assert _exceptions_shown(html) == 4 * N
    _grow(world, worker_a, N, 2 * N)
    with django_assert_num_queries(15) as large:
        html = client.get(reverse("dashboard")).content.decode()
    assert _exceptions_shown(html) == 4 * 3 * N
    assert len(large.captured_queries) == len(small.captured_queries)
