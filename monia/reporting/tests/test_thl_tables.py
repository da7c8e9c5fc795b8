"""The THL page's rows by team (reporting/thl_tables.py): keyed by the team's id, labelled
once by the team's name in the reader's language."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.utils import translation

from monia.reporting import thl
from monia.reporting.thl_selectors import TeamKey
from monia.reporting.thl_tables import on_time_chart, rows_by

START, END = date(2025, 4, 1), date(2025, 9, 30)


def _notification(child: str, team: TeamKey) -> thl.Notification:
    arrived = datetime(2025, 5, 5, 10, tzinfo=thl.HELSINKI)
    return thl.Notification(child, "Kuopio", arrived, decided_on=date(2025, 5, 6), team=team)


def test_teams_of_the_same_name_are_two_rows_each_labelled_by_its_id() -> None:
    north, south = TeamKey(7, "Lastensuojelu"), TeamKey(3, "Lastensuojelu")
    records = [_notification("a", north), _notification("b", north), _notification("c", south)]
    times = thl.processing_times(records, start=START, end=END)
    labels = {7: "Barnskydd norr", 3: "Barnskydd söder"}
    rows = rows_by(times, "by_team", labels=labels)
    assert [(r.label, r.key, r.matters) for r in rows] == [
        ("Barnskydd söder", "3", 1),
        ("Barnskydd norr", "7", 2),
    ]


def test_a_team_without_a_label_is_labelled_by_its_recorded_name() -> None:
    times = thl.processing_times(
        [_notification("a", TeamKey(5, "Perhesosiaalityö"))], start=START, end=END
    )
    assert [(r.label, r.key) for r in rows_by(times, "by_team", labels={})] == [
        ("Perhesosiaalityö", "5")
    ]


@pytest.mark.parametrize(
    ("language", "on_time", "late"),
    [
        ("fi", "(67\u00a0%)", "(33\u00a0%)"),
        ("sv", "(67\u00a0%)", "(33\u00a0%)"),
        ("en", "(67%)", "(33%)"),
    ],
)
def test_the_charts_bars_tell_their_share_as_the_readers_language_writes_it(
    language: str, on_time: str, late: str
) -> None:
    with translation.override(language):
        bar = on_time_chart([("Started in 7 working days", 2, 1)]).bars[0]
    assert bar.segments[0].label.endswith(on_time)
    assert bar.segments[1].label.endswith(late)
