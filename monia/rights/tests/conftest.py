"""Two more administrators and a worker with an address, for four eyes; and the admin
site as an administrator sees it."""

from __future__ import annotations

from typing import Any

import pytest

from monia.accounts.models import Role, User
from monia.conftest import World, login, make_user


@pytest.fixture(autouse=True)
def _mail_leaves_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A test's transaction never commits: notify's e-mails (sent on commit) leave when
    the service asks, so a test reads them in the outbox at once."""
    from types import SimpleNamespace

    from django.db import transaction

    from monia.notify import services as notify_services

    at_once = SimpleNamespace(atomic=transaction.atomic, on_commit=lambda fn, **kw: fn())
    monkeypatch.setattr(notify_services, "transaction", at_once)


@pytest.fixture(autouse=True)
def _english() -> Any:
    """The tests read the English text (other tests check Finnish and Swedish)."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def admins(world: World, admin: User) -> tuple[User, User, User]:
    """admin (who asks), admin2 (who approves), admin3 (a third, for a change of admin2)."""
    admin.email = "admin@county-a.example"
    admin.save(update_fields=["email"])
    others = tuple(
        make_user(
            name,
            Role.ADMINISTRATOR,
            world.county_a,
            None,
            is_staff=True,
            is_superuser=True,
            email=f"{name}@county-a.example",
        )
        for name in ("admin2", "admin3")
    )
    return admin, others[0], others[1]


@pytest.fixture
def worker(worker_a: User) -> User:
    worker_a.email = "worker.a@county-a.example"
    worker_a.language = "en"  # their e-mails in English
    worker_a.save(update_fields=["email", "language"])
    return worker_a


def admin_site(username: str, language: str = "en") -> Any:
    """A client logged in as an administrator, as the admin site sees them (one place to
    add the second factor when the admin site asks for it)."""
    return login(username, language)
