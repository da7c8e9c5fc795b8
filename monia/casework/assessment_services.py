"""Writes for the service-needs assessment (palvelutarpeen arviointi, SHL 36 §) and the
child's hearing (LsL 20 §). What they may not be is judged in ``assessment_checks``.

Every function runs in one transaction that also writes the chronology row, and
raises ``ValidationError`` (field → translated message) before touching anything
when the input is wrong, so nothing is ever half-saved.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from monia.accounts.models import User
from monia.casework.assessment_checks import assessment_completion_errors
from monia.casework.case_services import (
    _close_if_done,
    _open_client_relationship,
    _raise,
    designated_worker_assign,
    event_write,
    moment,
)
from monia.casework.models import (
    AssessmentConclusion,
    Case,
    ChildHearing,
    EventKind,
    Measure,
    ServiceNeedsAssessment,
)


def hearing_write(
    *,
    case: Case,
    hearing: dict[str, Any],
    assessment: ServiceNeedsAssessment | None = None,
    measure: Measure | None = None,
) -> ChildHearing:
    heard = bool(hearing.get("heard"))
    return ChildHearing.objects.create(
        case=case,
        assessment=assessment,
        measure=measure,
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
    typed = {
        "completed_on": completed_on,
        "conclusion": conclusion,
        "summary": summary,
        "delay_reason": delay_reason,
    }
    errors = assessment_completion_errors(typed, assessment=assessment, case=case, hearing=hearing)
    if assessment.completed_on is not None:
        errors["conclusion"] = _("This assessment has already been completed.")
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
