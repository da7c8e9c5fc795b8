"""Issue 13 in Chromium, with axe-core on every page and no sideways scrolling at 320 px:
a guardian opens the portal, finds the signed decision sent to her and reads it — the same
text as the worker's PDF, with its instructions for appeal — in the language it is written
in, with the portal around it in Finnish or in Swedish."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from monia.accounts.models import User
from monia.conftest import PortalWorld
from monia.decisions.tests.document_world import authorities_add, decision_make, service_add
from monia.tests.browser.conftest import assert_accessible, portal_login

pytestmark = pytest.mark.django_db(transaction=True)

NARROW = {"width": 320, "height": 720}
DESKTOP = {"width": 1280, "height": 900}


def _check(page: Any) -> None:
    for size in (NARROW, DESKTOP):
        page.set_viewport_size(size)
        assert_accessible(page)
        if size is NARROW:
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= NARROW["width"], f"{page.url}: {width} px wide"


def test_a_guardian_reads_the_signed_decision_in_the_portal_in_finnish_and_swedish(
    browser_page: Any, live_server: Any, portal_world: PortalWorld
) -> None:
    page, base = browser_page, live_server.url
    worker = User.objects.get(username="worker_a")
    case = portal_world.cw.case
    authorities_add(case.county)
    decision = decision_make(case, worker, parties=[(portal_world.guardian, "guardian")])
    service_add(
        decision, portal_world.guardian, worker, timezone.localdate() - datetime.timedelta(days=2)
    )

    portal_login(page, base, portal_world.guardian)
    page.goto(base + reverse("portal_case", args=[case.pk]))
    _check(page)
    page.get_by_role("link", name="Päätökset", exact=True).click()
    _check(page)
    page.get_by_role("link", name="Päätös lapsen kiireellisestä sijoituksesta").click()
    main = page.locator("main").inner_text()
    # Sent by letter two days ago: it counts as received only on the 7th day (HL 59 §).
    assert "Tämä päätös lähetettiin sinulle" in main and "Sen katsotaan tulleen" in main
    assert "Sait tämän päätöksen" not in main and "Voit valittaa" in main
    assert "Valitusosoitus" in main and "Itä-Suomen hallinto-oikeus" in main
    assert "Salassa pidettävä" in main
    _check(page)
    link = page.get_by_role("link", name="Lataa päätös (PDF)")
    assert link.get_attribute("href") == reverse("portal_decision_pdf", args=[case.pk, decision.pk])

    page.select_option("#language-select", "sv")
    page.locator("form:has(#language-select) button[type=submit]").click()
    page.wait_for_load_state()
    main = page.locator("main").inner_text()
    # The portal's words are Swedish; the decision stays as it was written, in Finnish,
    # and says so to a screen reader (WCAG 3.1.2).
    assert "Beslutet skickades till dig" in main and "I slutet av beslutet står hur du gör." in main
    assert "Päätös lapsen kiireellisestä sijoituksesta" in main and "Valitusosoitus" in main
    assert "Besvärsanvisning" not in main
    assert page.locator("article.document").get_attribute("lang") == "fi"
    _check(page)
