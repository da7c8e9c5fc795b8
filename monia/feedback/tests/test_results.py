"""The anonymised results: a group under five is not shown anywhere; the chart's bars are
the table's shown rows; the page's queries do not grow with the answers."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from monia.accounts.models import Role, User
from monia.conftest import World, login, make_user
from monia.feedback import aggregate, charts, selectors
from monia.feedback.tests.factories import answered, questionnaire

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def _this_month(results: list[selectors.QuestionResult]) -> aggregate.Group:
    return results[0].groups[-1]


def test_aggregate_is_hidden_at_four_answers_and_shown_at_five(
    world: World, developer_a: User
) -> None:
    q = questionnaire(world.county_a, developer_a)
    answered(q, world.county_a, [5, 4, 4, 3], at=NOW)
    found = selectors.results(q, language="fi")
    assert _this_month(found) == aggregate.Group(label=_this_month(found).label, shown=False)
    assert not found[0].total.shown
    page = login("developer_a").get(reverse("feedback_results", args=[q.pk])).content.decode()
    assert "Fewer than 5 answers" in page or "Alle 5 vastausta" in page
    answered(q, world.county_a, [1], at=NOW, start=10)
    group = _this_month(selectors.results(q, language="fi"))
    assert (group.shown, group.n, group.mean) == (True, 5, 3.4)
    assert dict(group.distribution) == {1: 1, 2: 0, 3: 1, 4: 2, 5: 1}


def _quarter_months() -> tuple[datetime.datetime, datetime.datetime]:
    """Noon on the 5th of the first two months of a quarter well inside the window."""
    start = aggregate.period_of(timezone.localdate() - datetime.timedelta(days=200), "quarter")
    second = (start + datetime.timedelta(days=32)).replace(day=5)
    return tuple(  # type: ignore[return-value]
        timezone.make_aware(datetime.datetime.combine(d.replace(day=5), datetime.time(12)))
        for d in (start, second)
    )


def test_a_month_is_hidden_too_when_its_quarter_would_reveal_a_small_group(
    world: World, developer_a: User
) -> None:
    """Six answers in one month and two in the next: the quarter (eight) minus the first
    month would give the two. The first month is hidden as well, and says why."""
    q = questionnaire(world.county_a, developer_a)
    first, second = _quarter_months()
    answered(q, world.county_a, [2, 2, 2, 2, 2, 2], at=first)
    answered(q, world.county_a, [5, 1], at=second, start=10)
    months = {g.label: g for g in selectors.results(q, language="fi")[0].groups}
    hidden = months[f"{first:%m/%Y}"]
    assert (hidden.shown, hidden.protects, hidden.n, hidden.mean) == (False, True, None, None)
    assert not months[f"{second:%m/%Y}"].shown
    quarter = next(
        g for g in selectors.results(q, language="fi", period="quarter")[0].groups if g.shown
    )
    assert (quarter.n, dict(quarter.distribution)[1]) == (8, 1)
    page = login("developer_a").get(reverse("feedback_results", args=[q.pk])).content.decode()
    assert "vuosineljänneksen luvuista voisi silloin päätellä" in page
    # A group of five in the second month leaves the quarter nothing to reveal.
    answered(q, world.county_a, [3, 3, 3], at=second, start=20)
    months = {g.label: g for g in selectors.results(q, language="fi")[0].groups}
    assert months[f"{first:%m/%Y}"].n == 6 and months[f"{second:%m/%Y}"].n == 5


def test_the_line_above_the_table_sums_only_the_periods_shown(
    world: World, developer_a: User
) -> None:
    """The two answers of another quarter are hidden, and so not counted in the line: the
    line minus the periods shown must not give a small group."""
    q = questionnaire(world.county_a, developer_a)
    first, _ = _quarter_months()
    answered(q, world.county_a, [4, 4, 4, 4, 4, 4], at=first)
    answered(q, world.county_a, [1, 1], at=NOW, start=10)
    total = selectors.results(q, language="fi")[0].total
    assert (total.shown, total.n, total.mean) == (True, 6, 4.0)


def test_free_text_answers_never_reach_the_results(world: World, developer_a: User) -> None:
    q = questionnaire(world.county_a, developer_a)
    answered(q, world.county_a, [5, 5, 5, 5, 5], at=NOW)
    assert [r.question.kind for r in selectors.results(q, language="fi")] == ["face"]


def test_chart_bars_match_the_shown_rows_of_the_table(world: World, developer_a: User) -> None:
    q = questionnaire(world.county_a, developer_a)
    answered(q, world.county_a, [2, 2, 2, 2, 2, 2], at=NOW)
    # An earlier quarter (100 days back always is): the quarter's rest reveals nothing.
    answered(q, world.county_a, [5, 5], at=NOW - datetime.timedelta(days=100), start=10)
    result = selectors.results(q, language="fi")[0]
    chart = charts.mean_chart(result)
    shown = [g for g in result.groups if g.shown]
    assert [b.label for b in chart.bars] == [f"{g.label}: {g.mean}" for g in shown]
    assert len(shown) == 1 and shown[0].mean == 2.0
    assert len(chart.x_ticks) == len(result.groups) == 12


def test_quarters_group_months_together(world: World, developer_a: User) -> None:
    q = questionnaire(world.county_a, developer_a)
    answered(q, world.county_a, [3, 3, 3, 3, 3], at=NOW)
    found = selectors.results(q, language="fi", period="quarter")
    assert len(found[0].groups) == 8 and found[0].groups[-1].n == 5


def test_results_page_queries_do_not_grow_with_answers(world: World, developer_a: User) -> None:
    q = questionnaire(world.county_a, developer_a)
    client = login("developer_a")
    url = reverse("feedback_results", args=[q.pk])
    answered(q, world.county_a, [1, 2, 3, 4, 5], at=NOW)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    answered(q, world.county_a, [1, 2, 3, 4, 5, 5, 5], at=NOW, start=20)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few) <= 12


def test_county_staff_read_results_partners_and_experts_get_404(
    world: World, developer_a: User, worker_a: User, partner: User, expert_by_experience: User
) -> None:
    q = questionnaire(world.county_a, developer_a)
    url = reverse("feedback_results", args=[q.pk])
    assert login("worker_a").get(url).status_code == 200
    assert login("partner").get(url).status_code == 404
    assert login("expert_by_experience").get(url).status_code == 404


def test_staff_of_another_county_get_404_on_results(
    world: World, developer_a: User, other_county: User
) -> None:
    q = questionnaire(world.county_a, developer_a)
    assert login("other_county").get(reverse("feedback_results", args=[q.pk])).status_code == 404


def test_a_draft_has_no_results_page(world: World, developer_a: User) -> None:
    from monia.feedback import services

    draft = services.questionnaire_create(
        user=developer_a, data={"name": "Luonnos", "trigger": "manual"}
    )
    url = reverse("feedback_results", args=[draft.pk])
    assert login("developer_a").get(url).status_code == 404
    make_user("developer_x", Role.DEVELOPMENT_COORDINATOR, world.county_a, None)
