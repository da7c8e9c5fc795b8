"""The one reminder: a week after an invitation was made, while it is still open, staff,
partners and experts asked get one notice and a content-free e-mail; never twice, never
for an answered invitation, in the same queries however many are due."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from monia.accounts.models import Role, User
from monia.conftest import PortalWorld, World, make_user
from monia.feedback import services
from monia.feedback.models import Invitation, Questionnaire
from monia.feedback.tasks import feedback_remind
from monia.feedback.tests.factories import questionnaire
from monia.notify.models import Notification

pytestmark = pytest.mark.django_db

REMINDER = "Reminder: a feedback question is waiting for your answer"


def _asked(q: Questionnaire, users: list[User], *, days_ago: int) -> None:
    services.invitations_for(q, users, context_kind="manual")
    Invitation.objects.filter(respondent_user__in=users).update(
        created_at=timezone.now() - datetime.timedelta(days=days_ago)
    )
    Notification.objects.exclude(message=REMINDER).delete()  # the invitation's own notice
    mail.outbox.clear()


def _reminders() -> list[Notification]:
    return list(Notification.objects.filter(message=REMINDER))


def test_the_reminder_goes_once_a_week_after_the_invitation(
    world: World, developer_a: User, worker_a: User, django_capture_on_commit_callbacks: Any
) -> None:
    q = questionnaire(world.county_a, developer_a, trigger="manual")
    User.objects.filter(pk=worker_a.pk).update(email="worker@example.invalid")
    worker_a.refresh_from_db()
    _asked(q, [worker_a], days_ago=6)
    assert services.reminders_send() == 0  # six days: not yet
    Invitation.objects.update(created_at=timezone.now() - datetime.timedelta(days=7))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send() == 1
        assert services.reminders_send() == 0  # sent already
        feedback_remind.call()
    [notice] = _reminders()
    assert (notice.user, notice.link) == (worker_a, reverse("develop"))
    [email] = mail.outbox
    assert email.to == ["worker@example.invalid"] and q.name not in email.body
    assert Invitation.objects.get().reminded_at is not None


def test_an_answered_invitation_is_never_reminded(
    world: World, developer_a: User, worker_a: User
) -> None:
    q = questionnaire(world.county_a, developer_a, trigger="manual")
    _asked(q, [worker_a], days_ago=8)
    Invitation.objects.update(answered_at=timezone.now())
    assert services.reminders_send() == 0
    assert not _reminders() and Invitation.objects.get().reminded_at is None


def test_no_reminder_once_the_questionnaire_is_inactive_replaced_or_the_invitation_closed(
    world: World, developer_a: User, worker_a: User, teammate_a: User, other_team: User
) -> None:
    q = questionnaire(world.county_a, developer_a, trigger="manual")
    _asked(q, [worker_a, teammate_a, other_team], days_ago=8)
    Invitation.objects.filter(respondent_user=other_team).update(
        closes_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    newer = services.questionnaire_new_version(user=developer_a, questionnaire=q)
    services.questionnaire_publish(questionnaire=newer)  # the asked version is replaced
    Questionnaire.objects.filter(pk=q.pk).update(active=True)  # even if switched on again
    assert services.reminders_send() == 0
    Questionnaire.objects.filter(pk=newer.pk).delete()
    Questionnaire.objects.filter(pk=q.pk).update(active=False)
    assert services.reminders_send() == 0
    Questionnaire.objects.filter(pk=q.pk).update(active=True)
    assert services.reminders_send() == 2  # the closed one stays unreminded
    assert {n.user for n in _reminders()} == {worker_a, teammate_a}


def test_portal_clients_get_no_reminder(
    portal_world: PortalWorld, developer_a: User, worker_a: User
) -> None:
    """The portal has no notices: a client's open question waits on its front page."""
    q = questionnaire(portal_world.young_case.county, developer_a, trigger="manual")
    services.invitations_for(q, [portal_world.young], context_kind="manual")
    Invitation.objects.update(created_at=timezone.now() - datetime.timedelta(days=8))
    assert services.reminders_send() == 0
    assert Invitation.objects.get().reminded_at is None and not _reminders()


def test_the_reminder_job_reads_and_writes_in_the_same_queries_however_many_are_due(
    world: World, developer_a: User
) -> None:
    q = questionnaire(world.county_a, developer_a, trigger="manual")
    few = [make_user("few", Role.SOCIAL_WORKER, world.county_a, None)]
    many = [make_user(f"many{i}", Role.SOCIAL_WORKER, world.county_a, None) for i in range(12)]
    _asked(q, few, days_ago=8)
    with CaptureQueriesContext(connection) as one:
        assert services.reminders_send() == 1
    _asked(q, many, days_ago=8)
    with CaptureQueriesContext(connection) as twelve:
        assert services.reminders_send() == 12
    with CaptureQueriesContext(connection) as none:
        assert services.reminders_send() == 0
    # The claim (UPDATE … RETURNING), the users and the notices; savepoints around them.
    assert len(one) == len(twelve)
    assert len([q for q in one if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))]) == 3
    assert len([q for q in none if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))]) == 1
    assert len(_reminders()) == 13
