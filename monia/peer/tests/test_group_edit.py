"""Editing a peer group: its facilitators and the county's coordinator fix its details; no
one else reaches the page (404, GET or POST, nothing saved); the places never drop below the
members, the audience stays once anyone has joined, and an edit over a newer one is refused
with the typed text kept."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext

from monia.accounts.models import Role
from monia.conftest import PortalWorld, make_user, portal_client
from monia.conftest import login as _login
from monia.peer import selectors, services
from monia.peer.models import PeerGroup
from monia.peer.tests import factories

pytestmark = pytest.mark.django_db

LOCKED = (
    "People have already joined this group or written in its journal, so who it is for can no "
    "longer be changed."
)
STALE = (
    "Someone else saved this group while you were editing. Your text is below: open the "
    "group again to see their changes."
)
OWN_STALE = (
    "You saved this group again after this page was opened: in another window, or the form "
    "was sent twice. Your text is below: open the group again to see the saved version."
)


def _group(world: Any, audience: str, facilitator: Any, **kw: Any) -> PeerGroup:
    return factories.group(
        world, audience, facilitator, **{"description": "Vertaistukea nuorille.", **kw}
    )


@pytest.fixture
def young_group(world: Any, teammate_a: Any) -> PeerGroup:
    return _group(world, "young_people", teammate_a, name="Nuorten ryhmä", capacity=8)


def _edit_url(group: PeerGroup) -> str:
    return reverse("peer_group_edit", kwargs={"group_id": group.pk})


def _data(group: PeerGroup, **changes: Any) -> dict[str, Any]:
    """The edit form as it comes from the page, with the user's changes."""
    data: dict[str, Any] = {
        "audience": group.audience,
        "name": group.name,
        "description": group.description,
        "meets": group.meets,
        "capacity": "" if group.capacity is None else str(group.capacity),
        "open_for_sign_up": "on" if group.open_for_sign_up else "",
        "facilitators": [str(pk) for pk in group.facilitators.values_list("pk", flat=True)],
        "version": str(group.version),
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v != ""}


def _snapshot(group: PeerGroup) -> tuple[Any, ...]:
    group.refresh_from_db()
    return (
        group.audience,
        group.name,
        group.description,
        group.meets,
        group.capacity,
        group.open_for_sign_up,
        group.version,
        sorted(group.facilitators.values_list("pk", flat=True)),
    )


