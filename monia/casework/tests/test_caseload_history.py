"""The caseload page's year of month ends (LsL 13 b §): each date counts the children a
worker was the designated worker of while they were clients, in two queries for any year."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from monia.casework import case_services, selectors
from monia.conftest import CaseWorld


def test_month_ends_count_the_child_for_whoever_was_designated_then(
    case_a: CaseWorld, worker_a: Any, teammate_a: Any
) -> None:
    case = case_a.case
    client_since = case.client_relationships.get().opened_on
    handed_over = timezone.localdate() + datetime.timedelta(days=40)
    case_services.designated_worker_assign(
        user=worker_a, case=case, worker=teammate_a, on=handed_over
    )
    until = handed_over + datetime.timedelta(days=70)
    series = selectors.caseload_series(county_id=case.county_id, until=until, months=14)
    assert series.dates[0] < client_since < handed_over < series.dates[-1] == until
    for i, day in enumerate(series.dates):
        assert series.children[worker_a.pk][i] == int(client_since <= day <= handed_over), day
        assert series.children[teammate_a.pk][i] == int(day >= handed_over), day
    assert [(c.worker, c.children) for c in series.latest()] == [(teammate_a, 1), (worker_a, 0)]


def test_a_year_of_caseloads_takes_two_queries(
    case_a: CaseWorld, teammate_a: Any, django_assert_num_queries: Any
) -> None:
    county_id = case_a.case.county_id
    with django_assert_num_queries(2):
        year = selectors.caseload_series(county_id=county_id, until=timezone.localdate())
    assert len(year.dates) == 12 and len(year.workers) == 2
    with django_assert_num_queries(2):
        selectors.caseloads(county_id=county_id, on=timezone.localdate())
