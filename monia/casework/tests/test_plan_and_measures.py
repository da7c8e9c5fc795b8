"""The client plan (LsL 30 §) and measures with their own time limits."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from monia import deadlines
from monia.casework import measure_services, plan_services, selectors
from monia.casework.models import ClientPlan, Measure, PlanStatus
from monia.conftest import CaseWorld

TODAY = timezone.localdate


def test_plan_approval_names_each_missing_item(case_a: CaseWorld, worker_a: Any) -> None:
    # The child is in an emergency placement: the placed-child items are required too.
    with pytest.raises(ValidationError) as exc:
        plan_services.plan_save(
            user=worker_a,
            case=case_a.case,
            lock_version=0,
            approve=True,
            data={"service_needs": "", "review_due": TODAY()},
        )
    missing = set(exc.value.message_dict)
    assert {"service_needs", "placement_goals", "contact_arrangements"} <= missing
    # Nothing is approved: the plan in force stays; the text typed is kept as the draft.
    approved = ClientPlan.objects.get(case=case_a.case, status=PlanStatus.APPROVED)
    assert approved.service_needs == "Tuki arkeen"
    draft = ClientPlan.objects.get(case=case_a.case, status=PlanStatus.DRAFT)
    assert draft.service_needs == "" and draft.review_due == TODAY()


def test_a_draft_may_be_partial(case_a: CaseWorld, worker_a: Any) -> None:
    plan = plan_services.plan_save(
        user=worker_a, case=case_a.case, lock_version=0, data={"service_needs": "Vain alku"}
    )
    assert plan.status == PlanStatus.DRAFT and plan.lock_version == 1


def test_two_editors_never_silently_overwrite_each_other(
    case_a: CaseWorld, worker_a: Any, teammate_a: Any
) -> None:
    plan_services.plan_save(
        user=worker_a, case=case_a.case, lock_version=0, data={"service_needs": "A:n teksti"}
    )
    with pytest.raises(plan_services.PlanConflict):
        plan_services.plan_save(
            user=teammate_a, case=case_a.case, lock_version=0, data={"service_needs": "B:n teksti"}
        )
    draft = ClientPlan.objects.get(case=case_a.case, status=PlanStatus.DRAFT)
    assert draft.service_needs == "A:n teksti"


def test_review_must_be_within_a_year(case_a: CaseWorld, worker_a: Any) -> None:
    approved = ClientPlan.objects.get(case=case_a.case, status=PlanStatus.APPROVED)
    data = {f: getattr(approved, f) for f in plan_services.PLAN_FIELDS}
    data.update({f: "x" for f in plan_services.PLACED_CHILD_ITEMS})
    data["review_due"] = TODAY() + datetime.timedelta(days=400)
    with pytest.raises(plan_services.PlanNotApproved) as exc:
        plan_services.plan_save(
            user=worker_a, case=case_a.case, lock_version=0, data=data, approve=True
        )
    latest = deadlines.client_plan_review_due_latest(TODAY())
    assert exc.value.message_dict["review_due"] == [
        f"Suunnitelma tarkistetaan vähintään kerran vuodessa: valitse päivä viimeistään "
        f"{latest.day}.{latest.month}.{latest.year}."
    ]  # the date as everywhere (j.n.Y), not 07.12.2027
    data["review_due"] = TODAY() + datetime.timedelta(days=90)
    plan = plan_services.plan_save(  # the failed approval saved the draft: its version goes on
        user=worker_a,
        case=case_a.case,
        lock_version=exc.value.plan.lock_version,
        data=data,
        approve=True,
    )
    assert plan.status == PlanStatus.APPROVED
    approved.refresh_from_db()
    assert approved.status == PlanStatus.SUPERSEDED


def test_emergency_placement_lapses_after_30_days_and_extends_once(
    case_a: CaseWorld, worker_a: Any
) -> None:
    m = case_a.emergency
    # Its 30th day, the day it began counted as the first (LsL 38 §, KHO:2015:27).
    assert m.expires_on == m.started_on + datetime.timedelta(days=29)
    m = measure_services.emergency_placement_extend(user=worker_a, measure=m, decided_on=TODAY())
    assert m.extended_to == m.expires_on + datetime.timedelta(days=30)
    with pytest.raises(ValidationError):
        measure_services.emergency_placement_extend(user=worker_a, measure=m, decided_on=TODAY())


def test_a_night_emergency_placement_opens_the_client_relationship_after_the_call(
    world: Any, worker_a: Any
) -> None:
    """The chronology dates a past step at noon; the relationship an emergency placement
    opens that day comes after the notification that came in at night, never before it."""
    from monia.casework.models import EventKind
    from monia.conftest import child_create, notification

    night = datetime.datetime.combine(
        TODAY() - datetime.timedelta(days=3), datetime.time(21, 40), tzinfo=deadlines.HELSINKI
    )
    intake = notification(worker_a, child_create(world.county_a), world.team_a1, at=night)
    case = intake.case
    day = night.date()
    measure_services.measure_record(
        user=worker_a,
        case=case,
        kind="emergency_placement",
        decided_on=day,
        started_on=day,
        place="Perhekoti",
    )
    opened = case.events.get(kind=EventKind.CLIENT_OPENED)
    assert opened.occurred_at >= night


def test_aftercare_ends_at_the_age_limit_or_five_years(case_a: CaseWorld, worker_a: Any) -> None:
    with pytest.raises(ValidationError):  # no ended placement yet
        measure_services.measure_record(
            user=worker_a,
            case=case_a.case,
            kind="aftercare",
            decided_on=TODAY(),
            started_on=TODAY(),
        )
    measure_services.measure_end(user=worker_a, measure=case_a.emergency, ended_on=TODAY())
    aftercare = measure_services.measure_record(
        user=worker_a, case=case_a.case, kind="aftercare", decided_on=TODAY(), started_on=TODAY()
    )
    child = case_a.case.child
    assert aftercare.expires_on == deadlines.aftercare_ends(child.birth_date, TODAY())


def test_care_order_names_who_decided(case_a: CaseWorld, worker_a: Any) -> None:
    with pytest.raises(ValidationError) as exc:
        measure_services.measure_record(
            user=worker_a,
            case=case_a.case,
            kind="care_order",
            decided_on=TODAY(),
            started_on=TODAY(),
        )
    assert "decision_body" in exc.value.message_dict


def test_a_measure_form_sent_twice_records_one_and_another_workers_key_is_refused(
    case_a: CaseWorld, worker_a: Any, teammate_a: Any
) -> None:
    key = uuid.uuid4()

    def record(user: Any) -> Measure:
        return measure_services.measure_record(
            user=user,
            case=case_a.case,
            kind="community_support",
            support_type="financial",
            decided_on=TODAY(),
            started_on=TODAY(),
            submission_key=key,
        )

    first = record(worker_a)
    assert record(worker_a).pk == first.pk
    with translation.override("en"), pytest.raises(ValidationError, match="sent already"):
        record(teammate_a)
    assert Measure.objects.filter(submission_key=key).count() == 1


def test_caseload_counts_clients_on_a_date_against_the_cap_then(
    case_a: CaseWorld, worker_a: Any
) -> None:
    now = selectors.caseloads(county_id=case_a.case.county_id, on=TODAY())
    row = next(r for r in now if r.worker == worker_a)
    assert (row.children, row.cap) == (1, 30)
    before = selectors.caseloads(county_id=case_a.case.county_id, on=datetime.date(2023, 6, 1))
    row = next(r for r in before if r.worker == worker_a)
    assert (row.children, row.cap) == (0, 35)
