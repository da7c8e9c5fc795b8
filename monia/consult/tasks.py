"""The consultations' background task: the daily escalation (monia/consult/schedule.py;
``manage.py escalate_consultations`` runs the same by hand)."""

from __future__ import annotations

from django_tasks import task


@task()
def consultations_escalate() -> str:
    """Mark unanswered consultations past their due date as escalated (idempotent)."""
    from monia.consult.services import consultation_escalate_overdue

    return f"{consultation_escalate_overdue()} consultation(s) escalated"
