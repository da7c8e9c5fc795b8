"""Reads: the worker's view of an assessment's requests, the partner's task list."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from monia.casework.models import ServiceNeedsAssessment
from monia.contrib.models import ContributionRequest


@dataclass(frozen=True)
class RequestRow:
    request: ContributionRequest
    overdue: bool


def _rows(requests: list[ContributionRequest], today: datetime.date) -> list[RequestRow]:
    return [
        RequestRow(request=r, overdue=r.submitted_at is None and r.due_on < today) for r in requests
    ]


def requests_for_assessment(
    assessment: ServiceNeedsAssessment, *, today: datetime.date
) -> list[RequestRow]:
    """Every request of one assessment with its statement; unanswered past due = overdue."""
    qs = assessment.contribution_requests.select_related(
        "organisation", "partner", "requested_by", "submitted_by"
    ).order_by("due_on", "pk")
    return _rows(list(qs), today)


def statement_counts(assessment: ServiceNeedsAssessment) -> dict[str, int]:
    """Counted from the requests, which the case page prefetches for all its assessments."""
    requests = list(assessment.contribution_requests.all())
    return {
        "requested": len(requests),
        "received": sum(1 for r in requests if r.submitted_at is not None),
    }


def tasks_for_partner(
    requests: list[ContributionRequest], *, today: datetime.date
) -> list[RequestRow]:
    """The partner's task list: open ones first, by due date."""
    ordered = sorted(requests, key=lambda r: (r.submitted_at is not None, r.due_on, r.pk))
    return _rows(ordered, today)
