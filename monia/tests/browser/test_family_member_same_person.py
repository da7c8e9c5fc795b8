"""Adding a family member who is in the register already, in real Chromium: the page shows
the likely duplicate to choose (name and date of birth only) with everything typed kept,
and choosing him adds him to the family without a second person. Finnish and Swedish,
320 px, axe."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse

from monia.conftest import CaseWorld, child_create
from monia.people import hetu
from monia.people.models import Person, Relationship
from monia.people.services import person_create, relationship_create
from monia.tests.browser.conftest import assert_accessible, staff_login

pytestmark = pytest.mark.django_db(transaction=True)

WIDTH = 320
BORN = datetime.date(1980, 3, 14)
WORDS = {
    "fi": ("Onko henkilö jo rekisterissä?", "Kirjaa perheenjäsen"),
    "sv": ("Finns personen redan i registret?", "Registrera familjemedlemmen"),
}


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_a_family_member_already_in_the_register_is_chosen_not_created_again(
    browser_page: Any, live_server: Any, case_a: CaseWorld, worker_a: Any, world: Any, language: str
) -> None:
    page, base, case = browser_page, live_server.url, case_a.case
    pekka = person_create(
        county=world.county_a,
        first_names="Pekka Juhani",
        last_name="Virtanen",
        identity_code=hetu.make_synthetic(BORN, 955),
        address="Salainen tie 7",
    )
    other = child_create(world.county_a, first="Onni", last="Toinenlapsi", number=961)
    relationship_create(from_person=pekka, to_person=other, kind="biological_parent")
    heading, record = WORDS[language]
    page.set_viewport_size({"width": WIDTH, "height": 800})
    staff_login(page, base, "worker_a")
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": base}]
    )

    page.goto(base + reverse("family_member_new", args=[case.pk]))
    page.fill("#id_first_names", "Pekka")
    page.fill("#id_last_name", "Virtane")  # one letter short
    page.fill("#id_birth_date", BORN.isoformat())
    page.get_by_role("button", name=record).click()
    page.wait_for_load_state()

    assert page.get_by_role("heading", name=heading).is_visible()
    assert page.locator("#id_last_name").input_value() == "Virtane"
    main = page.inner_text("main")
    assert "Pekka Juhani Virtanen, 14.3.1980" in main
    assert "Salainen tie" not in main and "Toinenlapsi" not in main
    assert page.locator("html").get_attribute("lang") == language
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH
    assert_accessible(page)

    page.get_by_label(re.compile("Pekka Juhani Virtanen")).check()
    page.get_by_role("button", name=record).click()
    page.wait_for_url(re.compile(rf".*/cases/{case.pk}/$"))
    assert Relationship.objects.filter(from_person=pekka, to_person=case.child).exists()
    assert not Person.objects.filter(last_name="Virtane").exists()
