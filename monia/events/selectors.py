"""Reads of the events: the list with the reader's own registration, an event's page, the
coordinator's registrations and attendance, the certificate rule."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from monia.accounts.models import User
from monia.events import access
from monia.events.models import (
    Attendance,
    Event,
    EventSession,
    Registration,
    RegistrationStatus,
)

# A past event stays on the list this long (its recordings and the certificate).
PAST_SHOWN = datetime.timedelta(days=365)


def _annotated(events: QuerySet[Event], user: User, since: datetime.datetime) -> list[Any]:
    sessions = EventSession.objects.filter(event=OuterRef("pk")).order_by()
    mine = Registration.objects.filter(event=OuterRef("pk"), user=user)
    taken = (
        Registration.objects.filter(event=OuterRef("pk"), status=RegistrationStatus.REGISTERED)
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    annotated = events.annotate(
        first_start=Subquery(sessions.order_by("starts_at").values("starts_at")[:1]),
        last_end=Subquery(sessions.order_by("-ends_at").values("ends_at")[:1]),
        session_count=Subquery(sessions.values("event").annotate(n=Count("pk")).values("n")),
        my_status=Subquery(mine.values("status")[:1]),
        taken=Coalesce(Subquery(taken), 0),
    )
    return list(
        annotated.filter(Q(last_end__isnull=True) | Q(last_end__gte=since)).order_by(
            "first_start", "pk"
        )
    )


@dataclass(frozen=True)
class EventLists:
    upcoming: list[Event]
    past: list[Event]
    drafts: list[Event]


def events_for_user(user: User, *, now: datetime.datetime | None = None) -> EventLists:
    """The events the user may open, each with ``my_status``, ``taken`` places, the first
    start and last end: upcoming ones, past ones of the last year, the coordinator's drafts.
    One query (a portal client: three more for the counties of their matters)."""
    now = now or timezone.now()
    rows = _annotated(access.events_visible(user), user, now - PAST_SHOWN)
    drafts = [e for e in rows if not e.is_published]
    published = [e for e in rows if e.is_published]
    return EventLists(
        upcoming=[e for e in published if e.last_end and e.last_end >= now],
        past=[e for e in reversed(published) if not e.last_end or e.last_end < now],
        drafts=drafts,
    )


def registration_of(user: User, event: Event) -> Registration | None:
    return Registration.objects.filter(event=event, user=user).first()


def waitlist_position(registration: Registration) -> int | None:
    """1 for the first on the waiting list; None when not waiting."""
    if registration.status != RegistrationStatus.WAITLISTED:
        return None
    ahead = Registration.objects.filter(
        event_id=registration.event_id, status=RegistrationStatus.WAITLISTED
    ).filter(
        Q(queued_at__lt=registration.queued_at)
        | Q(queued_at=registration.queued_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1


def places_taken(event: Event) -> int:
    return Registration.objects.filter(event=event, status=RegistrationStatus.REGISTERED).count()


def sessions_of(event: Event) -> list[EventSession]:
    return list(event.sessions.all())


def attended_sessions(registration: Registration) -> list[EventSession]:
    ids = Attendance.objects.filter(registration=registration, present=True).values("session_id")
    return list(EventSession.objects.filter(pk__in=ids).order_by("starts_at"))


def sessions_needed(event: Event, session_total: int) -> int:
    return event.certificate_sessions or session_total


def certificate_ready(registration: Registration) -> bool:
    """The certificate rule: present at least at the sessions the event asks (all: every
    session). Only a registered participant with something attended gets one."""
    if registration.status != RegistrationStatus.REGISTERED:
        return False
    attended = len(attended_sessions(registration))
    total = registration.event.sessions.count()
    return attended > 0 and attended >= sessions_needed(registration.event, total)


def certificate_hours(event: Event, attended: int) -> Decimal:
    return event.hours_per_session * attended


def registrations_for_event(event: Event) -> list[Registration]:
    """The coordinator's list: everyone who registered, with the organisation of a partner
    and how many sessions each attended (one query)."""
    return list(
        Registration.objects.filter(event=event)
        .select_related("user", "user__organisation", "user__client_account")
        .annotate(attended=Count("attendances", filter=Q(attendances__present=True)))
        .order_by("status", "queued_at", "pk")
    )


def registered_for_session(session: EventSession) -> tuple[list[Registration], set[int]]:
    """The registered participants and the ids of those marked present at the session."""
    registrations = list(
        Registration.objects.filter(
            event_id=session.event_id, status=RegistrationStatus.REGISTERED
        ).select_related("user", "user__organisation", "user__client_account")
    )
    present = set(
        Attendance.objects.filter(session=session, present=True).values_list(
            "registration_id", flat=True
        )
    )
    return registrations, present


def events_ended_between(since: datetime.datetime, until: datetime.datetime) -> list[Any]:
    """Published events whose last session ended in [since, until], each with ``last_end``:
    e.g. the feedback questionnaires asked after an event (monia/feedback/triggers.py)."""
    last_end = Subquery(
        EventSession.objects.filter(event=OuterRef("pk")).order_by("-ends_at").values("ends_at")[:1]
    )
    return list(
        Event.objects.filter(published_at__isnull=False)
        .annotate(last_end=last_end)
        .filter(last_end__gte=since, last_end__lte=until)
        .order_by("pk")
    )


def attended_registrations(events: Iterable[Event]) -> QuerySet[Registration]:
    """The events' registrations present at one session or more: e.g. for feedback after
    the events (one query for them all)."""
    return Registration.objects.filter(
        event__in=[e.pk for e in events],
        status=RegistrationStatus.REGISTERED,
        attendances__present=True,
    ).distinct()


def session_get(event: Event, session_id: int) -> EventSession:
    try:
        return event.sessions.get(pk=session_id)
    except EventSession.DoesNotExist:
        raise access.NotFound from None
