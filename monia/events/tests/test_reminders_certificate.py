"""Invitations on publishing, reminders the day before (once), attendance, and the
certificate only when the event's rule is met."""

from __future__ import annotations

import datetime
from typing import Any

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from monia.conftest import login
from monia.events import selectors, services
from monia.events.models import Reminder
from monia.events.tests.conftest import event_make, session_at
from monia.notify.models import Notification


def test_publishing_invites_the_audience_by_an_email_in_their_language(
    developer_a: Any,
    partner: Any,
    worker_a: Any,
    expert_by_experience: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    partner.email, partner.language = "terhi@example.invalid", "sv"
    partner.save()
    with django_capture_on_commit_callbacks(execute=True):
        event = event_make(developer_a, audiences=["partners"])
    invited = set(Notification.objects.values_list("user__username", flat=True))
    assert invited == {"partner"}
    (message,) = mail.outbox
    assert message.to == ["terhi@example.invalid"]
    assert "evenemang" in message.subject.lower() or "Monia" in message.subject
    assert reverse("event_detail", args=[event.pk]) in message.body
    assert event.title not in message.body  # content-free: only a link


def test_reminders_are_sent_the_day_before_and_only_once(developer_a: Any, partner: Any) -> None:
    event = event_make(developer_a, sessions=[session_at(1), session_at(8)])
    services.registration_create(user=partner, event=event)
    assert services.reminders_send() == 1
    assert services.reminders_send() == 0
    assert Reminder.objects.count() == 1
    later = timezone.now() + datetime.timedelta(days=7)
    assert services.reminders_send(now=later) == 1


def test_reminders_and_attendance_cost_the_same_queries_for_many_participants(
    developer_a: Any, world: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from monia.accounts.models import Role
    from monia.conftest import make_user
    from monia.events.models import Attendance

    def run(first: int, count: int) -> tuple[int, int, int]:
        event = event_make(developer_a, sessions=[session_at(1)])
        people = [
            make_user(f"osallistuja{first + i}", Role.SOCIAL_WORKER, world.county_a, None)
            for i in range(count)
        ]
        registered = [services.registration_create(user=p, event=event) for p in people]
        Notification.objects.all().delete()
        with CaptureQueriesContext(connection) as reminding:
            assert services.reminders_send() == count
        session = event.sessions.get()
        with CaptureQueriesContext(connection) as marking:
            services.attendance_record(
                user=developer_a, session=session, present_ids={registered[0].pk}
            )
        assert Notification.objects.filter(user__in=people).count() == count
        assert Attendance.objects.filter(session=session, present=True).count() == 1
        return len(reminding), len(marking), Attendance.objects.filter(session=session).count()

    few = run(0, 1)
    many = run(10, 6)  # the first event's session is tomorrow too: reminded already
    assert few[:2] == many[:2]
    assert (few[2], many[2]) == (1, 6)


def _attend(event: Any, by: Any, registration: Any, sessions: int) -> None:
    for session in list(event.sessions.all())[:sessions]:
        services.attendance_record(user=by, session=session, present_ids={registration.pk})


def test_the_certificate_needs_the_sessions_the_rule_asks(developer_a: Any, partner: Any) -> None:
    event = event_make(developer_a, certificate_sessions=2)
    registration = services.registration_create(user=partner, event=event)
    client = login("partner")
    url = reverse("event_certificate_pdf", args=[event.pk])
    _attend(event, developer_a, registration, 1)
    assert not selectors.certificate_ready(registration)
    assert client.get(url).status_code == 404
    _attend(event, developer_a, registration, 2)
    assert selectors.certificate_ready(registration)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    coordinator = login("developer_a")
    own = reverse("registration_certificate_pdf", args=[event.pk, registration.pk])
    assert coordinator.get(own).status_code == 200


def test_without_a_rule_every_session_is_needed(developer_a: Any, partner: Any) -> None:
    event = event_make(developer_a)
    registration = services.registration_create(user=partner, event=event)
    _attend(event, developer_a, registration, 2)
    assert not selectors.certificate_ready(registration)
    _attend(event, developer_a, registration, 3)
    assert selectors.certificate_ready(registration)


def test_the_certificate_names_the_person_sessions_and_hours(
    developer_a: Any, partner: Any
) -> None:
    from monia.events.certificate import certificate_document

    event = event_make(developer_a, certificate_sessions=2)
    registration = services.registration_create(user=partner, event=event)
    _attend(event, developer_a, registration, 2)
    document = certificate_document(registration)
    assert document.subject == "Partner Testinen" and document.language == "fi"
    rows = dict(document.sections[0].rows)
    assert rows["Tunnit"] == "6,0" and rows["Organisaatio"] == "Keskuskoulu"
    assert len(document.sections[1].paragraphs) == 2
    # The event's own title in quotes: one ending in "?" is not followed by a bare ".".
    sentence = document.sections[0].paragraphs[0]
    assert sentence == f"Partner Testinen osallistui tapahtumaan ”{event.title}”."


def test_attendance_marks_only_registered_participants(developer_a: Any, partner: Any) -> None:
    import pytest
    from django.core.exceptions import ValidationError

    event = event_make(developer_a)
    session = event.sessions.first()
    with pytest.raises(ValidationError):
        services.attendance_record(user=developer_a, session=session, present_ids={999999})


def test_the_reminders_run_daily_from_the_schedule(developer_a: Any, partner: Any) -> None:
    from monia.events.tasks import event_reminders_send
    from monia.jobs import registry

    job = registry.job_get("event_reminders")
    assert job is not None and job.task is event_reminders_send
    event = event_make(developer_a, sessions=[session_at(1)])
    services.registration_create(user=partner, event=event)
    assert event_reminders_send.func()["params"] == {"count": 1}
    assert event_reminders_send.func()["params"] == {"count": 0}
