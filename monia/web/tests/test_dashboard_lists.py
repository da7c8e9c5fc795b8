"""The dashboard's lists of cases filter, sort and page (issue 12): a worker with 60 cases
and a senior official with the county's read 25 at a time; the filters are kept across
pages; any other value in the query string is the default, never an error; the queries
do not grow with the list; only the cases shown are logged."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from monia.access.models import AccessLog
from monia.casework import services
from monia.casework.models import Case
from monia.conftest import World, child_create, days_ago, login, notification

pytestmark = pytest.mark.django_db


def _cases(world: World, user: Any, n: int, *, start: int = 0, team: Any = None, **at: Any) -> None:
    """``n`` intake-stage cases of team A1 (or ``team``) with ``user`` as designated worker."""
    received = at.get("at", days_ago(1))
    for i in range(start, start + n):
        child = child_create(world.county_a, first=f"Lapsi{i:02d}", last="Listanen", number=900 + i)
        case = notification(user, child, team or world.team_a1, at=received).case
        Case.objects.filter(pk=case.pk).update(designated_worker=user)


def _names(html: str, section: str = "my-h") -> list[str]:
    part = html.split(f'id="{section}"')[1].split("</section>")[0]
    return re.findall(r">(Lapsi\d\d) Listanen</a>", part)


def _get(client: Any, **params: str) -> str:
    response = client.get(reverse("dashboard"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_sixty_cases_come_25_a_page_and_the_last_page_has_the_rest(
    world: World, worker_a: Any
) -> None:
    _cases(world, worker_a, 60)
    client = login("worker_a", "en")
    first = _get(client)
    assert _names(first) == [f"Lapsi{i:02d}" for i in range(25)]
    assert "Page 1 of 3" in first and "(60)" in first
    assert _names(_get(client, page="3")) == [f"Lapsi{i:02d}" for i in range(50, 60)]
    assert _names(_get(client, page="999")) == _names(_get(client, page="3"))


def test_the_filters_are_kept_from_page_to_page(world: World, worker_a: Any) -> None:
    _cases(world, worker_a, 30)
    _cases(world, worker_a, 30, start=30, at=days_ago(40))  # their 7-day decision is overdue
    html = _get(login("worker_a", "en"), due="overdue", sort="deadline")
    assert set(_names(html)) <= {f"Lapsi{i:02d}" for i in range(30, 60)}
    assert len(_names(html)) == 25
    assert "?due=overdue&amp;sort=deadline&amp;page=2" in html
    second = _get(login("worker_a", "en"), due="overdue", sort="deadline", page="2")
    assert len(_names(second)) == 5
    assert 'value="overdue" selected' in second  # the filter shows as chosen


def test_filter_by_stage_and_by_deadline_due_soon(world: World, worker_a: Any) -> None:
    _cases(world, worker_a, 3)
    _cases(world, worker_a, 2, start=3, at=days_ago(40))
    assessed = Case.objects.get(child__first_names="Lapsi00")
    services.intake_decide(
        user=worker_a,
        intake=assessed.intakes.get(),
        decision="start_assessment",
        decided_on=timezone.localdate(),
        family_told_on=timezone.localdate(),
    )
    client = login("worker_a", "en")
    assert _names(_get(client, stage="assessment")) == ["Lapsi00"]
    assert _names(_get(client, stage="intake")) == ["Lapsi01", "Lapsi02", "Lapsi03", "Lapsi04"]
    assert _names(_get(client, due="due_soon")) == ["Lapsi01", "Lapsi02"]
    assert _names(_get(client, due="overdue")) == ["Lapsi03", "Lapsi04"]
    assert "No cases match the filters." in _get(client, stage="client")


def test_sort_by_deadline_puts_the_earliest_first_and_by_stage_intakes_first(
    world: World, worker_a: Any
) -> None:
    _cases(world, worker_a, 1, at=days_ago(1))
    _cases(world, worker_a, 1, start=1, at=days_ago(20))
    _cases(world, worker_a, 1, start=2, at=days_ago(5))
    first = Case.objects.get(child__first_names="Lapsi00")
    services.intake_decide(
        user=worker_a,
        intake=first.intakes.get(),
        decision="start_assessment",
        decided_on=timezone.localdate(),
        family_told_on=timezone.localdate(),
    )  # its next deadline: the assessment, in three months
    client = login("worker_a", "en")
    assert _names(_get(client, sort="deadline")) == ["Lapsi01", "Lapsi02", "Lapsi00"]
    assert _names(_get(client, sort="stage")) == ["Lapsi01", "Lapsi02", "Lapsi00"]
    assert _names(_get(client, sort="name")) == ["Lapsi00", "Lapsi01", "Lapsi02"]
    mine = _get(client, sort="deadline").split('id="my-h"')[1]
    overdue = mine.split("Lapsi01 Listanen</a>")[1].split("</tr>")[0]
    assert "badge-overdue" in overdue


@pytest.mark.parametrize(
    "params",
    [
        {"stage": "closed"},
        {"stage": "\x00"},
        {"sort": "child__identity_code"},
        {"sort": "-pk"},
        {"due": "' OR 1=1 --"},
        {"team": "abc"},
        {"team": "²"},
        {"team": "99999999999999999999999"},
        {"page": "-1", "others_page": "x"},
        {"page": "1e9"},
    ],
)
def test_any_other_value_in_the_query_string_is_the_default(
    world: World, worker_a: Any, params: dict[str, str]
) -> None:
    _cases(world, worker_a, 3)
    html = _get(login("worker_a", "en"), **params)
    assert _names(html) == ["Lapsi00", "Lapsi01", "Lapsi02"]


def test_the_senior_official_filters_the_county_by_team_and_a_worker_cannot(
    world: World, worker_a: Any, other_team: Any, senior_a: Any
) -> None:
    _cases(world, worker_a, 2)
    _cases(world, other_team, 2, start=2, team=world.team_a2)
    senior = _get(login("senior_a", "en"), team=str(world.team_a2.pk))
    assert _names(senior, "team-h") == ["Lapsi02", "Lapsi03"]
    assert 'name="team"' in senior
    worker = _get(login("worker_a", "en"), team=str(world.team_a2.pk))
    assert 'name="team"' not in worker
    assert _names(worker) == ["Lapsi00", "Lapsi01"]  # the team is not hers: ignored


def test_the_lists_cost_the_same_queries_for_30_cases_as_for_60(
    world: World, worker_a: Any, teammate_a: Any, django_assert_num_queries: Any
) -> None:
    _cases(world, worker_a, 15)
    _cases(world, teammate_a, 15, start=15)
    client = login("worker_a", "en")
    _get(client)
    with django_assert_num_queries(14) as small:
        _get(client, sort="deadline", due="due_soon")
    _cases(world, worker_a, 15, start=30)
    _cases(world, teammate_a, 15, start=45)
    with django_assert_num_queries(14) as large:
        html = _get(client, sort="deadline", due="due_soon")
    assert len(_names(html)) == 25 and len(_names(html, "team-h")) == 25
    assert len(small.captured_queries) == len(large.captured_queries)


def _logged() -> list[str]:
    logged = AccessLog.objects.filter(purpose="dashboard").values_list("person__first_names")
    return sorted(n for (n,) in logged)


def test_only_the_cases_shown_are_logged(world: World, worker_a: Any, teammate_a: Any) -> None:
    _cases(world, worker_a, 30)
    _cases(world, teammate_a, 3, start=30)
    # Decided: no deadline table names them, only the lists.
    for case in Case.objects.filter(child__last_name="Listanen"):
        case.intakes.update(decision="no_action", decided_on=timezone.localdate())
    _get(login("worker_a", "en"), page="2")
    assert _logged() == [f"Lapsi{i:02d}" for i in range(25, 33)]


def test_a_child_named_only_in_the_deadlines_is_logged_too(
    world: World, worker_a: Any, teammate_a: Any
) -> None:
    """The deadlines name children the lists' page does not show: every child the page
    names is logged, and no other."""
    _cases(world, worker_a, 30)
    _cases(world, teammate_a, 3, start=30, at=days_ago(40))
    html = _get(login("worker_a", "en"), page="2")
    deadlines = html.split('id="deadlines-h"')[1].split("</section>")[0]
    in_deadlines = set(re.findall(r">(Lapsi\d\d) Listanen</a>", deadlines))
    assert "Lapsi00" in in_deadlines and "Lapsi00" not in _names(html)
    assert "Pages of the deadlines" in deadlines  # 33 deadlines, 25 to a page
    named = set(re.findall(r">(Lapsi\d\d) Listanen</a>", html))
    assert _logged() == sorted(named) and len(named) < 33


def test_a_case_without_an_open_deadline_sorts_last(world: World, worker_a: Any) -> None:
    _cases(world, worker_a, 2)
    later = Case.objects.get(child__first_names="Lapsi00")
    later.intakes.update(decision_due=timezone.localdate() + datetime.timedelta(days=300))
    Case.objects.get(child__first_names="Lapsi01").intakes.update(
        decision="no_action", decided_on=timezone.localdate()
    )
    names = _names(_get(login("worker_a", "en"), sort="deadline"))
    assert names == ["Lapsi00", "Lapsi01"]


def test_the_senior_official_narrows_the_caseload_page_to_one_team(
    world: World, worker_a: Any, other_team: Any, senior_a: Any, other_county: Any
) -> None:
    url = reverse("caseload")
    everyone = login("senior_a", "en").get(url).content.decode()
    assert "Worker_A Testinen" in everyone and "Other_Team Testinen" in everyone
    one = login("senior_a", "en").get(url, {"team": str(world.team_a2.pk)}).content.decode()
    assert "Other_Team Testinen" in one and "Worker_A Testinen" not in one
    foreign = login("senior_a", "en").get(url, {"team": str(world.team_b1.pk)})
    assert foreign.status_code == 200  # another county's team: refused, the county shown
    assert "Worker_A Testinen" in foreign.content.decode()
    assert "Other_County" not in foreign.content.decode()
    assert 'name="team"' not in login("worker_a", "en").get(url).content.decode()
