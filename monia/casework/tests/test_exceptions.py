"""Exceptions a supervisor must see — the urgency assessment not done, nobody owning a case
during the assessment, a client without a plan — on the dashboard, the caseboard and the
case page; and the responsible worker may be named from the intake on."""

from __future__ import annotations

import datetime
from datetime import date
from typing import Any

from django.urls import reverse
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from monia import deadlines
from monia.casework import exception_selectors, plan_services, services
from monia.casework.exception_selectors import NO_PLAN, NO_WORKER, URGENCY_NOT_ASSESSED
from monia.casework.models import Case, CaseStage
from monia.conftest import HEARD, CaseWorld, child_create, days_ago, login, notification

TODAY = timezone.localdate


def client_without_plan(world: Any, worker: Any, *, days: int = 40, number: int = 940) -> Case:
    """A child who became a client ``days`` days ago and has no approved plan yet."""
    child = child_create(world.county_a, first="Suunnitelmaton", number=number)
    intake = notification(worker, child, world.team_a1, at=days_ago(days + 10))
    services.intake_assess_urgency(user=worker, intake=intake, urgency="not_urgent", note="")
    services.intake_decide(
        user=worker,
        intake=intake,
        decision="start_assessment",
        decided_on=TODAY() - datetime.timedelta(days=days + 8),
        family_told_on=None,
    )
    services.assessment_complete(
        user=worker,
        assessment=intake.case.assessments.get(),
        completed_on=TODAY() - datetime.timedelta(days=days),
        conclusion="child_welfare_client",
        summary="Tarvitaan tukea.",
        hearing={**HEARD, "heard_on": TODAY() - datetime.timedelta(days=days + 1)},
    )
    return Case.objects.get(pk=intake.case_id)


def _assessment_without_worker(world: Any, worker: Any, *, number: int = 941) -> Case:
    child = child_create(world.county_a, first="Arvioitava", number=number)
    intake = notification(worker, child, world.team_a1, at=days_ago(12))
    services.intake_assess_urgency(user=worker, intake=intake, urgency="not_urgent", note="")
    services.intake_decide(
        user=worker,
        intake=intake,
        decision="start_assessment",
        decided_on=TODAY() - datetime.timedelta(days=9),
        family_told_on=None,
    )
    case = Case.objects.get(pk=intake.case_id)
    assert case.stage == CaseStage.ASSESSMENT and case.designated_worker is None
    return case


def _kinds(case: Case) -> set[str]:
    found = exception_selectors.case_exceptions(Case.objects.filter(pk=case.pk), today=TODAY())
    return {e.kind for e in found}


# --- The rule for "immediately" (LsL 26 §) ---------------------------------------------------


def _at(day: date, hour: int = 10) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=deadlines.HELSINKI)


def test_urgency_is_due_by_the_end_of_the_next_working_day() -> None:
    assert deadlines.urgency_assessment_due(_at(date(2026, 3, 2))) == date(2026, 3, 3)  # Mon
    assert deadlines.urgency_assessment_due(_at(date(2026, 3, 6))) == date(2026, 3, 9)  # Fri
    # Maundy Thursday: Good Friday and Easter Monday are holidays.
    assert deadlines.urgency_assessment_due(_at(date(2026, 4, 2))) == date(2026, 4, 7)
    # Late on Sunday evening in Helsinki is still Sunday: due on Monday.
    assert deadlines.urgency_assessment_due(_at(date(2026, 3, 8), 23)) == date(2026, 3, 9)


@settings(max_examples=200, database=None, deadline=None)
@given(
    received_at=st.datetimes(
        min_value=datetime.datetime(2024, 1, 1),
        max_value=datetime.datetime(2030, 12, 31),
        timezones=st.just(datetime.UTC),
    )
)
def test_urgency_due_is_the_first_working_day_after_receipt(
    received_at: datetime.datetime,
) -> None:
    due = deadlines.urgency_assessment_due(received_at)
    assert deadlines.is_working_day(due)
    assert deadlines.working_days_between(deadlines.helsinki_date(received_at), due) == 1


# --- The three exceptions ------------------------------------------------------------------


def test_an_intake_unassessed_after_the_next_working_day_is_an_exception(
    world: Any, worker_a: Any
) -> None:
    late = notification(worker_a, child_create(world.county_a), world.team_a1, at=days_ago(6))
    fresh = notification(
        worker_a, child_create(world.county_a, number=942), world.team_a1, at=timezone.now()
    )
    found = exception_selectors.case_exceptions(Case.objects.all(), today=TODAY())
    assert [(e.case_id, e.kind, e.days) for e in found] == [(late.case_id, URGENCY_NOT_ASSESSED, 6)]
    services.intake_assess_urgency(user=worker_a, intake=late, urgency="not_urgent", note="")
    assert _kinds(late.case) == set() and _kinds(fresh.case) == set()


def test_an_assessment_nobody_owns_is_an_exception_until_a_worker_is_named(
    world: Any, worker_a: Any
) -> None:
    case = _assessment_without_worker(world, worker_a)
    found = exception_selectors.case_exceptions(Case.objects.filter(pk=case.pk), today=TODAY())
    assert [(e.kind, e.since, e.days) for e in found] == [
        (NO_WORKER, TODAY() - datetime.timedelta(days=9), 9)
    ]
    services.designated_worker_assign(user=worker_a, case=case, worker=worker_a, on=TODAY())
    assert _kinds(case) == set()


