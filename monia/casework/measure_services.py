"""Writes for measures: community-based support, placements, care orders, aftercare.

Each measure keeps the law's own time limits: an emergency placement lapses
after 30 days with one extension of at most 30 more (LsL 38, 38 a §); aftercare
ends at the age limit in force or 5 years after the last placement (LsL 75 §).
"""

from __future__ import annotations

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from monia import deadlines
from monia.accounts.models import User
from monia.casework.case_services import (
    _check_date,
    _open_client_relationship,
    event_write,
    moment,
    submission_lock,
)
from monia.casework.models import (
    PLACEMENT_KINDS,
    Case,
    CaseStage,
    DecisionBody,
    EventKind,
    Measure,
    MeasureKind,
)


def last_placement_ended(case: Case) -> datetime.date | None:
    latest = (
        case.measures.filter(kind__in=PLACEMENT_KINDS, ended_on__isnull=False)
        .order_by("-ended_on")
        .first()
    )
    return latest.ended_on if latest else None


def _validate_kind_fields(
    *,
    case: Case,
    kind: str,
    support_type: str,
    care_form: str,
    decision_body: str,
    errors: dict[str, str],
) -> None:
    if kind not in MeasureKind.values:
        errors["kind"] = _("Choose the measure.")
        return
    if kind == MeasureKind.COMMUNITY_SUPPORT and not support_type:
        errors["support_type"] = _("Choose the type of support.")
    if kind == MeasureKind.SUBSTITUTE_CARE and not care_form:
        errors["care_form"] = _("Choose the form of substitute care.")
    if kind == MeasureKind.CARE_ORDER and decision_body not in (
        DecisionBody.SENIOR_OFFICIAL,
        DecisionBody.ADMINISTRATIVE_COURT,
    ):
        errors["decision_body"] = _(
            "A care order is decided by the senior official (with consent) or by the "
            "administrative court (on objection) (LsL 43 §)."
        )
    if kind == MeasureKind.AFTERCARE and last_placement_ended(case) is None:
        errors["kind"] = _("Aftercare follows a placement: record the ended placement first.")
    if kind != MeasureKind.EMERGENCY_PLACEMENT and case.stage != CaseStage.CLIENT:
        errors["kind"] = _("Only an emergency placement can be made before the child is a client.")


@transaction.atomic
def measure_record(
    *,
    user: User,
    case: Case,
    kind: str,
    decided_on: datetime.date,
    started_on: datetime.date,
    support_type: str = "",
    care_form: str = "",
    place: str = "",
    decision_body: str = DecisionBody.SOCIAL_WORKER,
    details: str = "",
    submission_key: uuid.UUID | None = None,
) -> Measure:
    """Record the decision on a measure. Safe to repeat with the same submission key."""
    submission_lock(submission_key)
    if submission_key is not None:
        existing = Measure.objects.filter(submission_key=submission_key).first()
        if existing is not None:
            return existing
    errors: dict[str, str] = {}
    if case.stage == CaseStage.CLOSED:
        errors["kind"] = _("The case is closed.")
    _validate_kind_fields(
        case=case,
        kind=kind,
        support_type=support_type,
        care_form=care_form,
        decision_body=decision_body,
        errors=errors,
    )
    _check_date(
        errors,
        "decided_on",
        decided_on,
        not_before=deadlines.helsinki_date(case.opened_at),
        before_message=_("The decision cannot be dated before the case was opened."),
    )
    if started_on < deadlines.helsinki_date(case.opened_at):
        errors["started_on"] = _("The measure cannot start before the case was opened.")
    if errors:
        raise ValidationError(errors)

    expires_on = None
    if kind == MeasureKind.EMERGENCY_PLACEMENT:
        expires_on = deadlines.emergency_placement_expires(started_on)
        # An emergency placement makes the child a child welfare client (LsL 26 § 4 mom).
        _open_client_relationship(case=case, user=user, on=started_on)
    elif kind == MeasureKind.AFTERCARE:
        ended = last_placement_ended(case)
        assert ended is not None and case.child.birth_date is not None
        expires_on = deadlines.aftercare_ends(case.child.birth_date, ended)
    measure = Measure.objects.create(
        case=case,
        kind=kind,
        support_type=support_type if kind == "community_support" else "",
        care_form=care_form if kind in ("substitute_care", "care_order") else "",
        place=place.strip(),
        decided_on=decided_on,
        decision_body=decision_body,
        started_on=started_on,
        expires_on=expires_on,
        details=details.strip(),
        recorded_by=user,
        submission_key=submission_key,
    )
    event_write(
        case=case,
        kind=EventKind.MEASURE_DECIDED,
        actor=user,
        detail=measure.kind,
        occurred_at=moment(decided_on, not_before=case.opened_at),
    )
    return measure


@transaction.atomic
def emergency_placement_extend(
    *, user: User, measure: Measure, decided_on: datetime.date
) -> Measure:
    """Extend an emergency placement once, by at most 30 days (LsL 38 a §)."""
    measure = Measure.objects.select_for_update().get(pk=measure.pk)
    errors: dict[str, str] = {}
    if measure.kind != MeasureKind.EMERGENCY_PLACEMENT:
        errors["decided_on"] = _("Only an emergency placement can be extended.")
    elif measure.extended_to is not None:
        errors["decided_on"] = _("An emergency placement can be extended only once.")
    elif measure.ended_on is not None:
        errors["decided_on"] = _("The placement has ended.")
    else:
        assert measure.expires_on is not None
        _check_date(
            errors,
            "decided_on",
            decided_on,
            not_before=measure.decided_on,
            before_message=_("The extension cannot be decided before the placement."),
        )
        if decided_on > measure.expires_on:
            errors["decided_on"] = _("The placement lapsed on %(date)s: it cannot be extended.") % {
                "date": date_format(measure.expires_on, "j.n.Y")
            }
    if errors:
        raise ValidationError(errors)
    assert measure.expires_on is not None
    measure.extended_to = deadlines.emergency_placement_extended_expires(measure.expires_on)
    measure.save(update_fields=["extended_to"])
    event_write(
        case=measure.case,
        kind=EventKind.MEASURE_EXTENDED,
        actor=user,
        detail=date_format(measure.extended_to, "j.n.Y"),
        occurred_at=moment(decided_on),
    )
    return measure


@transaction.atomic
def measure_end(*, user: User, measure: Measure, ended_on: datetime.date) -> Measure:
    measure = Measure.objects.select_for_update().get(pk=measure.pk)
    errors: dict[str, str] = {}
    if measure.ended_on is not None:
        errors["ended_on"] = _("The measure has already ended.")
    _check_date(
        errors,
        "ended_on",
        ended_on,
        not_before=measure.started_on,
        before_message=_("A measure cannot end before it started."),
    )
    if errors:
        raise ValidationError(errors)
    measure.ended_on = ended_on
    measure.save(update_fields=["ended_on"])
    event_write(
        case=measure.case,
        kind=EventKind.MEASURE_ENDED,
        actor=user,
        detail=measure.kind,
        occurred_at=moment(ended_on),
    )
    return measure
