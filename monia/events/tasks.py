"""The events' background task: the day-before reminders (monia/events/schedule.py)."""

from __future__ import annotations

from django_tasks import task


@task()
def event_reminders_send() -> str:
    """Remind the registered of tomorrow's sessions (idempotent: once per registration and
    session)."""
    from monia.events.services import reminders_send

    return f"{reminders_send()} reminder(s) sent"
