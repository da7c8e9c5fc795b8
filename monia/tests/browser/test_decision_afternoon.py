"""A decision on a tired afternoon, in real Chromium and in Swedish: the measure to decide
on reads in the page's words (it said "… from 2026-11-21"); the decider is chosen by name
(the list showed usernames); a refused signature says once what is missing and where to
mend it, without claiming anything typed was kept; "Back" to the signing page after
signing goes to the signed decision; the service is recorded as a delivery, not as a
hearing ("Sätt för hörandet"); and the service letter carries the town."""

from __future__ import annotations

import re
from typing import Any

from django.urls import reverse
from django.utils import timezone

from monia.conftest import CaseWorld
from monia.decisions.models import Decision
from monia.people.models import Person
from monia.tests.browser.conftest import assert_no_sideways_scroll, staff_login


def _swedish(page: Any, base: str) -> None:
    page.context.add_cookies([{"name": "django_language", "value": "sv", "url": base}])


def test_a_decision_reads_in_swedish_from_the_measure_to_the_service_letter(
    browser_page: Any, live_server: Any, case_a: CaseWorld, worker_a: Any, senior_a: Any
) -> None:
    page, base, case = browser_page, live_server.url, case_a.case
    guardian = Person.objects.get(ties_from__to_person=case.child, ties_from__is_guardian=True)
    Person.objects.filter(pk=guardian.pk).update(address="Åsvägen 5", municipality="Jakobstad")
    staff_login(page, base, "worker_a")
    _swedish(page, base)
    started = case_a.emergency.started_on
    page.goto(base + reverse("decision_new", args=[case.pk]))
    measure = page.locator("#id_measure option").nth(1).inner_text()
    assert measure.endswith(f" · {started.day}.{started.month}.{started.year}"), measure
    assert " from " not in measure
    page.select_option("#id_measure", str(case_a.emergency.pk))
    page.get_by_role("button", name="Börja utkastet").click()
    page.wait_for_url(re.compile(r".*/decisions/\d+/edit/$"))
    decision = Decision.objects.get()
    deciders = page.locator("#id_decider option").all_inner_texts()
    assert "Senior_A Testinen" in deciders and "senior_a" not in deciders
    page.select_option("#id_decider", str(senior_a.pk))
    page.fill("#id_reasons", "Barnets hälsa är i omedelbar fara.")
    page.get_by_role("button", name="Spara", exact=True).click()
    page.wait_for_url(re.compile(r".*/decisions/\d+/$"))

    # The decider signs too early: what is missing, once, and the way to mend it.
    staff_login(page, base, "senior_a")
    _swedish(page, base)
    page.goto(base + reverse("decision_sign", args=[case.pk, decision.pk]))
    page.get_by_role("button", name="Underteckna beslutet").click()
    page.wait_for_load_state()
    main = page.locator("main")
    assert main.get_by_text("Ange de tillämpade bestämmelserna (FL 45 §).").count() == 1
    assert main.get_by_text("Ingenting sparades.", exact=True).is_visible()
    assert main.get_by_text("Det du skrev finns kvar").count() == 0
    page.get_by_role("link", name="Redigera utkastet").click()
    page.wait_for_url(re.compile(r".*/decisions/\d+/edit/$"))
    page.fill("#id_provisions", "BSL 38 §")
    for party in decision.parties.all():
        page.select_option(f"#id_party_{party.pk}_heard", "yes")
        page.fill(f"#id_party_{party.pk}_heard_on", timezone.localdate().isoformat())
    page.get_by_role("button", name="Spara", exact=True).click()
    page.wait_for_url(re.compile(r".*/decisions/\d+/$"))
    page.goto(base + reverse("decision_sign", args=[case.pk, decision.pk]))
    page.get_by_role("button", name="Underteckna beslutet").click()
    page.wait_for_url(re.compile(r".*/decisions/\d+/$"))
    decision.refresh_from_db()
    assert decision.state == "signed"

    # "Back" to the signing page, and sign again: the signed decision, told so.
    page.go_back()
    page.wait_for_load_state()
    if "/sign/" in page.url:
        page.get_by_role("button", name="Underteckna beslutet").click()
        page.wait_for_load_state()
    assert page.url.endswith(f"/decisions/{decision.pk}/")
    page.goto(base + reverse("decision_sign", args=[case.pk, decision.pk]))
    assert page.url.endswith(f"/decisions/{decision.pk}/")
    assert page.get_by_role("status").get_by_text("Beslutet är redan undertecknat").is_visible()

    # The service: how the decision was delivered; the letter with the town.
    staff_login(page, base, "worker_a")
    _swedish(page, base)
    page.goto(base + reverse("decision_serve", args=[case.pk, decision.pk]))
    assert page.get_by_text("Delgivningssätt").is_visible()
    assert page.locator("main").get_by_text("hörandet").count() == 0
    party = decision.parties.get(person=guardian)
    page.goto(base + reverse("decision_letter", args=[case.pk, decision.pk, party.pk]))
    recipient = page.locator(".doc-recipient").inner_text()
    assert recipient.splitlines()[-2:] == ["Åsvägen 5", "Jakobstad"], recipient
    page.set_viewport_size({"width": 320, "height": 640})
    assert_no_sideways_scroll(page)
