"""The events' background task: the day-before reminders (monia/events/schedule.py)."""

from __future__ import annotations

from django.utils.translation import gettext_noop
from django_tasks import task

from monia.jobs.outcomes import Outcome, outcome


@task()
def event_reminders_send() -> Outcome:
    """Remind the registered of tomorrow's sessions (idempotent: once per registration and
    session)."""
    from monia.events.services import reminders_send

    return outcome(gettext_noop("Event reminders sent: %(count)d"), count=reminders_send())
