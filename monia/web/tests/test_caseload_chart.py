"""The caseload page stays readable with a whole team: the team's total as one line, each
worker in a small chart of their own on a shared scale, the data table in its own region."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from monia.conftest import CaseWorld, login, make_user
from monia.ui import charts


def _nine_workers(world: Any) -> None:
    for i in range(8):
        make_user(f"worker_{i}", "social_worker", world.county_a, world.team_a1)


def test_every_worker_gets_a_small_chart_of_their_own(case_a: CaseWorld, world: Any) -> None:
    _nine_workers(world)
    page = login("worker_a").get(reverse("caseload")).content.decode()
    assert page.count("<li>\n    <figure>") == 9
    assert 'class="small-multiples"' in page
    # The data table scrolls in a region of its own that a keyboard can reach.
    assert '<div class="table-wrap" role="region" tabindex="0"' in page
    assert "Yhteensä" in page  # the team's total: a column of the table and a line


def test_small_multiples_share_one_scale() -> None:
    small = charts.small_multiples(
        [("A", [1, 2, 3]), ("B", [10, 20, 33])], ["01/26", "02/26", "03/26"], ("Cap", [30] * 3)
    )
    assert {m.chart.top_value for m in small} == {40}
    assert [m.last for m in small] == [3, 33]
    assert [m.over_reference for m in small] == [False, True]
    assert [label for _, label in small[0].chart.x_ticks] == ["01/26", "03/26"]


def test_ticks_are_round_numbers() -> None:
    chart = charts.line_chart([("total", [46, 70, 94])], ["a", "b", "c"])
    assert [v for _, v in chart.y_ticks] == [0, 25, 50, 75, 100]
    assert chart.lines[0].last == 94


def test_caseload_page_query_count_does_not_grow_with_workers(
    case_a: CaseWorld, world: Any, django_assert_max_num_queries: Any
) -> None:
    client = login("worker_a")
    with django_assert_max_num_queries(60) as few:
        client.get(reverse("caseload"))
    _nine_workers(world)
    with django_assert_max_num_queries(60) as many:
        client.get(reverse("caseload"))
    assert len(many.captured_queries) == len(few.captured_queries)
