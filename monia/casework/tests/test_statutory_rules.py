"""The law's numbers as the casework services store and apply them, on concrete dates:
the deadlines written on an intake and an assessment, who is heard or may be the child of
an intake on a birthday, aftercare after a placement and an emergency placement's lapse."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from monia import deadlines
from monia.casework import measure_selectors, measure_services, services
from monia.casework.models import Measure, MeasureKind
from monia.conftest import CaseWorld, child_create, notification
from monia.people.models import Person

TODAY = timezone.localdate


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=deadlines.HELSINKI)


def _assessment_due(worker: Any, intake: Any, decided_on: datetime.date) -> datetime.date:
    """Start the assessment from ``intake`` on ``decided_on``; the day it is due."""
    services.intake_decide(
        user=worker,
        intake=intake,
        decision="start_assessment",
        decided_on=decided_on,
        family_told_on=decided_on,
    )
    return intake.case.assessments.get().completion_due


# --- Intake and assessment (LsL 26 § 3 mom, SHL 36 §) ----------------------------------------


def test_a_notification_late_on_friday_is_due_for_decision_on_the_tuesday_after_next(
    world: Any, worker_a: Any
) -> None:
    # LsL 26 § 3 mom: the 7th working day; Fri 6.3.2026 23:50 is not counted -> Tue 17.3.
    intake = notification(
        worker_a,
        child_create(world.county_a),
        world.team_a1,
        at=_at(datetime.date(2026, 3, 6), 23, 50),
    )
    assert intake.decision_due == datetime.date(2026, 3, 17)


def test_the_assessment_is_due_three_months_from_receipt_not_from_the_decision(
    world: Any, worker_a: Any
) -> None:
    # SHL 36 §: three months from the matter coming pending (24.9.2026 -> Thu 24.12., moved
    # over Christmas to Mon 28.12.), not from the decision of 1.10. (which would give 4.1.).
    intake = notification(
        worker_a,
        child_create(world.county_a),
        world.team_a1,
        at=_at(datetime.date(2026, 9, 24), 10),
    )
    due = _assessment_due(worker_a, intake, datetime.date(2026, 10, 1))
    assert due == datetime.date(2026, 12, 28)


# --- Who is heard, who may be the child (HL 34 §, LsL 20 §, LsL 6 §) -------------------------


def test_a_child_is_heard_from_the_12th_birthday_itself() -> None:
    # HL 34 § / LsL 20 §: a child of 12 is heard before the decision (and consents, 37 §).
    child = Person(birth_date=datetime.date(2014, 3, 10))
    assert not measure_selectors.hearing_required(child, datetime.date(2026, 3, 9))
    assert measure_selectors.hearing_required(child, datetime.date(2026, 3, 10))


def test_a_person_is_no_longer_the_child_of_an_intake_on_the_18th_birthday() -> None:
    # LsL 6 §: a child is under 18; a notification received on the birthday is about an adult.
    person = Person(birth_date=datetime.date(2008, 12, 6))
    assert person.may_be_child_on(datetime.date(2026, 12, 5))
    assert not person.may_be_child_on(datetime.date(2026, 12, 6))


# --- Aftercare after a placement (LsL 75 §) --------------------------------------------------


def _support_placement(
    case_a: CaseWorld, worker: Any, started: int, ended: int, placed: str = "alone"
) -> Measure:
    """A placement as a support measure that ran from ``started`` to ``ended`` days ago
    (``placed``: with whom; "" as one recorded before Monia asked)."""
    return Measure.objects.create(
        case=case_a.case,
        kind=MeasureKind.PLACEMENT_AS_SUPPORT,
        support_placement_type=placed,
        decided_on=TODAY() - datetime.timedelta(days=started),
        started_on=TODAY() - datetime.timedelta(days=started),
        ended_on=TODAY() - datetime.timedelta(days=ended),
        recorded_by=worker,
    )


def _aftercare(case_a: CaseWorld, worker: Any) -> Measure:
    return measure_services.measure_record(
        user=worker, case=case_a.case, kind="aftercare", decided_on=TODAY(), started_on=TODAY()
    )


def test_a_support_placement_shorter_than_six_months_gives_no_aftercare(
    case_a: CaseWorld, worker_a: Any
) -> None:
    # LsL 75 § 1 mom: after a 37 § placement only when it "lasted at least six months".
    _support_placement(case_a, worker_a, started=90, ended=10)
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        _aftercare(case_a, worker_a)
    assert exc.value.message_dict["kind"] == [
        "A placement as a support measure gives a right to aftercare only when the child was "
        "placed alone and it lasted at least six months (LsL 75 §)."
    ]


@pytest.mark.parametrize("placed", ["with_parent", "prison_family_unit"])
def test_a_long_support_placement_with_a_parent_gives_no_aftercare(
    case_a: CaseWorld, worker_a: Any, placed: str
) -> None:
    # LsL 75 § 1 mom: after a 37 § placement only for a child placed "alone" (yksin). A year
    # in a family rehabilitation unit with the mother gives the child no right of its own.
    _support_placement(case_a, worker_a, started=400, ended=10, placed=placed)
    assert measure_selectors.last_placement_ended(case_a.case) is None
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        _aftercare(case_a, worker_a)
    assert "placed alone" in exc.value.message_dict["kind"][0]
    assert not Measure.objects.filter(kind="aftercare").exists()


def test_a_support_placement_recorded_before_monia_asked_with_whom_still_counts(
    case_a: CaseWorld, worker_a: Any
) -> None:
    ended = TODAY() - datetime.timedelta(days=10)
    _support_placement(case_a, worker_a, started=400, ended=10, placed="")
    assert measure_selectors.last_placement_ended(case_a.case) == ended


def test_a_support_placement_of_six_months_gives_aftercare_for_five_years_from_its_end(
    case_a: CaseWorld, worker_a: Any
) -> None:
    ended = TODAY() - datetime.timedelta(days=10)
    placement = _support_placement(case_a, worker_a, started=400, ended=10)
    assert deadlines.support_placement_gives_aftercare(placement.started_on, ended)
    aftercare = _aftercare(case_a, worker_a)
    birth = case_a.case.child.birth_date
    assert aftercare.expires_on == deadlines.aftercare_ends(birth, ended)
    assert aftercare.expires_on == deadlines._add_months(ended, 60)  # a child of 9: 5 years


def test_the_five_years_run_from_the_last_placement_that_gave_the_right(
    case_a: CaseWorld, worker_a: Any
) -> None:
    # The emergency placement (substitute care, LsL 49 §) ended 3 days ago; a short support
    # placement after it gives no right and does not move the five years (75 § 3 mom).
    emergency_end = TODAY() - datetime.timedelta(days=3)
    measure_services.measure_end(user=worker_a, measure=case_a.emergency, ended_on=emergency_end)
    _support_placement(case_a, worker_a, started=2, ended=1)
    aftercare = _aftercare(case_a, worker_a)
    assert aftercare.expires_on == deadlines._add_months(emergency_end, 60)


# --- Emergency placement: 30 days, one extension (LsL 38 §, 38 a §) --------------------------


def _lapsing_placement(case_a: CaseWorld, worker: Any) -> Measure:
    started = TODAY() - datetime.timedelta(days=40)
    return Measure.objects.create(
        case=case_a.case,
        kind=MeasureKind.EMERGENCY_PLACEMENT,
        decided_on=started,
        started_on=started,
        expires_on=deadlines.emergency_placement_expires(started),
        recorded_by=worker,
    )


def test_an_emergency_placement_can_be_extended_on_its_last_day(
    case_a: CaseWorld, worker_a: Any
) -> None:
    placement = _lapsing_placement(case_a, worker_a)
    assert placement.expires_on == TODAY() - datetime.timedelta(days=11)  # its 30th day
    extended = measure_services.emergency_placement_extend(
        user=worker_a, measure=placement, decided_on=placement.expires_on
    )
    assert extended.extended_to == placement.expires_on + datetime.timedelta(days=30)


def test_a_lapsed_emergency_placement_cannot_be_extended(case_a: CaseWorld, worker_a: Any) -> None:
    placement = _lapsing_placement(case_a, worker_a)
    assert placement.expires_on is not None
    with pytest.raises(ValidationError) as exc:
        measure_services.emergency_placement_extend(
            user=worker_a,
            measure=placement,
            decided_on=placement.expires_on + datetime.timedelta(days=1),
        )
    assert "decided_on" in exc.value.message_dict
    placement.refresh_from_db()
    assert placement.extended_to is None


def test_an_assessment_started_from_a_later_notification_is_due_from_the_first_one_pending(
    world: Any, worker_a: Any
) -> None:
    # SHL 36 §: three months from the matter coming pending. Notified on 5.1.2026 and again
    # on 8.1., both undecided; starting from the second, the matter is still the first's:
    # due 5.4.2026 -> Easter Sunday; Easter Monday 6.4. -> Tue 7.4. (not 8.4.).
    child = child_create(world.county_a)
    notification(worker_a, child, world.team_a1, at=_at(datetime.date(2026, 1, 5), 9))
    second = notification(worker_a, child, world.team_a1, at=_at(datetime.date(2026, 1, 8), 9))
    assert _assessment_due(worker_a, second, datetime.date(2026, 1, 9)) == datetime.date(2026, 4, 7)


def test_the_migration_moves_an_expiry_of_the_earlier_rule_to_the_placements_last_day(
    case_a: CaseWorld, worker_a: Any
) -> None:
    """Rows written by start + 30 days (and an extension of 30 after them) move a day back
    (KHO:2015:27); an expiry written otherwise, and the way back, as stated."""
    import importlib

    from django.db import connection

    migration = importlib.import_module(
        "monia.casework.migrations.0024_emergency_placement_last_day"
    )
    started = TODAY() - datetime.timedelta(days=40)
    old_rule = Measure.objects.create(
        case=case_a.case,
        kind=MeasureKind.EMERGENCY_PLACEMENT,
        decided_on=started,
        started_on=started,
        expires_on=started + datetime.timedelta(days=30),
        extended_to=started + datetime.timedelta(days=60),
        recorded_by=worker_a,
    )
    other = Measure.objects.create(
        case=case_a.case,
        kind=MeasureKind.EMERGENCY_PLACEMENT,
        decided_on=started,
        started_on=started,
        expires_on=started + datetime.timedelta(days=20),
        recorded_by=worker_a,
    )

    def run(statements: list[str]) -> None:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
        old_rule.refresh_from_db()
        other.refresh_from_db()

    run(migration.FORWARD)
    assert old_rule.expires_on == deadlines.emergency_placement_expires(started)
    assert old_rule.extended_to == deadlines.emergency_placement_extended_expires(
        deadlines.emergency_placement_expires(started)
    )
    assert other.expires_on == started + datetime.timedelta(days=20)
    run(migration.BACKWARD)
    assert old_rule.expires_on == started + datetime.timedelta(days=30)
    assert old_rule.extended_to == started + datetime.timedelta(days=60)
    assert other.expires_on == started + datetime.timedelta(days=20)
