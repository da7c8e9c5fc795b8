"""The register's test world: county A's coordinator (``developer_a``) and expert
(``expert_by_experience``) with a register entry; county B's coordinator."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from monia.accounts.models import Role, User
from monia.conftest import World, make_user
from monia.experience import services
from monia.experience.models import Assignment, AssignmentKind, AssignmentStatus


@pytest.fixture
def developer_b(world: World) -> User:
    return make_user("developer_b", Role.DEVELOPMENT_COORDINATOR, world.county_b, None)


@pytest.fixture
def entry(world: World, expert_by_experience: User) -> Any:
    return services.expert_save(
        county=world.county_a,
        data={
            "user": expert_by_experience,
            "pseudonym": "Eeva L.",
            "known_as": "Äiti",
            "real_name": "Eeva Laine",
            "themes": ["perhetyö", " sijaishuolto ", "Perhetyö"],
            "active": True,
        },
    )


@pytest.fixture
def taxed(entry: Any, developer_a: User) -> Any:
    today = timezone.localdate()
    for year in (today.year - 1, today.year):
        services.tax_card_note(user=developer_a, expert=entry, year=year)
    return entry


def assignment_data(**over: Any) -> dict[str, Any]:
    today = timezone.localdate()
    return {
        "kind": AssignmentKind.TALK,
        "title": "Puheenvuoro",
        "date": today.replace(day=1),
        "hours": Decimal(2),
        "worker": None,
        "fee_agreed": Decimal("150.00"),
        "fee_declined": False,
        "costs": Decimal("24.60"),
        "costs_description": "Junalippu",
        "status": AssignmentStatus.DONE,
    } | over


def record(user: User, expert: Any, **over: Any) -> Assignment:
    return services.assignment_save(user=user, expert=expert, data=assignment_data(**over))


def last_month() -> datetime.date:
    return (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
