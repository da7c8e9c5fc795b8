"""Who may find whom in the intake's person search (issue 11, item 11; docs/security.md,
"Who may search"): a part of a name finds only one's own team's families; elsewhere in the
county a search needs an identity code or a full name with the birth date; a one-letter
query lists no one; every person shown is logged."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from monia.access.models import AccessLog
from monia.conftest import CaseWorld, child_create
from monia.conftest import login as _login
from monia.people import selectors

pytestmark = pytest.mark.django_db


def _search(q: str, user: str = "worker_a") -> str:
    data = {"kind": "notification", "submission_key": str(uuid.uuid4()), "search": "1", "q": q}
    response = _login(user, "en").post(reverse("intake_new"), data)
    assert response.status_code == 200
    return response.content.decode()


def test_a_one_letter_query_lists_no_one_and_says_why(case_a: CaseWorld, world: Any) -> None:
    html = _search("a")
    assert "Too broad a search to show anyone." in html
    assert f'name="person" value="{case_a.case.child.pk}"' not in html
    assert not AccessLog.objects.filter(purpose="intake_child_search").exists()


def test_a_name_part_finds_only_the_own_teams_families(case_a: CaseWorld, world: Any) -> None:
    elsewhere = child_create(world.county_a, first="Aino", last="Muualla", number=950)
    html = _search("Ain")
    assert case_a.case.child.full_name in html  # Aino Esimerkki, a family of team A1
    assert elsewhere.full_name not in html
    assert "A part of a name finds only your team's families." in html
    shown = set(
        AccessLog.objects.filter(purpose="intake_child_search").values_list("person_id", flat=True)
    )
    assert case_a.case.child.pk in shown and elsewhere.pk not in shown


def test_outside_the_team_a_full_name_with_the_birth_date_or_a_code_finds_the_child(
    case_a: CaseWorld, world: Any
) -> None:
    elsewhere = child_create(world.county_a, first="Aino", last="Muualla", number=950)
    assert elsewhere.full_name not in _search("Muualla")
    html = _search(f"Aino Muualla {elsewhere.birth_date:%d.%m.%Y}")
    assert elsewhere.full_name in html
    assert elsewhere.full_name in _search(elsewhere.identity_code)
    assert AccessLog.objects.filter(person=elsewhere, purpose="intake_child_search").count() == 2


def test_the_selector_refuses_a_broad_query_without_a_team(world: Any) -> None:
    child_create(world.county_a, first="Aino", last="Muualla", number=950)
    today = timezone.localdate()
    found = selectors.child_search(county_id=world.county_a.pk, query="Muualla", today=today)
    assert found.too_broad and found.empty
