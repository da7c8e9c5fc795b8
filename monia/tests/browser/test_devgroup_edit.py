"""Editing a developer group in Chromium, with axe-core on every page: the chair follows the
group page's "Edit the group" link and fixes the name in Finnish, then again in Swedish on a
320 px phone, where the page does not scroll sideways; a member is shown no such link."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse

from monia.devgroups import services as devgroups
from monia.devgroups.models import DeveloperGroup
from monia.tests.browser.conftest import assert_accessible, assert_no_sideways_scroll, staff_login

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 320, "height": 800}
DESKTOP = {"width": 1280, "height": 900}


def _save_name(page: Any, name: str) -> None:
    page.fill("#id_name", name)
    page.click("form button[type=submit].primary")
    page.wait_for_load_state()


def test_chair_fixes_the_group_name_in_finnish_and_in_swedish(
    browser_page: Any, live_server: Any, world: Any, worker_a: Any, expert_by_experience: Any
) -> None:
    page, base = browser_page, live_server.url
    group = devgroups.developer_group_create(
        county=world.county_a, name="Kehittäjäryhmä", theme="Lapsen osallisuus"
    )
    devgroups.developer_member_add(group=group, user=worker_a, role="chair")
    devgroups.developer_member_add(group=group, user=expert_by_experience, role="member")
    detail = reverse("devgroup_detail", kwargs={"group_id": group.pk})
    edit = reverse("devgroup_edit", kwargs={"group_id": group.pk})

    # In Finnish: from the group page's link, a typo fixed.
    staff_login(page, base, "worker_a")
    page.set_viewport_size(DESKTOP)
    page.goto(base + detail)
    assert page.locator("html").get_attribute("lang") == "fi"
    page.click(f"a[href='{edit}']")
    page.wait_for_load_state()
    assert page.input_value("#id_name") == "Kehittäjäryhmä"
    assert page.input_value("#id_theme") == "Lapsen osallisuus"
    assert_accessible(page)
    _save_name(page, "Lastensuojelun kehittäjäryhmä")
    assert page.url == base + detail
    assert page.locator("h1").inner_text() == "Lastensuojelun kehittäjäryhmä"
    assert DeveloperGroup.objects.get(pk=group.pk).name == "Lastensuojelun kehittäjäryhmä"

    # An empty name is refused; the other fields keep what is there.
    page.goto(base + edit)
    page.fill("#id_theme", "Lapsen ja perheen osallisuus")
    _save_name(page, "")
    assert page.locator(".error-summary").is_visible()
    assert page.input_value("#id_theme") == "Lapsen ja perheen osallisuus"
    assert_accessible(page)
    assert DeveloperGroup.objects.get(pk=group.pk).theme == "Lapsen osallisuus"

    # In Swedish on a phone: the page reflows at 320 px and the name is saved.
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "sv", "url": base}])
    page.set_viewport_size(PHONE)
    page.goto(base + edit)
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.locator("h1").inner_text() == "Redigera gruppen"
    assert_no_sideways_scroll(page)
    assert_accessible(page)
    _save_name(page, "Barnskyddets utvecklargrupp")
    assert page.url == base + detail
    assert "Gruppens uppgifter sparades." in page.inner_text("main")
    assert_no_sideways_scroll(page)
    assert_accessible(page)
    assert DeveloperGroup.objects.get(pk=group.pk).name == "Barnskyddets utvecklargrupp"

    # A member reads the group but is shown no edit link.
    staff_login(page, base, "expert_by_experience")
    page.goto(base + detail)
    assert page.locator(f"a[href='{edit}']").count() == 0
