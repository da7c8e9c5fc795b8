"""Writes of the events: save and publish an event, register and cancel (quota and waiting
list under the event's row lock), record attendance, send the day-before reminders.

Each write validates first and raises ``ValidationError`` before anything is written; each
runs in one transaction; notifications and e-mails go out on commit (notify.services).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from monia.accounts.models import Role, User
from monia.casework.case_services import sent_before
from monia.events.models import (
    Attendance,
    Audience,
    Event,
    EventSession,
    Registration,
    RegistrationStatus,
    Reminder,
)
from monia.notify.models import NotificationKind
from monia.notify.services import notify

EVENT_FIELDS = (
    "kind",
    "title",
    "description",
    "audiences",
    "languages",
    "quota",
    "waiting_list",
    "place",
    "remote_link",
    "materials",
    "recordings",
    "certificate_sessions",
    "hours_per_session",
)
ACTIVE = (RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED)

# Who an event's audience invites when it is published (clients see it in the portal).
INVITED_ROLES: dict[str, set[str]] = {
    Audience.PARTNERS: {Role.PARTNER},
    Audience.EXPERTS: {Role.EXPERT_BY_EXPERIENCE},
}
NOT_STAFF = {Role.PARTNER, Role.EXPERT_BY_EXPERIENCE, Role.CLIENT, Role.ADMINISTRATOR}


def _validate_sessions(event: Event | None, sessions: list[dict[str, Any]]) -> int:
    """The number of sessions the event keeps; ValidationError for a half-filled row."""
    errors: dict[str, list[str]] = {}
    kept = 0
    for row in sessions:
        if row.get("remove"):
            if row.get("session_id") and event is not None:
                if Attendance.objects.filter(session_id=row["session_id"], present=True).exists():
                    errors.setdefault("sessions", []).append(
                        _("A session with recorded attendance cannot be removed.")
                    )
            continue
        kept += 1
        start, end = row.get("starts_at"), row.get("ends_at")
        if start is None or end is None:
            errors.setdefault("sessions", []).append(
                _("Give each session both its start and its end.")
            )
        elif end <= start:
            errors.setdefault("sessions", []).append(_("A session must end after it starts."))
    if kept == 0:
        errors.setdefault("sessions", []).append(_("Give the event at least one session."))
    if errors:
        raise ValidationError(errors)
    return kept


@transaction.atomic
def event_save(
    *, user: User, event: Event | None, data: dict[str, Any], sessions: list[dict[str, Any]]
) -> Event:
    """Create an event (a draft, unpublished) or change one, with its session rows: a row
    with ``session_id`` changes or (``remove``) removes that session, a row without adds one."""
    key = data.get("submission_key")
    if event is None:
        done = sent_before(Event.objects.all(), key, owner="created_by_id", user=user)
        if done is not None:
            return done  # submitted twice
    else:  # one edit at a time: a repeat finds the sessions the first one added
        list(Event.objects.select_for_update().filter(pk=event.pk).values_list("pk"))
    kept = _validate_sessions(event, sessions)
    needed = data.get("certificate_sessions")
    if needed and needed > kept:
        raise ValidationError(
            {"certificate_sessions": _("The event has fewer sessions than this.")}
        )
    if event is None:
        event = Event(county_id=user.county_id or 0, created_by=user, submission_key=key)
    for name in EVENT_FIELDS:
        setattr(event, name, data.get(name))
    event.description = event.description or ""
    event.waiting_list = bool(event.waiting_list)
    event.full_clean(exclude=["county", "created_by"])
    event.save()
    own = {s.pk: s for s in event.sessions.all()} if event.pk else {}
    for row in sessions:
        fields = {k: row.get(k) for k in ("starts_at", "ends_at")}
        session = own.get(row.get("session_id") or 0)
        if session is not None and row.get("remove"):
            session.delete()
        elif session is not None:
            session.starts_at, session.ends_at = row["starts_at"], row["ends_at"]
            session.place = row.get("place") or ""
            session.save()
        elif not row.get("remove"):
            place = row.get("place") or ""
            # The same session twice is never meant: the edit sent again (a double click,
            # "Back" and send) adds none.
            if not event.sessions.filter(place=place, **fields).exists():
                EventSession.objects.create(event=event, place=place, **fields)
    return event


def _invited(event: Event) -> list[User]:
    roles: set[str] = set()
    for audience in event.audiences:
        roles |= INVITED_ROLES.get(audience, set())
    users = User.objects.filter(county_id=event.county_id, is_active=True)
    invited = list(users.filter(role__in=roles)) if roles else []
    if Audience.STAFF in event.audiences:
        invited += list(users.exclude(role__in=NOT_STAFF))
    return invited


def event_publish(*, user: User, event: Event) -> Event:
    """Publish: members of the audience see it; staff, partners and experts invited are
    notified (an e-mail without content, in each one's language)."""
    with transaction.atomic():
        # Locked: "Publish" clicked twice at once invites the audience once.
        locked = Event.objects.select_for_update().get(pk=event.pk)
        event.published_at = locked.published_at
        if event.is_published:
            return event
        if not event.sessions.exists():
            raise ValidationError(_("Give the event at least one session."))
        event.published_at = timezone.now()
        event.save(update_fields=["published_at"])
        notify(
            users=[u for u in _invited(event) if u.pk != user.pk],
            kind=NotificationKind.INVITATION,
            message=gettext_noop("You are invited to an event of the development network"),
            link=reverse("event_detail", args=[event.pk]),
        )
    return event


def _link_for(user: User, event: Event) -> str:
    if user.role == Role.CLIENT:
        return reverse("portal_event", args=[event.pk])
    return reverse("event_detail", args=[event.pk])


def _registered_count(event: Event) -> int:
    return Registration.objects.filter(event=event, status=RegistrationStatus.REGISTERED).count()


def registration_create(*, user: User, event: Event) -> Registration:
    """Register ``user``. Past the quota: the waiting list (or, without one, a refusal).
    The event's row is locked, so two people cannot both take the last place. Registering
    twice changes nothing."""
    if not event.is_published:
        raise ValidationError(_("The event is not published."))
    last = event.sessions.order_by("-starts_at").first()
    if last is None or last.starts_at <= timezone.now():
        raise ValidationError(_("Registration for this event has closed."))
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        existing = Registration.objects.filter(event=locked, user=user).first()
        if existing is not None and existing.status in ACTIVE:
            return existing
        full = locked.quota is not None and _registered_count(locked) >= locked.quota
        if full and not locked.waiting_list:
            raise ValidationError(_("The event is full. There is no waiting list."))
        status = RegistrationStatus.WAITLISTED if full else RegistrationStatus.REGISTERED
        registration = existing or Registration(event=locked, user=user)
        registration.status, registration.queued_at = status, timezone.now()
        registration.save()
    return registration


def registration_cancel(*, registration: Registration) -> Registration | None:
    """Cancel; a place freed goes to the first on the waiting list, who is notified.
    Returns the registration promoted, if any."""
    if registration.status == RegistrationStatus.CANCELLED:
        return None
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=registration.event_id)
        registration.refresh_from_db()
        freed = registration.status == RegistrationStatus.REGISTERED
        registration.status = RegistrationStatus.CANCELLED
        registration.save(update_fields=["status"])
        if not freed:
            return None
        return _promote(event)


