"""Editing a peer group in Chromium, with axe-core on the edit page: a facilitator fixes the
description in Finnish on a desktop, then in Swedish on a 320 px phone, where the page does
not scroll sideways; the group's page shows the new words and the link to edit."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse

from monia.conftest import PortalWorld
from monia.peer import services as peer
from monia.peer.models import PeerGroup
from monia.tests.browser.conftest import assert_accessible, assert_no_sideways_scroll, staff_login

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 320, "height": 800}
DESKTOP = {"width": 1280, "height": 900}


def _save(page: Any) -> None:
    page.click("form button[type=submit].primary")
    page.wait_for_load_state()


def test_facilitator_edits_the_description_in_finnish_and_in_swedish(
    browser_page: Any, live_server: Any, portal_world: PortalWorld, world: Any, teammate_a: Any
) -> None:
    page, base = browser_page, live_server.url
    group = peer.peer_group_create(
        county=world.county_a,
        audience="young_people",
        name="Nuorten vertaisryhmä",
        description="Kuvas kirjoitusvirheellä.",
        meets="Maanantaisin klo 17",
        capacity=8,
        facilitators=[teammate_a],
    )
    peer.peer_join(group=group, person=portal_world.young)  # the audience is locked now
    edit = base + reverse("peer_group_edit", kwargs={"group_id": group.pk})

    staff_login(page, base, "teammate_a")
    page.set_viewport_size(DESKTOP)
    page.goto(base + reverse("peer_group", kwargs={"group_id": group.pk}))
    page.click(f"a[href$='/develop/peer/{group.pk}/edit/']")
    page.wait_for_load_state()
    assert page.url == edit
    assert page.locator("html").get_attribute("lang") == "fi"
    assert page.input_value("#id_description") == "Kuvas kirjoitusvirheellä."
    assert page.locator("#id_audience").is_disabled()
    assert_accessible(page)
    page.fill("#id_description", "Kuvaus ilman kirjoitusvirhettä.")
    _save(page)
    assert PeerGroup.objects.get(pk=group.pk).description == "Kuvaus ilman kirjoitusvirhettä."
    assert "Kuvaus ilman kirjoitusvirhettä." in page.inner_text("main")

    # Too few places: refused in Finnish, the typed description kept, nothing saved.
    page.goto(edit)
    page.fill("#id_description", "Tätä ei tallenneta.")
    page.fill("#id_capacity", "0")
    _save(page)
    assert page.locator(".error-summary").is_visible()
    assert page.input_value("#id_description") == "Tätä ei tallenneta."
    assert PeerGroup.objects.get(pk=group.pk).capacity == 8
    assert_accessible(page)

    # In Swedish on a phone.
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "sv", "url": base}])
    page.set_viewport_size(PHONE)
    page.goto(edit)
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.locator("h1").inner_text() == "Redigera gruppen"
    assert_no_sideways_scroll(page)
    assert_accessible(page)
    page.fill("#id_description", "En grupp för unga som träffas på måndagar.")
    _save(page)
    saved = PeerGroup.objects.get(pk=group.pk)
    assert saved.description == "En grupp för unga som träffas på måndagar."
    assert saved.audience == "young_people" and saved.capacity == 8 and saved.version == 2
    assert "Gruppens uppgifter sparades." in page.inner_text("main")
    assert_no_sideways_scroll(page)
