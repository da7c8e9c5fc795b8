"""The staffing statistic from the database, on a fixture counted by hand.

County A on the snapshot days 10.10.2023 (limit 35) and 9.4.2024 (limit 30):
- worker_a has 32 client children from 1.1.2023; one of them turns 18 on 1.3.2024;
- other_team (team A2) has 2 client children; one designation ends on 31.3.2024 while the
  child stays a client (a client without a worker on 9.4.2024);
- worker_a is also named for a child whose matter is still an intake (not a client: not
  counted); county B has a client of its own (never counted).

10.10.2023: clients under 18 34, workers 2, over the limit 0 (32 <= 35).
9.4.2024:   clients under 18 33, workers 2, over the limit 1 (worker_a 31 > 30).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from monia.access.models import AccessLog
from monia.conftest import World, login
from monia.reporting import caseload_selectors as selectors
from monia.reporting.tests.stats_fixtures import D, assign, case, child

pytestmark = pytest.mark.django_db

OCTOBER, APRIL = D(2023, 10, 10), D(2024, 4, 9)


@dataclass
class Staffing:
    adult_case: Any
    ended_case: Any
    kept_case: Any


@pytest.fixture
def staffing(world: World, worker_a: Any, other_team: Any, other_county: Any) -> Staffing:
    a = world.county_a
    cases = []
    for i in range(32):
        born = D(2006, 3, 1) if i == 0 else D(2015, 5, 5)
        made = case(a, world.team_a1, child(a, f"Lapsi{i}", born), client=(D(2023, 1, 1), None))
        assign(made, worker_a, D(2023, 1, 1))
        cases.append(made)
    ended = case(
        a, world.team_a2, child(a, "Päättynyt", D(2012, 1, 1)), client=(D(2022, 1, 1), None)
    )
    assign(ended, other_team, D(2022, 1, 1), D(2024, 3, 31))
    kept = case(a, world.team_a2, child(a, "Jatkuva", D(2013, 1, 1)), client=(D(2022, 1, 1), None))
    assign(kept, other_team, D(2022, 1, 1))
    assign(case(a, world.team_a1, child(a, "Vireillä", D(2016, 1, 1))), worker_a, D(2023, 1, 1))
    b = world.county_b
    elsewhere = case(
        b, world.team_b1, child(b, "Muualla", D(2014, 1, 1)), client=(D(2022, 1, 1), None)
    )
    assign(elsewhere, other_county, D(2022, 1, 1))
    return Staffing(adult_case=cases[0], ended_case=ended, kept_case=kept)


def test_the_three_totals_match_the_hand_count_before_and_after_the_limit_changed(
    staffing: Staffing, world: World, worker_a: Any, other_team: Any
) -> None:
    october = selectors.caseload_report(county_id=world.county_a.pk, on=OCTOBER).snapshot
    assert (october.cap, october.clients_under_18, october.workers, october.workers_over_cap) == (
        35,
        34,
        2,
        0,
    )
    april = selectors.caseload_report(county_id=world.county_a.pk, on=APRIL)
    snap = april.snapshot
    assert (snap.cap, snap.clients_under_18, snap.workers, snap.workers_over_cap) == (30, 33, 2, 1)
    assert [(r.worker, r.team, r.children, r.over_cap) for r in april.workers] == [
        (other_team, "A2", 1, False),
        (worker_a, "A1", 31, True),
    ]
    assert april.cases["without"] == {staffing.ended_case.pk}
    assert staffing.adult_case.pk not in april.cases["clients"]
    assert april.worker_cases[other_team.pk] == {staffing.kept_case.pk}


def test_the_history_holds_the_six_half_year_days_of_three_years(
    staffing: Staffing, world: World
) -> None:
    days = selectors.history_dates(D(2024, 5, 1))
    assert days == [
        D(2021, 10, 12),
        D(2022, 4, 12),
        D(2022, 10, 11),
        D(2023, 4, 11),
        D(2023, 10, 10),
        D(2024, 4, 9),
    ]
    rows = selectors.caseload_history(county_id=world.county_a.pk, days=days)
    assert [
        (r.on, r.clients_under_18, r.workers, r.workers_over_cap, r.cap) for r in rows[-3:]
    ] == [
        (D(2023, 4, 11), 34, 2, 0, 35),
        (D(2023, 10, 10), 34, 2, 0, 35),
        (D(2024, 4, 9), 33, 2, 1, 30),
    ]
    assert rows[-1].largest == 31 and rows[-1].mean == 16.0  # (31 + 1) / 2
    assert selectors.default_snapshot_date(D(2024, 4, 8)) == OCTOBER
    assert selectors.default_snapshot_date(D(2024, 4, 9)) == APRIL


def test_the_senior_official_sees_the_page_and_each_number_opens_its_children(
    staffing: Staffing, senior_a: Any, other_team: Any
) -> None:
    client = login("senior_a", language="fi")
    page = client.get(reverse("statistics_caseload"), {"on": "2024-04-09"})
    assert page.status_code == 200
    html = page.content.decode()
    assert f"figure=worker&amp;worker={other_team.pk}" in html
    before = AccessLog.objects.count()
    listed = client.get(
        reverse("statistics_caseload_children"),
        {"on": "2024-04-09", "figure": "worker", "worker": other_team.pk},
    )
    assert listed.status_code == 200
    assert list(listed.context["cases"]) == [staffing.kept_case]
    assert AccessLog.objects.count() == before + 1
    without = client.get(
        reverse("statistics_caseload_children"), {"on": "2024-04-09", "figure": "without"}
    )
    assert list(without.context["cases"]) == [staffing.ended_case]
    bad = client.get(reverse("statistics_caseload_children"), {"figure": "everything"})
    assert bad.status_code == 404


def test_a_bad_day_gives_a_message_and_the_latest_snapshot(
    staffing: Staffing, senior_a: Any
) -> None:
    page = login("senior_a", language="en").get(reverse("statistics_caseload"), {"on": "31.2.2024"})
    assert page.status_code == 200
    assert page.context["form"].errors["on"]
    assert page.context["on"] == selectors.default_snapshot_date(timezone.localdate())


@pytest.mark.parametrize(
    "persona", ["worker_a", "coordinator_a", "admin", "partner", "other_county"]
)
@pytest.mark.parametrize(
    "url", ["statistics_caseload", "statistics_caseload_export", "statistics_caseload_children"]
)
def test_everyone_but_the_senior_official_gets_404(
    persona: str, url: str, staffing: Staffing, request: pytest.FixtureRequest
) -> None:
    request.getfixturevalue(persona)
    answer = login(persona).get(reverse(url), {"on": "2024-04-09", "figure": "clients"})
    assert answer.status_code == 404


def test_the_exports_parse_back_in_thls_shape(staffing: Staffing, senior_a: Any) -> None:
    client = login("senior_a", language="fi")
    url = reverse("statistics_caseload_export")
    text = client.get(url, {"on": "2024-04-09", "format": "csv"}).content.decode("utf-8-sig")
    lines = [line.split(";") for line in text.splitlines()]
    assert len(lines) == 2 and lines[1] == ["2024-04-09", "33", "2", "1"]
    book = load_workbook(
        io.BytesIO(client.get(url, {"on": "2024-04-09", "format": "xlsx"}).content)
    )
    first, workers = book.worksheets
    assert list(first.iter_rows(min_row=2, values_only=True)) == [("2024-04-09", 33, 2, 1)]
    assert [row[2] for row in workers.iter_rows(min_row=2, values_only=True)] == [1, 31]


def test_the_page_reads_a_bounded_number_of_queries_whatever_the_data(
    staffing: Staffing,
    world: World,
    senior_a: Any,
    worker_a: Any,
    django_assert_max_num_queries: Any,
) -> None:
    client = login("senior_a", language="fi")
    with django_assert_max_num_queries(14):
        assert client.get(reverse("statistics_caseload"), {"on": "2024-04-09"}).status_code == 200
    for i in range(20):
        made = case(
            world.county_a,
            world.team_a1,
            child(world.county_a, f"Lisä{i}", D(2014, 1, 1)),
            client=(D(2023, 1, 1), None),
        )
        assign(made, worker_a, D(2023, 1, 1))
    with django_assert_max_num_queries(14):
        assert client.get(reverse("statistics_caseload"), {"on": "2024-04-09"}).status_code == 200
