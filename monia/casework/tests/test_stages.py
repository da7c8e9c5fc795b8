"""What the pages may offer at each stage of a case (casework/stages.py), and that the case
page offers exactly that."""

from __future__ import annotations

import datetime
import re
from typing import Any

from django.urls import resolve, reverse
from django.utils import timezone

from monia.casework import services, stages
from monia.casework.models import Case, Intake, Measure, ServiceNeedsAssessment
from monia.conftest import CaseWorld, child_create, days_ago, login, notification

EVERYTHING = frozenset({"view", "record", "decide"})
TODAY = datetime.date(2026, 3, 2)


def _intake(pk: int, *, urgency: str = "", decision: str = "") -> Intake:
    return Intake(pk=pk, urgency=urgency, decision=decision)


def _measure(pk: int, kind: str, *, ended: bool = False, extended: bool = False) -> Measure:
    return Measure(
        pk=pk,
        kind=kind,
        started_on=TODAY,
        ended_on=TODAY if ended else None,
        expires_on=TODAY,
        extended_to=TODAY + datetime.timedelta(days=30) if extended else None,
    )


def test_intake_offers_the_urgency_and_the_decision_but_no_plan() -> None:
    now = stages.actions_now(
        Case(stage="intake"), allowed=EVERYTHING, intakes=[_intake(1), _intake(2, urgency="urgent")]
    )
    assert now.assess_urgency == {1}
    assert now.decide_intake == {1, 2}
    assert not (now.shows_plan or now.edit_plan or now.decide_within_client)
    assert now.assign_worker  # somebody owns the case from the intake on
    assert now.shows_measures and now.record_measure  # an emergency placement, LsL 27 §
    assert now.add_family_member


def test_assessment_offers_its_completion_and_measures_but_no_plan() -> None:
    now = stages.actions_now(
        Case(stage="assessment"),
        allowed=EVERYTHING,
        intakes=[_intake(1, urgency="not_urgent", decision="start_assessment")],
        assessments=[
            ServiceNeedsAssessment(pk=5, completed_on=None),
            ServiceNeedsAssessment(pk=4, completed_on=TODAY),
        ],
    )
    assert now.complete_assessment == {5}
    assert not (now.assess_urgency or now.decide_intake)
    assert not (now.shows_plan or now.edit_plan)
    assert now.assign_worker  # the responsible worker during the assessment
    assert now.shows_measures and now.record_measure


def test_client_offers_the_worker_the_plan_and_running_measures() -> None:
    measures = [
        _measure(1, "emergency_placement"),
        _measure(2, "emergency_placement", extended=True),
        _measure(3, "community_support"),
        _measure(4, "emergency_placement", ended=True),
    ]
    now = stages.actions_now(Case(stage="client"), allowed=EVERYTHING, measures=measures)
    assert now.assign_worker and now.shows_plan and now.edit_plan
    assert now.decide_within_client  # a new notification: within the client relationship
    assert now.shows_measures and now.record_measure
    assert now.extend_measure == {1}  # once only (LsL 38 a §), and not once ended
    assert now.end_measure == {1, 2, 3}


def test_closed_case_offers_no_plan_no_measures_and_no_decisions() -> None:
    now = stages.actions_now(
        Case(stage="closed"),
        allowed=EVERYTHING,
        intakes=[_intake(1, urgency="not_urgent", decision="no_action")],
        measures=[_measure(3, "community_support")],
    )
    assert now == stages.StageActions(add_family_member=True)


def test_a_recorder_is_offered_records_but_no_decisions() -> None:
    now = stages.actions_now(
        Case(stage="client"),
        allowed={"view", "record"},
        intakes=[_intake(1)],
        assessments=[ServiceNeedsAssessment(pk=5, completed_on=None)],
        measures=[_measure(3, "emergency_placement")],
    )
    assert now.assess_urgency == {1} and now.edit_plan and now.add_family_member
    assert not (now.decide_intake or now.complete_assessment or now.extend_measure)
    assert not (now.assign_worker or now.record_measure or now.end_measure)


