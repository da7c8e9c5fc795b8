"""The caseboard with its exception badges and flags costs the same queries for N families
as for 3N, for a team member and for the senior official who chose the team. 12: the
session and user, the team, the pager's count and the page's families, one read of
deadlines, the last discussions, the flags, one read of exceptions, the log (3), the
notification bell, and the team's share trained in the systemic model (issue 16)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from monia.casework.models import Case
from monia.casework.tests.test_exceptions import exception_cases_grow
from monia.conftest import login
from monia.systemic import services

N = 2


def _grow(world: Any, worker: Any, teammate: Any, *, start: int, n: int) -> None:
    """``n`` families with each exception, and a flag on every family of team A1."""
    exception_cases_grow(world, worker, start=start, n=n)
    for case in Case.objects.filter(team=world.team_a1, flags__isnull=True):
        services.flag_raise(user=teammate, case=case, reason="Pohdittavaa.")


def _measure(client: Any, url: str, queries: int, assert_num_queries: Any) -> tuple[int, str]:
    with assert_num_queries(queries) as captured:
        html = client.get(url).content.decode()
    return len(captured.captured_queries), html


def test_the_caseboard_does_not_grow_with_its_families_and_their_exceptions(
    world: Any, worker_a: Any, teammate_a: Any, django_assert_num_queries: Any
) -> None:
    client = login("worker_a")
    url = reverse("caseboard")
    _grow(world, worker_a, teammate_a, start=0, n=N)
    client.get(url)  # one-time caches (sessions, translations)
    small, html = _measure(client, url, 12, django_assert_num_queries)
    assert html.count("badge-exception") == 3 * N and html.count('class="flag"') == 3 * N
    _grow(world, worker_a, teammate_a, start=N, n=2 * N)
    large, html = _measure(client, url, 12, django_assert_num_queries)
    assert html.count("badge-exception") == 3 * 3 * N and html.count('class="flag"') == 3 * 3 * N
    assert large == small


def test_the_senior_officials_caseboard_does_not_grow_either(
    world: Any, worker_a: Any, teammate_a: Any, senior_a: Any, django_assert_num_queries: Any
) -> None:
    client = login("senior_a")
    url = reverse("caseboard") + f"?team={world.team_a1.pk}"
    _grow(world, worker_a, teammate_a, start=0, n=N)
    client.get(url)
    small, html = _measure(client, url, 12, django_assert_num_queries)
    assert html.count("badge-exception") == 3 * N
    _grow(world, worker_a, teammate_a, start=N, n=2 * N)
    large, html = _measure(client, url, 12, django_assert_num_queries)
    assert html.count("badge-exception") == 3 * 3 * N
    assert large == small
