"""An event world: county A's development coordinator publishes events."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from monia.accounts.models import User
from monia.events import services
from monia.events.models import Event


def session_at(days: int, hour: int = 9, hours: int = 3) -> dict[str, Any]:
    start = timezone.localtime().replace(hour=hour, minute=0, second=0, microsecond=0)
    start += datetime.timedelta(days=days)
    return {"starts_at": start, "ends_at": start + datetime.timedelta(hours=hours), "place": ""}


def event_make(
    by: User, *, sessions: list[dict[str, Any]] | None = None, publish: bool = True, **data: Any
) -> Event:
    base: dict[str, Any] = {
        "kind": "training",
        "title": "Sytykettä yhteistyöhön",
        "description": "",
        "audiences": ["partners", "staff"],
        "languages": ["fi"],
        "quota": None,
        "waiting_list": True,
        "place": "Monitoimitalo",
        "remote_link": "",
        "materials": "",
        "recordings": "",
        "certificate_sessions": None,
        "hours_per_session": Decimal("3"),
    }
    event = services.event_save(
        user=by,
        event=None,
        data={**base, **data},
        sessions=sessions or [session_at(7), session_at(14), session_at(21)],
    )
    if publish:
        services.event_publish(user=by, event=event)
    return event


@pytest.fixture
def training(developer_a: User) -> Event:
    return event_make(developer_a)
