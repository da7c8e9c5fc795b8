"""The participation portal in Chromium, for each kind of client, at phone and desktop
widths, with axe-core on every page: a young person, a guardian who must not see a
hidden document, a young adult in aftercare, and the "I don't feel safe" button."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone

from monia.accounts.models import User
from monia.conftest import PortalWorld
from monia.netmeet import services as netmeet_services
from monia.portal import services as portal_services
from monia.portal.models import SafetyAlert
from monia.tests.browser.conftest import assert_accessible, portal_login

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _demo_login(page: Any, base: str, identity_code: str) -> None:
    page.goto(f"{base}/portal/login/")
    assert_accessible(page)
    page.get_by_role("link", name="Demotunnistautuminen (ei oikea)").click()
    assert_accessible(page)
    page.get_by_label("Demoasiakkaan henkilötunnus").fill(identity_code)
    page.locator("form button.primary").click()


def _check_every_page(page: Any, base: str, case_id: int) -> None:
    for path in ("", "plan/", "decisions/", "meetings/", "who-viewed/"):
        for size in (PHONE, DESKTOP):
            page.set_viewport_size(size)
            page.goto(f"{base}/portal/{case_id}/{path}")
            assert page.locator("h1").count() == 1
            assert page.get_by_role("button", name="En tunne oloani turvalliseksi").is_visible()
            assert_accessible(page)


def test_young_person_follows_their_matter_and_asks_for_help(
    browser_page: Any, live_server: Any, portal_world: PortalWorld, settings: Any
) -> None:
    settings.MONIA_DEMO_IDENTIFICATION = True
    case = portal_world.young_case
    netmeet_services.meeting_plan(
        user=User.objects.get(username="worker_a"),
        case=case,
        held_at=timezone.now() + datetime.timedelta(days=3),
        place="Koulu",
        agenda="Miten koulu sujuu",
        remote_link="https://meet.example.org/abc",
    )
    page = browser_page
    page.set_viewport_size(PHONE)
    _demo_login(page, live_server.url, portal_world.young.identity_code)
    page.wait_for_url(f"**/portal/{case.pk}/")
    assert "Hei Eetu!" in page.locator("h1").inner_text()
    assert page.get_by_role("link", name="Liity tapaamiseen verkossa").count() == 1
    _check_every_page(page, live_server.url, case.pk)

    page.set_viewport_size(PHONE)
    page.get_by_role("button", name="En tunne oloani turvalliseksi").click()
    assert page.get_by_role("alert").is_visible()
    assert "112" in page.locator("main").inner_text()
    assert_accessible(page)
    assert SafetyAlert.objects.filter(case=case).count() == 1
    # His little sister's matter is not his to see: it looks like nothing at all.
    assert page.goto(f"{live_server.url}/portal/{portal_world.cw.case.pk}/").status == 404
    assert page.goto(f"{live_server.url}/portal/{portal_world.cw.case.pk}/decisions/").status == 404


def test_guardian_chooses_a_child_and_does_not_see_a_hidden_document(
    browser_page: Any, live_server: Any, portal_world: PortalWorld, settings: Any
) -> None:
    settings.MONIA_DEMO_IDENTIFICATION = True
    case = portal_world.cw.case
    portal_services.document_hide(
        user=case.designated_worker,
        case=case,
        document_key=f"measure:{portal_world.cw.emergency.pk}",
        guardian=portal_world.guardian,
        reason="Sijoituspaikka ei saa tulla huoltajan tietoon.",
    )
    page = browser_page
    page.set_viewport_size(DESKTOP)
    _demo_login(page, live_server.url, portal_world.guardian.identity_code)
    page.wait_for_url("**/portal/")
    assert_accessible(page)
    page.set_viewport_size(PHONE)
    assert_accessible(page)
    page.get_by_role("link", name="En tunne oloani turvalliseksi").click()
    page.wait_for_url("**/portal/safety/")
    assert "112" in page.locator("main").inner_text()
    assert_accessible(page)
    page.set_viewport_size(DESKTOP)
    assert_accessible(page)
    page.goto(f"{live_server.url}/portal/")
    page.get_by_role("link", name="Lapseni Aino").click()
    page.wait_for_url(f"**/portal/{case.pk}/")
    page.goto(f"{live_server.url}/portal/{case.pk}/decisions/")
    text = page.locator("main").inner_text()
    assert "Perhekoti" not in text
    assert "Päätös lastensuojeluilmoituksen jälkeen" in text
    _check_every_page(page, live_server.url, case.pk)
    # Eetu's matter is open to his guardian too; Ville's is not.
    assert page.goto(f"{live_server.url}/portal/{portal_world.adult_case.pk}/").status == 404


def test_young_adult_in_aftercare_sees_their_decisions_in_english(
    browser_page: Any, live_server: Any, portal_world: PortalWorld, settings: Any
) -> None:
    settings.MONIA_DEMO_IDENTIFICATION = True
    case = portal_world.adult_case
    from monia.portal import family_services
    from monia.portal.document_selectors import case_documents

    aftercare = next(d for d in case_documents(case) if d.key.startswith("measure:"))
    family_services.family_version_approve(
        user=User.objects.get(username="worker_a"),
        case=case,
        document_key=aftercare.key,
        text="Sait jälkihuoltoa, kun lähdit paikasta Nuorisokoti.",
    )
    page = browser_page
    page.set_viewport_size(PHONE)
    _demo_login(page, live_server.url, portal_world.young_adult.identity_code)
    page.wait_for_url(f"**/portal/{case.pk}/")
    page.locator("#language-select").select_option("en")
    page.get_by_role("button", name="Vaihda").click()
    page.goto(f"{live_server.url}/portal/{case.pk}/decisions/")
    assert page.locator("html").get_attribute("lang") == "en"
    text = page.locator("main").inner_text()
    assert "Aftercare" in text and "Nuorisokoti" in text
    assert_accessible(page)
    # A sibling's or stranger's matter looks like nothing at all.
    assert page.goto(f"{live_server.url}/portal/{portal_world.young_case.pk}/").status == 404


SPEECH_STUB = """
window.__spoken = [];
window.SpeechSynthesisUtterance = function (text) { this.text = text; };
Object.defineProperty(window, 'speechSynthesis', {value: {
  speak: function (u) { window.__spoken.push({text: u.text, lang: u.lang}); },
  cancel: function () {},
}});
"""


def test_the_page_is_read_aloud_to_a_child_who_asks(
    browser_page: Any, live_server: Any, portal_world: PortalWorld, settings: Any
) -> None:
    from monia.tests.browser.conftest import portal_login

    page = browser_page
    page.context.add_init_script(SPEECH_STUB)
    portal_login(page, live_server.url, portal_world.young)
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/portal/{portal_world.young_case.pk}/")
    button = page.get_by_role("button", name="Lue ääneen")
    assert_accessible(page)
    button.click()
    spoken = page.evaluate("window.__spoken")
    assert spoken[0]["lang"] == "fi-FI"
    assert spoken[0]["text"].startswith("Hei Eetu!")
    assert "Lue ääneen" not in spoken[0]["text"]
    assert page.get_by_role("button", name="Lopeta lukeminen").is_visible()


def test_without_javascript_the_portal_works_and_offers_no_read_aloud(
    browser_page: Any, live_server: Any, portal_world: PortalWorld
) -> None:
    from monia.tests.browser.conftest import portal_login

    context = browser_page.context.browser.new_context(java_script_enabled=False, locale="fi-FI")
    page = context.new_page()
    portal_login(page, live_server.url, portal_world.young)
    page.goto(f"{live_server.url}/portal/{portal_world.young_case.pk}/")
    assert page.locator("h1").inner_text() == "Hei Eetu!"
    assert page.get_by_role("button", name="Lue ääneen").count() == 0
    page.get_by_role("button", name="En tunne oloani turvalliseksi").click()
    assert "112" in page.locator("main").inner_text()
    context.close()


def test_the_worker_hides_a_document_and_handles_a_safety_alert(
    browser_page: Any, live_server: Any, portal_world: PortalWorld
) -> None:
    from monia.tests.browser.conftest import portal_login, staff_login

    case = portal_world.cw.case
    page = browser_page
    # Aino's guardian asks for help; the worker sees it on the dashboard.
    portal_login(page, live_server.url, portal_world.guardian)
    page.goto(f"{live_server.url}/portal/{case.pk}/")
    page.get_by_role("button", name="En tunne oloani turvalliseksi").click()
    staff_login(page, live_server.url, "worker_a")
    alert = page.get_by_role("alert")
    assert "Aino Esimerkki" in alert.inner_text()
    assert_accessible(page)
    alert.get_by_role("link", name="Aino Esimerkki").click()
    page.wait_for_url(f"**/cases/{case.pk}/portal/")
    assert_accessible(page)

    page.get_by_label("Mitä tehtiin").first.fill("Soitin äidille, tilanne rauhoittui.")
    page.get_by_role("button", name="Merkitse käsitellyksi").click()
    assert "Soitin äidille" in page.locator("main").inner_text()

    # An empty reason keeps what was chosen and says what is missing.
    page.locator("#id_document").select_option(f"measure:{portal_world.cw.emergency.pk}")
    page.locator("#id_guardian").select_option(str(portal_world.guardian.pk))
    page.get_by_role("button", name="Piilota huoltajalta").click()
    assert page.locator(".error-summary").is_visible()
    assert page.locator("#id_document").input_value() == f"measure:{portal_world.cw.emergency.pk}"
    assert_accessible(page)
    page.locator("#id_reason").fill("Sijoituspaikka on salainen.")
    page.get_by_role("button", name="Piilota huoltajalta").click()
    assert "Sijoituspaikka on salainen." in page.locator("main").inner_text()
    assert_accessible(page)


def test_the_button_at_the_top_pressed_reloaded_and_pressed_again_after_back_alerts_once(
    browser_page: Any, live_server: Any, portal_world: PortalWorld
) -> None:
    page, case = browser_page, portal_world.young_case
    portal_login(page, live_server.url, portal_world.young)
    page.goto(f"{live_server.url}/portal/{case.pk}/plan/")
    page.get_by_role("button", name="En tunne oloani turvalliseksi").click()
    assert page.get_by_role("alert").is_visible()
    page.reload()  # the answer reloaded: the browser sends the press again
    page.wait_for_load_state()
    page.go_back()  # to the plan, whose button the browser gives back its key
    page.wait_for_url(f"**/portal/{case.pk}/plan/")
    page.get_by_role("button", name="En tunne oloani turvalliseksi").click()
    assert page.get_by_role("alert").is_visible()
    assert SafetyAlert.objects.filter(case=case).count() == 1
