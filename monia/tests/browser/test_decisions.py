"""A decision from the measure to its service, in real Chromium: the social worker writes
the decision of the emergency placement and names the senior official as decider; the
senior official signs; the worker records the service by letter and sees the end of the
appeal period — axe-core on every page, in Finnish and in Swedish."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from monia.conftest import CaseWorld
from monia.decisions.models import Decision
from monia.tests.browser.conftest import assert_accessible, staff_login

WORDS = {
    "fi": {
        "write": "Kirjoita päätös",
        "start": "Aloita luonnos",
        "save": "Tallenna",
        "sign": "Allekirjoita päätös",
        "serve": "Kirjaa tiedoksianto",
        "ends": "Muutoksenhakuaika päättyy",
    },
    "sv": {
        "write": "Skriv beslutet",
        "start": "Börja utkastet",
        "save": "Spara",
        "sign": "Underteckna beslutet",
        "serve": "Anteckna delgivningen",
        "ends": "Tiden för ändringssökande går ut",
    },
}


def _language(page: Any, base: str, language: str) -> None:
    page.context.add_cookies([{"name": "django_language", "value": language, "url": base}])


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_write_sign_and_serve_a_decision(
    browser_page: Any,
    live_server: Any,
    case_a: CaseWorld,
    worker_a: Any,
    senior_a: Any,
    language: str,
) -> None:
    page, base, case, w = browser_page, live_server.url, case_a.case, WORDS[language]
    staff_login(page, base, "worker_a")
    _language(page, base, language)
    page.goto(base + reverse("case_detail", args=[case.pk]))
    page.locator("article.measure").get_by_role("link", name=w["write"]).first.click()
    page.wait_for_url(re.compile(r".*/decisions/new/\?measure=\d+$"))
    assert_accessible(page)
    page.get_by_role("button", name=w["start"]).click()
    page.wait_for_url(re.compile(r".*/decisions/\d+/edit/$"))
    assert_accessible(page)
    decision = Decision.objects.get()
    page.fill("#id_reasons", "Lapsen terveys on välittömässä vaarassa.")
    page.fill("#id_provisions", "LsL 38 §")
    page.select_option("#id_close_network_mapped", "yes")  # LsL 32 §, the national form
    page.select_option("#id_care_form", "family_care")  # the placement's form: not yet known
    page.select_option("#id_decider", str(senior_a.pk))
    for party in decision.parties.all():
        page.select_option(f"#id_party_{party.pk}_heard", "yes")
        page.fill(f"#id_party_{party.pk}_heard_on", decision.decided_on.isoformat())
    page.get_by_role("button", name=w["save"], exact=True).click()
    page.wait_for_url(re.compile(r".*/decisions/\d+/$"))
    assert page.get_by_text("Lapsen terveys on välittömässä vaarassa.").is_visible()
    assert_accessible(page)

    staff_login(page, base, "senior_a")
    _language(page, base, language)
    page.goto(base + reverse("decision_detail", args=[case.pk, decision.pk]))
    page.get_by_role("link", name=w["sign"]).click()
    assert_accessible(page)
    page.get_by_role("button", name=w["sign"]).click()
    page.wait_for_url(re.compile(r".*/decisions/\d+/$"))
    decision.refresh_from_db()
    assert decision.state == "signed" and page.get_by_text(decision.number).first.is_visible()

    staff_login(page, base, "worker_a")
    _language(page, base, language)
    page.goto(base + reverse("decision_detail", args=[case.pk, decision.pk]))
    page.get_by_role("link", name=w["serve"]).click()
    assert_accessible(page)
    guardian = decision.parties.get(role="guardian")
    page.select_option("#id_party", str(guardian.pk))
    page.check("#id_channel_0")  # letter
    page.fill("#id_sent_on", timezone.localdate().isoformat())
    page.get_by_role("button", name=w["save"], exact=True).click()
    page.wait_for_url(re.compile(r".*/decisions/\d+/$"))
    ends = decision.services.get().appeal_ends
    assert page.get_by_text(f"{w['ends']} {ends.day}.{ends.month}.{ends.year}").first.is_visible()
    assert_accessible(page)
