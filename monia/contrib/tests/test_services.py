from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from monia.access.policy import NotFound
from monia.casework import services as casework_services
from monia.casework.models import ServiceNeedsAssessment
from monia.conftest import HEARD, CaseWorld
from monia.contrib import selectors, services
from monia.contrib.models import ContributionRequest

TODAY = timezone.localdate


def _invite(case_a: CaseWorld, worker_a: Any, org: Any, **kw: Any) -> ContributionRequest:
    args: dict[str, Any] = {
        "assessment": case_a.open_assessment,
        "basis": "lsl_41_request",
        "questions": "Havaintonne?",
        "due_on": TODAY() + datetime.timedelta(days=7),
        **kw,
    }
    return services.request_create(user=worker_a, organisation=org, **args)


def test_invite_only_for_an_open_assessment(case_a: CaseWorld, worker_a: Any, school: Any) -> None:
    completed = ServiceNeedsAssessment.objects.get(case=case_a.case, completed_on__isnull=False)
    with pytest.raises(ValidationError):
        _invite(case_a, worker_a, school, assessment=completed)
    assert _invite(case_a, worker_a, school).pk


def test_due_date_not_in_the_past(case_a: CaseWorld, worker_a: Any, school: Any) -> None:
    with pytest.raises(ValidationError) as exc:
        _invite(case_a, worker_a, school, due_on=TODAY() - datetime.timedelta(days=1))
    assert "due_on" in exc.value.message_dict


def test_due_date_not_after_the_assessment_deadline(
    case_a: CaseWorld, worker_a: Any, school: Any
) -> None:
    due = case_a.open_assessment.completion_due
    with pytest.raises(ValidationError) as exc:
        _invite(case_a, worker_a, school, due_on=due + datetime.timedelta(days=1))
    assert "due_on" in exc.value.message_dict
    assert _invite(case_a, worker_a, school, due_on=due).due_on == due


def test_guardian_consent_names_who(case_a: CaseWorld, worker_a: Any, school: Any) -> None:
    with pytest.raises(ValidationError):
        _invite(case_a, worker_a, school, basis="guardian_consent")


def test_named_professional_must_be_of_the_organisation(
    case_a: CaseWorld, worker_a: Any, clinic: Any, partner: Any
) -> None:
    with pytest.raises(ValidationError) as exc:
        _invite(case_a, worker_a, clinic, partner=partner)
    assert "partner" in exc.value.message_dict


def test_statement_once_only(school_request: ContributionRequest, partner: Any) -> None:
    services.statement_submit(
        user=partner, request_id=school_request.pk, statement="Poissaoloja.", child_view_noted=""
    )
    with pytest.raises(ValidationError):
        services.statement_submit(
            user=partner, request_id=school_request.pk, statement="Toinen.", child_view_noted=""
        )
    school_request.refresh_from_db()
    assert school_request.statement == "Poissaoloja."
    assert school_request.submitted_by == partner


def test_no_statement_after_the_assessment_is_completed(
    school_request: ContributionRequest, partner: Any, worker_a: Any
) -> None:
    casework_services.assessment_complete(
        user=worker_a,
        assessment=school_request.assessment,
        completed_on=TODAY(),
        conclusion="child_welfare_client",
        summary="Valmis.",
        hearing={**HEARD, "heard_on": TODAY()},
    )
    with pytest.raises(ValidationError):
        services.statement_submit(
            user=partner, request_id=school_request.pk, statement="Myöhässä.", child_view_noted=""
        )


def test_partner_of_another_organisation_cannot_submit(
    school_request: ContributionRequest, clinic_partner: Any
) -> None:
    with pytest.raises(NotFound):
        services.statement_submit(
            user=clinic_partner, request_id=school_request.pk, statement="x", child_view_noted=""
        )


def test_only_the_named_professional_answers(
    case_a: CaseWorld, worker_a: Any, clinic: Any, clinic_partner: Any, world: Any
) -> None:
    from monia.accounts.models import Role
    from monia.conftest import make_user

    colleague = make_user("clinic_nurse", Role.PARTNER, world.county_a, None, organisation=clinic)
    req = _invite(case_a, worker_a, clinic, partner=clinic_partner)
    with pytest.raises(NotFound):
        services.statement_submit(
            user=colleague, request_id=req.pk, statement="x", child_view_noted=""
        )
    services.statement_submit(
        user=clinic_partner, request_id=req.pk, statement="x", child_view_noted=""
    )


def test_overdue_is_flagged(school_request: ContributionRequest) -> None:
    later = school_request.due_on + datetime.timedelta(days=1)
    [row] = selectors.requests_for_assessment(school_request.assessment, today=later)
    assert row.overdue
    [row] = selectors.requests_for_assessment(school_request.assessment, today=TODAY())
    assert not row.overdue


def test_partners_are_reminded_once_a_day_of_statements_due_soon_or_overdue(
    case_a: Any, worker_a: Any, school: Any, partner: Any
) -> None:
    import datetime

    from django.utils import timezone

    from monia.contrib import services as contrib_services
    from monia.notify.models import Notification

    today = timezone.localdate()
    contrib_services.request_create(
        user=worker_a,
        assessment=case_a.open_assessment,
        organisation=school,
        basis="lsl_41_request",
        questions="Havainnot?",
        due_on=today,
    )
    before = Notification.objects.filter(user=partner).count()
    assert contrib_services.contribution_reminders_send(today=today) == 1
    assert contrib_services.contribution_reminders_send(today=today) == 0  # once a day
    assert (
        contrib_services.contribution_reminders_send(today=today + datetime.timedelta(days=1)) == 1
    )  # overdue the next day
    assert Notification.objects.filter(user=partner).count() == before + 2


def test_the_daily_schedule_reminds_partners_as_the_command_does(
    case_a: Any, worker_a: Any, school: Any, partner: Any, settings: Any
) -> None:
    from monia.jobs.models import ScheduledRun
    from monia.jobs.services import scheduled_run_request
    from monia.notify.models import Notification

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    _invite(case_a, worker_a, school, due_on=TODAY())
    before = Notification.objects.filter(user=partner).count()
    first = ScheduledRun.objects.get(pk=scheduled_run_request(job="remind_partners"))
    again = ScheduledRun.objects.get(pk=scheduled_run_request(job="remind_partners"))
    assert first.result == "Statement requests reminded: 1"
    assert again.result == "Statement requests reminded: 0"  # once a day
    assert Notification.objects.filter(user=partner).count() == before + 1
