"""Who may reach the development network's events: the rules beside the data (issue 16).
Client data is never opened here; the network's membership is access/develop_rule.py.

- the county's development coordinator: every event of the county, published or not; edits,
  publishes, sees the registrations, records attendance (url rule DEVELOP_COORDINATOR);
- a member of the network: the county's published events whose audience includes them —
  staff "staff", a partner "partners", an expert by experience "experts_by_experience"
  (DEVELOP);
- a portal client: published events for "clients" of a county where they have a matter the
  portal shows them (PORTAL). Only the counties are taken from ``portal_cases``.
Anyone else, and anything else: 404, like a missing event.
A portal client who signs up is told that the organiser sees their name; when the
coordinator's lists show a client, the read is logged (``registrations_shown_log``).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet

from monia.access import develop_rule
from monia.access.log_writes import Read, reads_log
from monia.access.models import Basis
from monia.access.policy import NotFound
from monia.access.purposes import Purpose
from monia.accounts.models import Role, User
from monia.events.models import Audience, Event, Registration
from monia.people.models import Person
from monia.portal import access as portal_access


def audience_of(user: User) -> str | None:
    """The audience a user belongs to (None: no event is for them)."""
    if portal_access.is_client(user):
        return Audience.CLIENTS
    if not develop_rule.is_network_member(user) or not user.county_id:
        return None
    if user.role == Role.PARTNER:
        return Audience.PARTNERS
    if develop_rule.is_expert_by_experience(user):
        return Audience.EXPERTS
    return Audience.STAFF


def may_open_events(user: User) -> bool:
    """The network's events pages: a member with an audience, or the coordinator."""
    return may_manage(user) or audience_of(user) not in (None, Audience.CLIENTS)


def may_manage(user: User) -> bool:
    return develop_rule.is_development_coordinator(user)


def _county_id(user: User) -> int:
    return user.county_id or 0  # 0: no county, no event


def client_county_ids(user: User) -> set[int]:
    """The counties of the matters the portal shows a client (no case content is read)."""
    return {pc.case.county_id for pc in portal_access.portal_cases_of_request(user)}


def events_visible(user: User) -> QuerySet[Event]:
    """The events a user may open: the coordinator's whole county, else published events
    for the user's audience in the user's county (a client: the counties of their matters)."""
    if may_manage(user):
        return Event.objects.filter(county_id=_county_id(user))
    audience = audience_of(user)
    if audience is None:
        return Event.objects.none()
    counties = client_county_ids(user) if audience == Audience.CLIENTS else {_county_id(user)}
    return Event.objects.filter(
        county_id__in=counties, published_at__isnull=False, audiences__contains=[audience]
    )


def event_get(user: User, event_id: int) -> Event:
    """An event on the network's pages (clients use the portal's pages): 404 otherwise."""
    if portal_access.is_client(user):
        raise NotFound
    return _get(events_visible(user), event_id)


def portal_event_get(user: User, event_id: int) -> Event:
    """An event for clients, on the portal's pages: only a portal client's."""
    if not portal_access.is_client(user):
        raise NotFound
    return _get(events_visible(user), event_id)


def event_manage_get(user: User, event_id: int) -> Event:
    """An event the user coordinates (the county's development coordinator): 404 otherwise."""
    if not may_manage(user):
        raise NotFound
    return _get(Event.objects.filter(county_id=_county_id(user)), event_id)


def may_register(user: User, event: Event) -> bool:
    """Registration is for the event's audience only (the coordinator runs it, but may take
    part when the audience includes staff) and for published events."""
    audience = audience_of(user)
    return event.is_published and audience is not None and audience in event.audiences


def registration_manage_get(user: User, event: Event, registration_id: int) -> Registration:
    if not may_manage(user) or event.county_id != user.county_id:
        raise NotFound
    try:
        return Registration.objects.select_related("user", "user__organisation").get(
            pk=registration_id, event=event
        )
    except Registration.DoesNotExist:
        raise NotFound from None


def _get(events: QuerySet[Event], event_id: int) -> Event:
    try:
        return events.select_related("county").get(pk=event_id)
    except Event.DoesNotExist:
        raise NotFound from None


def registrations_shown_log(
    user: User, event: Event, registrations: Iterable[Registration]
) -> None:
    """Log the portal clients a coordinator's list shows (their rows in the event's county's
    register), basis EVENT_ORGANISER; staff, partners and experts are not clients. Call it
    in the transaction of the read."""
    codes = [
        r.user.client_account.identity_code_canonical
        for r in registrations
        if r.user.role == Role.CLIENT and hasattr(r.user, "client_account")
    ]
    if not codes:
        return
    persons = Person.objects.filter(
        county_id=event.county_id, identity_code_canonical__in=codes
    ).values_list("pk", flat=True)
    reads_log(
        user_id=user.pk,
        county_id=event.county_id,
        purpose=Purpose.EVENT_REGISTRATIONS,
        reads=[Read(pk, None, Basis.EVENT_ORGANISER) for pk in sorted(persons)],
    )
