"""Who sees which event, the coordinator's pages, the portal's sign-up, and the form that
keeps what was typed."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from monia.accounts.models import Role
from monia.conftest import login, make_user, portal_client
from monia.events.models import Registration, RegistrationStatus
from monia.events.tests.conftest import event_make

COORDINATOR_PAGES = ("event_edit", "event_registrations")


def test_a_partner_of_another_county_gets_404(world: Any, developer_a: Any) -> None:
    event = event_make(developer_a)
    make_user("partner_b", Role.PARTNER, world.county_b, None)
    client = login("partner_b")
    assert client.get(reverse("event_detail", args=[event.pk])).status_code == 404
    assert client.post(reverse("event_register", args=[event.pk])).status_code == 404
    assert event.title not in client.get(reverse("events_list")).content.decode()


def test_an_expert_by_experience_sees_only_events_for_experts(
    developer_a: Any, expert_by_experience: Any
) -> None:
    for_experts = event_make(
        developer_a, title="Kokemusasiantuntijoiden ilta", audiences=["experts_by_experience"]
    )
    for_partners = event_make(developer_a, title="Kumppanikoulutus", audiences=["partners"])
    client = login("expert_by_experience")
    page = client.get(reverse("events_list")).content.decode()
    assert "Kokemusasiantuntijoiden ilta" in page and "Kumppanikoulutus" not in page
    assert client.get(reverse("event_detail", args=[for_partners.pk])).status_code == 404
    assert client.get(reverse("event_detail", args=[for_experts.pk])).status_code == 200


def test_an_event_for_partners_says_so_in_the_readers_words(
    developer_a: Any, worker_a: Any
) -> None:
    """ "For whom: partners" means the organisations Monia works with, not a couple: in
    Swedish "Samarbetspartner" (it said "Partner", the genogram's word for a spouse)."""
    event = event_make(developer_a, audiences=["partners", "staff"])
    for language, words in (("sv", "Samarbetspartner"), ("fi", "Yhteistyökumppanit")):
        page = login("worker_a", language).get(reverse("event_detail", args=[event.pk]))
        assert words in page.content.decode(), language


def test_an_unpublished_event_is_only_the_coordinators(developer_a: Any, worker_a: Any) -> None:
    draft = event_make(developer_a, publish=False)
    assert login("worker_a").get(reverse("event_detail", args=[draft.pk])).status_code == 404
    assert login("developer_a").get(reverse("event_detail", args=[draft.pk])).status_code == 200


@pytest.mark.parametrize("name", COORDINATOR_PAGES)
def test_experts_partners_and_staff_get_404_on_the_coordinators_pages(
    name: str, developer_a: Any, expert_by_experience: Any, partner: Any, worker_a: Any
) -> None:
    event = event_make(developer_a)
    for username in ("expert_by_experience", "partner", "worker_a"):
        assert login(username).get(reverse(name, args=[event.pk])).status_code == 404
        assert login(username).get(reverse("event_new")).status_code == 404
    assert login("developer_a").get(reverse(name, args=[event.pk])).status_code == 200


def test_a_portal_client_gets_404_on_the_network_pages(portal_world: Any, developer_a: Any) -> None:
    event = event_make(developer_a, audiences=["clients"])
    client = portal_client(portal_world.young)
    for url in (
        reverse("events_list"),
        reverse("event_detail", args=[event.pk]),
        reverse("event_new"),
        reverse("event_registrations", args=[event.pk]),
    ):
        assert client.get(url).status_code == 404, url


def test_a_young_person_signs_up_through_the_portal(portal_world: Any, developer_a: Any) -> None:
    event = event_make(developer_a, title="Nuoren ääni", kind="youth_voice", audiences=["clients"])
    staff_only = event_make(developer_a, title="Henkilöstöinfo", audiences=["staff"])
    client = portal_client(portal_world.young)
    listing = client.get(reverse("portal_events")).content.decode()
    assert "Nuoren ääni" in listing and "Henkilöstöinfo" not in listing
    assert client.get(reverse("portal_event", args=[staff_only.pk])).status_code == 404
    response = client.post(reverse("portal_event_register", args=[event.pk]), follow=True)
    assert "Olet ilmoittautunut" in response.content.decode() or response.status_code == 200
    registration = Registration.objects.get(event=event)
    assert registration.status == RegistrationStatus.REGISTERED
    assert registration.user.role == Role.CLIENT


def test_a_client_of_another_county_does_not_see_the_event(portal_world: Any, world: Any) -> None:
    developer_b = make_user("developer_b", Role.DEVELOPMENT_COORDINATOR, world.county_b, None)
    event = event_make(developer_b, audiences=["clients"])
    client = portal_client(portal_world.young)
    assert client.get(reverse("portal_event", args=[event.pk])).status_code == 404


def test_staff_cannot_register_for_a_clients_only_event(developer_a: Any, worker_a: Any) -> None:
    event = event_make(developer_a, audiences=["clients"])
    client = login("worker_a")
    assert client.post(reverse("event_register", args=[event.pk])).status_code == 404
    assert not Registration.objects.exists()


def test_registration_past_the_quota_says_so_clearly(
    world: Any, developer_a: Any, worker_a: Any, partner: Any
) -> None:
    event = event_make(developer_a, quota=1)
    login("worker_a").post(reverse("event_register", args=[event.pk]))
    response = login("partner").post(reverse("event_register", args=[event.pk]), follow=True)
    page = response.content.decode()
    assert "jonotuslistalla" in page and "numero 1" in page


def test_the_event_form_keeps_typed_values_on_error(developer_a: Any) -> None:
    client = login("developer_a")
    data = {
        "kind": "training",
        "title": "Verkostotyön perusteet",
        "description": "Kirjoitettu kuvaus",
        "audiences": ["partners"],
        "languages": ["fi"],
        "quota": "20",
        "hours_per_session": "3",
        "certificate_sessions": "3",
        "s-TOTAL_FORMS": "2",
        "s-INITIAL_FORMS": "0",
        "s-0-starts_at": "2030-05-02T09:00",
        "s-0-ends_at": "2030-05-02T12:00",
        "s-1-starts_at": "2030-05-09T09:00",
        "s-1-ends_at": "",
    }
    response = client.post(reverse("event_new"), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Verkostotyön perusteet" in page and "Kirjoitettu kuvaus" in page
    assert "2030-05-09T09:00" in page
    from monia.events.models import Event

    assert not Event.objects.exists()


def test_the_coordinator_creates_a_series_in_one_form(developer_a: Any) -> None:
    from monia.events.models import Event

    client = login("developer_a")
    data = {
        "submission_key": "7b0c7a4e-7a0e-4a59-9f1a-1d3c5b2e7a10",
        "kind": "training",
        "title": "Sarja",
        "audiences": ["staff"],
        "languages": ["fi", "sv"],
        "hours_per_session": "2",
        "s-TOTAL_FORMS": "3",
        "s-INITIAL_FORMS": "0",
        "s-0-starts_at": "2030-05-02T09:00",
        "s-0-ends_at": "2030-05-02T12:00",
        "s-1-starts_at": "2030-05-09T09:00",
        "s-1-ends_at": "2030-05-09T12:00",
    }
    assert client.post(reverse("event_new"), data).status_code == 302
    assert client.post(reverse("event_new"), data).status_code == 302  # a double submit
    event = Event.objects.get()
    assert event.sessions.count() == 2 and not event.is_published


def test_another_coordinators_form_key_is_refused(world: Any, developer_a: Any) -> None:
    """A form session's key belongs to whoever first sent it: another coordinator sending
    it is told so, and neither saves an event nor is answered with the first one."""
    from monia.events.models import Event

    make_user("developer_a2", Role.DEVELOPMENT_COORDINATOR, world.county_a, None)
    data = {
        "submission_key": "5d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6",
        "kind": "training",
        "title": "Kerran",
        "audiences": ["staff"],
        "languages": ["fi"],
        "hours_per_session": "2",
        "s-TOTAL_FORMS": "1",
        "s-INITIAL_FORMS": "0",
        "s-0-starts_at": "2030-05-02T09:00",
        "s-0-ends_at": "2030-05-02T12:00",
    }
    assert login("developer_a").post(reverse("event_new"), data).status_code == 302
    response = login("developer_a2", "en").post(reverse("event_new"), data)
    assert response.status_code == 200
    assert "This form was sent already. Open a new form." in response.content.decode()
    assert Event.objects.get().created_by == developer_a


def test_the_event_list_takes_a_fixed_number_of_queries(
    world: Any, developer_a: Any, partner: Any, django_assert_num_queries: Any
) -> None:
    for i in range(5):
        event_make(developer_a, title=f"Koulutus {i}")
    client = login("partner")
    client.get(reverse("events_list"))
    # session, user, the events with their counts, the notification badge
    with django_assert_num_queries(4):
        client.get(reverse("events_list"))


def test_the_portal_front_page_offers_the_events_for_clients(
    portal_world: Any, developer_a: Any
) -> None:
    event_make(developer_a, title="Nuoren ääni", kind="youth_voice", audiences=["clients"])
    event_make(developer_a, title="Henkilöstöinfo", audiences=["staff"])
    page = portal_client(portal_world.guardian).get(reverse("portal_home")).content.decode()
    assert "Tapahtumia sinulle" in page and "Nuoren ääni" in page
    assert "Henkilöstöinfo" not in page


def test_the_network_page_links_events_and_the_coordinator_also_a_new_event(
    developer_a: Any, partner: Any
) -> None:
    from monia.events import hub

    assert [link.url_name for link in hub.links(developer_a)] == ["events_list", "event_new"]
    assert [link.url_name for link in hub.links(partner)] == ["events_list"]
    page = login("partner").get(reverse("develop")).content.decode()
    assert reverse("events_list") in page and reverse("event_new") not in page


def test_the_coordinators_lists_log_the_clients_they_show(
    portal_world: Any, developer_a: Any
) -> None:
    """The portal told the young person that the organiser sees their name: the
    registrations and attendance pages write that read to the access log, and "who has seen
    my data" names it in plain words."""
    from monia.access.models import AccessEvent

    event = event_make(developer_a, title="Nuoren ääni", kind="youth_voice", audiences=["clients"])
    portal_client(portal_world.young).post(reverse("portal_event_register", args=[event.pk]))
    coordinator = login("developer_a")
    before = AccessEvent.objects.count()
    assert coordinator.get(reverse("event_registrations", args=[event.pk])).status_code == 200
    session = event.sessions.order_by("starts_at").first()
    assert session is not None
    url = reverse("session_attendance", args=[event.pk, session.pk])
    assert coordinator.get(url).status_code == 200
    logged = list(AccessEvent.objects.order_by("pk")[before:])
    assert [e.persons for e in logged] == [[portal_world.young.pk]] * 2
    assert {b for e in logged for b in e.bases} == {"event_organiser"}
    assert {e.purpose for e in logged} == {"event_registrations"}
