"""Writes for the statutory path of a child welfare matter.

Every function runs in one transaction that also writes the chronology row, and
raises ``ValidationError`` (field → translated message) before touching anything
when the input is wrong, so nothing is ever half-saved.
"""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from monia import deadlines
from monia.accounts.models import User
from monia.casework.models import (
    AssessmentConclusion,
    Case,
    CaseStage,
    ChildHearing,
    ChronologyEvent,
    ClientRelationship,
    DesignatedWorkerAssignment,
    EventKind,
    Intake,
    IntakeDecision,
    IntakeKind,
    MeasureKind,
    NotifierType,
    ServiceNeedsAssessment,
)
from monia.people.models import Person
from monia.teams.models import Team

# A receipt time a little ahead of the server clock is a clock skew, not the future.
CLOCK_SKEW = datetime.timedelta(minutes=5)


def today() -> datetime.date:
    return timezone.localdate()


def submission_lock(key: uuid.UUID | None) -> None:
    """Serialise repeats of one form submission, so a double click records one thing.

    Must run inside the caller's transaction; the lock is released at its end.
    """
    if key is not None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key.int & 0x7FFF_FFFF_FFFF_FFFF])


def moment(
    on: datetime.date | None, *, not_before: datetime.datetime | None = None
) -> datetime.datetime:
    """When a dated step happened, for the chronology: now for today, else noon that day
    (Helsinki) — never before the step it follows (``not_before``)."""
    if on is None or on >= today():
        at = timezone.now()
    else:
        at = datetime.datetime.combine(on, datetime.time(12), tzinfo=deadlines.HELSINKI)
    return max(at, not_before) if not_before is not None else at


def event_write(
    *,
    case: Case,
    kind: str,
    actor: User | None,
    detail: str = "",
    occurred_at: datetime.datetime | None = None,
) -> ChronologyEvent:
    return ChronologyEvent.objects.create(
        case=case,
        kind=kind,
        actor=actor,
        detail=detail,
        occurred_at=occurred_at or timezone.now(),
    )


def _check_date(
    errors: dict[str, str],
    field: str,
    value: datetime.date | None,
    *,
    not_before: datetime.date | None = None,
    before_message: str = "",
) -> None:
    if value is None:
        return
    if value > today():
        errors[field] = _("The date cannot be in the future.")
    elif not_before is not None and value < not_before:
        errors[field] = before_message


def _raise(errors: dict[str, str]) -> None:
    if errors:
        raise ValidationError(errors)


# --- Intake -----------------------------------------------------------------


def _validate_notifier(data: dict[str, Any], errors: dict[str, str]) -> None:
    kind = data["notifier_type"]
    if kind == NotifierType.OBLIGATED:
        if not data.get("notifier_name", "").strip():
            errors["notifier_name"] = _("An obligated notifier must give their name.")
        if not (data.get("notifier_phone", "").strip() or data.get("notifier_email", "").strip()):
            errors["notifier_phone"] = _("An obligated notifier must give contact details.")
        if not data.get("notifier_sector"):
            errors["notifier_sector"] = _("Choose the notifier's sector.")
    elif kind == NotifierType.ANONYMOUS:
        for field in ("notifier_name", "notifier_phone", "notifier_email", "notifier_organisation"):
            if data.get(field, "").strip():
                errors[field] = _("An anonymous notifier's identity is not recorded.")


