"""Each role's rights, decided once in the policy: the team coordinator writes her team's
meeting memo without recording casework, and every menu offers only what the role may open."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from monia.access import policy
from monia.access.policy import Action
from monia.conftest import CaseWorld, login, make_user
from monia.systemic import services as systemic_services
from monia.systemic.models import Reflection


def _meeting(user: Any, world: Any) -> Any:
    return systemic_services.meeting_open(
        user=user, team=world.team_a1, held_on=timezone.localdate() + datetime.timedelta(days=7)
    )


def test_coordinator_writes_the_meeting_memo_but_records_and_decides_nothing(
    case_a: CaseWorld, coordinator_a: Any
) -> None:
    case = case_a.case
    assert policy.may(coordinator_a, Action.VIEW, case)
    assert policy.may(coordinator_a, Action.MEETING, case)
    assert not policy.may(coordinator_a, Action.RECORD, case)
    assert not policy.may(coordinator_a, Action.DECIDE, case)
    assert not policy.may_record_intake(coordinator_a)


def test_coordinator_of_another_team_writes_no_memo_of_this_family(
    case_a: CaseWorld, world: Any
) -> None:
    other = make_user("coordinator_a2", "team_coordinator", world.county_a, world.team_a2)
    assert not policy.may(other, Action.MEETING, case_a.case)
    assert not policy.may(other, Action.VIEW, case_a.case)


def test_coordinator_opens_every_family_of_her_meeting_and_writes_the_reflection(
    case_a: CaseWorld, world: Any, worker_a: Any, coordinator_a: Any
) -> None:
    meeting = _meeting(worker_a, world)
    client = login("coordinator_a")
    items = list(meeting.items.all())
    assert items
    for item in items:
        url = reverse("meeting_item", args=[meeting.pk, item.pk])
        assert client.get(url).status_code == 200, item
    item = items[0]
    response = client.post(
        reverse("meeting_item_reflection", args=[meeting.pk, item.pk]),
        {"lock_version": 0, "worries": "Poissaolot jatkuvat.", "working_well": "Äiti jaksaa."},
    )
    assert response.status_code == 302
    assert Reflection.objects.get(item=item).worries == "Poissaolot jatkuvat."
    # Casework recording stays closed to her.
    intake = case_a.pending_intake
    urgency = reverse("intake_urgency", args=[case_a.case.pk, intake.pk])
    assert client.get(urgency).status_code == 404


def test_coordinator_of_another_team_gets_404_on_the_meeting_family(
    case_a: CaseWorld, world: Any, worker_a: Any
) -> None:
    make_user("coordinator_a2", "team_coordinator", world.county_a, world.team_a2)
    meeting = _meeting(worker_a, world)
    item = meeting.items.first()
    client = login("coordinator_a2")
    assert client.get(reverse("meeting_item", args=[meeting.pk, item.pk])).status_code == 404


STAFF_MENU = [
    "dashboard",
    "calendar",
    "intake_new",
    "caseboard",
    "caseload",
    "statistics",
    "expert_groups",
    "develop",  # the development network (issue 16)
]


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("worker_a", STAFF_MENU),
        ("family_worker_a", STAFF_MENU),
        (
            "coordinator_a",
            [
                "dashboard",
                "calendar",
                "caseboard",
                "caseload",
                "statistics",
                "expert_groups",
                "develop",
            ],
        ),
        (
            "senior_a",
            [
                "dashboard",
                "calendar",
                "intake_new",
                "teams",  # the team chooser: every team of the county
                "caseload",
                "statistics",
                "expert_groups",
                "develop",
            ],
        ),
        ("admin", ["dashboard", "admin:index"]),
        (
            "partner",
            [
                "partner_home",
                "partner_contributions",
                "partner_consultations",
                "partner_network_meetings",
                "develop",
            ],
        ),
    ],
)
def test_menu_offers_only_what_the_role_may_open(
    persona: str, expected: list[str], request: pytest.FixtureRequest
) -> None:
    user = request.getfixturevalue(persona)
    assert policy.menu_for(user) == expected


def test_menu_is_decided_without_a_query(worker_a: Any, django_assert_num_queries: Any) -> None:
    with django_assert_num_queries(0):
        policy.menu_for(worker_a)


def test_coordinator_menu_has_no_new_intake(coordinator_a: Any) -> None:
    page = login("coordinator_a").get(reverse("dashboard")).content.decode()
    assert reverse("intake_new") not in page
    assert reverse("caseboard") in page


def test_the_menu_marks_the_page_the_user_is_on(worker_a: Any) -> None:
    page = login("worker_a").get(reverse("caseload")).content.decode()
    assert f'<a href="{reverse("caseload")}" aria-current="page">' in page
    assert f'<a href="{reverse("dashboard")}" aria-current="page">' not in page
