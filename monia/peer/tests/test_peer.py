"""Peer groups: a portal client signs up in the portal, a full group says so and saves
nothing, the journal is for members and facilitators only, a workers' group for staff."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext

from monia.conftest import PortalWorld, portal_client
from monia.conftest import login as _login
from monia.peer import services
from monia.peer.models import PeerGroup, PeerJournalEntry, PeerMembership
from monia.peer.tests.factories import group as _group

pytestmark = pytest.mark.django_db


@pytest.fixture
def young_group(world: Any, teammate_a: Any) -> PeerGroup:
    return _group(world, "young_people", teammate_a, name="Nuorten ryhmä")


@pytest.fixture
def workers_group(world: Any, teammate_a: Any) -> PeerGroup:
    return _group(world, "workers", teammate_a, name="Työnohjauksellinen vertaisryhmä")


def test_young_person_signs_up_in_the_portal(
    portal_world: PortalWorld, young_group: PeerGroup
) -> None:
    client = portal_client(portal_world.young)
    listing = client.get(reverse("portal_peer")).content.decode()
    assert "Nuorten ryhmä" in listing
    join = reverse("portal_peer_join", kwargs={"group_id": young_group.pk})
    assert client.post(join).status_code == 302
    assert client.post(join).status_code == 404  # already in: nothing to join
    assert PeerMembership.objects.filter(group=young_group, status="active").count() == 1
    page = client.get(reverse("portal_peer_group", kwargs={"group_id": young_group.pk}))
    readers = gettext("Everyone in this group and its facilitators can read what you write here.")
    assert readers in page.content.decode()


def test_young_people_group_is_not_for_a_guardian_or_a_young_adult(
    portal_world: PortalWorld, young_group: PeerGroup
) -> None:
    url = reverse("portal_peer_group", kwargs={"group_id": young_group.pk})
    for person in (portal_world.guardian, portal_world.young_adult):
        client = portal_client(person)
        assert client.get(url).status_code == 404
        assert "Nuorten ryhmä" not in client.get(reverse("portal_peer")).content.decode()


def test_guardian_sees_the_parents_group_on_the_portal_front_page(
    portal_world: PortalWorld, world: Any, teammate_a: Any
) -> None:
    _group(world, "parents", teammate_a, name="Vanhempien vertaisryhmä")
    html = portal_client(portal_world.guardian).get(reverse("portal_home")).content.decode()
    assert "Vanhempien vertaisryhmä" in html


def test_full_group_says_so_and_saves_nothing(
    portal_world: PortalWorld, world: Any, teammate_a: Any, worker_a: Any
) -> None:
    group = _group(world, "young_people", teammate_a, capacity=1)
    services.peer_join(group=group, person=portal_world.child)  # someone took the only place
    response = portal_client(portal_world.young).post(
        reverse("portal_peer_join", kwargs={"group_id": group.pk})
    )
    assert response.status_code == 200
    full = gettext(
        "The group is full. You were not signed up. Ask the facilitator about the next group."
    )
    assert full in response.content.decode()
    assert PeerMembership.objects.filter(group=group).count() == 1


def test_a_journal_form_key_belongs_to_its_first_writer(
    portal_world: PortalWorld, young_group: PeerGroup, teammate_a: Any
) -> None:
    """The same form sent again saves one entry; sent by anyone else (another worker, or a
    client writing as their person row) it is refused and answered with nothing of theirs."""
    key = uuid.uuid4()
    first = services.peer_journal_write(
        group=young_group, author_person=portal_world.young, text="Moi", submission_key=key
    )
    again = services.peer_journal_write(
        group=young_group, author_person=portal_world.young, text="Moi", submission_key=key
    )
    assert again == first
    for other in ({"author": teammate_a}, {"author_person": portal_world.guardian}):
        with pytest.raises(ValidationError):
            services.peer_journal_write(
                group=young_group, text="Toisen", submission_key=key, **other
            )
    assert list(PeerJournalEntry.objects.all()) == [first]


def test_journal_is_visible_to_members_and_facilitators_only(
    portal_world: PortalWorld,
    young_group: PeerGroup,
    developer_a: Any,
    teammate_a: Any,
    expert_by_experience: Any,
) -> None:
    young = portal_client(portal_world.young)
    young.post(reverse("portal_peer_join", kwargs={"group_id": young_group.pk}))
    url = reverse("portal_peer_group", kwargs={"group_id": young_group.pk})
    key = str(uuid.uuid4())
    assert young.post(url, {"text": "Kiva ryhmä!", "submission_key": key}).status_code == 302
    young.post(url, {"text": "Kiva ryhmä!", "submission_key": key})  # a double submit
    assert PeerJournalEntry.objects.count() == 1
    staff_url = reverse("peer_group", kwargs={"group_id": young_group.pk})
    assert "Kiva ryhmä!" in _login("teammate_a").get(staff_url).content.decode()
    coordinator = _login("developer_a").get(staff_url)
    assert coordinator.status_code == 200 and "Kiva ryhmä!" not in coordinator.content.decode()
    for persona in ("worker_a", "expert_by_experience"):
        assert _login(persona).get(staff_url).status_code == 404, persona


def test_journal_of_a_workers_group_is_hidden_from_staff_who_are_not_in_it(
    workers_group: PeerGroup, worker_a: Any, other_team: Any, other_county: Any, partner: Any
) -> None:
    services.peer_join(group=workers_group, user=worker_a)
    services.peer_journal_write(
        group=workers_group, author=worker_a, text="Jaksaminen", submission_key=uuid.uuid4()
    )
    url = reverse("peer_group", kwargs={"group_id": workers_group.pk})
    assert "Jaksaminen" in _login("worker_a").get(url).content.decode()
    outsider = _login("other_team").get(url)
    assert outsider.status_code == 200 and "Jaksaminen" not in outsider.content.decode()
    for persona in ("other_county", "partner"):
        assert _login(persona).get(url).status_code == 404, persona


def test_worker_joins_a_workers_group_in_the_staff_pages(
    workers_group: PeerGroup, worker_a: Any
) -> None:
    client = _login("worker_a")
    assert (
        client.post(reverse("peer_group_join", kwargs={"group_id": workers_group.pk})).status_code
        == 302
    )
    assert PeerMembership.objects.filter(group=workers_group, user=worker_a).exists()


def test_a_client_cannot_open_a_workers_group(
    portal_world: PortalWorld, workers_group: PeerGroup
) -> None:
    client = portal_client(portal_world.young)
    assert (
        client.get(reverse("portal_peer_group", kwargs={"group_id": workers_group.pk})).status_code
        == 404
    )
    assert (
        client.get(reverse("peer_group", kwargs={"group_id": workers_group.pk})).status_code == 404
    )


def test_group_form_keeps_typed_values_on_error(developer_a: Any, teammate_a: Any) -> None:
    data = {
        "audience": "parents",
        "name": "Kirjoitettu nimi",
        "meets": "Maanantaisin",
        "capacity": "0",
    }
    response = _login("developer_a").post(reverse("peer_group_new"), data)
    html = response.content.decode()
    assert response.status_code == 200 and not PeerGroup.objects.exists()
    assert "Kirjoitettu nimi" in html and "Maanantaisin" in html


def test_facilitator_must_be_staff_or_expert_by_experience(world: Any, partner: Any) -> None:
    with pytest.raises(ValidationError) as exc:
        _group(world, "workers", partner)
    assert "facilitators" in exc.value.message_dict


def test_peer_group_page_query_count_stays_flat(
    workers_group: PeerGroup, worker_a: Any, teammate_a: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    services.peer_join(group=workers_group, user=worker_a)
    client = _login("teammate_a")  # the facilitator: members and journal shown
    url = reverse("peer_group", kwargs={"group_id": workers_group.pk})

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    few = count()
    for n in range(5):
        services.peer_journal_write(
            group=workers_group, author=worker_a, text=f"Merkintä {n}", submission_key=uuid.uuid4()
        )
    assert count() == few


def test_facilitator_closes_the_sign_up_and_a_client_can_no_longer_join(
    portal_world: PortalWorld, young_group: PeerGroup, worker_a: Any
) -> None:
    url = reverse("peer_group_sign_up", kwargs={"group_id": young_group.pk})
    assert _login("worker_a").post(url, {"open": "0"}).status_code == 404
    assert _login("teammate_a").post(url, {"open": "0"}).status_code == 302
    young_group.refresh_from_db()
    assert not young_group.open_for_sign_up
    client = portal_client(portal_world.young)
    join = reverse("portal_peer_join", kwargs={"group_id": young_group.pk})
    assert client.post(join).status_code == 404
    assert not PeerMembership.objects.exists()


def test_a_client_group_is_facilitated_by_casework_staff_only(
    world: Any, expert_by_experience: Any, developer_a: Any
) -> None:
    """Its facilitators see who the clients are: an expert by experience or the development
    coordinator (neither staff nor clients to the access policy) may not facilitate it."""
    for facilitator in (expert_by_experience, developer_a):
        with pytest.raises(ValidationError) as exc:
            _group(world, "parents", facilitator, name=f"Vanhemmat {facilitator.pk}")
        assert "facilitators" in exc.value.message_dict
    assert not PeerGroup.objects.exists()
    assert _group(world, "workers", expert_by_experience).facilitators.count() == 1


def test_the_facilitators_view_of_client_members_is_logged_and_the_coordinator_sees_a_count(
    young_group: PeerGroup, portal_world: Any, developer_a: Any
) -> None:
    from monia.access.models import AccessEvent

    services.peer_join(group=young_group, person=portal_world.young)
    url = reverse("peer_group", kwargs={"group_id": young_group.pk})
    page = _login("teammate_a").get(url)
    assert portal_world.young.first_names in page.content.decode()
    event = AccessEvent.objects.order_by("-pk").first()
    assert event is not None and event.purpose == "peer_group"
    assert event.persons == [portal_world.young.pk]
    assert event.bases == ["peer_group_facilitator"]
    before = AccessEvent.objects.count()
    coordinator = _login("developer_a").get(url).content.decode()
    assert portal_world.young.first_names not in coordinator
    assert AccessEvent.objects.count() == before
    # The facilitator's page says so, truly: it said the coordinator saw who is in it too.
    assert (
        "Vain ohjaajat näkevät, keitä asiakasryhmässä on; kehittämiskoordinaattori näkee, "
        "montako heitä on." in page.content.decode()
    )


def test_journal_form_tells_in_plain_swedish_what_to_fix_and_keeps_the_text(
    portal_world: PortalWorld, young_group: PeerGroup
) -> None:
    young = portal_client(portal_world.young, language="sv")
    young.post(reverse("portal_peer_join", kwargs={"group_id": young_group.pk}))
    url = reverse("portal_peer_group", kwargs={"group_id": young_group.pk})
    empty = young.post(url, {"text": "", "submission_key": str(uuid.uuid4())})
    assert "Skriv något först." in empty.content.decode()
    typed = "Lång" + "x" * 2196  # 2200 characters
    long = young.post(url, {"text": typed, "submission_key": str(uuid.uuid4())}).content.decode()
    assert "Skriv högst 2000 tecken. Nu finns det 2200." in long
    assert "Säkerställ" not in long and typed in long
    assert not PeerJournalEntry.objects.exists()


def test_the_portal_tells_a_young_person_truly_who_sees_their_name_when_they_join(
    young_group: PeerGroup, portal_world: Any, developer_a: Any
) -> None:
    url = reverse("portal_peer_group", kwargs={"group_id": young_group.pk})
    before = portal_client(portal_world.young, language="en").get(url).content.decode()
    assert "When you join, the group's facilitators see your first name." in before
    # The development coordinator sees only how many are in a client group: the page said
    # the coordinator saw the name too (and "kehittämiskoordinaattori" to a 13-year-old).
    assert "coordinator" not in before
    services.peer_join(group=young_group, person=portal_world.young)
    staff_page = reverse("peer_group", kwargs={"group_id": young_group.pk})
    assert (
        portal_world.young.first_names not in _login("developer_a").get(staff_page).content.decode()
    )
    assert portal_world.young.first_names in _login("teammate_a").get(staff_page).content.decode()
