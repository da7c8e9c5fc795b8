"""The THL report from the database (reporting/thl_selectors.py): the records the selector
builds from intakes recorded through the services give the same figures as the same
notifications built by hand, and the figures counted by hand."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from monia.conftest import World, notification
from monia.reporting import thl
from monia.reporting import thl_selectors as sel
from monia.reporting.tests.thl_world import END, EXPECTED, START, ThlWorld, at, thl_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def tw(world: World, worker_a: Any) -> ThlWorld:
    return thl_world(world, worker_a)


def _by_hand(tw: ThlWorld, world: World) -> list[thl.Notification]:
    d = datetime.date
    a1, a2 = (sel.TeamKey(t.pk, t.name) for t in (world.team_a1, world.team_a2))

    def n(name: str, municipality: str, team: sel.TeamKey = a1, **extra: Any) -> thl.Notification:
        intake = tw.intakes[name]
        key = sel.ChildKey(tw.cases[name].child_id, intake.case_id)
        return thl.Notification(key, municipality, intake.received_at, team=team, **extra)

    return [
        n("aino", "Kuopio", decided_on=d(2025, 4, 10), completed_on=d(2025, 6, 20)),
        n("eino", "Kuopio", decided_on=d(2025, 4, 3), assessment_started=False),
        n("aino_again", "Kuopio", decided_on=d(2025, 4, 16), completed_on=d(2025, 6, 20)),
        n("oona", "Iisalmi", decided_on=d(2025, 6, 20)),
        n("pekka", "Iisalmi", decided_on=d(2025, 2, 5), completed_on=d(2025, 5, 20)),
        n("ville_first", "Kuopio", decided_on=d(2024, 9, 4), completed_on=d(2024, 10, 15)),
        n("ville", "Kuopio", existing_client=True),
        n("satu", "Iisalmi", team=a2),
    ]


def _figures(r: thl.ProcessingTimes) -> dict[str, Any]:
    return {
        "seven_day": (r.seven_day.matters, r.seven_day.on_time, r.seven_day.late),
        "three_month": (r.three_month.matters, r.three_month.on_time, r.three_month.late),
        "open_overdue": r.open_overdue.count,
        "no_need": r.no_need.matters,
        "joined": r.joined.count,
        "client_notifications": r.client_notifications.count,
    }


def test_the_record_gives_the_figures_counted_by_hand(tw: ThlWorld, world: World) -> None:
    report = sel.thl_report(start=START, end=END, county_id=world.county_a.pk)
    assert _figures(report) == EXPECTED


def test_the_selector_gives_what_the_same_notifications_built_by_hand_give(
    tw: ThlWorld, world: World
) -> None:
    from_db = sel.thl_report(start=START, end=END, county_id=world.county_a.pk)
    by_hand = thl.processing_times(_by_hand(tw, world), start=START, end=END)
    for name in ("seven_day", "three_month", "no_need"):
        a, b = getattr(from_db, name), getattr(by_hand, name)
        assert (a.matters, a.on_time, a.late, a.by_municipality, a.by_team) == (
            b.matters,
            b.on_time,
            b.late,
            b.by_municipality,
            b.by_team,
        )
        assert a.late_children == b.late_children
    assert from_db.open_overdue == by_hand.open_overdue
    assert from_db.joined == by_hand.joined
    assert from_db.client_notifications == by_hand.client_notifications


def test_the_figures_open_the_cases_behind_them(tw: ThlWorld, world: World) -> None:
    report = sel.thl_report(start=START, end=END, county_id=world.county_a.pk)
    late = sel.case_ids(report.seven_day.late_children)
    assert sorted(late) == sorted([tw.intakes["oona"].case_id, tw.intakes["satu"].case_id])
    assert sel.case_ids(report.no_need.on_time_children) == [tw.intakes["eino"].case_id]


def test_the_arrival_after_midnight_helsinki_belongs_to_the_period_it_began(
    tw: ThlWorld, world: World
) -> None:
    before = sel.thl_report(
        start=datetime.date(2024, 10, 1),
        end=datetime.date(2025, 3, 31),
        county_id=world.county_a.pk,
    )
    children = {
        k.person_id for k in before.seven_day.on_time_children + before.seven_day.late_children
    }
    assert tw.cases["aino"].child_id not in children
    assert tw.cases["pekka"].child_id in children


def test_one_team_is_counted_from_its_own_cases(tw: ThlWorld, world: World) -> None:
    a2 = sel.thl_report(start=START, end=END, county_id=world.county_a.pk, team_id=world.team_a2.pk)
    assert (a2.seven_day.matters, a2.seven_day.late) == (1, 1)
    assert a2.three_month.matters == 0


def test_a_pre_birth_notification_is_not_a_matter(
    tw: ThlWorld, world: World, worker_a: Any
) -> None:
    from monia.people.services import person_create

    unborn = person_create(
        county=world.county_a,
        first_names="",
        last_name="Esimerkki",
        expected_birth_date=datetime.date(2025, 8, 1),
    )
    notification(worker_a, unborn, world.team_a1, at=at(2025, 5, 6), kind="pre_birth")
    report = sel.thl_report(start=START, end=END, county_id=world.county_a.pk)
    assert _figures(report) == EXPECTED


def test_children_whose_matters_all_closed_before_the_period_are_not_read(
    tw: ThlWorld, world: World
) -> None:
    later = sel.thl_notifications(
        start=datetime.date(2026, 4, 1), end=datetime.date(2026, 9, 30), county_id=world.county_a.pk
    )
    people = {n.child.person_id for n in later[world.county_a.pk]}  # type: ignore[attr-defined]
    # Oona's assessment is under way, Ville's and Satu's intakes undecided; the others closed.
    assert people == {tw.cases[name].child_id for name in ("oona", "ville", "satu")}


def test_the_selector_makes_the_same_few_queries_however_many_intakes(
    tw: ThlWorld, world: World, worker_a: Any
) -> None:
    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            sel.thl_report(start=START, end=END, county_id=world.county_a.pk)
        return len(ctx.captured_queries)

    first = count()
    from monia.conftest import child_create

    for i in range(5):
        child = child_create(world.county_a, first=f"Lapsi{i}", number=910 + i)
        intake = notification(worker_a, child, world.team_a1, at=at(2025, 5, 12 + i))
        from monia.casework import services

        services.intake_decide(
            user=worker_a,
            intake=intake,
            decision="start_assessment",
            decided_on=datetime.date(2025, 5, 20),
            family_told_on=None,
        )
    assert count() == first <= 3


def test_the_records_carry_each_arrival_to_the_microsecond_in_helsinki_time(
    tw: ThlWorld, world: World, worker_a: Any
) -> None:
    from monia.conftest import child_create

    child = child_create(world.county_a, first="Sekunti", number=920)
    # 21:59:59.999999 UTC on 31.5 is 00:59:59.999999 on 1.6 in Helsinki (EEST).
    instant = datetime.datetime(2025, 5, 31, 21, 59, 59, 999_999, tzinfo=datetime.UTC)
    notification(worker_a, child, world.team_a1, at=instant)
    records = sel.thl_notifications(start=START, end=END, county_id=world.county_a.pk)
    made = [n for n in records[world.county_a.pk] if n.child.person_id == child.pk]  # type: ignore[attr-defined]
    assert [n.received_at for n in made] == [instant]
    assert made[0].received_at.tzinfo is thl.HELSINKI
    assert made[0].received_at.date() == datetime.date(2025, 6, 1)
    by_intake = {(n.child.case_id, n.received_at) for n in records[world.county_a.pk]}  # type: ignore[attr-defined]
    assert by_intake >= {(i.case_id, i.received_at) for i in tw.intakes.values()}


def test_the_report_leaves_the_garbage_collector_as_it_found_it(tw: ThlWorld, world: World) -> None:
    import gc

    assert gc.isenabled()
    sel.thl_report(start=START, end=END, county_id=world.county_a.pk)
    assert gc.isenabled()
    gc.disable()
    try:
        sel.thl_report(start=START, end=END, county_id=world.county_a.pk)
        assert not gc.isenabled()
    finally:
        gc.enable()
