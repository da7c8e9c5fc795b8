"""bench/floors.py and run.py's figures: the layout floor (an empty page in Monia's layout)
and what it leaves of a page's 2× target for the page's own content."""

from __future__ import annotations

import pytest

from bench import floors, scenarios
from bench.run import Result


def _result(median_ms: float) -> Result:
    return Result(
        name="search_code_county",
        what="GET /search/?q=…",
        runs=3,
        median_ms=median_ms,
        p95_ms=median_ms,
        min_ms=median_ms,
        max_ms=median_ms,
        queries=8,
        sql_ms=3.0,
        slowest_query_ms=1.0,
    )


def test_the_layouts_python_is_the_empty_layout_page_less_its_own_sql() -> None:
    result = _result(14.0)
    result.set_floors([4.0, 4.2, 3.8], [2.6, 2.6], layout=[5.0, 5.4, 5.2], layout_sql=[1.0, 1.2])
    assert result.ratio == 3.5
    assert result.layout_python_ms == pytest.approx(4.1)  # 5.2 − 1.1


def test_the_content_budget_is_what_twice_the_floor_leaves_after_the_floor_and_the_layout() -> None:
    result = _result(14.0)
    result.set_floors([4.0, 4.0], [2.6, 2.6], layout=[5.2, 5.2], layout_sql=[1.1, 1.1])
    # 2 × 4.0 = 8.0 ms for the whole page: 4.0 of SQL, 4.1 of the layout's Python.
    assert result.content_budget_ms == pytest.approx(-0.1)
    # What the content took: 14.0 − 4.0 of SQL − 4.1 of the layout's Python.
    assert result.content_python_ms == pytest.approx(5.9)
    assert result.layout_figures() == {
        "layout_python_ms": pytest.approx(4.1),
        "content_budget_ms": pytest.approx(-0.1),
        "content_python_ms": pytest.approx(5.9),
    }


def test_a_scenario_measured_without_floors_has_no_layout_figures() -> None:
    result = _result(14.0)
    assert result.layout_python_ms is None
    assert result.content_budget_ms is None
    assert result.layout_figures() == {}


@pytest.mark.django_db
def test_the_layout_floor_is_monias_layout_around_nothing_and_the_empty_floor_is_bare() -> None:
    from monia.accounts.models import Role, User

    user = User.objects.create_user(
        username="floor", password="x" * 20, role=Role.DESIGNATED_SOCIAL_WORKER
    )
    client = scenarios.logged_in(user)
    with floors.floor_urls():
        layout = floors.layout_floor(client)().content.decode()
        empty = floors.framework_floor(client)().content.decode()
        layout_sql = floors.statements_of(floors.layout_floor(client))
    assert 'class="site-header"' in layout and 'class="site-footer"' in layout
    assert "site-header" not in empty
    # The layout asks the database for the session, the user and the unread notices.
    assert any("notify" in sql for sql in layout_sql)
