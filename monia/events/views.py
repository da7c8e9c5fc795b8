"""The events' pages for members of the network (DEVELOP) and the county's development
coordinator (DEVELOP_COORDINATOR); the portal's pages are portal_views.py. Every object is
reached through events/access.py: anything else answers 404."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from monia.access import policy
from monia.accounts.models import User
from monia.events import access, forms, selectors, services
from monia.events.certificate import certificate_document
from monia.events.models import Event, Registration, RegistrationStatus
from monia.ui.errors import apply_errors
from monia.ui.pdf import document_pdf

GET_POST = require_http_methods(["GET", "POST"])


def _member(request: HttpRequest) -> User:
    user = policy.user_of(request)
    if not access.may_open_events(user):
        raise policy.NotFound
    return user


@login_required
@require_GET
def events_list(request: HttpRequest) -> HttpResponse:
    user = _member(request)
    lists = selectors.events_for_user(user)
    return render(
        request,
        "events/list.html",
        {"lists": lists, "may_manage": access.may_manage(user)},
    )


def registration_context(user: User, event: Event) -> dict[str, Any]:
    """What an event's page says of the reader's own registration (staff and portal)."""
    mine = selectors.registration_of(user, event)
    active = mine is not None and mine.status != RegistrationStatus.CANCELLED
    return {
        "mine": mine if active else None,
        "position": selectors.waitlist_position(mine) if mine else None,
        "attended": selectors.attended_sessions(mine) if active and mine else [],
        "certificate": bool(active and mine and selectors.certificate_ready(mine)),
        "may_register": access.may_register(user, event) and not active,
        "taken": selectors.places_taken(event),
    }


@login_required
@require_GET
def event_detail(request: HttpRequest, event_id: int) -> HttpResponse:
    user = policy.user_of(request)
    event = access.event_get(user, event_id)
    return render(
        request,
        "events/detail.html",
        {
            "event": event,
            "sessions": selectors.sessions_of(event),
            "may_manage": access.may_manage(user),
            "now": timezone.now(),
            **registration_context(user, event),
        },
    )


def register_message(registration: Registration) -> str:
    if registration.status == RegistrationStatus.WAITLISTED:
        position = selectors.waitlist_position(registration)
        return _(
            "The event is full. You are on the waiting list, number %(position)s. "
            "We will tell you if a place becomes free."
        ) % {"position": position}
    return _("You are registered.")


@login_required
@require_POST
def event_register(request: HttpRequest, event_id: int) -> HttpResponse:
    user = policy.user_of(request)
    event = access.event_get(user, event_id)
    if not access.may_register(user, event):
        raise policy.NotFound
    try:
        registration = services.registration_create(user=user, event=event)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, register_message(registration))
    return redirect("event_detail", event_id=event.pk)


@login_required
@require_POST
def event_cancel(request: HttpRequest, event_id: int) -> HttpResponse:
    user = policy.user_of(request)
    event = access.event_get(user, event_id)
    mine = selectors.registration_of(user, event)
    if mine is None:
        raise policy.NotFound
    services.registration_cancel(registration=mine)
    messages.success(request, _("Your registration was cancelled."))
    return redirect("event_detail", event_id=event.pk)


def pdf_response(registration: Registration) -> HttpResponse:
    document = certificate_document(registration)
    with translation.override(document.language):
        content = document_pdf(document)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{registration.pk}.pdf"'
    return response


@login_required
@require_GET
@never_cache
def event_certificate_pdf(request: HttpRequest, event_id: int) -> HttpResponse:
    """The participant's own certificate, once the event's certificate rule is met."""
    user = policy.user_of(request)
    event = access.event_get(user, event_id)
    mine = selectors.registration_of(user, event)
    if mine is None or not selectors.certificate_ready(mine):
        raise policy.NotFound
    return pdf_response(mine)


# --- The development coordinator ---------------------------------------------------------


def _session_initial(event: Event | None) -> list[dict[str, Any]]:
    if event is None:
        return [{}, {}, {}]
    rows: list[dict[str, Any]] = [
        {
            "session_id": s.pk,
            "starts_at": timezone.localtime(s.starts_at),
            "ends_at": timezone.localtime(s.ends_at),
            "place": s.place,
        }
        for s in event.sessions.all()
    ]
    return rows + [{}, {}]


def _event_initial(event: Event | None) -> dict[str, Any]:
    if event is None:
        return {
            "languages": ["fi"],
            "waiting_list": True,
            "hours_per_session": 3,
        }
    return {name: getattr(event, name) for name in services.EVENT_FIELDS}


def _event_form_page(request: HttpRequest, user: User, event: Event | None) -> HttpResponse:
    posted = request.method == "POST"
    form = forms.EventForm(request.POST if posted else None, initial=_event_initial(event))
    sessions = forms.SessionFormSet(
        request.POST if posted else None, initial=_session_initial(event), prefix="s"
    )
    if posted and form.is_valid() and sessions.is_valid():
        try:
            saved = services.event_save(
                user=user,
                event=event,
                data=form.cleaned_data,
                sessions=forms.session_rows(sessions),
            )
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            messages.success(request, _("The event was saved."))
            return redirect("event_detail", event_id=saved.pk)
    return render(request, "events/form.html", {"form": form, "sessions": sessions, "event": event})


@login_required
@GET_POST
def event_new(request: HttpRequest) -> HttpResponse:
    user = policy.user_of(request)
    if not access.may_manage(user):
        raise policy.NotFound
    return _event_form_page(request, user, None)


@login_required
@GET_POST
def event_edit(request: HttpRequest, event_id: int) -> HttpResponse:
    user = policy.user_of(request)
    return _event_form_page(request, user, access.event_manage_get(user, event_id))


@login_required
@require_POST
def event_publish(request: HttpRequest, event_id: int) -> HttpResponse:
    user = policy.user_of(request)
    event = access.event_manage_get(user, event_id)
    try:
        services.event_publish(user=user, event=event)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The event was published and the audience invited."))
    return redirect("event_detail", event_id=event.pk)


@login_required
@require_GET
def event_registrations(request: HttpRequest, event_id: int) -> HttpResponse:
    user = policy.user_of(request)
    event = access.event_manage_get(user, event_id)
    sessions = selectors.sessions_of(event)
    with transaction.atomic():  # the clients shown are logged with the read
        registrations = selectors.registrations_for_event(event)
        access.registrations_shown_log(user, event, registrations)
    return render(
        request,
        "events/registrations.html",
        {
            "event": event,
            "registrations": registrations,
            "sessions": sessions,
            "needed": selectors.sessions_needed(event, len(sessions)),
        },
    )


@login_required
@GET_POST
def session_attendance(request: HttpRequest, event_id: int, session_id: int) -> HttpResponse:
    user = policy.user_of(request)
    event = access.event_manage_get(user, event_id)
    session = selectors.session_get(event, session_id)
    with transaction.atomic():  # the clients shown are logged with the read
        registrations, present = selectors.registered_for_session(session)
        access.registrations_shown_log(user, event, registrations)
    posted = request.method == "POST"
    form = forms.AttendanceForm(
        request.POST if posted else None, registrations=registrations, present=present
    )
    if posted and form.is_valid():
        try:
            services.attendance_record(user=user, session=session, present_ids=form.present_ids())
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            messages.success(request, _("Attendance was saved."))
            return redirect("event_registrations", event_id=event.pk)
    return render(
        request,
        "events/attendance.html",
        {"event": event, "session": session, "form": form},
    )


@login_required
@require_GET
@never_cache
def registration_certificate_pdf(
    request: HttpRequest, event_id: int, registration_id: int
) -> HttpResponse:
    user = policy.user_of(request)
    event = access.event_manage_get(user, event_id)
    registration = access.registration_manage_get(user, event, registration_id)
    if not selectors.certificate_ready(registration):
        raise policy.NotFound
    return pdf_response(registration)
