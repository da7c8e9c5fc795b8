"""The plan's read page costs the same queries with N approved versions as with 3N, for
the plan in force and for an earlier version, whoever approved each."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from monia.casework.models import ClientPlan, PlanStatus
from monia.casework.tests.test_case_detail_queries import plan_review
from monia.conftest import CaseWorld, login

N = 2
# Eight for the page, one for the child's own feedback answers (feedback_tags.child_experience).
QUERIES = 9


def _grow(case_a: CaseWorld, approvers: list[Any], *, n: int) -> None:
    for i in range(n):
        plan_review(approvers[i % len(approvers)], case_a.case, text=f"Perhetyö, versio {i}")


def _versions_listed(html: str) -> int:
    return html.split('id="versions-h"')[1].split("</ol>")[0].count("<li>")


def test_the_plan_read_page_does_not_grow_with_its_versions(
    case_a: CaseWorld, worker_a: Any, teammate_a: Any, django_assert_num_queries: Any
) -> None:
    first = ClientPlan.objects.get(case=case_a.case, status=PlanStatus.APPROVED)
    client = login("teammate_a")
    url = reverse("plan_read", args=[case_a.case.pk])
    pages = {"in force": {}, "earlier": {"version": first.pk}}
    _grow(case_a, [worker_a, teammate_a], n=N - 1)  # N versions in all
    client.get(url)  # one-time caches (sessions, translations)
    small = {}
    for name, query in pages.items():
        with django_assert_num_queries(QUERIES) as captured:
            html = client.get(url, query).content.decode()
        assert _versions_listed(html) == N
        small[name] = len(captured.captured_queries)
    _grow(case_a, [worker_a, teammate_a], n=2 * N)
    for name, query in pages.items():
        with django_assert_num_queries(QUERIES) as captured:
            html = client.get(url, query).content.decode()
        assert _versions_listed(html) == 3 * N
        assert len(captured.captured_queries) == small[name], name
