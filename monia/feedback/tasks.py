"""The feedback questionnaires' background task: the daily invitations
(monia/feedback/schedule.py)."""

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
