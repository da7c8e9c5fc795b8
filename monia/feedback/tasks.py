"""The feedback questionnaires' background tasks: the daily invitations and the one
reminder a week later (monia/feedback/schedule.py)."""

from __future__ import annotations

from django_tasks import task


@task()
def feedback_invite() -> str:
    """Ask the questionnaires due after held meetings, approved plans and events
    (idempotent)."""
    from monia.feedback.triggers import (
        invite_after_events,
        invite_after_meetings,
        invite_at_plan_reviews,
    )

    made = invite_after_meetings() + invite_at_plan_reviews() + invite_after_events()
    return f"{made} feedback invitation(s) made"


@task()
def feedback_remind() -> str:
    """Remind once those asked a week ago who have not answered (idempotent)."""
    from monia.feedback.services import reminders_send

    return f"{reminders_send()} feedback reminder(s) sent"
