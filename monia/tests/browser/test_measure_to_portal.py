"""Issue 13 end to end, in real Chromium with axe-core: the social worker records a
support measure on the page, writes its decision from the measure row and signs it as its
decider, records that it was served to the guardian electronically — and the guardian
reads the signed decision in the portal, with the date it counts as received and the end
of the period for a request for correction."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from monia import deadlines
from monia.accounts.models import User
from monia.casework.models import Measure
from monia.conftest import PortalWorld
from monia.decisions.models import Decision
from monia.decisions.tests.document_world import authorities_add
from monia.tests.browser.conftest import assert_accessible, portal_login, staff_login

pytestmark = pytest.mark.django_db(transaction=True)


def test_from_recording_a_measure_to_the_signed_decision_in_the_portal(
    browser_page: Any, live_server: Any, portal_world: PortalWorld
) -> None:
    page, base = browser_page, live_server.url
    case, guardian = portal_world.cw.case, portal_world.guardian
    worker = User.objects.get(username="worker_a")
    authorities_add(case.county)
    today = timezone.localdate()

    staff_login(page, base, "worker_a")
    page.goto(base + reverse("measure_new", args=[case.pk]))
    assert_accessible(page)
    page.check("input[name=kind][value=community_support]")
    page.select_option("#id_support_type", "support_person")
    page.fill("#id_decided_on", today.isoformat())
    page.fill("#id_started_on", today.isoformat())
    page.fill("#id_details", "Tukiperhe kerran kuukaudessa.")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(re.compile(rf".*/cases/{case.pk}/$"))
    measure = Measure.objects.get(case=case, kind="community_support")

    page.locator("article.measure").filter(has_text="Tukiperhe").get_by_role(
        "link", name="Kirjoita päätös"
    ).first.click()
    page.get_by_role("button", name="Aloita luonnos").click()
    page.wait_for_url(re.compile(r".*/decisions/\d+/edit/$"))
    assert_accessible(page)
    decision = Decision.objects.get(measure=measure)
    page.fill("#id_decision_text", "Lapselle myönnetään tukiperhe.")
    page.fill("#id_reasons", "Perhe tarvitsee lepoa ja lapsi turvallisen aikuisen.")
    page.fill("#id_provisions", "LsL 36 §")
    page.select_option("#id_decider", str(worker.pk))
    for party in decision.parties.all():
        page.select_option(f"#id_party_{party.pk}_heard", "yes")
        page.fill(f"#id_party_{party.pk}_heard_on", today.isoformat())
    page.get_by_role("button", name="Tallenna", exact=True).click()
    page.wait_for_url(re.compile(r".*/decisions/\d+/$"))
    page.get_by_role("link", name="Allekirjoita päätös").click()
    page.get_by_role("button", name="Allekirjoita päätös").click()
    page.wait_for_url(re.compile(r".*/decisions/\d+/$"))
    decision.refresh_from_db()
    assert decision.state == "signed"

    page.get_by_role("link", name="Kirjaa tiedoksianto").click()
    party = decision.parties.get(person=guardian)
    page.select_option("#id_party", str(party.pk))
    page.check("input[name=channel][value=electronic]")
    page.fill("#id_sent_on", today.isoformat())
    page.get_by_role("button", name="Tallenna", exact=True).click()
    page.wait_for_url(re.compile(r".*/decisions/\d+/$"))
    served = deadlines.served_on(today, "electronic")
    ends = deadlines.appeal_ends(served)
    assert_accessible(page)

    portal_login(page, base, guardian)
    page.goto(base + reverse("portal_case", args=[case.pk]))
    page.get_by_role("link", name="Päätökset", exact=True).click()
    page.get_by_role("link", name=re.compile("tuki", re.I)).first.click()
    main = page.locator("main").inner_text()
    assert "Lapselle myönnetään tukiperhe." in main
    assert "Oikaisuvaatimus" in main or "oikaisuvaatimus" in main
    assert f"{ends.day}.{ends.month}.{ends.year}" in main, main
    assert_accessible(page)
