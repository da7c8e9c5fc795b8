"""Writes for the statutory path of a child welfare matter: the one place callers import.

The writes live by sub-domain — ``case_services`` (chronology, the designated worker,
the client relationship), ``family_services`` (the child's family), ``intake_services``
(intake, urgency, the 7-day decision), ``assessment_services`` (the service-needs
assessment and the child's hearing), ``plan_services`` and ``measure_services`` — and are
re-exported here, with the checks a form shows beside its own messages (``*_checks``).

Every function runs in one transaction that also writes the chronology row, and
raises ``ValidationError`` (field → translated message) before touching anything
when the input is wrong, so nothing is ever half-saved.
"""

from __future__ import annotations

from monia.casework.assessment_checks import assessment_completion_errors
from monia.casework.assessment_services import assessment_complete, hearing_write
from monia.casework.case_services import (
    CLOCK_SKEW,
    client_relationship_close,
    designated_worker_assign,
    event_write,
    moment,
    today,
)
from monia.casework.family_services import family_member_add
from monia.casework.intake_services import (
    intake_assess_urgency,
    intake_decide,
    intake_decision_errors,
    intake_errors,
    intake_record,
    intake_record_for_new_child,
)

__all__ = [
    "CLOCK_SKEW",
    "assessment_complete",
    "assessment_completion_errors",
    "client_relationship_close",
    "designated_worker_assign",
    "event_write",
    "family_member_add",
    "hearing_write",
    "intake_assess_urgency",
    "intake_decide",
    "intake_decision_errors",
    "intake_errors",
    "intake_record",
    "intake_record_for_new_child",
    "moment",
    "today",
]
