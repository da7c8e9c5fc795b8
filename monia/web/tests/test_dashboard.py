"""The dashboard: my cases, my team's, deadlines; queries do not grow with the caseload."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from monia.conftest import CaseWorld, child_create, days_ago, notification
from monia.conftest import login as _login


def test_dashboard_shows_overdue_decision_in_red(world: Any, worker_a: Any) -> None:
    child = child_create(world.county_a)
    notification(worker_a, child, world.team_a1, at=days_ago(30))
    html = _login("worker_a").get(reverse("dashboard")).content.decode()
    assert 'class="status-overdue"' in html
    assert "Aino Esimerkki" in html


def test_dashboard_query_count_does_not_grow_with_caseload(
    world: Any, worker_a: Any, django_assert_max_num_queries: Any
) -> None:
    client = _login("worker_a")

    def add_children(n: int, start: int) -> None:
        for i in range(n):
            child = child_create(world.county_a, first=f"Lapsi{start + i}", number=900 + start + i)
            notification(worker_a, child, world.team_a1, at=days_ago(3))

    add_children(2, 0)
    with django_assert_max_num_queries(30) as small:
        client.get(reverse("dashboard"))
    add_children(20, 10)
    with django_assert_max_num_queries(30) as large:
        assert client.get(reverse("dashboard")).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)


def test_caseload_page_shows_chart_and_table(case_a: CaseWorld, worker_a: Any) -> None:
    html = _login("worker_a").get(reverse("caseload")).content.decode()
    assert "bar-chart" in html and "<table" in html
    assert "<td>1</td><td>30</td>" in html


def test_language_switch_changes_the_page_language(worker_a: Any) -> None:
    client = _login("worker_a")
    client.post(reverse("set_language"), {"language": "sv", "next": "/"})
    assert 'lang="sv"' in client.get(reverse("dashboard")).content.decode()


def test_caseload_history_shows_a_year_with_the_cap_then_in_force(
    case_a: CaseWorld, worker_a: Any
) -> None:
    html = _login("worker_a").get(reverse("caseload"), {"on": "2024-06-30"}).content.decode()
    assert html.count('<th scope="row">') == 1 + 12  # one worker's row, twelve months
    assert '<th scope="row">12/2023</th><td>0</td><td>35</td>' in html
    assert '<th scope="row">01/2024</th><td>0</td><td>30</td>' in html
    assert "<polyline" in html


def test_dashboard_flags_support_waits_over_the_target(
    case_a: CaseWorld, worker_a: Any, school: Any
) -> None:
    import datetime

    from django.utils import timezone

    from monia.network import referral_services

    referral_services.referral_create(
        user=worker_a,
        case=case_a.case,
        organisation=school,
        service="Koulupsykologi",
        need_identified_on=timezone.localdate() - datetime.timedelta(days=45),
        referred_at=timezone.now() - datetime.timedelta(days=44),
    )
    html = _login("worker_a").get(reverse("dashboard")).content.decode()
    assert "Koulupsykologi" in html and "<td>45</td>" in html
