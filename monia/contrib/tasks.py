"""The statements' background task: the daily reminder to partners
(monia/contrib/schedule.py; ``manage.py remind_partners`` runs the same by hand)."""

from __future__ import annotations

from django.utils.translation import gettext_noop
from django_tasks import task

from monia.jobs.outcomes import Outcome, outcome


@task()
def contribution_reminders() -> Outcome:
    """Remind partners of statements due within two working days or overdue (once a day:
    a second run the same day reminds nobody again)."""
    from monia.contrib.services import contribution_reminders_send

    return outcome(
        gettext_noop("Statement requests reminded: %(count)d"), count=contribution_reminders_send()
    )