def test_the_coordinator_edits_the_group_and_the_portal_shows_the_new_words(
    young_group: PeerGroup, developer_a: Any, worker_a: Any, portal_world: PortalWorld
) -> None:
    services.peer_join(group=young_group, person=portal_world.young)
    client = _login("developer_a")
    page = client.get(_edit_url(young_group)).content.decode()
    assert "Nuorten ryhmä" in page and "Vertaistukea nuorille." in page
    response = client.post(
        _edit_url(young_group),
        _data(
            young_group,
            name="Nuorten vertaisryhmä",
            description="Tapaamme joka toinen maanantai.",
            meets="Maanantaisin klo 17, Perhekeskus",
            capacity="10",
            facilitators=[str(worker_a.pk)],
        ),
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("peer_group", kwargs={"group_id": young_group.pk})
    young_group.refresh_from_db()
    assert young_group.name == "Nuorten vertaisryhmä" and young_group.capacity == 10
    assert young_group.meets == "Maanantaisin klo 17, Perhekeskus"
    assert list(young_group.facilitators.all()) == [worker_a]
    assert young_group.version == 1
    portal = portal_client(portal_world.young).get(
        reverse("portal_peer_group", kwargs={"group_id": young_group.pk})
    )
    html = portal.content.decode()
    assert "Nuorten vertaisryhmä" in html and "Tapaamme joka toinen maanantai." in html
    assert "Vertaistukea nuorille." not in html


def test_a_facilitator_edits_the_description_but_not_who_facilitates(
    young_group: PeerGroup, teammate_a: Any, worker_a: Any
) -> None:
    client = _login("teammate_a")
    page = client.get(_edit_url(young_group)).content.decode()
    assert 'name="facilitators"' not in page
    assert gettext("The development coordinator chooses the facilitators.") in page
    response = client.post(
        _edit_url(young_group),
        _data(young_group, description="Korjattu kuvaus.", facilitators=[str(worker_a.pk)]),
    )
    assert response.status_code == 302
    young_group.refresh_from_db()
    assert young_group.description == "Korjattu kuvaus."
    assert list(young_group.facilitators.all()) == [teammate_a]  # the field is not theirs


@pytest.mark.parametrize(
    "persona",
    [
        "worker_a",  # a member of the workers' group, no facilitator
        "other_team",  # a social worker of the county who facilitates neither group
        "developer_b",  # another county's coordinator
        "expert_by_experience",
        "partner",
    ],
)
def test_others_get_404_for_the_edit_page_and_change_nothing(
    persona: str,
    world: Any,
    young_group: PeerGroup,
    teammate_a: Any,
    worker_a: Any,
    other_team: Any,
    expert_by_experience: Any,
    partner: Any,
) -> None:
    make_user("developer_b", Role.DEVELOPMENT_COORDINATOR, world.county_b, None)
    workers = _group(world, "workers", teammate_a, name="Työntekijöiden ryhmä")
    services.peer_join(group=workers, user=worker_a)
    client = _login(persona)
    for group in (workers, young_group):
        before = _snapshot(group)
        assert client.get(_edit_url(group)).status_code == 404, (persona, group.audience)
        posted = client.post(_edit_url(group), _data(group, name="Muutettu"))
        assert posted.status_code == 404, (persona, group.audience)
        assert _snapshot(group) == before


def test_a_portal_client_in_the_group_gets_404_for_the_edit_page(
    young_group: PeerGroup, portal_world: PortalWorld
) -> None:
    services.peer_join(group=young_group, person=portal_world.young)
    before = _snapshot(young_group)
    client = portal_client(portal_world.young)
    assert client.get(_edit_url(young_group)).status_code == 404
    assert client.post(_edit_url(young_group), _data(young_group, name="X")).status_code == 404
    assert _snapshot(young_group) == before


def test_places_below_the_members_are_refused_and_nothing_is_saved(
    world: Any, teammate_a: Any, worker_a: Any, other_team: Any, developer_a: Any
) -> None:
    group = _group(world, "workers", teammate_a, name="Työntekijöiden ryhmä", capacity=5)
    services.peer_join(group=group, user=worker_a)
    services.peer_join(group=group, user=other_team)
    before = _snapshot(group)
    response = _login("developer_a").post(
        _edit_url(group), _data(group, capacity="1", description="Uusi kuvaus, jota ei tallenneta")
    )
    html = response.content.decode()
    assert response.status_code == 200 and _snapshot(group) == before
    message = gettext(
        "The group already has %(count)s members, so it needs at least %(count)s places. "
        "Give a larger number, or leave it empty."
    ) % {"count": 2}
    assert message in html
    assert "Uusi kuvaus, jota ei tallenneta" in html  # what was typed is kept
    # As many places as members is enough.
    assert (
        _login("developer_a").post(_edit_url(group), _data(group, capacity="2")).status_code == 302
    )


def test_the_audience_is_locked_once_anyone_has_joined(
    young_group: PeerGroup, portal_world: PortalWorld, developer_a: Any
) -> None:
    client = _login("developer_a")
    # Before anyone joins it may still change (the facilitator is casework staff).
    assert (
        client.post(_edit_url(young_group), _data(young_group, audience="parents")).status_code
        == 302
    )
    young_group.refresh_from_db()
    assert young_group.audience == "parents"
    services.peer_join(group=young_group, person=portal_world.guardian)
    page = client.get(_edit_url(young_group)).content.decode()
    assert gettext(LOCKED) in page
    # The locked field is not taken from the request: a forged value changes nothing.
    response = client.post(
        _edit_url(young_group),
        _data(young_group, audience="workers", description="Kuvaus muuttuu"),
    )
    assert response.status_code == 302
    young_group.refresh_from_db()
    assert young_group.audience == "parents" and young_group.description == "Kuvaus muuttuu"


def test_the_service_refuses_an_audience_change_after_a_join_between_form_and_save(
    young_group: PeerGroup, portal_world: PortalWorld
) -> None:
    services.peer_join(group=young_group, person=portal_world.young)  # after the form opened
    before = _snapshot(young_group)
    with pytest.raises(ValidationError) as exc:
        services.peer_group_update(
            group=young_group,
            version=young_group.version,
            audience="parents",
            name=young_group.name,
            description="Muutettu",
        )
    assert exc.value.message_dict["audience"] == [gettext(LOCKED)]
    assert _snapshot(young_group) == before
    assert selectors.audience_locked(young_group)


def test_an_edit_over_a_newer_edit_is_refused_with_the_typed_text_kept(
    young_group: PeerGroup, developer_a: Any, teammate_a: Any
) -> None:
    opened = _data(young_group)  # both open the form at version 0
    assert (
        _login("teammate_a").post(_edit_url(young_group), {**opened, "name": "Nuorten ryhmä 2"})
    ).status_code == 302
    before = _snapshot(young_group)
    response = _login("developer_a").post(
        _edit_url(young_group), {**opened, "description": "Myöhästynyt muokkaus"}
    )
    html = response.content.decode()
    assert response.status_code == 200 and _snapshot(young_group) == before
    assert gettext(STALE) in html and "Myöhästynyt muokkaus" in html


def test_opening_the_sign_up_makes_an_open_edit_stale(
    young_group: PeerGroup, teammate_a: Any
) -> None:
    """The sign-up is a field of the edit form: an edit opened before does not turn it back."""
    opened = _data(young_group)
    client = _login("teammate_a")
    sign_up = reverse("peer_group_sign_up", kwargs={"group_id": young_group.pk})
    assert client.post(sign_up, {"open": "0"}).status_code == 302
    response = client.post(_edit_url(young_group), {**opened, "description": "Muutos"})
    # The sign-up was closed by the same worker: not "someone else".
    assert response.status_code == 200 and gettext(OWN_STALE) in response.content.decode()
    young_group.refresh_from_db()
    assert not young_group.open_for_sign_up and young_group.description != "Muutos"


def test_a_name_taken_in_the_county_is_refused(
    world: Any, young_group: PeerGroup, teammate_a: Any, developer_a: Any
) -> None:
    _group(world, "workers", teammate_a, name="Työntekijöiden ryhmä")
    response = _login("developer_a").post(
        _edit_url(young_group), _data(young_group, name="Työntekijöiden ryhmä")
    )
    assert response.status_code == 200
    assert gettext("The county already has a group of that name.") in response.content.decode()
    young_group.refresh_from_db()
    assert young_group.name == "Nuorten ryhmä"


def test_the_edit_link_is_shown_only_to_those_who_may_edit(
    world: Any, young_group: PeerGroup, teammate_a: Any, worker_a: Any, developer_a: Any
) -> None:
    workers = _group(world, "workers", teammate_a, name="Työntekijöiden ryhmä")
    services.peer_join(group=workers, user=worker_a)
    for group in (workers, young_group):
        page = reverse("peer_group", kwargs={"group_id": group.pk})
        link = f'href="{_edit_url(group)}"'
        for persona in ("teammate_a", "developer_a"):
            assert link in _login(persona).get(page).content.decode(), (persona, group.audience)
    member_page = _login("worker_a").get(reverse("peer_group", kwargs={"group_id": workers.pk}))
    assert member_page.status_code == 200
    assert f'href="{_edit_url(workers)}"' not in member_page.content.decode()


def test_the_same_form_sent_twice_says_you_saved_it_not_someone_else(
    young_group: PeerGroup, teammate_a: Any
) -> None:
    """A double submit, or the form sent again after "Back": the first send saved, the second
    is refused as stale and tells the worker she saved the group herself."""
    opened = _data(young_group)
    client = _login("teammate_a")
    assert client.post(_edit_url(young_group), {**opened, "name": "Uusi nimi"}).status_code == 302
    before = _snapshot(young_group)
    again = client.post(_edit_url(young_group), {**opened, "name": "Uusi nimi"})
    html = again.content.decode()
    assert again.status_code == 200 and _snapshot(young_group) == before
    assert gettext(OWN_STALE) in html and gettext(STALE) not in html
