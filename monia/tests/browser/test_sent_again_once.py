"""Forms a tired worker sends twice, in real Chromium: "Back" after sending, and the form
sent again, records once. A family member, a phone number, a referral and a question to
another sector's expert were each recorded twice (a duplicate person in the child's
family; a consultation asked and notified twice). The consultation form also says what is
missing in the page's words (the browser's own bubble stopped it before)."""

from __future__ import annotations

import re
from typing import Any

from django.urls import reverse
from django.utils import timezone

from monia.consult.models import Consultation
from monia.network.models import Organisation, Referral
from monia.people.models import ContactDetail, Person
from monia.tests.browser.conftest import assert_no_sideways_scroll, staff_login


def _again(page: Any, button: str) -> None:
    """The browser's Back, and the restored form sent again (each test then sees the
    success message: the form was sent whole, not refused as empty)."""
    page.go_back()
    page.wait_for_load_state()
    page.get_by_role("button", name=button).click()
    page.wait_for_load_state()


def test_back_and_send_again_records_once(
    browser_page: Any, live_server: Any, case_a: Any, worker_a: Any, school: Any
) -> None:
    page, base, case = browser_page, live_server.url, case_a.case
    staff_login(page, base, "worker_a")

    page.goto(base + reverse("family_member_new", args=[case.pk]))
    page.get_by_label("Etunimet").fill("Lisa")
    page.get_by_label("Sukunimi").fill("Esimerkki")
    page.get_by_label("Syntymäaika").fill("1950-02-03")
    page.get_by_role("button", name="Kirjaa perheenjäsen").click()
    page.wait_for_url(re.compile(rf".*/cases/{case.pk}/$"))
    _again(page, "Kirjaa perheenjäsen")
    assert page.get_by_role("status").get_by_text("Perheenjäsen kirjattiin.").is_visible()
    assert Person.objects.filter(first_names="Lisa", last_name="Esimerkki").count() == 1

    parent = Person.objects.get(first_names="Maija")
    page.goto(base + reverse("contact_detail_new", args=[case.pk, parent.pk]))
    page.get_by_role("radio", name="Puhelin").check()
    page.get_by_label("Puhelinnumero, sähköposti tai osoite").fill("040 123 4567")
    page.get_by_role("button", name="Kirjaa yhteystieto").click()
    page.wait_for_load_state()
    _again(page, "Kirjaa yhteystieto")
    assert page.get_by_role("status").get_by_text("Yhteystieto kirjattiin.").is_visible()
    assert ContactDetail.objects.filter(person=parent, value="040 123 4567").count() == 1

    clinic = Organisation.objects.create(
        county=case.county, name="Nuorisopsykiatria", sector="child_psychiatry"
    )
    page.goto(base + reverse("case_referrals", args=[case.pk]))
    page.get_by_label("Palveluntuottaja").select_option(str(clinic.pk))
    page.locator("#id_service").fill("Koulupsykologi")
    page.get_by_label("Tarve todettu").fill(timezone.localdate().isoformat())
    page.get_by_label("Lähete tehty").fill(timezone.localtime().strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Kirjaa lähete").click()
    page.wait_for_load_state()
    _again(page, "Kirjaa lähete")
    assert page.get_by_role("status").get_by_text("Lähete kirjattiin.").is_visible()
    assert Referral.objects.filter(case=case).count() == 1

    page.goto(base + reverse("case_consultations", args=[case.pk]))
    page.get_by_label("Organisaatio").select_option(str(school.pk))
    page.get_by_label("Kysymys").fill("Miten koulu voisi tukea lasta aamuisin?")
    page.get_by_role("button", name="Lähetä kysymys").click()
    page.wait_for_load_state()
    summary = page.get_by_role("alert").filter(has_text="Tarkista lomake")
    assert summary.is_visible()  # a pseudonym is needed: said in the page's words
    assert page.get_by_label("Kysymys").input_value() == "Miten koulu voisi tukea lasta aamuisin?"
    page.set_viewport_size({"width": 320, "height": 640})
    assert_no_sideways_scroll(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    # A fresh form (Back from here would pass the refused POST's answer first).
    page.goto(base + reverse("case_consultations", args=[case.pk]))
    page.get_by_label("Organisaatio").select_option(str(school.pk))
    page.get_by_label("Kysymys").fill("Miten koulu voisi tukea lasta aamuisin?")
    page.get_by_label("Peitenimi").fill("Tyttö, 9")
    page.get_by_role("button", name="Lähetä kysymys").click()
    page.wait_for_load_state()
    assert Consultation.objects.filter(case=case).count() == 1
    _again(page, "Lähetä kysymys")
    # The restored form was sent whole (not refused as empty) and asked nothing new.
    assert page.get_by_role("status").get_by_text("Kysymys lähetettiin.").is_visible()
    assert Consultation.objects.filter(case=case).count() == 1


def test_a_question_proposed_again_after_back_is_listed_once(
    browser_page: Any, live_server: Any, portal_world: Any
) -> None:
    from monia.dialogue.models import ResearchQuestion
    from monia.tests.browser.conftest import portal_login

    page, base = browser_page, live_server.url
    case = portal_world.cw.case
    portal_login(page, base, portal_world.guardian)
    page.goto(base + reverse("portal_journal", args=[case.pk]))
    page.get_by_label("Kysymys, jota voisimme selvittää yhdessä").fill("Mikä auttaa aamuisin?")
    page.get_by_role("button", name="Ehdota kysymystä").click()
    page.wait_for_load_state()
    _again(page, "Ehdota kysymystä")
    assert page.get_by_role("status").get_by_text("Tallennettu.").is_visible()  # sent whole
    assert ResearchQuestion.objects.filter(case=case, text="Mikä auttaa aamuisin?").count() == 1
