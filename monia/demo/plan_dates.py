"""The dates of a demo client plan (LsL 30 §). The plan service records today as the day a
plan is approved (and its chronology line now); the demo dates each plan to a working day
it could have been made on: "approved today, reviewed tomorrow", or a plan "made today"
that is reviewed in seven months, would make no sense to a new user."""

from __future__ import annotations

import datetime

from django.utils import timezone

from monia import deadlines
from monia.casework.models import ChronologyEvent, ClientPlan, EventKind

DAY = datetime.timedelta(days=1)


def working_review_day(day: datetime.date) -> datetime.date:
    """A review is a meeting: on a working day, earlier rather than later (so it stays
    within the year), but not before the next working day."""
    today = timezone.localdate()
    while not deadlines.is_working_day(day) and day > today:
        day -= DAY
    while not deadlines.is_working_day(day):
        day += DAY
    return day


def approval_day(
    review_due: datetime.date, *, since: datetime.date, today: datetime.date
) -> datetime.date:
    """Half a year before the review where the case allows, else the latest working day
    before today that still has the review within the year; never before ``since``."""
    wanted = min(review_due - DAY * 182, today - DAY)
    for back in range((wanted - since).days + 1):
        day = wanted - DAY * back
        if deadlines.client_plan_review_due_latest(day) < review_due:
            break
        if deadlines.is_working_day(day):
            return day
    for ahead in range(1, (today - wanted).days + 1):
        day = wanted + DAY * ahead
        if deadlines.is_working_day(day) and day >= since:
            return day
    return today


def plan_dated(
    plan: ClientPlan, *, approved: bool, since: datetime.date | None, today: datetime.date
) -> None:
    """Date an approved plan to its approval day, a draft to a working day of the last
    week (saved after the assessment, not half a year ago), and the chronology's line of
    it to the same day."""
    opened = timezone.localtime(plan.case.opened_at).date()
    # Not on the day the case opened: an emergency placement's notification may have come
    # in that night, and the plan is made after it.
    since = max(opened + DAY, since or opened)
    assert plan.review_due is not None
    day = approval_day(plan.review_due, since=since, today=today)
    if approved:
        ClientPlan.objects.filter(pk=plan.pk).update(approved_on=day)
    elif day < today:
        day = max(day, today - DAY * 7, since)
        while not deadlines.is_working_day(day) and day < today:
            day += DAY
    # At ten, or now if a plan of today is saved before ten: nothing dated in the future.
    at = min(
        datetime.datetime.combine(day, datetime.time(10, 0), tzinfo=deadlines.HELSINKI),
        timezone.now(),
    )
    ClientPlan.objects.filter(pk=plan.pk).update(created_at=at, updated_at=at)
    kind = EventKind.PLAN_APPROVED if approved else EventKind.PLAN_SAVED
    event = ChronologyEvent.objects.filter(case_id=plan.case_id, kind=kind).latest("pk")
    ChronologyEvent.objects.filter(pk=event.pk).update(occurred_at=at)
