"""A systemic team runs its weekly meeting in real Chromium: proposed agenda, reordering,
a reflection with a hypothesis and a next step, closing, and the minutes as a PDF —
with axe-core finding no violations on any page."""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from django.utils import timezone

from monia.conftest import PASSWORD, CaseWorld, child_create, days_ago, notification
from monia.systemic.models import Hypothesis, MeetingStatus, NextStep, Reflection, TeamMeeting
from monia.tests.browser.conftest import assert_accessible


def test_weekly_meeting_from_proposed_agenda_to_minutes(
    browser_page: Any,
    live_server: Any,
    case_a: CaseWorld,
    world: Any,
    worker_a: Any,
    teammate_a: Any,
) -> None:
    other = child_create(world.county_a, first="Veeti", last="Virtanen", number=940)
    notification(worker_a, other, world.team_a1, at=days_ago(1))
    page = browser_page
    base = live_server.url

    page.goto(f"{base}/login/")
    page.fill("#id_username", "teammate_a")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit].primary")
    page.wait_for_url(f"{base}/")

    page.goto(base + reverse("caseboard"))
    assert "Aino Esimerkki" in page.content()
    assert_accessible(page)

    page.goto(base + reverse("meetings"))
    assert_accessible(page)
    held_on = timezone.localdate() + datetime.timedelta(days=7)
    page.fill("#id_held_on", held_on.isoformat())
    page.click("form.inline-form button.primary")
    page.wait_for_url("**/team/meetings/*/")
    meeting = TeamMeeting.objects.get(team=world.team_a1, held_on=held_on)
    assert meeting.items.count() == 2
    assert_accessible(page)

    # The team puts Veeti first.
    veeti = meeting.items.get(case__child=other)
    if veeti.position != 1:
        page.click("li:has(a:text('Veeti Virtanen')) button[value=up]")
        page.wait_for_load_state()
        veeti.refresh_from_db()
    assert veeti.position == 1

    page.click("text=Aino Esimerkki")
    page.wait_for_url("**/items/*/")
    assert_accessible(page)
    page.fill("#id_worries", "Poissaolot jatkuvat.")
    page.fill("#id_working_well", "Äiti on sitoutunut yhteistyöhön.")
    page.fill("#id_family_view", "Perhe toivoo tukea aamuihin.")
    page.fill("#id_therapist_action", "Perheterapeutti tapaa perheen kahdesti.")
    page.click("form[action$='/reflection/'] button[type=submit]")
    page.wait_for_load_state()
    page.fill("#id_new-statement", "Äidin uupumus selittää aamujen vaikeudet.")
    page.fill("#id_new-supports", "Koulun havainnot myöhästymisistä.")
    page.fill("#id_new-test", "Kotikäynti aamulla.")
    page.click("form[action$='/hypotheses/'] button[type=submit]")
    page.wait_for_load_state()
    page.fill("#id_description", "Sovi kotikäynti aamuksi.")
    page.select_option("#id_owner", str(worker_a.pk))
    page.fill("#id_due_on", (timezone.localdate() + datetime.timedelta(days=10)).isoformat())
    page.click("form[action$='/steps/'] button[type=submit]")
    page.wait_for_load_state()
    assert_accessible(page)
    assert NextStep.objects.get(owner=worker_a).description == "Sovi kotikäynti aamuksi."
    assert Reflection.objects.get().worries == "Poissaolot jatkuvat."
    assert Hypothesis.objects.get().test == "Kotikäynti aamulla."

    page.goto(base + reverse("meeting_detail", args=[meeting.pk]))
    page.click("button[name=action][value=close]")
    page.wait_for_load_state()
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CLOSED
    assert_accessible(page)

    response = page.request.get(
        base + reverse("meeting_minutes_pdf", args=[meeting.pk]) + "?lang=fi"
    )
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")
