"""The feedback questionnaires' background tasks: the daily invitations and the one
reminder a week later (monia/feedback/schedule.py)."""

from __future__ import annotations

from django.utils.translation import gettext_noop
from django_tasks import task

from monia.jobs.outcomes import Outcome, outcome


@task()
def feedback_invite() -> Outcome:
    """Ask the questionnaires due after held meetings, approved plans and events
    (idempotent)."""
    from monia.feedback.triggers import (
        invite_after_events,
        invite_after_meetings,
        invite_at_plan_reviews,
    )

    made = invite_after_meetings() + invite_at_plan_reviews() + invite_after_events()
    return outcome(gettext_noop("Feedback invitations made: %(count)d"), count=made)


@task()
def feedback_remind() -> Outcome:
    """Remind once those asked a week ago who have not answered (idempotent)."""
    from monia.feedback.services import reminders_send

    return outcome(gettext_noop("Feedback reminders sent: %(count)d"), count=reminders_send())
