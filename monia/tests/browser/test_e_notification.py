"""A school nurse sends an electronic child welfare notification, in Finnish."""

from __future__ import annotations

from typing import Any

import pytest

from monia.enotify.models import ENotification
from monia.enotify.tests.conftest import CHILD_CODE
from monia.teams.models import County
from monia.tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


def test_school_nurse_sends_a_notification_in_finnish(browser_page: Any, live_server: Any) -> None:
    County.objects.create(
        code="pohjois-savo", name_fi="Pohjois-Savo", name_sv="Norra Savolax", controller="PSHVA"
    )
    page = browser_page
    page.goto(f"{live_server.url}/e-notification/")
    page.get_by_role("link", name="Pohjois-Savo").click()
    assert page.locator("html").get_attribute("lang") == "fi"
    assert_accessible(page)

    page.locator("#id_kind_0").check()
    page.locator("#id_notifier_type_0").check()
    page.locator("#id_notifier_name").fill("Terhi Terveydenhoitaja")
    page.locator("#id_notifier_organisation").fill("Esimerkin koulu")
    page.locator("#id_notifier_sector").select_option("school")
    page.locator("#id_notifier_phone").fill("040 123 4567")
    page.locator("#id_child_first_names").fill("Aino")
    page.locator("#id_child_last_name").fill("Esimerkki")
    page.locator("#id_child_identity_code").fill(CHILD_CODE)
    page.locator("#id_child_municipality").fill("Kuopio")
    page.locator("#id_family_informed_1").check()
    page.locator("#id_content").fill("Lapsi kertoi terveystarkastuksessa, ettei kotona ole ruokaa.")
    page.locator("#id_crime_suspected").check()
    page.locator("button[type=submit].primary").click()

    page.wait_for_url("**/received/")
    en = ENotification.objects.get()
    assert en.notifier_sector == "school"
    assert en.reference in page.locator("main").inner_text()
    assert page.locator("[role=alert]").count() == 1  # the police-report reminder
    assert_accessible(page)
