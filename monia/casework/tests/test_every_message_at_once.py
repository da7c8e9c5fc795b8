"""Every message of a casework form in one round: what the service refuses in what was typed
(dates in order, a field a choice makes necessary, the child's hearing, the consents) is
told together with the fields' own messages, not only after those are fixed. Nothing is
saved, and what was typed stays on the form."""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from django.utils import timezone

from monia.casework.models import ChildHearing, ChronologyEvent, Intake, Measure, MeasureConsent
from monia.conftest import CaseWorld, child_create, days_ago, login, notification
from monia.people.models import Person

TODAY = timezone.localdate


def _post(url: str, data: dict[str, str]) -> str:
    response = login("worker_a", "en").post(url, data)
    assert response.status_code == 200
    return str(response.content.decode())


# --- The decision on an intake (LsL 26 §) -------------------------------------------------------


def test_the_decision_tells_a_missing_date_and_the_missing_reasons_at_once(
    world: Any, worker_a: Any
) -> None:
    intake = notification(worker_a, child_create(world.county_a), world.team_a1, at=days_ago(1))
    events = ChronologyEvent.objects.count()
    html = _post(
        reverse("intake_decision", args=[intake.case_id, intake.pk]),
        {
            "decision": "no_action",
            "decided_on": "",
            "family_told_on": (TODAY() + datetime.timedelta(days=3)).isoformat(),
            "reason": "",
        },
    )
    for message in (
        "Decided on: This field is required.",
        "Reasons: Give the reasons why no action is needed.",
        "Child or guardian told on: The date cannot be in the future.",
    ):
        assert message in html
    intake = Intake.objects.get(pk=intake.pk)
    assert intake.decision == "" and intake.case.assessments.count() == 0
    assert ChronologyEvent.objects.count() == events


def test_a_notification_about_a_client_tells_what_is_missing_at_once(
    case_a: CaseWorld, worker_a: Any
) -> None:
    html = _post(
        reverse("intake_decision", args=[case_a.case.pk, case_a.pending_intake.pk]),
        {
            "decision": "client_relationship",
            "decided_on": "",
            "client_action": "",
            "plan_review_by": (TODAY() - datetime.timedelta(days=3)).isoformat(),
        },
    )
    for message in (
        "Decided on: This field is required.",
        "What is done within the client relationship: Write down what is done within the "
        "client relationship, e.g. when the plan is reviewed.",
        "Bring the plan review forward to: The review date cannot be in the past.",
    ):
        assert message in html
    assert Intake.objects.get(pk=case_a.pending_intake.pk).decision == ""


# --- The completion of the service-needs assessment (SHL 36 §) ----------------------------------


def _completion(**extra: str) -> dict[str, str]:
    return {
        "completed_on": TODAY().isoformat(),
        "conclusion": "no_need",
        "summary": "Perhe selviää omin voimin.",
        "heard": "yes",
        "heard_by": "Worker A",
        "heard_on": TODAY().isoformat(),
        "method": "meeting",
        "child_view": "Kaikki hyvin.",
        **extra,
    }


def test_the_completion_tells_a_missing_conclusion_and_an_unfinished_hearing_at_once(
    case_a: CaseWorld, worker_a: Any
) -> None:
    assessment = case_a.open_assessment
    hearings = ChildHearing.objects.count()
    html = _post(
        reverse("assessment_complete", args=[case_a.case.pk, assessment.pk]),
        _completion(conclusion="", heard_by="", method=""),
    )
    for message in (
        "Conclusion: This field is required.",
        "Heard by: Who heard the child?",
        "How: How was the child heard?",
    ):
        assert message in html
    assert "Perhe selviää omin voimin.</textarea>" in html  # what was typed is kept
    assessment.refresh_from_db()
    assert assessment.completed_on is None and ChildHearing.objects.count() == hearings


def test_an_unanswered_question_of_the_hearing_is_told_once(
    case_a: CaseWorld, worker_a: Any
) -> None:
    """Whether the child was heard could not be read: its own message, and no guess that the
    child was not heard ("give the reason it was not"); the date is judged beside it."""
    data = _completion(completed_on=(TODAY() + datetime.timedelta(days=2)).isoformat())
    del data["heard"]
    html = _post(
        reverse("assessment_complete", args=[case_a.case.pk, case_a.open_assessment.pk]), data
    )
    assert "Was the child heard?: This field is required." in html
    assert "Completed on: The date cannot be in the future." in html
    assert "give the reason it was not" not in html


# --- A measure (LsL 34–45 §, 75 §) --------------------------------------------------------------


def _measure(**extra: str) -> dict[str, str]:
    return {
        "kind": "community_support",
        "support_type": "support_person",
        "decision_body": "social_worker",
        "decided_on": TODAY().isoformat(),
        "started_on": TODAY().isoformat(),
        "place": "Perhekuntoutusyksikkö Kaisla",
        "submission_key": "0c3a54c4-3c7e-4d4b-9bfc-5b5d2f1e8a11",
        **extra,
    }


def test_a_measure_tells_a_missing_start_and_a_missing_type_of_support_at_once(
    case_a: CaseWorld, worker_a: Any
) -> None:
    measures = Measure.objects.count()
    html = _post(
        reverse("measure_new", args=[case_a.case.pk]), _measure(started_on="", support_type="")
    )
    assert "Starts on: This field is required." in html
    assert "Type of community-based support: Choose the type of support." in html
    assert 'value="Perhekuntoutusyksikkö Kaisla"' in html
    assert Measure.objects.count() == measures


def test_a_placement_tells_a_missing_start_and_a_guardians_missing_answer_at_once(
    case_a: CaseWorld, worker_a: Any
) -> None:
    mother = Person.objects.get(ties_from__to_person=case_a.case.child)
    measures, consents = Measure.objects.count(), MeasureConsent.objects.count()
    html = _post(
        reverse("measure_new", args=[case_a.case.pk]),
        _measure(kind="placement_as_support", support_type="", started_on=""),
    )
    assert "Starts on: This field is required." in html
    assert (
        f"Answer of {mother.full_name} (Guardian): Record the answer of {mother.full_name}, "
        "or that it was not asked and why."
    ) in html
    assert Measure.objects.count() == measures and MeasureConsent.objects.count() == consents