def test_a_client_without_a_plan_is_an_exception_counted_from_the_relationship(
    world: Any, worker_a: Any
) -> None:
    case = client_without_plan(world, worker_a, days=40)
    found = exception_selectors.case_exceptions(Case.objects.filter(pk=case.pk), today=TODAY())
    assert [(e.kind, e.days) for e in found] == [(NO_PLAN, 40)]
    plan_services.plan_save(
        user=worker_a,
        case=case,
        lock_version=0,
        approve=True,
        data={
            "service_needs": "Tuki",
            "circumstances": "Koulu",
            "services": "Perhetyö",
            "goal_time_estimate": "6 kk",
            "no_differing_views": True,
            "child_meetings": "Koululla",
            "child_meeting_interval_weeks": 4,
            "review_due": TODAY() + datetime.timedelta(days=100),
        },
    )
    assert _kinds(case) == set()


def test_a_client_with_a_plan_and_a_worker_has_no_exception_of_them(case_a: CaseWorld) -> None:
    # Its pending intake, received two days ago, may be late by now: that depends on the day.
    assert _kinds(case_a.case) <= {URGENCY_NOT_ASSESSED}


def test_exceptions_take_one_query_whatever_the_caseload(
    world: Any, worker_a: Any, django_assert_num_queries: Any
) -> None:
    for i in range(3):
        client_without_plan(world, worker_a, number=950 + i)
        _assessment_without_worker(world, worker_a, number=960 + i)
        notification(
            worker_a,
            child_create(world.county_a, first=f"Myöhäinen{i}", number=970 + i),
            world.team_a1,
            at=days_ago(8),
        )
    with django_assert_num_queries(1):
        found = exception_selectors.case_exceptions(Case.objects.all(), today=TODAY())
    assert len(found) == 9


# --- Where a supervisor sees them ----------------------------------------------------------


def test_the_case_page_says_what_needs_attention(world: Any, worker_a: Any) -> None:
    case = client_without_plan(world, worker_a, days=40)
    html = login("worker_a").get(reverse("case_detail", args=[case.pk])).content.decode()
    assert "Vaatii huomiota" in html and "Ei asiakassuunnitelmaa" in html
    assert "(40 päivää)" in html and "LsL 30 §" in html


def test_the_dashboard_lists_the_exceptions_of_the_county_for_the_senior_official(
    world: Any, worker_a: Any, senior_a: Any
) -> None:
    unowned = _assessment_without_worker(world, worker_a)
    late = notification(
        worker_a,
        child_create(world.county_a, first="Odottava", number=943),
        world.team_a2,
        at=days_ago(6),
    )
    html = login("senior_a").get(reverse("dashboard")).content.decode()
    section = html.split('id="exceptions-h"')[1].split("</section>")[0]
    assert "Ei vastuusosiaalityöntekijää" in section and "Arvioitava" in section
    assert "Kiireellisyyttä ei ole arvioitu" in section and "Odottava" in section
    assert reverse("case_detail", args=[unowned.pk]) in section
    assert reverse("case_detail", args=[late.case_id]) in section


def test_the_caseboard_marks_the_families_with_exceptions(world: Any, worker_a: Any) -> None:
    client_without_plan(world, worker_a)
    html = login("worker_a").get(reverse("caseboard")).content.decode()
    row = next(r for r in html.split("<tr>") if "Suunnitelmaton" in r)
    assert "badge-exception" in row and "Ei asiakassuunnitelmaa" in row


# --- Naming the responsible worker from the intake on ----------------------------------------


def test_the_responsible_worker_is_named_during_the_assessment(
    world: Any, worker_a: Any, teammate_a: Any
) -> None:
    case = _assessment_without_worker(world, worker_a)
    client = login("worker_a")
    page = client.get(reverse("case_detail", args=[case.pk])).content.decode()
    assert "Vastuusosiaalityöntekijä" in page and reverse("worker_assign", args=[case.pk]) in page
    form = client.get(reverse("worker_assign", args=[case.pk])).content.decode()
    assert "Nimeä vastuusosiaalityöntekijä" in form
    response = client.post(reverse("worker_assign", args=[case.pk]), {"worker": teammate_a.pk})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.designated_worker == teammate_a and _kinds(case) == set()


def test_a_closed_case_gets_no_worker(world: Any, worker_a: Any) -> None:
    intake = notification(worker_a, child_create(world.county_a), world.team_a1, at=days_ago(2))
    services.intake_decide(
        user=worker_a,
        intake=intake,
        decision="no_action",
        decided_on=TODAY(),
        family_told_on=None,
        reason="Selvitetty.",
    )
    case = Case.objects.get(pk=intake.case_id)
    response = login("worker_a").post(
        reverse("worker_assign", args=[case.pk]), {"worker": worker_a.pk}
    )
    assert response.status_code == 200 and "Asia on päättynyt." in response.content.decode()
    case.refresh_from_db()
    assert case.designated_worker is None


def exception_cases_grow(world: Any, worker: Any, *, start: int, n: int) -> None:
    """``n`` cases of each exception, for the query-count tests of the pages that list them:
    a client without a plan and an assessment nobody owns (team A1), an intake whose
    urgency was not assessed in time (in team A1 and in team A2). ``start + n`` at most 20
    (individual numbers 900–979)."""
    for i in range(start, start + n):
        client_without_plan(world, worker, number=900 + i)
        _assessment_without_worker(world, worker, number=920 + i)
        for team, number in ((world.team_a1, 940 + i), (world.team_a2, 960 + i)):
            child = child_create(world.county_a, first=f"Myöhässä{number}", number=number)
            notification(worker, child, team, at=days_ago(8))
