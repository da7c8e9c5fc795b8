"""The consultations' background task: the daily escalation (monia/consult/schedule.py;
``manage.py escalate_consultations`` runs the same by hand)."""

from __future__ import annotations

from django.utils.translation import gettext_noop
from django_tasks import task

from monia.jobs.outcomes import Outcome, outcome


@task()
def consultations_escalate() -> Outcome:
    """Mark unanswered consultations past their due date as escalated (idempotent)."""
    from monia.consult.services import consultation_escalate_overdue

    return outcome(
        gettext_noop("Consultations escalated: %(count)d"), count=consultation_escalate_overdue()
    )
