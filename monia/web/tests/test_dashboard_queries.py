"""The dashboard's "Needs attention" list costs the same queries for 2 exceptions of each
kind as for 6, for a worker (her team's) and a senior official (the county's). 14 queries
(the deadlines one, the exceptions one: issue 15);
one of them reads the cases of every child the page names, for the access log."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from monia.casework.tests.test_exceptions import exception_cases_grow
from monia.conftest import login

N = 2


def _exceptions_shown(html: str) -> int:
    section = html.split('id="exceptions-h"')[1].split("</section>")[0]
    return section.count('class="badge badge-exception"')


def test_the_workers_dashboard_does_not_grow_with_her_teams_exceptions(
    world: Any, worker_a: Any, django_assert_num_queries: Any
) -> None:
    client = login("worker_a")
    exception_cases_grow(world, worker_a, start=0, n=N)
    client.get(reverse("dashboard"))  # one-time caches (sessions, translations)
    with django_assert_num_queries(14) as small:
        html = client.get(reverse("dashboard")).content.decode()
    assert _exceptions_shown(html) == 3 * N
    exception_cases_grow(world, worker_a, start=N, n=2 * N)
    with django_assert_num_queries(14) as large:
        html = client.get(reverse("dashboard")).content.decode()
    assert _exceptions_shown(html) == 3 * 3 * N
    assert len(large.captured_queries) == len(small.captured_queries)


def test_the_senior_officials_dashboard_does_not_grow_with_the_countys_exceptions(
    world: Any, worker_a: Any, senior_a: Any, django_assert_num_queries: Any
) -> None:
    client = login("senior_a")
    exception_cases_grow(world, worker_a, start=0, n=N)
    client.get(reverse("dashboard"))
    with django_assert_num_queries(14) as small:
        html = client.get(reverse("dashboard")).content.decode()
    assert _exceptions_shown(html) == 4 * N
    exception_cases_grow(world, worker_a, start=N, n=2 * N)
    with django_assert_num_queries(14) as large:
        html = client.get(reverse("dashboard")).content.decode()
    assert _exceptions_shown(html) == 4 * 3 * N
    assert len(large.captured_queries) == len(small.captured_queries)
