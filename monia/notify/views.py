"""The user's own notifications. Another user's notification answers 404, like a missing one."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from monia.access import policy
from monia.notify import selectors, services


@login_required
@require_GET
def notifications(request: HttpRequest) -> HttpResponse:
    user = policy.user_of(request)
    items = selectors.notifications_for_user(user=user)
    return render(request, "notify/notifications.html", {"items": items})


@login_required
@require_POST
def notification_open(request: HttpRequest, notification_id: int) -> HttpResponse:
    user = policy.user_of(request)
    item = selectors.notification_get_for_user(user=user, notification_id=notification_id)
    if item is None:
        raise policy.NotFound
    services.notification_mark_read(notification=item)
    # The link is relative by a database constraint; checked again before redirecting.
    if not url_has_allowed_host_and_scheme(item.link, allowed_hosts=None):
        return redirect("notifications")
    return redirect(item.link)


@login_required
@require_POST
def notifications_read_all(request: HttpRequest) -> HttpResponse:
    services.notifications_mark_all_read(user=policy.user_of(request))
    return redirect("notifications")
