"""The portal's event pages (url rule PORTAL): the events for clients of the counties of the
client's matters, and registering for one. Plain words: the reader may be 13."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from monia.access import policy
from monia.events import access, selectors, services
from monia.events.models import RegistrationStatus
from monia.events.views import registration_context
from monia.portal.access import is_client


@login_required(login_url="portal_login")
@require_GET
def portal_events(request: HttpRequest) -> HttpResponse:
    user = policy.user_of(request)
    if not is_client(user):
        raise policy.NotFound
    return render(request, "events/portal_events.html", {"lists": selectors.events_for_user(user)})


@login_required(login_url="portal_login")
@require_GET
def portal_event(request: HttpRequest, event_id: int) -> HttpResponse:
    user = policy.user_of(request)
    event = access.portal_event_get(user, event_id)
    return render(
        request,
        "events/portal_event.html",
        {
            "event": event,
            "sessions": selectors.sessions_of(event),
            **registration_context(user, event),
        },
    )


@login_required(login_url="portal_login")
@require_POST
def portal_event_register(request: HttpRequest, event_id: int) -> HttpResponse:
    user = policy.user_of(request)
    event = access.portal_event_get(user, event_id)
    try:
        registration = services.registration_create(user=user, event=event)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if registration.status == RegistrationStatus.WAITLISTED:
            messages.success(
                request,
                _("The event is full. You are in the queue. We will tell you if a place opens."),
            )
        else:
            messages.success(request, _("You are signed up. Welcome!"))
    return redirect("portal_event", event_id=event.pk)


@login_required(login_url="portal_login")
@require_POST
def portal_event_cancel(request: HttpRequest, event_id: int) -> HttpResponse:
    user = policy.user_of(request)
    event = access.portal_event_get(user, event_id)
    mine = selectors.registration_of(user, event)
    if mine is None:
        raise policy.NotFound
    services.registration_cancel(registration=mine)
    messages.success(request, _("You are no longer signed up."))
    return redirect("portal_event", event_id=event.pk)
