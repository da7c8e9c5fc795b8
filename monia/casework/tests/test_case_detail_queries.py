"""The case page costs the same queries with N intakes, assessments (with hearings and
statement requests), measures, plan versions, family members and exceptions as with 3N."""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from django.utils import timezone

from monia.access import policy
from monia.access.purposes import Purpose
from monia.casework import exception_selectors, measure_services, plan_services, selectors, services
from monia.casework.models import Case
from monia.conftest import HEARD, CaseWorld, child_create, days_ago, login, notification
from monia.contrib import services as contrib_services
from monia.people.services import relationship_create

N = 2
TODAY = timezone.localdate


def _complete(worker: Any, assessment: Any) -> None:
    services.assessment_complete(
        user=worker,
        assessment=assessment,
        completed_on=TODAY(),
        conclusion="child_welfare_client",
        summary="Tuki jatkuu.",
        hearing={**HEARD, "heard_on": TODAY()},
    )


def plan_review(worker: Any, case: Case, *, text: str = "Perhetyö") -> Any:
    """Approve the plan again (a new draft, with the placed child's items): the plan in
    force becomes an earlier version."""
    data: dict[str, Any] = {f: f"Sijoitus: {f}" for f in plan_services.PLACED_CHILD_ITEMS}
    data.update(
        service_needs="Tuki arkeen",
        circumstances="Koulunkäynti",
        services=text,
        goal_time_estimate="6 kk",
        no_differing_views=True,
        child_meetings="Tapaamiset koululla",
        child_meeting_interval_weeks=4,
        review_due=TODAY() + datetime.timedelta(days=180),
    )
    return plan_services.plan_save(user=worker, case=case, lock_version=0, approve=True, data=data)


def _grow(world: Any, worker: Any, school: Any, case: Case, *, start: int, n: int) -> None:
    """``n`` of each: an assessment with a hearing and a statement request, an intake
    unassessed for eight days (an exception each), a measure, a plan version and a family
    member."""
    for i in range(start, start + n):
        intake = notification(worker, case.child, world.team_a1, at=days_ago(9))
        services.intake_decide(
            user=worker,
            intake=intake,
            decision="start_assessment",
            decided_on=TODAY(),
            family_told_on=None,
        )
        assessment = case.assessments.get(completed_on__isnull=True)
        contrib_services.request_create(
            user=worker,
            assessment=assessment,
            organisation=school,
            basis="lsl_41_request",
            questions="Havainnot?",
            due_on=TODAY() + datetime.timedelta(days=5),
        )
        _complete(worker, assessment)
        notification(worker, case.child, world.team_a1, at=days_ago(8))
        measure_services.measure_record(
            user=worker,
            case=case,
            kind="community_support",
            support_type="intensified_family_work",
            decided_on=TODAY(),
            started_on=TODAY(),
            details=f"Perhetyö {i}.",
        )
        plan_review(worker, case)
        relative = child_create(world.county_a, first=f"Sisar{i}", years=12, number=960 + i)
        relationship_create(from_person=relative, to_person=case.child, kind="sibling")


def _counts(html: str) -> tuple[int, int, int, int]:
    return (
        html.count("Kiireellisyyttä ei ole arvioitu"),
        html.count('class="item measure"'),
        html.split('id="family-h"')[1].split("</section>")[0].count("<li>"),
        html.count("lausuntoa saatu") + html.count("lausunto saatu"),
    )


def test_the_case_page_does_not_grow_with_its_records(
    case_a: CaseWorld, world: Any, worker_a: Any, school: Any, django_assert_num_queries: Any
) -> None:
    case = case_a.case
    _complete(worker_a, case_a.open_assessment)
    client = login("worker_a")
    url = reverse("case_detail", args=[case.pk])
    _grow(world, worker_a, school, case, start=0, n=N)
    client.get(url)  # one-time caches (sessions, translations)
    # 19: incl. one for the intakes' files, two for the measures' hearings and consents,
    # one for the decisions still open to appeal. The deadlines and exceptions take none:
    # they are built from the records the page reads anyway.
    with django_assert_num_queries(19) as small:
        html = client.get(url).content.decode()
    before = _counts(html)
    _grow(world, worker_a, school, case, start=N, n=2 * N)
    with django_assert_num_queries(19) as large:
        html = client.get(url).content.decode()
    after = _counts(html)
    assert [a - b for a, b in zip(after, before, strict=True)] == [2 * N] * 4, (before, after)
    assert len(large.captured_queries) == len(small.captured_queries)


def test_the_case_page_finds_the_deadlines_and_exceptions_the_lists_find(
    case_a: CaseWorld, world: Any, worker_a: Any, school: Any
) -> None:
    """The case page builds them from the records it has read; the dashboard and the
    caseboard query them: both by the same rules."""
    case = case_a.case
    _grow(world, worker_a, school, case, start=0, n=N)
    one_case = Case.objects.filter(pk=case.pk)
    for today in (TODAY(), TODAY() + datetime.timedelta(days=30)):
        overview = selectors.case_overview(
            policy.case_get_for_user(worker_a, case.pk, purpose=Purpose.CASE_DETAIL), today=today
        )
        assert overview.deadlines == selectors.deadlines_for_cases(one_case, today=today)
        assert overview.exceptions == exception_selectors.case_exceptions(one_case, today=today)
    kinds = {d.kind for d in overview.deadlines} | {e.kind for e in overview.exceptions}
    assert {"client_notification", "plan_review", "emergency_placement"} <= kinds
    assert "urgency_not_assessed" in kinds
