"""Editing a developer group's own details (name, theme, description): those who keep the
group's records (the county's development coordinator, the chair, the secretary) may; every
other persona gets 404 as for a missing group. A save over a newer save is refused with the
typed text kept, and a refused save changes nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext

from monia.conftest import PortalWorld, make_user, portal_client
from monia.conftest import login as _login
from monia.devgroups import services
from monia.devgroups.models import DeveloperGroup

pytestmark = pytest.mark.django_db

STALE = (
    "Someone else saved this group's details while you were editing. Your text is below: "
    "open the group again to see their changes."
)
OWN_STALE = (
    "You saved this group's details again after this page was opened: in another window, or "
    "the form was sent twice. Your text is below: open the group again to see the saved version."
)


@pytest.fixture
def group(
    world: Any, worker_a: Any, family_worker_a: Any, expert_by_experience: Any, partner: Any
) -> DeveloperGroup:
    group = services.developer_group_create(
        county=world.county_a, name="Kehittäjäryhmä", theme="Osallisuus", description="Kuvaus"
    )
    services.developer_member_add(group=group, user=worker_a, role="chair")
    services.developer_member_add(group=group, user=family_worker_a, role="secretary")
    services.developer_member_add(group=group, user=expert_by_experience, role="member")
    services.developer_member_add(group=group, user=partner, role="member")
    return group


def _edit_url(group: DeveloperGroup) -> str:
    return reverse("devgroup_edit", kwargs={"group_id": group.pk})


def _detail_url(group: DeveloperGroup) -> str:
    return reverse("devgroup_detail", kwargs={"group_id": group.pk})


def _typed(**changes: str) -> dict[str, str]:
    return {
        "name": "Kehittäjäryhmä (korjattu)",
        "theme": "Lapsen osallisuus",
        "description": "Korjattu kuvaus",
        "version": "0",
        **changes,
    }


def _unchanged(group: DeveloperGroup) -> None:
    group.refresh_from_db()
    assert (group.name, group.theme, group.description, group.version) == (
        "Kehittäjäryhmä",
        "Osallisuus",
        "Kuvaus",
        0,
    )


@pytest.mark.parametrize("persona", ["developer_a", "worker_a", "family_worker_a"])
def test_coordinator_chair_and_secretary_edit_the_group(
    group: DeveloperGroup, developer_a: Any, persona: str
) -> None:
    client = _login(persona)
    form = client.get(_edit_url(group))
    html = form.content.decode()
    assert form.status_code == 200
    assert 'value="Kehittäjäryhmä"' in html and 'value="Osallisuus"' in html and "Kuvaus" in html
    response = client.post(_edit_url(group), _typed())
    assert response.status_code == 302 and response["Location"] == _detail_url(group)
    group.refresh_from_db()
    assert group.name == "Kehittäjäryhmä (korjattu)"
    assert group.theme == "Lapsen osallisuus" and group.description == "Korjattu kuvaus"
    assert group.version == 1


def _developer_b(world: Any) -> Client:
    make_user("developer_b", "development_coordinator", world.county_b, None)
    return _login("developer_b")


@pytest.mark.parametrize(
    "who",
    ["member", "other_county_coordinator", "social_worker", "expert_by_experience", "portal"],
)
def test_everyone_else_gets_404_for_get_and_post_and_nothing_is_saved(
    group: DeveloperGroup, world: Any, who: str, request: pytest.FixtureRequest
) -> None:
    if who == "member":
        client = _login("partner")
    elif who == "other_county_coordinator":
        client = _developer_b(world)
    elif who == "social_worker":
        request.getfixturevalue("teammate_a")  # a social worker of the county, no member
        client = _login("teammate_a")
    elif who == "expert_by_experience":
        client = _login("expert_by_experience")  # a member of the group
    else:
        portal_world: PortalWorld = request.getfixturevalue("portal_world")
        client = portal_client(portal_world.guardian)
    assert client.get(_edit_url(group)).status_code == 404, who
    assert client.post(_edit_url(group), _typed()).status_code == 404, who
    _unchanged(group)


def test_a_forbidden_group_looks_like_a_missing_one(group: DeveloperGroup) -> None:
    client = _login("partner")
    forbidden = client.get(_edit_url(group))
    missing = client.get(reverse("devgroup_edit", kwargs={"group_id": group.pk + 10_000}))
    assert forbidden.status_code == missing.status_code == 404
    assert forbidden.content == missing.content


def test_validation_error_keeps_what_was_typed_and_saves_nothing(group: DeveloperGroup) -> None:
    response = _login("worker_a").post(_edit_url(group), _typed(name=" "))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary"' in html and 'aria-invalid="true"' in html
    assert 'value="Lapsen osallisuus"' in html and "Korjattu kuvaus" in html
    _unchanged(group)


def test_a_name_another_group_of_the_county_has_is_refused(
    group: DeveloperGroup, world: Any
) -> None:
    services.developer_group_create(county=world.county_a, name="Toinen ryhmä")
    response = _login("worker_a").post(_edit_url(group), _typed(name="Toinen ryhmä"))
    html = response.content.decode()
    assert response.status_code == 200
    assert escape(gettext("The county already has a group of that name.")) in html
    assert "Korjattu kuvaus" in html
    _unchanged(group)


def test_a_stale_edit_is_refused_with_the_text_kept_and_nothing_saved(
    group: DeveloperGroup, developer_a: Any
) -> None:
    chair, coordinator = _login("worker_a"), _login("developer_a")
    # Both open the form at version 0; the coordinator saves first.
    assert 'name="version" value="0"' in chair.get(_edit_url(group)).content.decode()
    assert coordinator.get(_edit_url(group)).status_code == 200
    saved = coordinator.post(_edit_url(group), _typed(name="Koordinaattorin nimi"))
    assert saved.status_code == 302
    stale = chair.post(
        _edit_url(group), _typed(name="Puheenjohtajan nimi", description="Puheenjohtajan teksti")
    )
    html = stale.content.decode()
    assert stale.status_code == 200
    assert escape(gettext(STALE)) in html
    assert escape(gettext(OWN_STALE)) not in html
    assert 'value="Puheenjohtajan nimi"' in html and "Puheenjohtajan teksti" in html
    group.refresh_from_db()
    assert group.name == "Koordinaattorin nimi" and group.description == "Korjattu kuvaus"
    assert group.version == 1


def test_a_post_without_the_version_is_refused(group: DeveloperGroup) -> None:
    data = _typed()
    del data["version"]
    assert _login("worker_a").post(_edit_url(group), data).status_code == 200
    _unchanged(group)


def test_service_refuses_a_stale_version_and_an_empty_name(group: DeveloperGroup) -> None:
    with pytest.raises(ValidationError):
        services.developer_group_update(group=group, version=5, name="Uusi")
    with pytest.raises(ValidationError) as empty:
        services.developer_group_update(group=group, version=0, name="  ")
    assert "name" in empty.value.message_dict
    _unchanged(group)
    saved = services.developer_group_update(
        group=group, version=0, name=" Uusi nimi ", theme="Teema", description="Teksti"
    )
    assert (saved.name, saved.theme, saved.description, saved.version) == (
        "Uusi nimi",
        "Teema",
        "Teksti",
        1,
    )


@pytest.mark.parametrize(
    ("persona", "shown"),
    [
        ("developer_a", True),
        ("worker_a", True),
        ("family_worker_a", True),
        ("expert_by_experience", False),
        ("partner", False),
    ],
)
def test_edit_link_is_shown_only_to_those_who_may_edit(
    group: DeveloperGroup, developer_a: Any, persona: str, shown: bool
) -> None:
    client = _login(persona)
    html = client.get(_detail_url(group)).content.decode()
    assert (f'href="{_edit_url(group)}"' in html) is shown
    # The link agrees with the page: shown means 200, hidden means 404.
    assert client.get(_edit_url(group)).status_code == (200 if shown else 404)


def test_the_same_form_sent_twice_says_you_saved_it_not_someone_else(
    group: DeveloperGroup,
) -> None:
    chair = _login("worker_a")
    assert chair.post(_edit_url(group), _typed(name="Ensimmäinen")).status_code == 302
    again = chair.post(_edit_url(group), _typed(name="Ensimmäinen"))
    html = again.content.decode()
    assert again.status_code == 200
    assert escape(gettext(OWN_STALE)) in html and escape(gettext(STALE)) not in html
    group.refresh_from_db()
    assert group.version == 1
