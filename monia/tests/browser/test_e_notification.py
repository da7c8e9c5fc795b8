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


def _county_with_municipality() -> County:
    from monia.teams.models import Municipality

    county = County.objects.create(
        code="pohjanmaa",
        name_fi="Pohjanmaan hyvinvointialue",
        name_sv="Österbottens välfärdsområde",
        controller="Pohjanmaan hyvinvointialue",
        social_emergency_phone="06 218 9555",
    )
    Municipality.objects.create(county=county, name_fi="Mustasaari", name_sv="Korsholm")
    Municipality.objects.create(county=county, name_fi="Vaasa", name_sv="Vasa")
    return county


def _no_sideways_scroll(page: Any) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], (page.url, width)


def _send_as_an_anonymous_neighbour(page: Any) -> None:
    """A neighbour who cannot name the child describes him, as told on the phone."""
    page.locator("#id_notifier_type_2").check()
    page.locator("#id_child_approximate_age").fill("8")
    page.locator("#id_child_address").fill("Koulukatu 5 B 12")
    page.locator("#id_child_description").fill("Poika, tummat hiukset, usein yksin pihalla.")
    page.locator("#id_content").fill(CONTENT)
    page.locator("button[type=submit].primary").click()
    page.wait_for_load_state()


CONTENT = "Poika on ollut monena iltana yksin pihalla myöhään ja itkenyt."


def test_a_citizen_chooses_the_municipality_and_meets_no_staff_text(
    browser_page: Any, live_server: Any
) -> None:
    _county_with_municipality()
    page = browser_page
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"{live_server.url}/e-notification/")
    main = page.locator("main").inner_text()
    assert "112" in main
    assert "käyttölokiin" not in page.content()
    _no_sideways_scroll(page)
    assert_accessible(page)

    page.locator("#id_municipality").select_option(label="Vaasa")
    page.get_by_role("button", name="Jatka").click()
    page.wait_for_url("**/e-notification/pohjanmaa/?municipality=*")
    assert page.locator("#id_child_municipality").input_value() == "Vaasa"
    emergency = page.locator("aside.emergency").inner_text()
    assert "112" in emergency and "06 218 9555" in emergency
    assert "käyttölokiin" not in page.content()
    _no_sideways_scroll(page)
    assert_accessible(page)

    page.get_by_role("link", name="Miten tietojasi käsitellään (tietosuojaseloste)").click()
    page.wait_for_url("**/privacy/")
    assert page.locator("h1").inner_text().startswith("Tietosuojaseloste")
    assert "Rekisterinpitäjä" in page.locator("main").inner_text()
    assert "Pohjanmaan hyvinvointialue" in page.locator("main").inner_text()
    _no_sideways_scroll(page)
    assert_accessible(page)


def test_a_busy_address_answers_a_question_and_the_unnamed_child_is_recorded(
    browser_page: Any, live_server: Any, settings: Any
) -> None:
    import re
    import uuid

    from monia.enotify import services

    settings.MONIA_ENOTIFY_RATE_HOUR = 1
    county = _county_with_municipality()
    services.enotification_submit(  # the school sent one already this hour
        county=county,
        ip_hash=services.ip_hash_of("127.0.0.1"),
        submission_key=uuid.uuid4(),
        kind="notification",
        notifier_type="anonymous",
        content="Aiempi ilmoitus.",
        child_first_names="Eka",
    )
    page = browser_page
    page.goto(f"{live_server.url}/e-notification/pohjanmaa/")
    _send_as_an_anonymous_neighbour(page)

    assert ENotification.objects.count() == 1
    assert page.locator("#id_content").input_value() == CONTENT
    assert page.locator("#id_child_address").input_value() == "Koulukatu 5 B 12"
    label = page.locator("label[for=id_challenge_answer]").inner_text()
    a, b = map(int, re.findall(r"\d+", label))
    assert label.startswith("Paljonko on")
    assert_accessible(page)

    page.locator("#id_challenge_answer").fill(str(a + b))
    page.locator("button[type=submit].primary").click()
    page.wait_for_url("**/received/")
    en = ENotification.objects.get(content=CONTENT)
    assert (en.child_first_names, en.child_approximate_age) == ("", 8)
    assert en.child_address == "Koulukatu 5 B 12"
    assert_accessible(page)


def test_past_the_ceiling_the_form_comes_back_filled_with_the_numbers_to_call(
    browser_page: Any, live_server: Any, settings: Any, monkeypatch: Any
) -> None:
    import uuid

    from monia.enotify import gate, services

    settings.MONIA_ENOTIFY_RATE_HOUR = 1
    monkeypatch.setattr(gate, "ADDRESS_CEILING_FACTOR", 1)
    county = _county_with_municipality()
    services.enotification_submit(
        county=county,
        ip_hash=services.ip_hash_of("127.0.0.1"),
        submission_key=uuid.uuid4(),
        kind="notification",
        notifier_type="anonymous",
        content="Aiempi ilmoitus.",
        child_first_names="Eka",
    )
    page = browser_page
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"{live_server.url}/e-notification/pohjanmaa/")
    _send_as_an_anonymous_neighbour(page)

    refused = page.locator("#refused").inner_text()
    assert "Ilmoitustasi ei ole vielä lähetetty" in refused and "06 218 9555" in refused
    assert page.locator("#id_content").input_value() == CONTENT
    assert page.locator("#id_child_description").input_value().startswith("Poika")
    assert ENotification.objects.count() == 1
    _no_sideways_scroll(page)
    assert_accessible(page)
