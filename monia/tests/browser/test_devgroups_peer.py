"""The development network's developer groups and peer groups in Chromium, with axe-core on
every page: the chair writes a meeting's memo and links an adopted idea to its practice
description (in Finnish, then the group page in Swedish at 320 px); a young person joins a
peer group in the portal and writes in its journal."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from monia.conftest import PortalWorld
from monia.devgroups import services as devgroups
from monia.devgroups.models import GroupMeeting, Idea
from monia.peer import services as peer
from monia.peer.models import PeerJournalEntry, PeerMembership
from monia.tests.browser.conftest import (
    assert_accessible,
    assert_no_sideways_scroll,
    portal_login,
    staff_login,
)

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 320, "height": 800}
DESKTOP = {"width": 1280, "height": 900}
PRACTICE = "https://www.innokyla.fi/fi/toimintamalli/lapsen-palaute"


def test_chair_writes_the_memo_and_links_an_idea_to_its_practice_description(
    browser_page: Any, live_server: Any, world: Any, worker_a: Any, expert_by_experience: Any
) -> None:
    page, base = browser_page, live_server.url
    group = devgroups.developer_group_create(county=world.county_a, name="Kehittäjäryhmä")
    devgroups.developer_member_add(group=group, user=worker_a, role="chair")
    devgroups.developer_member_add(group=group, user=expert_by_experience, role="member")
    meeting = devgroups.group_meeting_create(
        group=group,
        held_at=timezone.now() - datetime.timedelta(days=2),
        place="Perhekeskus",
        agenda="Lapsen palaute",
    )
    staff_login(page, base, "worker_a")
    page.set_viewport_size(DESKTOP)
    page.goto(base + reverse("devgroup_detail", kwargs={"group_id": group.pk}))
    assert_accessible(page)
    page.click(f"a[href$='/meetings/{meeting.pk}/']")
    page.wait_for_load_state()
    assert_accessible(page)
    page.fill("#id_memo", "Pilotti otetaan käyttöön.")
    page.click("form button[type=submit].primary")
    page.wait_for_load_state()
    assert GroupMeeting.objects.get(pk=meeting.pk).memo == "Pilotti otetaan käyttöön."

    # A new idea: an http address is refused and the typed words are kept.
    page.goto(base + reverse("devgroup_idea_new", kwargs={"group_id": group.pk}))
    assert_accessible(page)
    page.fill("#id_title", "Lapsen palaute verkostokokouksessa")
    page.select_option("#id_status", "adopted")
    page.fill("#id_outcome", "Käytössä kaikissa tiimeissä.")
    page.fill("#id_practice_description_title", "Toimintamallikuvaus")
    page.fill("#id_practice_description_url", "http://innokyla.fi/x")
    page.click("form button[type=submit].primary")
    page.wait_for_load_state()
    assert page.locator(".error-summary").is_visible() and not Idea.objects.exists()
    assert page.input_value("#id_title") == "Lapsen palaute verkostokokouksessa"
    assert_accessible(page)
    page.fill("#id_practice_description_url", PRACTICE)
    page.click("form button[type=submit].primary")
    page.wait_for_load_state()
    assert page.locator(f"a[href='{PRACTICE}']").count() == 1
    assert_accessible(page)

    # The expert by experience reads the memo; the group page in Swedish on a phone.
    staff_login(page, base, "expert_by_experience")
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "sv", "url": base}])
    page.set_viewport_size(PHONE)
    page.goto(base + reverse("devgroup_detail", kwargs={"group_id": group.pk}))
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.locator(f"a[href='{PRACTICE}']").count() == 1
    assert_no_sideways_scroll(page)
    assert_accessible(page)
    page.goto(
        base + reverse("devgroup_meeting", kwargs={"group_id": group.pk, "meeting_id": meeting.pk})
    )
    assert "Pilotti otetaan käyttöön." in page.inner_text("main")
    assert page.locator("textarea").count() == 0
    assert_accessible(page)


def test_young_person_joins_a_peer_group_in_the_portal(
    browser_page: Any, live_server: Any, portal_world: PortalWorld, world: Any, teammate_a: Any
) -> None:
    page, base = browser_page, live_server.url
    group = peer.peer_group_create(
        county=world.county_a,
        audience="young_people",
        name="Nuorten vertaisryhmä",
        meets="Maanantaisin klo 17",
        capacity=8,
        facilitators=[teammate_a],
    )
    portal_login(page, base, portal_world.young)
    page.set_viewport_size(PHONE)
    page.goto(base + reverse("portal_peer"))
    assert_accessible(page)
    page.click(f"a[href$='/portal/peer/{group.pk}/']")
    page.wait_for_load_state()
    assert_no_sideways_scroll(page)
    assert_accessible(page)
    page.click(f"form[action$='/peer/{group.pk}/join/'] button")
    page.wait_for_load_state()
    assert PeerMembership.objects.filter(group=group, person=portal_world.young).exists()
    assert_accessible(page)
    page.fill("#id_text", "Moi kaikki!")
    page.click("form button[type=submit].primary")
    page.wait_for_load_state()
    assert PeerJournalEntry.objects.get().author_person == portal_world.young
    assert "Moi kaikki!" in page.inner_text("main")
    assert_no_sideways_scroll(page)
    assert_accessible(page)
