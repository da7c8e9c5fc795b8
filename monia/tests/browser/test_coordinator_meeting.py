"""The team coordinator keeps her team's weekly meeting in real Chromium: her menu offers
only what she may do, she opens every family on the agenda and writes the memo (the
reflection) — with axe-core finding no violations on any page."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone

from monia.conftest import CaseWorld, child_create, days_ago, notification
from monia.systemic import services
from monia.systemic.models import Reflection
from monia.tests.browser.conftest import assert_accessible, staff_login

pytestmark = pytest.mark.django_db(transaction=True)


def test_coordinator_opens_every_family_of_her_meeting_and_writes_the_memo(
    browser_page: Any,
    live_server: Any,
    case_a: CaseWorld,
    world: Any,
    worker_a: Any,
    coordinator_a: Any,
) -> None:
    other = child_create(world.county_a, first="Veeti", last="Virtanen", number=940)
    notification(worker_a, other, world.team_a1, at=days_ago(1))
    meeting = services.meeting_open(
        user=worker_a, team=world.team_a1, held_on=timezone.localdate() + datetime.timedelta(7)
    )
    names = [it.case.child.full_name for it in meeting.items.select_related("case__child")]
    assert len(names) == 2
    page = browser_page
    base = live_server.url
    staff_login(page, base, "coordinator_a")

    menu = page.locator("nav.main-nav")
    assert menu.get_by_role("link", name="Uusi vireilletulo").count() == 0
    menu.get_by_role("link", name="Tiimi").click()
    page.wait_for_load_state()
    assert_accessible(page)
    page.get_by_role("link", name="Viikkokokoukset").click()
    page.wait_for_load_state()
    page.locator(f"a[href='/team/meetings/{meeting.pk}/']").click()
    page.wait_for_load_state()
    assert_accessible(page)
    for name in names:
        page.get_by_role("link", name=name, exact=True).click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == name
        page.go_back()
        page.wait_for_load_state()

    page.get_by_role("link", name=names[0], exact=True).click()
    page.wait_for_load_state()
    assert_accessible(page)
    page.fill("#id_worries", "Poissaolot jatkuvat.")
    page.fill("#id_working_well", "Äiti on sitoutunut yhteistyöhön.")
    page.click("form[action$='/reflection/'] button[type=submit]")
    page.wait_for_load_state()
    assert "Tallennettu." in page.content()
    assert Reflection.objects.get().worries == "Poissaolot jatkuvat."
