"""Reads of an e-notification reach the child's "who has seen my data" (703/2023 § 11):
logged apart while the child is only text, moved to the child's access log on
conversion, and logged against the child after it."""

from __future__ import annotations

import datetime
import uuid
from types import SimpleNamespace
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from monia.access import policy
from monia.access.models import AccessLog, Basis
from monia.access.testing import log_triggers_off
from monia.accounts.models import User
from monia.casework.models import Intake
from monia.conftest import World, child_create
from monia.conftest import login as logged_in
from monia.enotify import selectors, services
from monia.enotify.models import ENotification, ENotificationAccess
from monia.enotify.tests.conftest import CHILD_CODE
from monia.people.models import Person
from monia.portal.log_selectors import who_viewed

pytestmark = pytest.mark.django_db


@pytest.fixture
def en(world: World) -> ENotification:
    return services.enotification_submit(
        county=world.county_a,
        ip_hash=services.ip_hash_of("192.0.2.1"),
        submission_key=uuid.uuid4(),
        kind="notification",
        notifier_type="private",
        child_first_names="Aino",
        child_last_name="Esimerkki",
        child_identity_code=CHILD_CODE,
        content="Huoli lapsesta.",
    )


@pytest.fixture
def child(world: World) -> Person:
    return child_create(world.county_a, number=906)


def _seen_by_child(intake: Intake) -> list[datetime.datetime]:
    """The times of the reads in the child's own "who has seen my data"."""
    own: Any = SimpleNamespace(case=intake.case, client=intake.case.child, is_guardian=False)
    return [row.at for row in who_viewed(own).rows if row.kind == "access"]


def test_read_before_linking_appears_in_the_childs_who_viewed_with_its_time(
    world: World, worker_a: User, en: ENotification, child: Person
) -> None:
    selectors.enotification_get_for_user(worker_a, en.pk, purpose="enotify_detail")
    read_at = timezone.now() - datetime.timedelta(days=3, minutes=7)
    with log_triggers_off():  # backdated as a superuser could: the log is append-only
        ENotificationAccess.objects.filter(enotification=en).update(at=read_at)

    intake = services.enotification_convert(user=worker_a, enotification=en, child=child)

    # Copied, not moved: the notification's own log keeps its row (append-only).
    kept = ENotificationAccess.objects.get(enotification=en)
    assert (kept.user, kept.at, kept.purpose) == (worker_a, read_at, "enotify_detail")
    moved = AccessLog.objects.get(purpose="enotify_detail")
    assert (moved.user, moved.county, moved.person, moved.case) == (
        worker_a,
        world.county_a,
        child,
        intake.case,
    )
    assert moved.at == read_at and moved.basis == Basis.INTAKE_REGISTRATION
    assert read_at in _seen_by_child(intake)


def test_reads_after_linking_are_logged_against_the_child(
    worker_a: User, teammate_a: User, en: ENotification, child: Person
) -> None:
    intake = services.enotification_convert(user=worker_a, enotification=en, child=child)
    read = selectors.enotification_get_for_user(teammate_a, en.pk, purpose="enotify_detail")

    assert read.intake == intake
    assert not ENotificationAccess.objects.exists()  # read after linking: the child's log
    logged = AccessLog.objects.get(user=teammate_a, purpose="enotify_detail")
    assert (logged.person, logged.case, logged.basis) == (
        child,
        intake.case,
        Basis.INTAKE_REGISTRATION,
    )
    assert logged.at in _seen_by_child(intake)


def test_reads_of_an_unlinked_notification_stay_out_of_the_access_log(
    worker_a: User, en: ENotification
) -> None:
    selectors.enotification_queue_for_user(worker_a, today=timezone.localdate())
    selectors.enotification_get_for_user(worker_a, en.pk, purpose="enotify_detail")
    assert ENotificationAccess.objects.filter(enotification=en).count() == 2
    assert not AccessLog.objects.exists()


def test_worker_of_another_county_still_gets_404_after_linking(
    worker_a: User, other_county: User, en: ENotification, child: Person
) -> None:
    services.enotification_convert(user=worker_a, enotification=en, child=child)
    with pytest.raises(policy.NotFound):
        selectors.enotification_get_for_user(other_county, en.pk, purpose="enotify_detail")
    url = reverse("enotify_detail", kwargs={"enotification_id": en.pk})
    assert logged_in("other_county").get(url).status_code == 404
    assert not AccessLog.objects.filter(user=other_county).exists()
    assert not ENotificationAccess.objects.exists()


def test_converting_in_the_page_moves_the_workers_reads_to_the_child(
    worker_a: User, en: ENotification, child: Person
) -> None:
    client = logged_in("worker_a")
    url = reverse("enotify_detail", kwargs={"enotification_id": en.pk})
    client.get(url)
    response = client.post(url, {"action": "convert", "person": child.pk})
    assert response.status_code == 302
    intake = Intake.objects.get()
    # The page was read twice before the conversion: on opening it and on posting.
    reads = AccessLog.objects.filter(person=child, purpose="enotify_detail")
    # Copied, not moved: the notification's own log keeps both reads (append-only).
    assert reads.count() == 2 and ENotificationAccess.objects.count() == 2
    page = client.get(url)
    assert reverse("case_detail", kwargs={"case_id": intake.case_id}) in page.content.decode()
    assert reads.count() == 3
