"""The statements' background task: the daily reminder to partners
(monia/contrib/schedule.py; ``manage.py remind_partners`` runs the same by hand)."""

from __future__ import annotations

from django_tasks import task


@task()
def contribution_reminders() -> str:
    """Remind partners of statements due within two working days or overdue (once a day:
    a second run the same day reminds nobody again)."""
    from monia.contrib.services import contribution_reminders_send

    return f"{contribution_reminders_send()} statement request(s) reminded"
