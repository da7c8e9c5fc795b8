"""Registration: the quota, the waiting list and its order, promotion on cancellation, the
last place under the event's row lock, nothing half-saved past the quota."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from monia.accounts.models import Role
from monia.conftest import make_user
from monia.events import selectors, services
from monia.events.models import Event, Registration, RegistrationStatus
from monia.events.tests.conftest import event_make, session_at
from monia.notify.models import Notification


def _staff(world: Any, n: int) -> list[Any]:
    return [
        make_user(f"staff{i}", Role.SOCIAL_WORKER, world.county_a, world.team_a1) for i in range(n)
    ]


def test_past_the_quota_people_wait_in_order_and_a_cancellation_promotes_the_first(
    world: Any, developer_a: Any
) -> None:
    event = event_make(developer_a, quota=2)
    a, b, c, d = _staff(world, 4)
    ra = services.registration_create(user=a, event=event)
    services.registration_create(user=b, event=event)
    rc = services.registration_create(user=c, event=event)
    rd = services.registration_create(user=d, event=event)
    assert ra.status == RegistrationStatus.REGISTERED
    assert (rc.status, rd.status) == (RegistrationStatus.WAITLISTED,) * 2
    assert [selectors.waitlist_position(r) for r in (rc, rd)] == [1, 2]

    promoted = services.registration_cancel(registration=ra)

    assert promoted is not None and promoted.pk == rc.pk
    rd.refresh_from_db()
    assert rd.status == RegistrationStatus.WAITLISTED and selectors.waitlist_position(rd) == 1
    assert Notification.objects.filter(user=c, message__startswith="A place").exists()
    assert selectors.places_taken(event) == 2


def test_an_event_without_a_waiting_list_refuses_past_the_quota_and_saves_nothing(
    world: Any, developer_a: Any
) -> None:
    event = event_make(developer_a, quota=1, waiting_list=False)
    a, b = _staff(world, 2)
    services.registration_create(user=a, event=event)
    with pytest.raises(ValidationError, match="täynnä"):
        services.registration_create(user=b, event=event)
    assert not Registration.objects.filter(user=b).exists()


def test_registering_twice_keeps_one_registration(world: Any, developer_a: Any) -> None:
    event = event_make(developer_a)
    (a,) = _staff(world, 1)
    first = services.registration_create(user=a, event=event)
    again = services.registration_create(user=a, event=event)
    assert first.pk == again.pk and Registration.objects.filter(user=a).count() == 1


def test_registration_is_closed_after_the_last_session_started(
    world: Any, developer_a: Any
) -> None:
    event = event_make(developer_a, sessions=[session_at(-3)])
    (a,) = _staff(world, 1)
    with pytest.raises(ValidationError, match="päättynyt"):
        services.registration_create(user=a, event=event)


@pytest.mark.django_db(transaction=True)
def test_two_registrations_for_the_last_place_do_not_both_get_it(
    world: Any, developer_a: Any
) -> None:
    """Two connections at once: the second waits for the first's row lock on the event,
    then counts the place as taken and goes to the waiting list."""
    event = event_make(developer_a, quota=1)
    a, b = _staff(world, 2)
    barrier = threading.Barrier(2)
    results: list[str] = []

    def register(user: Any) -> None:
        try:
            barrier.wait()
            results.append(services.registration_create(user=user, event=event).status)
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(u,)) for u in (a, b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED]
    assert selectors.places_taken(event) == 1


def test_an_edit_adding_a_session_sent_twice_adds_it_once(developer_a: Any) -> None:
    """The edit form sent again after "Back" (or by a double click) with a new session row:
    the session is added once, not twice."""
    event = event_make(developer_a, sessions=[session_at(7)], publish=False)
    data = {f: getattr(event, f) for f in services.EVENT_FIELDS}
    first = event.sessions.get()
    rows = [
        {"session_id": first.pk, **session_at(7)},
        session_at(14),  # the new one
    ]
    services.event_save(user=developer_a, event=event, data=data, sessions=rows)
    services.event_save(user=developer_a, event=event, data=data, sessions=rows)
    assert event.sessions.count() == 2


def test_publishing_twice_invites_once(developer_a: Any, partner: Any) -> None:
    event = event_make(developer_a, publish=False)
    services.event_publish(user=developer_a, event=event)
    stale = Event.objects.get(pk=event.pk)
    stale.published_at = None  # a second click's copy read before the first committed
    services.event_publish(user=developer_a, event=stale)
    assert Notification.objects.filter(user=partner, kind="invitation").count() == 1
