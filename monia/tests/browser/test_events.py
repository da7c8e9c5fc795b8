"""Events and trainings in Chromium with axe on every page (issue 16): the development
coordinator publishes a three-part partner training, a school nurse registers, attends two
parts and downloads her certificate; she reads her event in Swedish too."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from monia.events.models import Event, EventSession, Registration
from monia.tests.browser.conftest import assert_accessible, staff_login

pytestmark = pytest.mark.django_db(transaction=True)


def _local(days: int, hour: int) -> str:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return f"{day.isoformat()}T{hour:02d}:00"


def test_a_partner_training_from_publishing_to_the_certificate(
    browser_page: Any, live_server: Any, developer_a: Any, partner: Any
) -> None:
    page, base = browser_page, live_server.url

    # The coordinator writes a three-part training for partners in one form and publishes it.
    staff_login(page, base, "developer_a")
    page.goto(base + reverse("develop"))
    page.get_by_role("link", name="Uusi tapahtuma").click()
    page.select_option("#id_kind", "training")
    page.fill("#id_title", "Sytykettä yhteistyöhön")
    page.fill("#id_description", "Kolmiosainen koulutus koulujen ja lastensuojelun yhteistyöstä.")
    page.check("input[name=audiences][value=partners]")
    page.fill("#id_quota", "20")
    page.fill("#id_place", "Monitoimitalo")
    page.fill("#id_certificate_sessions", "2")
    page.fill("#id_hours_per_session", "3")
    for i, days in enumerate((2, 9, 16)):
        page.fill(f"#id_s-{i}-starts_at", _local(days, 9))
        page.fill(f"#id_s-{i}-ends_at", _local(days, 12))
    assert_accessible(page)
    page.get_by_role("button", name="Tallenna").click()
    page.wait_for_load_state()
    assert "Ei vielä julkaistu" in page.locator("main").inner_text()
    page.get_by_role("button", name="Julkaise ja kutsu").click()
    page.wait_for_load_state()
    assert "julkaistiin" in page.locator("main").inner_text()
    assert_accessible(page)
    event = Event.objects.get()
    assert event.is_published and event.sessions.count() == 3

    # The school nurse finds it on the network's page and registers.
    staff_login(page, base, "partner")
    page.goto(base + reverse("develop"))
    page.get_by_role("link", name="Tapahtumat", exact=True).click()
    assert_accessible(page)
    page.get_by_role("link", name="Sytykettä yhteistyöhön").click()
    page.get_by_role("button", name="Ilmoittaudu").click()
    page.wait_for_load_state()
    assert "Olet ilmoittautunut." in page.locator("main").inner_text()
    assert_accessible(page)

    # Two weeks later: the first two sessions are behind.
    for n, session in enumerate(EventSession.objects.order_by("starts_at")[:2]):
        shift = datetime.timedelta(days=18 - 7 * n)
        EventSession.objects.filter(pk=session.pk).update(
            starts_at=session.starts_at - shift, ends_at=session.ends_at - shift
        )

    # The coordinator records who was present, a session at a time. At 320 px, before anyone
    # has a certificate to link, the wide table still scrolls by keyboard (found by the walk).
    staff_login(page, base, "developer_a")
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(base + reverse("event_registrations", args=[event.pk]))
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 720})
    for n in range(2):
        page.goto(base + reverse("event_registrations", args=[event.pk]))
        page.locator("ul.hub-links a").nth(n).click()
        page.get_by_label("Partner Testinen").check()
        if n == 0:
            assert_accessible(page)
        page.get_by_role("button", name="Tallenna läsnäolot").click()
        page.wait_for_load_state()
    table = page.locator("table.data").inner_text()
    assert "Keskuskoulu" in table and "2" in table
    assert_accessible(page)

    # The nurse downloads her certificate.
    staff_login(page, base, "partner")
    page.goto(base + reverse("event_detail", args=[event.pk]))
    assert page.locator("main").inner_text().count("läsnä") == 2
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Lataa todistukseni (PDF)").click()
    path = download_info.value.path()
    with open(path, "rb") as f:
        assert f.read(5) == b"%PDF-"
    assert Registration.objects.get().user.username == "partner"

    # The same page in Swedish.
    page.select_option("#language-select", "sv")
    page.get_by_role("button", name="Vaihda").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "sv"
    main = page.locator("main").inner_text()
    assert "Ladda ner mitt intyg (PDF)" in main and "Min anmälan" in main
    assert_accessible(page)
