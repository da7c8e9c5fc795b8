"""The e-notification queue costs the same queries with N notifications waiting (named
children, children the notifier could not name, crime suspected, some overdue) as with 3N,
for a social worker and for the senior official."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from monia.conftest import World, login
from monia.enotify import services
from monia.enotify.models import ENotification
from monia.enotify.tests.conftest import school_nurse_post

N = 2
pytestmark = pytest.mark.django_db


def _submit(world: World, i: int, **extra: Any) -> ENotification:
    data = school_nurse_post(**extra)
    data.pop("website")
    data.pop("form_token")
    for field in ("child_birth_date", "child_expected_birth_date"):
        data[field] = data[field] or None
    data["crime_suspected"] = bool(data.get("crime_suspected"))
    data["submission_key"] = uuid.UUID(data["submission_key"])
    # Each from its own address: the busy-address question is not what is measured here.
    return services.enotification_submit(county=world.county_a, ip_hash=f"{i:064x}", **data)


def _grow(world: World, *, start: int, n: int) -> None:
    """``n`` of each: a named child, an overdue one with crime suspected, and a child the
    notifier could not name (about eight, an address and a description)."""
    for i in range(start, start + n):
        _submit(world, 3 * i)
        late = _submit(world, 3 * i + 1, crime_suspected="on")
        ENotification.objects.filter(pk=late.pk).update(
            received_at=timezone.now() - datetime.timedelta(days=20)
        )
        _submit(
            world,
            3 * i + 2,
            child_first_names="",
            child_last_name="",
            child_identity_code="",
            child_approximate_age=8,
            child_address="Rappu B, asunto 12",
            child_description="Noin kahdeksanvuotias poika.",
        )


@pytest.mark.parametrize("username", ["worker_a", "senior_a"])
def test_the_queue_does_not_grow_with_the_notifications_waiting(
    world: World, worker_a: Any, senior_a: Any, username: str, django_assert_num_queries: Any
) -> None:
    client = login(username)
    url = reverse("enotify_queue")
    _grow(world, start=0, n=N)
    client.get(url)  # one-time caches (sessions, translations)
    with django_assert_num_queries(7) as small:
        html = client.get(url).content.decode()
    assert html.count("<tr class=") == 3 * N and html.count("badge-overdue") == N
    _grow(world, start=N, n=2 * N)
    with django_assert_num_queries(7) as large:
        html = client.get(url).content.decode()
    assert html.count("<tr class=") == 3 * 3 * N and html.count("badge-overdue") == 3 * N
    assert len(large.captured_queries) == len(small.captured_queries)
