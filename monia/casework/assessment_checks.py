"""What the completion of a service-needs assessment (SHL 36 §) and a child's hearing
(LsL 20 §) may not be, judged from what was typed before anything is written.
``assessment_services`` refuses with these, and ``measure_checks`` with the hearing's; a form
shows them beside its own messages, every message in one round. A value missing from what
is judged (its field could not be read) is not judged where its message would fall on
another field; on its own field the form's message stands alone.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from monia import deadlines
from monia.casework.case_services import _check_date
from monia.casework.models import AssessmentConclusion, Case, ServiceNeedsAssessment


def hearing_errors(hearing: Mapping[str, Any], *, not_before: datetime.date) -> dict[str, str]:
    """A hearing recorded: who heard the child, when (not before ``not_before``, the day
    the matter came in), how and the child's view — or why the child was not heard."""
    errors: dict[str, str] = {}
    if hearing.get("heard"):
        if not (hearing.get("heard_by") or "").strip():
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
        if not (hearing.get("child_view") or "").strip():
            errors["child_view"] = _("Write down the child's view.")
    elif not (hearing.get("not_heard_reason") or "").strip():
        errors["not_heard_reason"] = _(
            "The child's view is always found out (LsL 20 §): give the reason it was not."
        )
    return errors


def assessment_completion_errors(
    values: Mapping[str, Any],
    *,
    assessment: ServiceNeedsAssessment,
    case: Case,
    hearing: Mapping[str, Any] | None,
) -> dict[str, str]:
    """What ``assessment_complete`` refuses in what was typed, as {field: message}: the day
    of completion (not in the future, not before the start), the conclusion, the summary,
    the reason of a delay past the due date (SHL 36 §) and the child's hearing (``None``:
    whether the child was heard could not be read, nothing of it is judged). Whether the
    assessment is completed already and who becomes the designated worker depend on saved
    state: the service judges them under its lock."""
    errors: dict[str, str] = {}
    completed_on = values.get("completed_on")
    _check_date(
        errors,
        "completed_on",
        completed_on,
        not_before=assessment.started_on,
        before_message=_("The assessment cannot be completed before it started."),
    )
    if "conclusion" in values and values["conclusion"] not in AssessmentConclusion.values:
        errors["conclusion"] = _("Choose the conclusion.")
    if "summary" in values and not (values["summary"] or "").strip():
        errors["summary"] = _("Summarise the assessment.")
    late = completed_on is not None and completed_on > assessment.completion_due
    if late and not (values.get("delay_reason") or "").strip():
        errors["delay_reason"] = _("The assessment is late: record the reason for the delay.")
    if hearing is not None:
        errors.update(hearing_errors(hearing, not_before=deadlines.helsinki_date(case.opened_at)))
    return errors
