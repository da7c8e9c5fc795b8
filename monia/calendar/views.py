"""The worker's week, and the calendar feed for Outlook."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.http import require_GET, require_POST

from monia.access import policy
from monia.calendar import access, selectors, services, weeks
from monia.calendar.feed import feed_ics

# The feed reaches this far back and ahead (Outlook keeps what it has read).
FEED_PAST = datetime.timedelta(weeks=8)
FEED_AHEAD = datetime.timedelta(weeks=26)


def _week_page(request: HttpRequest, *, new_token: str = "") -> HttpResponse:
    user = policy.user_of(request)
    if "calendar" not in policy.menu_for(user):
        raise policy.NotFound
    today = timezone.localdate()
    monday = weeks.week_of(request.GET.get("week"), today=today)
    sunday = monday + datetime.timedelta(days=6)
    items = selectors.calendar_items(user, start=monday, end=sunday, today=today)
    selectors.log_children_shown(user, items)
    days = [
        (day, [i for i in items if i.day == day])
        for day in (monday + datetime.timedelta(days=n) for n in range(7))
    ]
    context: dict[str, Any] = {
        "monday": monday,
        "sunday": sunday,
        "week_number": monday.isocalendar()[1],
        "days": days,
        "today": today,
        "this_week": weeks.week_name(weeks.monday_of(today)),
        "previous_week": weeks.week_name(monday - datetime.timedelta(weeks=1)),
        "next_week": weeks.week_name(monday + datetime.timedelta(weeks=1)),
        "is_this_week": monday == weeks.monday_of(today),
        "feed": access.feed_of(user),
        "new_feed_url": request.build_absolute_uri(reverse("calendar_feed", args=[new_token]))
        if new_token
        else "",
    }
    return render(request, "calendar/week.html", context)


@login_required
@require_GET
def calendar(request: HttpRequest) -> HttpResponse:
    """My week: meetings with the children the plans ask for (missed ones flagged),
    network meetings, team meetings and statutory deadlines; each child named is logged."""
    return _week_page(request)


@login_required
@require_POST
def feed_manage(request: HttpRequest) -> HttpResponse:
    """Make a new secret feed address (shown once, on the page this answers) or turn the
    feed off."""
    user = policy.user_of(request)
    if "calendar" not in policy.menu_for(user):
        raise policy.NotFound
    if request.POST.get("action") == "revoke":
        services.feed_revoke(user=user)
        return redirect("calendar")
    token = services.feed_token_create(user=user)
    return _week_page(request, new_token=token)


@require_GET
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The user's calendar as iCalendar: times, kinds and links only. It holds no client
    data, so no access-log row is written (docs/security.md, "The calendar feed")."""
    found = access.feed_get(token)
    user = found.user
    today = timezone.localdate()
    items = selectors.calendar_items(
        user, start=today - FEED_PAST, end=today + FEED_AHEAD, today=today
    )
    services.feed_read_mark(found)
    with translation.override(user.language or settings.LANGUAGE_CODE):
        body = feed_ics(items, base_url=settings.MONIA_BASE_URL, now=timezone.now())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
