"""Feedback questionnaires in Chromium, with axe-core on every page: Eetu (14) answers a
short question about his network meeting in the portal (a forgotten required answer comes
back with his words kept), and the coordinator's anonymised results show the month only
once five have answered — before that, "fewer than 5 answers: not shown". The results page
also in Swedish. The coordinator asks a team now ("Ask now"), in Finnish and Swedish, at
320 px."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from monia.accounts.models import User
from monia.conftest import PortalWorld, World
from monia.feedback import services
from monia.feedback.models import Answer, Invitation
from monia.feedback.tests.factories import answered, face, questionnaire
from monia.tests.browser.conftest import assert_accessible, portal_login, staff_login

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
NARROW = {"width": 320, "height": 800}  # WCAG 1.4.10 reflow, as test_reflow.py


def test_young_person_answers_and_the_result_appears_only_at_five_answers(
    browser_page: Any, live_server: Any, portal_world: PortalWorld, developer_a: User
) -> None:
    page, base = browser_page, live_server.url
    county = portal_world.young_case.county
    q = questionnaire(county, developer_a)
    answered(q, county, [5, 4, 4, 3], at=timezone.now())  # four others this month
    services.invitations_for(
        q,
        [portal_world.young],
        context_kind="network_meeting",
        context_id=1,
        context_date=timezone.localdate(),
        case_id=portal_world.young_case.pk,
    )
    invitation = Invitation.objects.get(respondent_person=portal_world.young)
    results = base + reverse("feedback_results", args=[q.pk])

    # Four answers: the coordinator sees the month, but not its figures.
    staff_login(page, base, "developer_a")
    page.goto(results)
    assert page.get_by_text("Alle 5 vastausta: ei näytetä").first.is_visible()
    assert_accessible(page)

    # Eetu finds the question on his front page, on a phone.
    portal_login(page, base, portal_world.young)
    page.set_viewport_size(PHONE)
    page.goto(base + reverse("portal_home"))
    page.click(f"a[href='{reverse('feedback_portal_answer', args=[invitation.pk])}']")
    page.wait_for_load_state()
    assert_accessible(page)
    text_q = q.questions.get(kind="text")
    page.fill(f"#id_q_{text_q.pk}", "Sain sanoa asiani.")
    page.click("form button[type=submit].primary")  # the face is required: forgotten
    page.wait_for_load_state()
    assert page.locator(".error-summary").is_visible()
    assert page.locator(f"#id_q_{text_q.pk}").input_value() == "Sain sanoa asiani."
    assert not Answer.objects.filter(invitation=invitation).exists()
    assert_accessible(page)
    page.locator(f"label[for=id_q_{face(q).pk}_3]").click()  # Good (4)
    page.click("form button[type=submit].primary")
    page.wait_for_load_state()
    assert page.locator(".messages").is_visible()
    assert_accessible(page)
    page.set_viewport_size(DESKTOP)
    assert_accessible(page)
    assert Answer.objects.get(invitation=invitation, question=face(q)).value == 4

    # Five answers: the month shows, in the table and as a bar of the chart; in Swedish too.
    staff_login(page, base, "developer_a")
    page.goto(results)
    assert (
        page.locator("table.data td", has_text="4,0").first.is_visible()
        or page.locator("table.data td", has_text="4.0").first.is_visible()
    )
    assert page.locator("svg rect").count() == 1
    for size in (PHONE, DESKTOP):
        page.set_viewport_size(size)
        assert_accessible(page)
    page.context.add_cookies([{"name": "django_language", "value": "sv", "url": base}])
    page.goto(results)
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.get_by_text("Färre än 5 svar: visas inte").first.is_visible()
    assert_accessible(page)


def test_coordinator_asks_a_team_now_in_finnish_and_swedish_on_a_narrow_screen(
    browser_page: Any,
    live_server: Any,
    world: World,
    developer_a: User,
    worker_a: User,
    teammate_a: User,
) -> None:
    """The "Ask now" form on a published questionnaire's page: nothing chosen comes back
    with an error and nothing asked; the team chosen is asked and the message says how
    many; again in Swedish, where nobody new is asked. Axe passes and nothing scrolls
    sideways at 320 px."""
    page, base = browser_page, live_server.url
    q = questionnaire(world.county_a, developer_a, trigger="manual")
    url = base + reverse("feedback_questionnaire", args=[q.pk])
    team = f"team:{world.team_a1.pk}"
    staff_login(page, base, "developer_a")
    page.set_viewport_size(NARROW)
    page.goto(url)
    assert page.get_by_role("heading", name="Kysy nyt").is_visible()
    assert page.locator("#id_audience option", has_text="A1 (2 henkilöä)").count() == 1
    _fits(page)
    page.click("form[action$='/ask/'] button[type=submit]")  # nothing chosen
    page.wait_for_load_state()
    assert page.locator(".error-summary").is_visible()
    assert not Invitation.objects.exists()
    _fits(page)
    page.select_option("#id_audience", team)
    page.click("form[action$='/ask/'] button[type=submit]")
    page.wait_for_load_state()
    assert page.get_by_text("Kysely lähetettiin 2 henkilölle.").is_visible()
    assert Invitation.objects.filter(questionnaire=q).count() == 2
    _fits(page)

    page.context.add_cookies([{"name": "django_language", "value": "sv", "url": base}])
    page.goto(url)
    assert page.locator("html").get_attribute("lang") == "sv"
    page.select_option("#id_audience", team)
    page.get_by_role("button", name="Fråga nu").click()
    page.wait_for_load_state()
    assert page.get_by_text("2 personer hade redan en inbjudan och fick ingen ny.").is_visible()
    assert Invitation.objects.filter(questionnaire=q).count() == 2
    _fits(page)


def _fits(page: Any) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]
    assert_accessible(page)