@transaction.atomic
def intake_record(
    *,
    user: User,
    child: Person,
    team: Team,
    kind: str,
    channel: str,
    received_at: datetime.datetime,
    notifier_type: str,
    content: str,
    family_informed: str = "unknown",
    family_participated: bool = False,
    notifier_sector: str = "",
    notifier_name: str = "",
    notifier_organisation: str = "",
    notifier_phone: str = "",
    notifier_email: str = "",
    police_report_suspected: bool = False,
    submission_key: uuid.UUID | None = None,
) -> Intake:
    """Record a notification, request, contact or pre-birth notice (vireilletulo).

    Safe to repeat: a second submission with the same key returns the first intake.
    """
    submission_lock(submission_key)
    if submission_key is not None:
        existing = Intake.objects.filter(submission_key=submission_key).first()
        if existing is not None:
            return existing
    data = locals()
    errors: dict[str, str] = {}
    if timezone.is_naive(received_at):
        errors["received_at"] = _("Give the time of receipt.")
    elif received_at > timezone.now() + CLOCK_SKEW:
        errors["received_at"] = _("The time of receipt cannot be in the future.")
    if not content.strip():
        errors["content"] = _("Write down what the notifier told.")
    _validate_notifier(data, errors)
    if kind == IntakeKind.REQUEST_WITH_FAMILY and not family_participated:
        errors["family_participated"] = _(
            "A request under LsL 25 a § is made together with the child or parent."
        )
    if kind == IntakeKind.PRE_BIRTH and child.birth_date is not None:
        errors["kind"] = _("A pre-birth notification concerns an unborn child.")
    if kind != IntakeKind.PRE_BIRTH and child.birth_date is None:
        errors["kind"] = _("This child has no date of birth: use a pre-birth notification.")
    if team.county_id != user.county_id or child.county_id != user.county_id:
        errors["team"] = _("Choose a team of your own county.")
    _raise(errors)

    case = (
        Case.objects.select_for_update().filter(child=child).exclude(stage=CaseStage.CLOSED).first()
    )
    if case is None:
        case = Case.objects.create(
            county_id=child.county_id,
            child=child,
            team=team,
            stage=CaseStage.INTAKE,
            opened_at=received_at,
        )
    intake = Intake.objects.create(
        case=case,
        kind=kind,
        channel=channel,
        received_at=received_at,
        notifier_type=notifier_type,
        notifier_sector=notifier_sector,
        notifier_name=notifier_name.strip(),
        notifier_organisation=notifier_organisation.strip(),
        notifier_phone=notifier_phone.strip(),
        notifier_email=notifier_email.strip(),
        family_informed=family_informed,
        family_participated=family_participated,
        content=content.strip(),
        police_report_suspected=police_report_suspected,
        decision_due=deadlines.assessment_decision_due(received_at),
        recorded_by=user,
        submission_key=submission_key,
    )
    event_write(
        case=case,
        kind=EventKind.INTAKE_RECEIVED,
        actor=user,
        detail=intake.get_kind_display(),
        occurred_at=received_at,
    )
    return intake


@transaction.atomic
def intake_assess_urgency(
    *,
    user: User,
    intake: Intake,
    urgency: str,
    note: str,
    assessed_at: datetime.datetime | None = None,
) -> Intake:
    """Record the immediate urgency assessment (LsL 26 § 5 mom); now, unless recorded later."""
    assessed_at = assessed_at or timezone.now()
    errors: dict[str, str] = {}
    if not urgency:
        errors["urgency"] = _("Choose whether the matter is urgent.")
    if assessed_at < intake.received_at or assessed_at > timezone.now() + CLOCK_SKEW:
        errors["assessed_at"] = _("The assessment time must be between receipt and now.")
    _raise(errors)
    intake.urgency = urgency
    intake.urgency_note = note.strip()
    intake.urgency_assessed_at = assessed_at
    intake.urgency_by = user
    intake.save(update_fields=["urgency", "urgency_note", "urgency_assessed_at", "urgency_by"])
    event_write(
        case=intake.case,
        kind=EventKind.URGENCY_ASSESSED,
        actor=user,
        detail=intake.urgency,
        occurred_at=assessed_at,
    )
    return intake


def _pending_work(case: Case) -> bool:
    return (
        case.intakes.filter(decision="").exists()
        or case.assessments.filter(completed_on__isnull=True).exists()
        or case.client_relationships.filter(closed_on__isnull=True).exists()
    )


def _close_if_done(case: Case, user: User, *, on: datetime.date) -> None:
    """Close the case when nothing is pending; the designated worker's assignment ends too."""
    if not _pending_work(case):
        at = moment(on)
        case.stage = CaseStage.CLOSED
        case.closed_at = at
        case.save(update_fields=["stage", "closed_at"])
        DesignatedWorkerAssignment.objects.filter(case=case, ended_on__isnull=True).update(
            ended_on=on
        )
        event_write(case=case, kind=EventKind.CASE_CLOSED, actor=user, occurred_at=at)


@transaction.atomic
def intake_decide(
    *,
    user: User,
    intake: Intake,
    decision: str,
    decided_on: datetime.date,
    family_told_on: datetime.date | None,
    reason: str = "",
) -> Intake:
    """The decision within 7 working days: start an assessment or no action (LsL 26 § 3 mom)."""
    intake = Intake.objects.select_for_update().get(pk=intake.pk)
    errors: dict[str, str] = {}
    if intake.decision:
        errors["decision"] = _("This intake has already been decided.")
    received = deadlines.helsinki_date(intake.received_at)
    before = _("The date cannot be before the intake was received.")
    _check_date(errors, "decided_on", decided_on, not_before=received, before_message=before)
    _check_date(
        errors, "family_told_on", family_told_on, not_before=received, before_message=before
    )
    if decision == IntakeDecision.NO_ACTION and not reason.strip():
        errors["reason"] = _("Give the reasons why no action is needed.")
    if decision not in IntakeDecision.values:
        errors["decision"] = _("Choose a decision.")
    _raise(errors)

    case = intake.case
    if decision == IntakeDecision.START_ASSESSMENT:
        if case.assessments.filter(completed_on__isnull=True).exists():
            decision = IntakeDecision.JOIN_ASSESSMENT
        else:
            ServiceNeedsAssessment.objects.create(
                case=case,
                started_from=intake,
                started_on=decided_on,
                completion_due=deadlines.assessment_completion_due(intake.received_at),
            )
            event_write(
                case=case,
                kind=EventKind.ASSESSMENT_STARTED,
                actor=user,
                occurred_at=moment(decided_on, not_before=intake.received_at),
            )
            if case.stage == CaseStage.INTAKE:
                case.stage = CaseStage.ASSESSMENT
                case.save(update_fields=["stage"])
    intake.decision = decision
    intake.decided_on = decided_on
    intake.family_told_on = family_told_on
    intake.decision_reason = reason.strip()
    intake.decided_by = user
    intake.save(
        update_fields=["decision", "decided_on", "family_told_on", "decision_reason", "decided_by"]
    )
    event_write(
        case=case,
        kind=EventKind.INTAKE_DECIDED,
        actor=user,
        detail=intake.decision,
        occurred_at=moment(decided_on, not_before=intake.received_at),
    )
    if decision == IntakeDecision.NO_ACTION:
        _close_if_done(case, user, on=decided_on)
    return intake


