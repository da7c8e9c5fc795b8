"""bench/load_plan.py: what the load test's users ask for, how answers are judged, and the
figures — pure functions, no server (the load test itself is run by hand, bench/load.py)."""

from __future__ import annotations

import random

import pytest

from bench.load_plan import (
    BUSY_PAGES,
    Sample,
    cases_listed,
    figures,
    judge,
    parse_think,
    percentile,
    search_query,
    summarise,
    visit,
)

DASHBOARD = """<h2 id="my-h">Omat asiakkuudet</h2><table>
<tr><td><a href="/cases/17/">Aino Maria Virtanen</a></td></tr>
<tr><td><a href="/cases/23/">Eero J&#x27;Ek</a></td></tr></table>
<a href="/cases/17/chronology/">not a row</a>"""


def test_think_time_is_a_range_of_seconds() -> None:
    assert parse_think("2-8") == (2.0, 8.0)
    assert parse_think("0.5-1.5") == (0.5, 1.5)
    assert parse_think("3") == (3.0, 3.0)
    for bad in ("8-2", "a-b", "-1-2"):
        with pytest.raises(ValueError, match="--think"):
            parse_think(bad)


def test_an_answer_is_an_error_unless_2xx_or_3xx_with_its_pages_marker() -> None:
    assert judge("dashboard", 200, DASHBOARD) == ""
    assert judge("dashboard", 500, DASHBOARD) == "HTTP 500"
    assert judge("case", 404, "") == "HTTP 404"
    # A 200 that is the login form (a lost session) or another page is an error too.
    assert "no " in judge("dashboard", 200, '<form action="/login/">')
    assert "no " in judge("case", 200, DASHBOARD)


def test_the_dashboards_case_rows_give_the_cases_and_childrens_names() -> None:
    assert cases_listed(DASHBOARD) == [(17, "Aino Maria Virtanen"), (23, "Eero J'Ek")]
    assert cases_listed("<p>Ei asiakkuuksia.</p>") == []


def test_a_child_is_searched_by_surname_or_whole_name_when_it_is_short() -> None:
    assert search_query("Aino Maria Virtanen") == "Virtanen"
    assert search_query("Eero Ek") == "Eero Ek"  # the search needs three letters


def test_a_visit_opens_a_listed_case_its_chronology_the_caseboard_and_a_search() -> None:
    listed = cases_listed(DASHBOARD)
    steps = visit(random.Random(1), listed)
    assert [page for page, _ in steps] == ["case", "chronology", "caseboard", "search"]
    case_path, chronology_path = steps[0][1], steps[1][1]
    assert case_path in {"/cases/17/", "/cases/23/"}
    assert chronology_path == case_path + "chronology/"
    assert steps[2][1] == "/team/"
    assert steps[3][1] in {"/search/?q=Virtanen", "/search/?q=Eero+J%27Ek"}
    # A worker whose dashboard lists no case still opens her team's caseboard.
    assert visit(random.Random(1), []) == [("caseboard", "/team/")]


def test_the_same_seed_gives_the_same_visits() -> None:
    listed = [(i, f"Lapsi Numero{i}") for i in range(50)]
    assert visit(random.Random(7), listed) == visit(random.Random(7), listed)


def test_percentiles_are_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 50) == 50.0
    assert percentile(values, 95) == 95.0
    assert percentile(values, 99) == 99.0
    assert percentile(list(reversed(values)), 100) == 100.0
    assert percentile([4.0], 99) == 4.0
    assert percentile([], 50) == 0.0


def test_figures_count_errors_throughput_and_times_in_milliseconds() -> None:
    samples = [Sample("case", 0.0, s / 1000, 200) for s in (10, 20, 30, 40)]
    samples.append(Sample("case", 1.0, 0.5, 500, "HTTP 500"))
    got = figures(samples, seconds=10)
    assert got["requests"] == 5 and got["errors"] == 1 and got["per_second"] == 0.5
    assert (got["p50_ms"], got["p95_ms"], got["max_ms"]) == (30.0, 500.0, 500.0)
    assert got["mean_ms"] == 120.0


def test_the_summary_has_each_busy_page_the_logins_apart_and_all_busy_pages() -> None:
    samples = [Sample(page, 0.0, 0.1, 200) for page in BUSY_PAGES]
    samples.append(Sample("login", 0.0, 2.0, 200))
    summary = summarise(samples, seconds=5)
    assert set(summary) == {"login", *BUSY_PAGES, "all"}
    assert summary["all"]["requests"] == len(BUSY_PAGES)  # logins are not busy pages
    assert summary["all"]["max_ms"] == 100.0
    assert summary["login"]["requests"] == 1
