"""The statistics home and the rules of who sees which figures (reporting/access.py)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from monia.access import policy
from monia.access.models import AccessLog
from monia.access.purposes import Purpose
from monia.conftest import CaseWorld, login
from monia.reporting import access, exports

pytestmark = pytest.mark.django_db


def test_a_worker_sees_the_statistics_of_their_own_team_only(
    case_a: CaseWorld, worker_a: Any
) -> None:
    scope = access.team_scope_get(worker_a, None)
    assert scope.team == worker_a.team and not scope.whole_county
    assert access.team_scope_get(worker_a, worker_a.team_id).team == worker_a.team
    with pytest.raises(policy.NotFound):
        access.team_scope_get(worker_a, worker_a.team_id + 1000)
    with pytest.raises(policy.NotFound):
        access.county_scope_get(worker_a)


def test_the_senior_official_sees_the_county_and_any_of_its_teams(
    case_a: CaseWorld, senior_a: Any, worker_a: Any, other_county: Any
) -> None:
    assert access.county_scope_get(senior_a).whole_county
    assert access.team_scope_get(senior_a, str(worker_a.team_id)).team == worker_a.team
    with pytest.raises(policy.NotFound):  # another county's team
        access.team_scope_get(senior_a, other_county.team_id)
    assert worker_a.team in access.teams_to_choose(senior_a)
    assert access.teams_to_choose(worker_a) == []


def test_the_children_behind_a_figure_are_those_the_user_may_open_and_the_read_is_logged(
    case_a: CaseWorld, worker_a: Any, other_county: Any
) -> None:
    before = AccessLog.objects.count()
    assert access.children_behind(
        worker_a, [case_a.case.pk], purpose=Purpose.STATISTICS_CHILDREN
    ) == [case_a.case]
    assert AccessLog.objects.count() == before + 1
    assert (
        access.children_behind(other_county, [case_a.case.pk], purpose=Purpose.STATISTICS_CHILDREN)
        == []
    )


def test_small_counts_are_suppressed_across_county_lines() -> None:
    assert [access.suppressed(n) for n in (0, 1, 4, 5, 120)] == [0, None, None, 5, 120]


def test_a_suppressed_count_is_not_given_back_by_subtraction() -> None:
    """Matters 40 with 37 on time and 3 late: showing 40 and 37 would give the 3 back, so
    both parts of the split are hidden; a split of two large counts is shown."""
    from monia.reporting import thl, thl_services

    def figure(matters: int, on_time: int, late: int) -> thl.Figure:
        return thl.Figure(matters, on_time, late, matters - on_time - late, {}, {}, (), (), ())

    def times(seven: thl.Figure, three: thl.Figure) -> Any:
        overdue = thl.Tally(count=2, by_municipality={}, children=())
        return type("T", (), {"seven_day": seven, "three_month": three, "open_overdue": overdue})

    row = thl_services.compare_row("Alue", times(figure(40, 37, 3), figure(30, 20, 10)))
    assert row == ["Alue", 40, None, None, 30, 20, 10, None]
    row = thl_services.compare_row("Alue", times(figure(40, 3, 37), figure(30, 30, 0)))
    assert row[1:4] == [40, None, None] and row[4:7] == [30, 30, 0]


def test_csv_and_xlsx_hold_the_same_rows() -> None:
    import io

    from openpyxl import load_workbook

    rows = [("Kuopio", 12, 3), ("Iisalmi", 4, None)]
    text = exports.csv_bytes(["Kunta", "Asioita", "Myöhässä"], rows).decode("utf-8-sig")
    assert text.splitlines() == ["Kunta;Asioita;Myöhässä", "Kuopio;12;3", "Iisalmi;4;"]
    book = load_workbook(io.BytesIO(exports.xlsx_bytes([("Taulu", ["a", "b", "c"], rows)])))
    assert [tuple(r) for r in book["Taulu"].iter_rows(min_row=2, values_only=True)] == rows


@pytest.mark.parametrize("persona", ["worker_a", "senior_a", "coordinator_a"])
def test_staff_with_a_scope_open_the_statistics_home(
    persona: str, case_a: CaseWorld, request: pytest.FixtureRequest
) -> None:
    request.getfixturevalue(persona)
    page = login(persona, language="fi").get(reverse("statistics"))
    assert page.status_code == 200
    assert reverse("participation_indicators") in page.content.decode()


@pytest.mark.parametrize("persona", ["admin", "partner"])
def test_administrators_and_partners_get_404(
    persona: str, case_a: CaseWorld, request: pytest.FixtureRequest
) -> None:
    request.getfixturevalue(persona)
    assert login(persona).get(reverse("statistics")).status_code == 404
