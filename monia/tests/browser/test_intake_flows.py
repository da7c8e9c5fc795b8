"""Recording an intake in real Chromium, with axe on every page: the child is searched for
inside the form without losing what was typed; only a child can be chosen; going back
and submitting again records nothing new; a likely duplicate is chosen or confirmed; a
child who cannot be identified is recorded and linked later; recorded data is corrected
with its history kept."""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from django.utils import timezone

from monia.casework.models import Case, Intake
from monia.conftest import CaseWorld
from monia.people import hetu
from monia.people.models import Person
from monia.tests.browser.conftest import assert_accessible, staff_login

CONTENT = "Naapuri soitti: lapsi itki pihalla myöhään illalla."


def _reflows(page: Any, selector: str = "main") -> None:
    """The part needs no sideways scrolling at the viewport's width. (The top menu and the
    older parts of the intake form are item 15's: those pages are measured there.)"""
    right = page.evaluate(
        "s => Math.max(...[...document.querySelectorAll(s + ', ' + s + ' *')]"
        ".map(e => e.getBoundingClientRect().right))",
        selector,
    )
    assert right <= page.viewport_size["width"], selector


def _type_the_call(page: Any) -> None:
    page.select_option("#id_channel", "phone")
    page.check("input[name=notifier_type][value=private]")
    page.fill("#id_notifier_name", "Naapuri Nina")
    page.fill("#id_notifier_phone", "040 111 2222")
    page.fill("#id_content", CONTENT)


def test_search_keeps_what_was_typed_and_only_a_child_is_chosen(
    browser_page: Any, live_server: Any, case_a: CaseWorld
) -> None:
    page, base = browser_page, live_server.url
    child = case_a.case.child
    staff_login(page, base, "worker_a")
    page.goto(base + reverse("intake_new"))
    # A call taken now: the receipt time is now, in the worker's time zone.
    shown = datetime.datetime.fromisoformat(page.input_value("#id_received_at"))
    now = timezone.localtime().replace(tzinfo=None)
    assert abs(shown - now) < datetime.timedelta(minutes=2)
    _type_the_call(page)

    page.fill("#id_q", "Maija Esimerkki")  # the mother's name, as the neighbour gave it
    page.click("button[name=search]")
    page.wait_for_load_state()
    assert page.input_value("#id_notifier_name") == "Naapuri Nina"
    assert page.input_value("#id_content") == CONTENT
    # The mother is an adult: a family member, not a choice; her daughter is offered.
    assert page.locator(f"input[name=person][value='{child.pk}']").count() == 1
    mother = Person.objects.get(ties_from__to_person=child)
    assert page.locator(f"input[name=person][value='{mother.pk}']").count() == 0
    assert "Maija Esimerkki" in page.locator(".adults-found").inner_text()
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 800})
    _reflows(page, "section[aria-labelledby=child-h]")
    page.set_viewport_size({"width": 1280, "height": 800})

    page.check(f"input[name=person][value='{child.pk}']")
    page.click("button[name=record]")
    page.wait_for_url(f"**/cases/{case_a.case.pk}/")
    assert Intake.objects.get(content=CONTENT).notifier_name == "Naapuri Nina"


def _new_child(page: Any, *, code: str, first: str, last: str) -> None:
    page.fill("#id_child-identity_code", code)
    page.fill("#id_child-first_names", first)
    page.fill("#id_child-last_name", last)
    page.check("input[name=child-gender][value=male]")


def test_back_and_submit_again_records_one_child_and_one_intake(
    browser_page: Any, live_server: Any, worker_a: Any
) -> None:
    page, base = browser_page, live_server.url
    staff_login(page, base, "worker_a")
    page.goto(base + reverse("intake_new"))
    key = page.input_value("input[name=submission_key]")
    _type_the_call(page)
    _new_child(
        page,
        code=hetu.make_synthetic(datetime.date(2016, 4, 12), 977),
        first="Onni",
        last="Kahdesti",
    )
    page.click("button[name=record]")
    page.wait_for_url("**/cases/*/")
    first_case = page.url

    page.go_back()
    page.wait_for_load_state()
    assert page.input_value("input[name=submission_key]") == key  # restored with the form
    page.click("button[name=record]")
    page.wait_for_url("**/cases/*/")
    assert page.url == first_case
    assert Person.objects.filter(last_name="Kahdesti").count() == 1
    assert Intake.objects.count() == Case.objects.count() == 1


def test_a_likely_duplicate_is_offered_and_confirmed(
    browser_page: Any, live_server: Any, case_a: CaseWorld
) -> None:
    page, base = browser_page, live_server.url
    child = case_a.case.child
    assert child.birth_date is not None
    staff_login(page, base, "worker_a")
    page.goto(base + reverse("intake_new"))
    _type_the_call(page)
    page.fill("#id_child-first_names", "Aino")
    page.fill("#id_child-last_name", "Esimerki")  # a typo of Esimerkki
    page.fill("#id_child-birth_date", child.birth_date.isoformat())
    page.check("input[name=child-gender][value=female]")
    page.click("button[name=record]")
    page.wait_for_load_state()
    assert page.locator(".error-summary").count() == 1
    assert page.locator(f"input[name=person][value='{child.pk}']").count() == 1
    assert page.input_value("#id_content") == CONTENT
    assert_accessible(page)

    page.check("input[name=create_anyway]")  # a cousin born the same day, says the caller
    page.click("button[name=record]")
    page.wait_for_url("**/cases/*/")
    assert Person.objects.filter(first_names="Aino").count() == 2


