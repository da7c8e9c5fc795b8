"""Writes for intakes: recording a notification, request, contact or pre-birth notice
(vireilletulo), the urgency assessment, the decision within 7 working days (LsL 26 §) and
corrections of what was recorded. What an intake may not be is judged in ``intake_checks``.

Every function runs in one transaction that also writes the chronology row, and
raises ``ValidationError`` (field → translated message) before touching anything
when the input is wrong, so nothing is ever half-saved.
"""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Min
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from monia import deadlines
from monia.accounts.models import User
from monia.casework.case_services import (
    CLOCK_SKEW,
    _close_if_done,
    _raise,
    event_write,
    moment,
    sent_before,
)

# The limit is read here by the forms and the API, as before the checks had a module.
from monia.casework.intake_checks import (
    INTAKE_CONTENT_MAX_LENGTH as INTAKE_CONTENT_MAX_LENGTH,
)
from monia.casework.intake_checks import (
    content_errors,
    intake_decision_errors,
    intake_errors,
)
from monia.casework.models import (
    Case,
    CaseStage,
    ClientPlan,
    EventKind,
    Intake,
    IntakeCorrection,
    IntakeDecision,
    PlanStatus,
    ServiceNeedsAssessment,
)
from monia.casework.notifier import (
    IDENTITY_FIELDS,
    NOTIFIER_FIELDS,
    NotifierType,
    notifier_errors,
)
from monia.people.models import Person
from monia.teams.models import Team


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
    existing = sent_before(Intake.objects.all(), submission_key, owner="recorded_by_id", user=user)
    if existing is not None:
        return existing
    errors = intake_errors(
        {
            "kind": kind,
            "received_at": received_at,
            "content": content,
            "family_participated": family_participated,
            "notifier_type": notifier_type,
            "notifier_sector": notifier_sector,
            "notifier_name": notifier_name,
            "notifier_organisation": notifier_organisation,
            "notifier_phone": notifier_phone,
            "notifier_email": notifier_email,
        },
        child=child,
    )
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
        detail=intake.kind,  # the code: each reader sees the kind in their own language
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


@transaction.atomic
def intake_decide(
    *,
    user: User,
    intake: Intake,
    decision: str,
    decided_on: datetime.date,
    family_told_on: datetime.date | None,
    reason: str = "",
    client_action: str = "",
    plan_review_by: datetime.date | None = None,
) -> Intake:
    """The decision on an intake (LsL 26 § 3 mom): start an assessment, or clearly no action
    — or, for a child who is a client now, handle it within the client relationship: the
    plan is reviewed (LsL 30 §), by ``plan_review_by`` when the review is brought forward,
    and no new assessment opens."""
    intake = Intake.objects.select_for_update().get(pk=intake.pk)
    case = intake.case
    typed = {
        "decision": decision,
        "decided_on": decided_on,
        "family_told_on": family_told_on,
        "reason": reason,
        "client_action": client_action,
        "plan_review_by": plan_review_by,
    }
    errors = intake_decision_errors(typed, intake=intake)
    plan = None
    if decision == IntakeDecision.CLIENT_RELATIONSHIP:
        plan = _client_relationship_errors(case, plan_review_by, errors)
    if intake.decision:
        errors["decision"] = _("This intake has already been decided.")
    _raise(errors)

    if decision == IntakeDecision.START_ASSESSMENT:
        decision = _assessment_start(case, intake, user=user, decided_on=decided_on)
    intake.decision = decision
    intake.decided_on = decided_on
    intake.family_told_on = family_told_on
    intake.decision_reason = reason.strip()
    intake.decided_by = user
    if decision == IntakeDecision.CLIENT_RELATIONSHIP:
        intake.client_action = client_action.strip()
        intake.reviewed_plan = plan if plan_review_by else None
        intake.plan_review_by = plan_review_by
    intake.save(update_fields=DECISION_FIELDS)
    _decision_events(intake, user=user)
    if decision == IntakeDecision.NO_ACTION:
        _close_if_done(case, user, on=decided_on)
    return intake


DECISION_FIELDS = [
    "decision",
    "decided_on",
    "family_told_on",
    "decision_reason",
    "decided_by",
    "client_action",
    "reviewed_plan",
    "plan_review_by",
]


def _decision_events(intake: Intake, *, user: User) -> None:
    """The decision in the chronology, and the plan review when it was brought forward."""
    at = moment(intake.decided_on, not_before=intake.received_at)
    event_write(
        case=intake.case,
        kind=EventKind.INTAKE_DECIDED,
        actor=user,
        detail=intake.decision,
        occurred_at=at,
    )
    if intake.plan_review_by is not None:
        event_write(
            case=intake.case,
            kind=EventKind.PLAN_REVIEW_BROUGHT_FORWARD,
            actor=user,
            detail=date_format(intake.plan_review_by, "j.n.Y"),
            occurred_at=at,
        )


