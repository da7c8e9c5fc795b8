"""The development network's page (/develop/, issue 16): for its members, not for
administrators or portal clients; its two roles land there and see no client data."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from monia.access import policy
from monia.conftest import login, portal_client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "persona",
    ["worker_a", "senior_a", "coordinator_a", "partner", "developer_a", "expert_by_experience"],
)
def test_members_of_the_network_open_its_page_from_their_menu(
    persona: str, request: pytest.FixtureRequest
) -> None:
    user = request.getfixturevalue(persona)
    assert "develop" in policy.menu_for(user)
    response = login(persona).get(reverse("develop"))
    assert response.status_code == 200
    assert 'href="/develop/"' in response.content.decode()


def test_administrators_have_no_network_page(admin: Any) -> None:
    assert "develop" not in policy.menu_for(admin)
    assert login("admin").get(reverse("develop")).status_code == 404


def test_a_portal_client_gets_404(portal_world: Any) -> None:
    assert portal_client(portal_world.guardian).get(reverse("develop")).status_code == 404


@pytest.mark.parametrize("persona", ["developer_a", "expert_by_experience"])
def test_the_networks_roles_land_on_its_page_and_have_no_case_list(
    persona: str, request: pytest.FixtureRequest, case_a: Any
) -> None:
    user = request.getfixturevalue(persona)
    client = login(persona)
    front = client.get("/")
    assert front.status_code == 302 and front["Location"] == reverse("develop")
    assert policy.menu_for(user) == ["develop"]
    assert not policy.cases_visible_to(user).exists()
    case_url = reverse("case_detail", kwargs={"case_id": case_a.case.pk})
    assert client.get(case_url).status_code == 404
    assert client.get(reverse("client_search")).status_code == 404
