"""A systemic team runs its weekly meeting in real Chromium: a short proposed agenda with
the rest offered as "more", the whole order saved in one step, attendance recorded before
the meeting can be closed, a reflection with a hypothesis and a next step, closing, the
minutes as a PDF, and a meeting dated ahead that cannot be closed today — with axe-core
finding no violations on any page, and the meeting page reflowing at 320 px."""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from django.utils import timezone

from monia import deadlines
from monia.conftest import CaseWorld, child_create, days_ago, notification
from monia.systemic.models import Hypothesis, MeetingStatus, NextStep, Reflection, TeamMeeting
from monia.tests.browser.conftest import assert_accessible, staff_login

NARROW = {"width": 320, "height": 900}
DESKTOP = {"width": 1280, "height": 900}


def _reflows(page: Any) -> bool:
    """No panel of the page is wider than the 320 px window (WCAG 1.4.10)."""
    return page.evaluate(
        """() => [...document.querySelectorAll('main .panel, main h1')].every(
               el => el.scrollWidth <= el.clientWidth + 1
                     && el.getBoundingClientRect().right <= window.innerWidth + 1)"""
    )


def _open_meeting_page(page: Any, base: str, held_on: datetime.date | None, size: int) -> None:
    page.goto(base + reverse("meetings"))
    if held_on:
        page.fill("#id_held_on", held_on.isoformat())
    page.fill("#id_agenda_size", str(size))
    page.get_by_role("button", name="Avaa kokous").click()
    page.wait_for_url("**/team/meetings/*/")


def test_weekly_meeting_from_a_short_agenda_to_minutes(
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
    page.set_viewport_size(DESKTOP)
    staff_login(page, base, "teammate_a")

    page.goto(base + reverse("caseboard"))
    assert page.locator("table.data caption").inner_text() == "2 lasta"
    assert_accessible(page)

    # The form proposes a working day, not the same weekday a week on (a Saturday today).
    page.goto(base + reverse("meetings"))
    proposed = datetime.date.fromisoformat(page.input_value("#id_held_on"))
    assert deadlines.is_working_day(proposed) and proposed >= timezone.localdate()
    assert page.input_value("#id_agenda_size") == "8"
    assert_accessible(page)

    # Today's meeting with an agenda of one: the other family is offered under "more".
    _open_meeting_page(page, base, timezone.localdate(), 1)
    meeting = TeamMeeting.objects.get(team=world.team_a1, held_on=timezone.localdate())
    assert meeting.items.count() == 1
    assert_accessible(page)
    more = page.locator("ol.more li")
    assert more.count() == 1
    on_agenda = meeting.items.get()
    added_child = other if on_agenda.case.child_id != other.pk else case_a.case.child
    page.get_by_role("button", name=f"Lisää {added_child.full_name} esityslistalle").click()
    page.wait_for_load_state()
    assert meeting.items.count() == 2 and page.locator("ol.more").count() == 0

    # Veeti first: one number changed, one save.
    page.get_by_label("Järjestysnumero: Veeti Virtanen").fill("1")
    with page.expect_navigation():
        page.get_by_role("button", name="Tallenna järjestys").click()
    assert meeting.items.get(case__child=other).position == 1
    assert page.locator("ol.agenda-order li").first.inner_text().find("Veeti Virtanen") >= 0

    # No closing before attendance is recorded.
    close = page.locator("section[aria-labelledby=close-h]")
    assert "Kirjaa läsnäolijat ennen kuin päätät kokouksen." in close.inner_text()
    assert close.get_by_role("button").count() == 0

    attendance = page.locator("form.attendance")
    for member, status in (
        (worker_a, "Ilmoitti esteestä"),
        (teammate_a, "Läsnä"),
    ):
        group = attendance.locator("fieldset", has_text=member.display_name)
        group.get_by_label(status, exact=True).check()
    attendance.get_by_label("Vieraat").fill("Ulla Ulkoinen")
    with page.expect_navigation():
        attendance.get_by_role("button", name="Kirjaa läsnäolo").click()
    summary = page.locator("dl.attendance-summary").inner_text()
    assert "Teammate_A Testinen" in summary and "Ulla Ulkoinen" in summary
    assert_accessible(page)

    page.set_viewport_size(NARROW)
    assert _reflows(page)
    assert_accessible(page)
    page.set_viewport_size(DESKTOP)

    page.get_by_role("link", name="Aino Esimerkki").click()
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
    with page.expect_navigation():
        page.get_by_role("button", name="Päätä kokous").click()
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CLOSED
    assert_accessible(page)

    response = page.request.get(
        base + reverse("meeting_minutes_pdf", args=[meeting.pk]) + "?lang=fi"
    )
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")

    # The next meeting, on the day the form proposes, is ahead: it cannot be closed today.
    _open_meeting_page(page, base, None, 8)
    ahead = TeamMeeting.objects.get(team=world.team_a1, status=MeetingStatus.PLANNED)
    assert ahead.held_on > timezone.localdate() and deadlines.is_working_day(ahead.held_on)
    close = page.locator("section[aria-labelledby=close-h]")
    day = f"{ahead.held_on.day}.{ahead.held_on.month}.{ahead.held_on.year}"
    assert f"Kokouksen päivämäärä on {day}" in close.inner_text()
    assert close.get_by_role("button").count() == 0
    assert_accessible(page)
