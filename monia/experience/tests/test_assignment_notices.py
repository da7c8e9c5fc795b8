"""The expert learns of a new assignment, and of one moved or cancelled, in Monia and by an
e-mail that says nothing of the assignment; other changes tell no one again."""

from __future__ import annotations

import datetime
from typing import Any

from django.core import mail
from django.urls import reverse

from monia.accounts.models import User
from monia.conftest import login
from monia.experience import services
from monia.experience.models import AssignmentStatus
from monia.experience.tests.conftest import assignment_data, record
from monia.notify.models import Notification


def _notices(user: User) -> list[Notification]:
    return list(Notification.objects.filter(user=user).order_by("pk"))


def test_a_new_assignment_reaches_the_expert_with_a_link_they_can_open(
    taxed: Any,
    developer_a: User,
    expert_by_experience: User,
    django_capture_on_commit_callbacks: Any,
) -> None:
    expert_by_experience.email = "eeva@example.invalid"
    expert_by_experience.save()
    with django_capture_on_commit_callbacks(execute=True):
        record(developer_a, taxed, title="Puheenvuoro vanhempainillassa")
    [notice] = _notices(expert_by_experience)
    assert notice.link == reverse("experience_mine")
    [email] = mail.outbox
    assert email.to == ["eeva@example.invalid"]
    assert "Puheenvuoro" not in email.subject + email.body  # nothing of the assignment
    client = login(expert_by_experience.username, "fi")
    assert client.get(reverse("notifications")).status_code == 200
    page = client.get(notice.link)
    assert page.status_code == 200
    assert "Puheenvuoro vanhempainillassa" in page.content.decode()


def test_a_moved_or_cancelled_assignment_is_told_and_other_changes_are_not(
    taxed: Any, developer_a: User, expert_by_experience: User
) -> None:
    assignment = record(developer_a, taxed, status=AssignmentStatus.AGREED)
    assert len(_notices(expert_by_experience)) == 1

    def save(**over: Any) -> None:
        data = assignment_data(status=AssignmentStatus.AGREED) | over
        services.assignment_save(user=developer_a, expert=taxed, data=data, assignment=assignment)

    save(hours=3, date=assignment.date)  # more hours: nothing to tell
    assert len(_notices(expert_by_experience)) == 1
    save(date=assignment.date + datetime.timedelta(days=7))
    assert len(_notices(expert_by_experience)) == 2
    save(date=assignment.date, status=AssignmentStatus.CANCELLED)
    assert len(_notices(expert_by_experience)) == 3
    assert _notices(expert_by_experience)[-1].message == (
        "An assignment of yours was moved or cancelled"
    )


def test_an_expert_without_an_account_is_told_by_the_coordinator(
    entry: Any, developer_a: User
) -> None:
    entry.user = None
    entry.save()
    record(developer_a, entry, fee_declined=True)
    assert not Notification.objects.exists()