# --- Service-needs assessment -----------------------------------------------


def _validate_hearing(
    hearing: dict[str, Any], errors: dict[str, str], not_before: datetime.date
) -> None:
    if hearing.get("heard"):
        if not hearing.get("heard_by", "").strip():
            errors["heard_by"] = _("Who heard the child?")
        if not hearing.get("heard_on"):
            errors["heard_on"] = _("When was the child heard?")
        else:
            _check_date(
                errors,
                "heard_on",
                hearing["heard_on"],
                not_before=not_before,
                before_message=_("The child was heard before the matter came in?"),
            )
        if not hearing.get("method"):
            errors["method"] = _("How was the child heard?")
        if not hearing.get("child_view", "").strip():
            errors["child_view"] = _("Write down the child's view.")
    elif not hearing.get("not_heard_reason", "").strip():
        errors["not_heard_reason"] = _(
            "The child's view is always found out (LsL 20 §): give the reason it was not."
        )


def hearing_write(
    *, case: Case, hearing: dict[str, Any], assessment: ServiceNeedsAssessment | None = None
) -> ChildHearing:
    heard = bool(hearing.get("heard"))
    return ChildHearing.objects.create(
        case=case,
        assessment=assessment,
        heard=heard,
        heard_by=hearing.get("heard_by", "").strip() if heard else "",
        heard_on=hearing.get("heard_on") if heard else None,
        method=hearing.get("method", "") if heard else "",
        child_view=hearing.get("child_view", "").strip() if heard else "",
        not_heard_reason="" if heard else hearing.get("not_heard_reason", "").strip(),
    )


@transaction.atomic
def assessment_complete(
    *,
    user: User,
    assessment: ServiceNeedsAssessment,
    completed_on: datetime.date,
    conclusion: str,
    summary: str,
    hearing: dict[str, Any],
    delay_reason: str = "",
    designated_worker: User | None = None,
) -> ServiceNeedsAssessment:
    """Complete the assessment (SHL 36 §) with its conclusion and the child's view."""
    assessment = ServiceNeedsAssessment.objects.select_for_update().get(pk=assessment.pk)
    case = assessment.case
    errors: dict[str, str] = {}
    if assessment.completed_on is not None:
        errors["conclusion"] = _("This assessment has already been completed.")
    _check_date(
        errors,
        "completed_on",
        completed_on,
        not_before=assessment.started_on,
        before_message=_("The assessment cannot be completed before it started."),
    )
    if conclusion not in AssessmentConclusion.values:
        errors["conclusion"] = _("Choose the conclusion.")
    if not summary.strip():
        errors["summary"] = _("Summarise the assessment.")
    if completed_on > assessment.completion_due and not delay_reason.strip():
        errors["delay_reason"] = _("The assessment is late: record the reason for the delay.")
    _validate_hearing(hearing, errors, deadlines.helsinki_date(case.opened_at))
    worker = designated_worker
    if conclusion == AssessmentConclusion.CHILD_WELFARE_CLIENT:
        worker = worker or case.designated_worker
        if worker is None and user.is_qualified_social_worker:
            worker = user
        if (
            worker is None
            or not worker.is_qualified_social_worker
            or worker.county_id != case.county_id
        ):
            errors["designated_worker"] = _(
                "Name a qualified social worker as the child's designated worker."
            )
    _raise(errors)

    assessment.completed_on = completed_on
    assessment.conclusion = conclusion
    assessment.summary = summary.strip()
    assessment.delay_reason = delay_reason.strip()
    assessment.completed_by = user
    assessment.save()
    hearing_write(case=case, hearing=hearing, assessment=assessment)
    event_write(
        case=case,
        kind=EventKind.CHILD_HEARD,
        actor=user,
        occurred_at=moment(hearing.get("heard_on") or completed_on, not_before=case.opened_at),
    )
    event_write(
        case=case,
        kind=EventKind.ASSESSMENT_COMPLETED,
        actor=user,
        detail=assessment.conclusion,
        occurred_at=moment(completed_on, not_before=case.opened_at),
    )
    if conclusion == AssessmentConclusion.CHILD_WELFARE_CLIENT:
        assert worker is not None
        _open_client_relationship(case=case, user=user, on=completed_on)
        if case.designated_worker_id != worker.pk:
            designated_worker_assign(user=user, case=case, worker=worker, on=completed_on)
    else:
        _close_if_done(case, user, on=completed_on)
    return assessment


