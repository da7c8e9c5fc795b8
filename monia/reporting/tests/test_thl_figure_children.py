"""The children behind one THL figure, narrowed to one row of a table
(reporting/thl_selectors.figure_children): pure, no database."""

from __future__ import annotations

from datetime import date, datetime

from monia.reporting import thl
from monia.reporting.thl_selectors import TeamKey, figure_children

START, END = date(2025, 4, 1), date(2025, 9, 30)
NORTH, SOUTH = TeamKey(7, "Lastensuojelu"), TeamKey(3, "Lastensuojelu")


def _notification(child: str, place: str, team: TeamKey, decided: date) -> thl.Notification:
    arrived = datetime(2025, 5, 5, 10, tzinfo=thl.HELSINKI)
    return thl.Notification(child, place, arrived, decided_on=decided, team=team)


RECORDS = [
    _notification("late_kuopio_north", "Kuopio", NORTH, date(2025, 6, 30)),
    _notification("late_iisalmi_north", "Iisalmi", NORTH, date(2025, 6, 30)),
    _notification("late_kuopio_south", "Kuopio", SOUTH, date(2025, 6, 30)),
    _notification("on_time_kuopio_north", "Kuopio", NORTH, date(2025, 5, 6)),
]
TIMES = thl.processing_times(RECORDS, start=START, end=END)


def _children(municipality: str = "", team_id: int | None = None) -> set[object]:
    late = figure_children(
        TIMES, RECORDS, figure="seven_day_late", municipality=municipality, team_id=team_id
    )
    return set(late)


def test_a_figure_without_a_row_gives_all_its_children() -> None:
    assert _children() == {"late_kuopio_north", "late_iisalmi_north", "late_kuopio_south"}


def test_a_municipality_row_gives_only_the_children_counted_there() -> None:
    assert _children(municipality="Kuopio") == {"late_kuopio_north", "late_kuopio_south"}


def test_a_team_row_names_its_team_by_id_alone() -> None:
    assert _children(team_id=7) == {"late_kuopio_north", "late_iisalmi_north"}


def test_a_municipality_and_a_team_together_give_the_children_counted_in_both() -> None:
    assert _children(municipality="Kuopio", team_id=3) == {"late_kuopio_south"}


def test_another_figure_gives_its_own_children() -> None:
    kept = figure_children(TIMES, RECORDS, figure="seven_day_on_time", team_id=7)
    assert kept == ["on_time_kuopio_north"]