def _promote(event: Event) -> Registration | None:
    if event.quota is not None and _registered_count(event) >= event.quota:
        return None
    first = (
        Registration.objects.filter(event=event, status=RegistrationStatus.WAITLISTED)
        .select_related("user")
        .order_by("queued_at", "pk")
        .first()
    )
    if first is None:
        return None
    first.status = RegistrationStatus.REGISTERED
    first.save(update_fields=["status"])
    notify(
        users=[first.user],
        kind=NotificationKind.INVITATION,
        message=gettext_noop("A place in an event became free for you"),
        link=_link_for(first.user, event),
    )
    return first


def attendance_record(*, user: User, session: EventSession, present_ids: set[int]) -> int:
    """Who was present at one session: every registered participant's mark, in one write.
    Returns how many were present."""
    registrations = list(
        Registration.objects.filter(event_id=session.event_id, status=RegistrationStatus.REGISTERED)
    )
    unknown = present_ids - {r.pk for r in registrations}
    if unknown:
        raise ValidationError(_("Mark only registered participants as present."))
    # One statement: a mark recorded before is replaced (the unique registration, session).
    Attendance.objects.bulk_create(
        [
            Attendance(
                registration=r, session=session, present=r.pk in present_ids, recorded_by=user
            )
            for r in registrations
        ],
        update_conflicts=True,
        unique_fields=["registration", "session"],
        update_fields=["present", "recorded_by", "recorded_at"],
    )
    return len(present_ids)


def reminders_send(*, now: datetime.datetime | None = None) -> int:
    """Remind each registered participant of a session that starts tomorrow (local date):
    once per registration and session, however often this runs. The reminders are claimed
    in one statement (the unique registration, session skips those sent already) and told
    with one notice per event and kind of link, whatever the number of participants."""
    now = now or timezone.now()
    tomorrow = timezone.localtime(now).date() + datetime.timedelta(days=1)
    sessions = list(
        EventSession.objects.filter(
            starts_at__date=tomorrow, event__published_at__isnull=False
        ).select_related("event")
    )
    registrations = Registration.objects.filter(
        event_id__in={s.event_id for s in sessions}, status=RegistrationStatus.REGISTERED
    ).select_related("user")
    by_event: dict[int, list[Registration]] = defaultdict(list)
    for registration in registrations:
        by_event[registration.event_id].append(registration)
    pairs = [(r, s) for s in sessions for r in by_event[s.event_id]]
    if not pairs:
        return 0
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(
                _CLAIM_REMINDERS,
                [timezone.now(), [r.pk for r, _s in pairs], [s.pk for _r, s in pairs]],
            )
            claimed = set(cursor.fetchall())
        told: dict[str, list[User]] = defaultdict(list)
        for registration, session in pairs:
            if (registration.pk, session.pk) in claimed:
                told[_link_for(registration.user, session.event)].append(registration.user)
        for link, users in told.items():
            notify(
                users=users,
                kind=NotificationKind.INVITATION,
                message=gettext_noop("Reminder: your event is tomorrow"),
                link=link,
            )
    return len(claimed)


# Every reminder of a run in one statement; one sent already stays as it was.
_CLAIM_REMINDERS = f"""
INSERT INTO {Reminder._meta.db_table} (registration_id, session_id, sent_at)
SELECT r, s, %s FROM unnest(%s::bigint[], %s::bigint[]) AS u (r, s)
ON CONFLICT DO NOTHING
RETURNING registration_id, session_id
"""  # noqa: S608 - the table's name from the model