def _open_client_relationship(*, case: Case, user: User, on: datetime.date) -> None:
    if case.client_relationships.filter(closed_on__isnull=True).exists():
        return
    ClientRelationship.objects.create(case=case, opened_on=on)
    case.stage = CaseStage.CLIENT
    case.save(update_fields=["stage"])
    event_write(case=case, kind=EventKind.CLIENT_OPENED, actor=user, occurred_at=moment(on))


@transaction.atomic
def designated_worker_assign(*, user: User, case: Case, worker: User, on: datetime.date) -> Case:
    """Name the child's designated social worker (LsL 13 b §); the history stays."""
    if not worker.is_qualified_social_worker or worker.county_id != case.county_id:
        raise ValidationError(
            {"worker": _("The designated worker must be a qualified social worker of the county.")}
        )
    DesignatedWorkerAssignment.objects.filter(case=case, ended_on__isnull=True).update(ended_on=on)
    DesignatedWorkerAssignment.objects.create(case=case, worker=worker, started_on=on)
    case.designated_worker = worker
    case.save(update_fields=["designated_worker"])
    event_write(
        case=case,
        kind=EventKind.WORKER_ASSIGNED,
        actor=user,
        detail=worker.display_name,
        occurred_at=moment(on),
    )
    return case


@transaction.atomic
def client_relationship_close(*, user: User, case: Case, closed_on: datetime.date) -> Case:
    relationship = case.client_relationships.filter(closed_on__isnull=True).first()
    if relationship is None:
        raise ValidationError(_("The child is not a client now."))
    if case.measures.filter(ended_on__isnull=True).exclude(kind=MeasureKind.AFTERCARE).exists():
        raise ValidationError(_("End the ongoing measures first."))
    errors: dict[str, str] = {}
    _check_date(
        errors,
        "closed_on",
        closed_on,
        not_before=relationship.opened_on,
        before_message=_("The client relationship cannot close before it opened."),
    )
    _raise(errors)
    relationship.closed_on = closed_on
    relationship.save(update_fields=["closed_on"])
    DesignatedWorkerAssignment.objects.filter(case=case, ended_on__isnull=True).update(
        ended_on=closed_on
    )
    event_write(case=case, kind=EventKind.CLIENT_CLOSED, actor=user, occurred_at=moment(closed_on))
    _close_if_done(case, user, on=closed_on)
    return case


@transaction.atomic
def intake_record_for_new_child(*, user: User, child: dict[str, Any], **intake: Any) -> Intake:
    """Create the child on the spot and record the intake, both or neither."""
    from monia.people.services import person_create

    key = intake.get("submission_key")
    submission_lock(key)
    if key is not None:
        existing = Intake.objects.filter(submission_key=key).first()
        if existing is not None:
            return existing
    assert user.county is not None
    person = person_create(county=user.county, **child)
    return intake_record(user=user, child=person, **intake)


@transaction.atomic
def family_member_add(
    *,
    user: User,
    case: Case,
    kind: str,
    first_names: str,
    last_name: str,
    identity_code: str = "",
    birth_date: datetime.date | None = None,
    gender: str = "unknown",
    is_guardian: bool = False,
    lives_with: bool = False,
    language: str = "fi",
) -> Person:
    """Record a parent, guardian or other relative of the child, as a person and a tie."""
    from monia.people.services import person_create, relationship_create

    if not first_names.strip():
        raise ValidationError({"first_names": _("Give the first names.")})
    person = person_create(
        county=case.county,
        first_names=first_names,
        last_name=last_name,
        identity_code=identity_code,
        birth_date=birth_date,
        gender=gender,
        language=language,
        expected_birth_date=None,
        require_birth=False,
    )
    relationship_create(
        from_person=person,
        to_person=case.child,
        kind=kind,
        is_guardian=is_guardian,
        lives_with=lives_with,
    )
    event_write(case=case, kind=EventKind.FAMILY_MEMBER_ADDED, actor=user, detail=person.full_name)
    return person
