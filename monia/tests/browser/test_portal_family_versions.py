"""Issue 10 items 5, 13 and 16 in Chromium, with axe-core on every page and no sideways
scrolling at 320 px: the worker approves a document's family version and the young person
reads it; he asks that his mother does not see it and the worker agrees; "I don't feel safe"
on a Saturday night tells the truth and reaches the social emergency service; "who has seen
my data" is one entry per person and day."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from monia.access.models import AccessLog
from monia.accounts.models import User
from monia.casework import measure_services
from monia.conftest import HEARD, PortalWorld
from monia.deadlines import HELSINKI
from monia.portal import safety_selectors
from monia.portal.models import GuardianRestriction, RestrictionStatus
from monia.tests.browser.conftest import assert_accessible, portal_login, staff_login

pytestmark = pytest.mark.django_db(transaction=True)

NARROW = {"width": 320, "height": 720}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _no_sideways_scroll(page: Any) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url}: {width} px wide"


def _check(page: Any) -> None:
    for size in (NARROW, DESKTOP):
        page.set_viewport_size(size)
        assert_accessible(page)
        if size is NARROW:
            _no_sideways_scroll(page)


def test_the_family_version_flow_from_the_worker_to_the_young_person_and_his_mother(
    browser_page: Any, live_server: Any, portal_world: PortalWorld
) -> None:
    page, base = browser_page, live_server.url
    case = portal_world.young_case
    measure = measure_services.measure_record(
        user=User.objects.get(username="worker_a"),
        case=case,
        kind="emergency_placement",
        decided_on=timezone.localdate(),
        started_on=timezone.localdate(),
        place="Perhekoti Kotiranta",
        details="Perhetyöntekijä Sanna Virtanen käy kahdesti viikossa.",
        hearing={**HEARD, "heard_on": timezone.localdate()},
    )
    key = f"measure:{measure.pk}"

    # Before the worker approves anything, Eetu sees only the title and the date.
    portal_login(page, base, portal_world.young)
    page.goto(base + reverse("portal_decisions", args=[case.pk]))
    main = page.locator("main").inner_text()
    assert "Kiireellinen muutto turvalliseen paikkaan" in main
    assert "Työntekijä kertoo sinulle tästä." in main
    assert "Kotiranta" not in main and "Sanna Virtanen" not in main
    _check(page)

    # The worker approves the suggestion, changed a little, on the case's portal page.
    staff_login(page, base, "worker_a")
    page.set_viewport_size(DESKTOP)
    page.goto(base + reverse("case_portal", args=[case.pk]))
    assert_accessible(page)
    box = page.locator(f"form:has(input[name=fv-document][value='{key}']) textarea[name=fv-text]")
    assert "Muutit kiireesti turvalliseen paikkaan." in box.input_value()
    box.fill("Muutit kiireesti turvalliseen paikkaan. Sanna käy luonasi.")
    page.locator(f"form:has(input[name=fv-document][value='{key}']) button.primary").click()
    page.wait_for_load_state()
    assert "Perheen versio hyväksyttiin." in page.locator("main").inner_text()
    assert_accessible(page)

    # Eetu reads it, and who else can read it; he asks that his mother does not.
    portal_login(page, base, portal_world.young)
    page.goto(base + reverse("portal_decisions", args=[case.pk]))
    main = page.locator("main").inner_text()
    assert "Sanna käy luonasi." in main
    assert "Myös työntekijät ja huoltajasi (Maija) voivat lukea tämän." in main
    assert "Kotiranta" not in main
    _check(page)
    page.get_by_role("link", name="Kuka näkee mitä").click()
    page.wait_for_url(f"**/portal/{case.pk}/who-sees/")
    _check(page)
    page.set_viewport_size(PHONE)
    page.get_by_role("button", name="Pyydä, etteivät huoltajani näe tätä").first.click()
    page.wait_for_load_state()
    assert "Pyysit. Työntekijäsi päättää ja kertoo sinulle." in page.locator("main").inner_text()
    _check(page)

    # The worker decides: agreeing needs her judgement that Eetu can decide this.
    staff_login(page, base, "worker_a")
    page.set_viewport_size(DESKTOP)
    page.goto(base + reverse("case_portal", args=[case.pk]))
    request = page.locator(f"article:has(input[name=req-document][value='{key}'])").first
    request.get_by_label("Hyväksyn: huoltajat eivät näe sitä").check()
    request.get_by_label("Perustelut").fill("Eetu on 14 ja ymmärtää asian.")
    request.get_by_role("button", name="Kirjaa päätös").click()
    page.wait_for_load_state()
    assert page.locator(".error-summary").is_visible()
    assert page.locator("#id_req-reason").input_value() == "Eetu on 14 ja ymmärtää asian."
    assert_accessible(page)
    page.locator("#id_req-judged_able").check()
    page.get_by_role("button", name="Kirjaa päätös").first.click()
    page.wait_for_load_state()
    assert "Päätöksesi kirjattiin." in page.locator("main").inner_text()
    row = GuardianRestriction.objects.get(document_key=key)
    assert row.status == RestrictionStatus.IN_FORCE and row.judged_able

    # His mother no longer sees it; her footer tells her who else reads Eetu's matters.
    portal_login(page, base, portal_world.guardian)
    page.goto(base + reverse("portal_decisions", args=[case.pk]))
    assert "Sanna käy luonasi." not in page.locator("main").inner_text()
    footer = page.locator("footer").inner_text()
    assert "Myös Eetu näkee päätökset, suunnitelman ja tapaamiset." in footer
    _check(page)


def test_i_dont_feel_safe_on_a_saturday_night(
    browser_page: Any, live_server: Any, portal_world: PortalWorld, monkeypatch: Any
) -> None:
    page, base = browser_page, live_server.url
    case = portal_world.young_case
    county = case.county
    county.social_emergency_email = "sosiaalipaivystys@example.org"
    county.social_emergency_phone = "014 266 0149"
    county.save()
    night = datetime.datetime(2026, 12, 5, 23, 10, tzinfo=HELSINKI)
    monkeypatch.setattr(safety_selectors, "clock", lambda: night)
    mail.outbox.clear()

    portal_login(page, base, portal_world.young)
    page.goto(base + reverse("portal_safety", args=[case.pk]))
    main = page.locator("main").inner_text()
    assert "Työntekijät eivät ole nyt töissä." in main
    assert "He ovat taas töissä: maanantai 7.12. kello 8.00." in main
    assert "Siksi viestisi menee myös sosiaalipäivystykseen." in main
    _check(page)
    page.set_viewport_size(PHONE)
    page.locator("main").get_by_role("button", name="Lähetä kiireellinen viesti").click()
    page.wait_for_load_state()
    alert = page.get_by_role("alert").inner_text()
    assert "Siksi lähetimme viestisi myös sosiaalipäivystykseen." in alert
    assert "ottavat sinuun yhteyttä" not in alert
    _check(page)
    sent = [m for m in mail.outbox if m.to == ["sosiaalipaivystys@example.org"]]
    assert len(sent) == 1 and "Eetu" not in sent[0].body


def test_who_has_seen_my_data_is_one_entry_per_person_and_day(
    browser_page: Any, live_server: Any, portal_world: PortalWorld
) -> None:
    page, base = browser_page, live_server.url
    case = portal_world.young_case
    staff_login(page, base, "worker_a")
    for _ in range(3):
        page.goto(base + reverse("dashboard"))
    page.goto(base + reverse("case_detail", args=[case.pk]))

    portal_login(page, base, portal_world.young)
    for name in ("portal_case", "portal_plan", "portal_meetings"):
        page.goto(base + reverse(name, args=[case.pk]))
    page.goto(base + reverse("portal_who_viewed", args=[case.pk]))
    main = page.locator("main").inner_text()
    assert "Omat katseluusi eivät ole listalla." in main
    assert page.locator(".log-entry").count() == 1
    entry = page.locator(".log-entry").inner_text()
    assert "Lapsen nimi työntekijän listalla" in entry
    assert "Lapsen asian tärkeimmät tiedot" in entry
    reads = AccessLog.objects.filter(user__username="worker_a", person=case.child).count()
    assert reads >= 5  # the dashboard after login, three more, the case page
    assert f"({reads} kertaa)" in entry
    _check(page)