def test_a_reader_is_offered_nothing() -> None:
    now = stages.actions_now(
        Case(stage="client"), allowed={"view"}, intakes=[_intake(1)], measures=[]
    )
    assert now == stages.StageActions(shows_plan=True, shows_measures=True)


# --- The case page offers exactly what stages.py allows -----------------------------------

STAGE_LINKS = {
    "worker_assign",
    "intake_urgency",
    "intake_decision",
    "assessment_complete",
    "plan_edit",
    "measure_new",
    "measure_extend",
    "measure_end",
    "family_member_new",
}
# Case-wide links and the StageActions field that allows each.
_CASE_WIDE = {
    "worker_assign": "assign_worker",
    "plan_edit": "edit_plan",
    "measure_new": "record_measure",
    "family_member_new": "add_family_member",
}


def _links_on_page(client: Any, case: Case) -> set[str]:
    html = client.get(reverse("case_detail", args=[case.pk])).content.decode()
    hrefs = set(re.findall(r'href="(/cases/[^"]+)"', html))
    return {h for h in hrefs if resolve(h).url_name in STAGE_LINKS}


def _links_allowed(case: Case, now: stages.StageActions) -> set[str]:
    def url(name: str, *ids: int) -> str:
        return reverse(name, args=[case.pk, *ids])

    links = {url(name) for name, on in _CASE_WIDE.items() if getattr(now, on)}
    for name, ids in (
        ("intake_urgency", now.assess_urgency),
        ("intake_decision", now.decide_intake),
        ("assessment_complete", now.complete_assessment),
        ("measure_extend", now.extend_measure),
        ("measure_end", now.end_measure),
    ):
        links |= {url(name, pk) for pk in ids}
    return links


def _now(case: Case, allowed: frozenset[str] = EVERYTHING) -> stages.StageActions:
    return stages.actions_now(
        case,
        allowed=allowed,
        intakes=case.intakes.all(),
        assessments=case.assessments.all(),
        measures=case.measures.all(),
    )


def test_case_page_of_an_intake_shows_exactly_the_links_stages_allow(
    world: Any, worker_a: Any
) -> None:
    intake = notification(worker_a, child_create(world.county_a), world.team_a1, at=days_ago(1))
    case = intake.case
    shown = _links_on_page(login("worker_a"), case)
    assert shown == _links_allowed(case, _now(case))
    assert shown == {
        reverse("worker_assign", args=[case.pk]),
        reverse("intake_urgency", args=[case.pk, intake.pk]),
        reverse("intake_decision", args=[case.pk, intake.pk]),
        reverse("measure_new", args=[case.pk]),
        reverse("family_member_new", args=[case.pk]),
    }


def test_case_page_of_a_closed_case_shows_exactly_the_links_stages_allow(
    world: Any, worker_a: Any
) -> None:
    intake = notification(worker_a, child_create(world.county_a), world.team_a1, at=days_ago(3))
    services.intake_assess_urgency(user=worker_a, intake=intake, urgency="not_urgent", note="")
    services.intake_decide(
        user=worker_a,
        intake=intake,
        decision="no_action",
        decided_on=timezone.localdate(),
        family_told_on=None,
        reason="Tilanne selvitetty.",
    )
    case = Case.objects.get(pk=intake.case_id)
    assert case.stage == "closed"
    shown = _links_on_page(login("worker_a"), case)
    assert shown == _links_allowed(case, _now(case))
    assert shown == {reverse("family_member_new", args=[case.pk])}


def test_case_page_of_a_client_shows_a_family_worker_only_what_stages_allow(
    case_a: CaseWorld, family_worker_a: Any
) -> None:
    case = case_a.case
    shown = _links_on_page(login("family_worker_a"), case)
    assert shown == _links_allowed(case, _now(case, frozenset({"view", "record"})))
    assert reverse("plan_edit", args=[case.pk]) in shown
    assert reverse("measure_new", args=[case.pk]) not in shown


def test_plan_page_of_a_case_not_yet_a_client_is_not_found(world: Any, worker_a: Any) -> None:
    intake = notification(worker_a, child_create(world.county_a), world.team_a1, at=days_ago(1))
    response = login("worker_a").get(reverse("plan_edit", args=[intake.case_id]))
    assert response.status_code == 404
