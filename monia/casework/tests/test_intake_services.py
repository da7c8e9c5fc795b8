"""Recording intakes and the 7-day decision."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from monia import deadlines
from monia.casework import services
from monia.casework.models import Case, CaseStage, ChronologyEvent, Intake
from monia.conftest import CaseWorld, child_create, days_ago, notification
from monia.people.models import Person
from monia.people.services import person_create


def test_intake_opens_a_case_with_the_statutory_decision_due(world: Any, worker_a: Any) -> None:
    child = child_create(world.county_a)
    at = days_ago(1)
    intake = notification(worker_a, child, world.team_a1, at=at)
    assert intake.case.stage == CaseStage.INTAKE
    assert intake.decision_due == deadlines.assessment_decision_due(at)
    assert ChronologyEvent.objects.filter(case=intake.case, kind="intake_received").count() == 1


def test_second_intake_joins_the_open_case(case_a: CaseWorld, worker_a: Any, world: Any) -> None:
    intake = notification(worker_a, case_a.case.child, world.team_a2, at=days_ago(1))
    assert intake.case_id == case_a.case.pk
    assert Case.objects.filter(child=case_a.case.child).count() == 1


def test_receipt_in_the_future_is_refused(world: Any, worker_a: Any) -> None:
    child = child_create(world.county_a)
    with pytest.raises(ValidationError) as exc:
        notification(worker_a, child, world.team_a1, at=timezone.now() + datetime.timedelta(days=1))
    assert "received_at" in exc.value.message_dict
    assert not Intake.objects.exists() and not Case.objects.exists()


def test_obligated_notifier_must_give_contact_details(world: Any, worker_a: Any) -> None:
    child = child_create(world.county_a)
    with pytest.raises(ValidationError) as exc:
        notification(
            worker_a, child, world.team_a1, at=days_ago(1), notifier_name="", notifier_phone=""
        )
    assert {"notifier_name", "notifier_phone"} <= set(exc.value.message_dict)


def test_anonymous_notifier_identity_is_never_stored(world: Any, worker_a: Any) -> None:
    child = child_create(world.county_a)
    with pytest.raises(ValidationError) as exc:
        notification(
            worker_a,
            child,
            world.team_a1,
            at=days_ago(1),
            notifier_type="anonymous",
            notifier_sector="",
        )
    assert "notifier_name" in exc.value.message_dict
    intake = notification(
        worker_a,
        child,
        world.team_a1,
        at=days_ago(1),
        notifier_type="anonymous",
        notifier_sector="",
        notifier_name="",
        notifier_phone="",
    )
    assert intake.notifier_name == ""


def test_request_with_family_requires_their_participation(world: Any, worker_a: Any) -> None:
    child = child_create(world.county_a)
    with pytest.raises(ValidationError):
        notification(worker_a, child, world.team_a1, at=days_ago(1), kind="request_with_family")
    intake = notification(
        worker_a,
        child,
        world.team_a1,
        at=days_ago(1),
        kind="request_with_family",
        family_participated=True,
    )
    assert intake.kind == "request_with_family"


def test_pre_birth_notification_is_for_an_unborn_child(world: Any, worker_a: Any) -> None:
    unborn = person_create(
        county=world.county_a,
        first_names="",
        last_name="Virtanen",
        expected_birth_date=timezone.localdate() + datetime.timedelta(60),
    )
    intake = notification(worker_a, unborn, world.team_a1, at=days_ago(1), kind="pre_birth")
    assert intake.case.child.birth_date is None
    born = child_create(world.county_a)
    with pytest.raises(ValidationError):
        notification(worker_a, born, world.team_a1, at=days_ago(1), kind="pre_birth")


def test_submitting_the_same_intake_twice_records_it_once(world: Any, worker_a: Any) -> None:
    child = child_create(world.county_a)
    key = uuid.uuid4()
    first = notification(worker_a, child, world.team_a1, at=days_ago(1), submission_key=key)
    again = notification(worker_a, child, world.team_a1, at=days_ago(1), submission_key=key)
    assert first.pk == again.pk and Intake.objects.count() == 1


def test_another_workers_intake_key_is_refused(world: Any, worker_a: Any, teammate_a: Any) -> None:
    """A form session's key belongs to whoever first sent it: another worker sending it
    saves nothing (no intake, no new child) and is not answered with the first intake."""
    child = child_create(world.county_a)
    key = uuid.uuid4()
    notification(worker_a, child, world.team_a1, at=days_ago(1), submission_key=key)
    with translation.override("en"), pytest.raises(ValidationError, match="sent already"):
        notification(teammate_a, child, world.team_a1, at=days_ago(1), submission_key=key)
    persons = Person.objects.count()
    with translation.override("en"), pytest.raises(ValidationError, match="sent already"):
        services.intake_record_for_new_child(
            user=teammate_a,
            child={"first_names": "", "last_name": "", "unidentified": True, "approximate_age": 8},
            team=world.team_a1,
            kind="notification",
            channel="phone",
            received_at=days_ago(1),
            notifier_type="anonymous",
            content="Huoli lapsesta.",
            submission_key=key,
        )
    assert Intake.objects.count() == 1 and Person.objects.count() == persons


def test_a_new_childs_messages_come_with_the_notifiers_and_nothing_is_saved(
    world: Any, worker_a: Any
) -> None:
    """Every message at once: the child's details and the intake's own fields are judged
    in the same round (the notifier's contact details once waited for the child's names)."""
    with pytest.raises(ValidationError) as exc:
        services.intake_record_for_new_child(
            user=worker_a,
            child={"first_names": "Eetu", "last_name": "", "birth_date": datetime.date(2016, 4, 1)},
            team=world.team_a1,
            kind="notification",
            channel="phone",
            received_at=days_ago(1),
            notifier_type="obligated",
            notifier_sector="school",
            notifier_name="Rehtori Riitta",
            content="Lapsi on ollut paljon poissa koulusta.",
        )
    assert {"last_name", "notifier_phone"} <= set(exc.value.message_dict)
    assert not Person.objects.exists() and not Intake.objects.exists()


def test_decision_dated_before_receipt_is_refused(world: Any, worker_a: Any) -> None:
    intake = notification(worker_a, child_create(world.county_a), world.team_a1, at=days_ago(3))
    with pytest.raises(ValidationError) as exc:
        services.intake_decide(
            user=worker_a,
            intake=intake,
            decision="start_assessment",
            decided_on=timezone.localdate() - datetime.timedelta(days=10),
            family_told_on=None,
        )
    assert "decided_on" in exc.value.message_dict
    intake.refresh_from_db()
    assert intake.decision == "" and not intake.case.assessments.exists()


def test_start_decision_opens_assessment_due_three_months_from_receipt(
    world: Any, worker_a: Any
) -> None:
    at = days_ago(3)
    intake = notification(worker_a, child_create(world.county_a), world.team_a1, at=at)
    services.intake_decide(
        user=worker_a,
        intake=intake,
        decision="start_assessment",
        decided_on=timezone.localdate(),
        family_told_on=timezone.localdate(),
    )
    assessment = intake.case.assessments.get()
    assert assessment.completion_due == deadlines.assessment_completion_due(at)
    assert Case.objects.get(pk=intake.case_id).stage == CaseStage.ASSESSMENT


def test_no_action_closes_the_case_and_needs_reasons(world: Any, worker_a: Any) -> None:
    intake = notification(worker_a, child_create(world.county_a), world.team_a1, at=days_ago(2))
    with pytest.raises(ValidationError):
        services.intake_decide(
            user=worker_a,
            intake=intake,
            decision="no_action",
            decided_on=timezone.localdate(),
            family_told_on=None,
        )
    services.intake_decide(
        user=worker_a,
        intake=intake,
        decision="no_action",
        decided_on=timezone.localdate(),
        family_told_on=None,
        reason="Asia selvitetty puhelimessa.",
    )
    assert Case.objects.get(pk=intake.case_id).stage == CaseStage.CLOSED


def test_intake_cannot_be_decided_twice(case_a: CaseWorld, worker_a: Any) -> None:
    args = dict(
        user=worker_a,
        intake=case_a.pending_intake,
        decision="start_assessment",
        decided_on=timezone.localdate(),
        family_told_on=None,
    )
    services.intake_decide(**args)  # joins the open assessment
    case_a.pending_intake.refresh_from_db()
    assert case_a.pending_intake.decision == "join_assessment"
    with pytest.raises(ValidationError):
        services.intake_decide(**args)


def test_assessment_needs_the_childs_view_or_why_not(world: Any, worker_a: Any) -> None:
    intake = notification(worker_a, child_create(world.county_a), world.team_a1, at=days_ago(5))
    services.intake_decide(
        user=worker_a,
        intake=intake,
        decision="start_assessment",
        decided_on=timezone.localdate(),
        family_told_on=None,
    )
    assessment = intake.case.assessments.get()
    with pytest.raises(ValidationError) as exc:
        services.assessment_complete(
            user=worker_a,
            assessment=assessment,
            completed_on=timezone.localdate(),
            conclusion="no_need",
            summary="Ei tarvetta.",
            hearing={"heard": False},
        )
    assert "not_heard_reason" in exc.value.message_dict
    services.assessment_complete(
        user=worker_a,
        assessment=assessment,
        completed_on=timezone.localdate(),
        conclusion="other_social_services",
        summary="Ohjattu perhetyöhön.",
        hearing={"heard": False, "not_heard_reason": "Lapsi on vauva."},
    )
    assert Case.objects.get(pk=intake.case_id).stage == CaseStage.CLOSED
    assert assessment.hearings.get().not_heard_reason == "Lapsi on vauva."


def test_child_welfare_client_gets_a_designated_worker(world: Any, worker_a: Any) -> None:
    intake = notification(worker_a, child_create(world.county_a), world.team_a1, at=days_ago(5))
    services.intake_decide(
        user=worker_a,
        intake=intake,
        decision="start_assessment",
        decided_on=timezone.localdate(),
        family_told_on=None,
    )
    services.assessment_complete(
        user=worker_a,
        assessment=intake.case.assessments.get(),
        completed_on=timezone.localdate(),
        conclusion="child_welfare_client",
        summary="Tuki.",
        hearing={
            "heard": True,
            "heard_by": "A",
            "heard_on": timezone.localdate(),
            "method": "meeting",
            "child_view": "Ok",
        },
    )
    case = Case.objects.get(pk=intake.case_id)
    assert case.stage == CaseStage.CLIENT and case.designated_worker_id == worker_a.pk
    assert case.worker_assignments.get().started_on == timezone.localdate()


def test_chronology_shows_a_backdated_decision_on_its_own_day(world: Any, worker_a: Any) -> None:
    intake = notification(worker_a, child_create(world.county_a), world.team_a1, at=days_ago(9))
    decided = timezone.localdate() - datetime.timedelta(days=6)
    services.intake_decide(
        user=worker_a,
        intake=intake,
        decision="start_assessment",
        decided_on=decided,
        family_told_on=None,
    )
    event = intake.case.events.get(kind="intake_decided")
    assert timezone.localtime(event.occurred_at).date() == decided


def test_closing_a_case_ends_the_workers_assignment(world: Any, worker_a: Any) -> None:
    intake = notification(worker_a, child_create(world.county_a), world.team_a1, at=days_ago(4))
    services.designated_worker_assign(
        user=worker_a, case=intake.case, worker=worker_a, on=timezone.localdate()
    )
    services.intake_decide(
        user=worker_a,
        intake=intake,
        decision="no_action",
        decided_on=timezone.localdate(),
        family_told_on=None,
        reason="Selvitetty.",
    )
    assert intake.case.worker_assignments.get().ended_on == timezone.localdate()


def test_chronology_names_the_intakes_kind_in_the_readers_language(
    world: Any, worker_a: Any, teammate_a: Any
) -> None:
    """Recorded by a worker using Finnish, read by one using Swedish: the chronology's line
    names the kind in Swedish (it once kept the recorder's Finnish words)."""
    from django.urls import reverse
    from django.utils import translation

    from monia.conftest import login

    with translation.override("fi"):
        intake = notification(worker_a, child_create(world.county_a), world.team_a1, at=days_ago(1))
    page = login("teammate_a", "sv").get(reverse("case_chronology", args=[intake.case.pk]))
    text = page.content.decode()
    with translation.override("sv"):
        swedish = str(intake.get_kind_display())
    with translation.override("fi"):
        finnish = str(intake.get_kind_display())
    assert swedish in text and finnish not in text


def test_intake_received_lines_written_as_words_become_codes(world: Any, worker_a: Any) -> None:
    """The migration turns the lines written before (the recorder's words) into codes."""
    from importlib import import_module

    from django.apps import apps
    from django.utils import translation

    migration = import_module("monia.casework.migrations.0021_chronology_intake_kind_as_code")
    intake = notification(worker_a, child_create(world.county_a), world.team_a1, at=days_ago(1))
    event = ChronologyEvent.objects.get(case=intake.case, kind="intake_received")
    with translation.override("fi"):
        ChronologyEvent.objects.filter(pk=event.pk).update(detail=intake.get_kind_display())
    migration.labels_to_codes(apps, None)
    event.refresh_from_db()
    assert event.detail == "notification"