def test_a_child_not_identified_is_recorded_then_linked_and_corrected(
    browser_page: Any, live_server: Any, case_a: CaseWorld, world: Any
) -> None:
    page, base = browser_page, live_server.url
    staff_login(page, base, "worker_a")
    page.goto(base + reverse("intake_new"))
    _type_the_call(page)
    page.check("#id_child-unidentified")
    page.fill("#id_child-approximate_age", "8")
    page.check("input[name=child-gender][value=male]")
    page.fill("#id_child-address", "Koivukatu 3 B 12")
    page.fill("#id_child-description", "Noin kahdeksanvuotias poika B-rapun asunnosta 12")
    page.click("button[name=record]")
    page.wait_for_url("**/cases/*/")
    case = Case.objects.get(intakes__content=CONTENT)
    assert "Tunnistamaton lapsi, noin 8-vuotias" in page.locator("h1").inner_text()
    assert_accessible(page)

    # Later the school names the boy: he is Aino's brother Eetu, already in the register.
    eetu = Person.objects.create(
        county=world.county_a,
        first_names="Eetu",
        last_name="Esimerkki",
        birth_date=timezone.localdate() - datetime.timedelta(days=8 * 366),
    )
    page.click("text=Yhdistä tunnistettuun henkilöön")
    assert_accessible(page)
    page.fill("#id_reason", "Koulu vahvisti pojan nimen.")
    # Eetu is no family of the team yet: found by the full name and the birth date.
    page.fill("#id_q", f"Eetu Esimerkki {eetu.birth_date:%d.%m.%Y}")
    page.click("button[name=search]")
    page.wait_for_load_state()
    assert page.input_value("#id_reason") == "Koulu vahvisti pojan nimen."
    page.check(f"input[name=person][value='{eetu.pk}']")
    page.click("button[name=link]")
    page.wait_for_url(f"**/cases/{case.pk}/")
    case.refresh_from_db()
    assert case.child == eetu
    assert "Eetu Esimerkki" in page.locator("h1").inner_text()

    # The worker corrects his name and records the reason; the old value stays visible.
    page.click("text=Korjaa lapsen tietoja")
    page.fill("#id_first_names", "Eetu Ilmari")
    page.fill("#id_reason", "Koko nimi koulun tiedoista.")
    page.click("button.primary")
    page.wait_for_load_state()
    history = page.locator("#history-h + ol").inner_text()
    assert "Eetu" in history and "Eetu Ilmari" in history and "Koko nimi" in history
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 800})
    _reflows(page)


def test_an_intakes_notifier_is_corrected_and_decisions_are_not(
    browser_page: Any, live_server: Any, case_a: CaseWorld
) -> None:
    page, base = browser_page, live_server.url
    staff_login(page, base, "worker_a")
    intake = case_a.pending_intake
    page.goto(base + reverse("case_detail", args=[case_a.case.pk]))
    page.click(f"a[href='{reverse('intake_correct', args=[case_a.case.pk, intake.pk])}']")
    assert "uudella päätöksellä" in page.locator("main").inner_text()
    page.fill("#id_notifier_name", "Opettaja Olli Oikea")
    page.fill("#id_reason", "Ilmoittajan nimi täsmennettiin.")
    page.click("button.primary")
    page.wait_for_load_state()
    intake.refresh_from_db()
    assert intake.notifier_name == "Opettaja Olli Oikea"
    assert "Opettaja Olli" in page.locator("#history-h + ol del").inner_text()
    assert_accessible(page)


def test_the_e_notification_search_keeps_the_new_childs_details(
    browser_page: Any, live_server: Any, case_a: CaseWorld, world: Any
) -> None:
    from monia.enotify.tests.test_views import _submit

    en = _submit(world)
    page, base = browser_page, live_server.url
    staff_login(page, base, "worker_a")
    page.goto(base + reverse("enotify_detail", args=[en.pk]))
    page.fill("#id_child-municipality", "Kuopion kaupunki")
    page.fill("#id_q", "Esimerkki")
    page.click("button[name=search]")
    page.wait_for_load_state()
    assert page.input_value("#id_child-municipality") == "Kuopion kaupunki"
    assert_accessible(page)
    page.check(f"input[name=person][value='{case_a.case.child_id}']")
    page.click("button[name=action][value=convert]")
    page.wait_for_url("**/cases/*/")
    assert Intake.objects.filter(channel="electronic", case=case_a.case).count() == 1