def _client_relationship_errors(
    case: Case, plan_review_by: datetime.date | None, errors: dict[str, str]
) -> ClientPlan | None:
    """What the case's saved state refuses in a notification handled within the client
    relationship (the rest is ``intake_decision_errors``'s); the plan in force."""
    if case.stage != CaseStage.CLIENT:
        errors["decision"] = _(
            "Only a notification about a child who is a client now is handled within the "
            "client relationship."
        )
        return None
    plan = case.plans.filter(status=PlanStatus.APPROVED).first()
    if plan_review_by is None:
        return plan
    assert plan is None or plan.review_due is not None  # an approved plan has a review date
    if plan is None:
        errors["plan_review_by"] = _(
            "The child has no approved plan to review yet: leave the date empty and draft the plan."
        )
    elif (
        "plan_review_by" not in errors  # a date in the past is told first
        and plan.review_due is not None
        and plan_review_by >= plan.review_due
    ):
        errors["plan_review_by"] = _(
            "The plan is already to be reviewed by %(date)s: choose an earlier date, or "
            "leave the date empty."
        ) % {"date": date_format(plan.review_due, "j.n.Y")}
    return plan


def _matter_pending_since(case: Case, intake: Intake) -> datetime.datetime:
    """When the matter the assessment answers came pending (vireilletulo, SHL 36 §): the
    receipt of the earliest notification still undecided in a case at intake — a later one
    joined that matter and starts no clock of its own (as ``reporting.thl`` counts it)."""
    if case.stage != CaseStage.INTAKE:
        return intake.received_at
    earliest = case.intakes.filter(decision="").aggregate(first=Min("received_at"))["first"]
    return min(intake.received_at, earliest) if earliest else intake.received_at


def _assessment_start(case: Case, intake: Intake, *, user: User, decided_on: datetime.date) -> str:
    """Start the service-needs assessment, or join the one already open; the decision."""
    if case.assessments.filter(completed_on__isnull=True).exists():
        return IntakeDecision.JOIN_ASSESSMENT
    ServiceNeedsAssessment.objects.create(
        case=case,
        started_from=intake,
        started_on=decided_on,
        completion_due=deadlines.assessment_completion_due(_matter_pending_since(case, intake)),
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
    return IntakeDecision.START_ASSESSMENT


@transaction.atomic
def intake_record_for_new_child(
    *, user: User, child: dict[str, Any], check_similar: bool = False, **intake: Any
) -> Intake:
    """Create the child on the spot and record the intake, both or neither.

    ``check_similar``: refuse with ``SimilarPersons`` when the register likely has the
    child already (same date of birth, similar name), until the worker confirms.
    """
    from monia.people.services import SimilarPersons, person_create

    key = intake.get("submission_key")
    existing = sent_before(Intake.objects.all(), key, owner="recorded_by_id", user=user)
    if existing is not None:
        return existing
    assert user.county is not None
    try:
        person = person_create(county=user.county, check_similar=check_similar, **child)
    except ValidationError as exc:
        # The intake's own messages with the child's: every message in one round.
        errors = intake_errors(intake) | {f: m[0] for f, m in exc.message_dict.items()}
        if isinstance(exc, SimilarPersons):
            raise SimilarPersons(errors, exc.persons) from exc
        raise ValidationError(errors) from exc
    try:
        return intake_record(user=user, child=person, **intake)
    except ValidationError as exc:
        # The new child's age is in the child's own fields.
        field = "approximate_age" if person.unidentified else "birth_date"
        raise ValidationError(
            {field if name == "person" else name: m for name, m in exc.message_dict.items()}
        ) from exc


# What may be corrected on an intake: what the notifier told and who they were. The
# decision on it is signed and is corrected only by a new decision.
INTAKE_CORRECTABLE_FIELDS = ("content", *NOTIFIER_FIELDS)


@transaction.atomic
def intake_correct(
    *, user: User, intake: Intake, reason: str, values: dict[str, Any]
) -> list[IntakeCorrection]:
    """Correct an intake's text or its notifier; each old value is kept in the history
    with the reason (GDPR art. 16) — except an anonymous notifier's identity, which is
    erased (LsL 25 §)."""
    intake = Intake.objects.select_for_update().get(pk=intake.pk)
    new = {
        f: str(values.get(f, getattr(intake, f)) or "").strip() for f in INTAKE_CORRECTABLE_FIELDS
    }
    errors: dict[str, str] = {}
    if not reason.strip():
        errors["reason"] = _("Give the reason for the correction.")
    errors.update(content_errors(new["content"]))
    errors.update(
        notifier_errors(
            notifier_type=new["notifier_type"],
            name=new["notifier_name"],
            organisation=new["notifier_organisation"],
            sector=new["notifier_sector"],
            phone=new["notifier_phone"],
            email=new["notifier_email"],
        )
    )
    _raise(errors)
    anonymous = new["notifier_type"] == NotifierType.ANONYMOUS
    corrections = []
    for field, value in new.items():
        old = getattr(intake, field)
        if old == value:
            continue
        erased = anonymous and field in IDENTITY_FIELDS
        corrections.append(
            IntakeCorrection(
                intake=intake,
                field=field,
                old_value="" if erased else old,
                old_value_erased=erased,
                new_value=value,
                reason=reason.strip(),
                corrected_by=user,
            )
        )
        setattr(intake, field, value)
    if not corrections:
        raise ValidationError(_("Nothing was changed: correct a value, or go back."))
    intake.save(update_fields=[c.field for c in corrections])
    event_write(
        case=intake.case,
        kind=EventKind.INTAKE_CORRECTED,
        actor=user,
        detail=reason.strip(),
    )
    return IntakeCorrection.objects.bulk_create(corrections)
