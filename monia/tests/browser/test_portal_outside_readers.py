"""What a family reads in the portal is true, in real Chromium: "Who can see what" names
the school invited to the network meeting (it said nothing was shared with anyone outside
child welfare, while "Who has seen my data" listed the school's reads); "Who has seen my
data" names the worker's county in the reader's language (a Swedish page said it in
Finnish); and an agreed action's date says it is a due date."""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from django.utils import timezone

from monia.conftest import PortalWorld
from monia.netmeet import services as netmeet
from monia.portal import family_services
from monia.tests.browser.conftest import assert_no_sideways_scroll, portal_login, staff_login


def test_the_family_reads_who_outside_child_welfare_sees_the_meeting(
    browser_page: Any, live_server: Any, portal_world: PortalWorld, worker_a: Any, school: Any
) -> None:
    page, base = browser_page, live_server.url
    case = portal_world.cw.case
    held = timezone.now() - datetime.timedelta(days=1)
    meeting = netmeet.meeting_plan(
        user=worker_a,
        case=case,
        held_at=held,
        place="Koulu",
        agenda="Koulunkäynnin tuki",
        already_held=True,
    )
    netmeet.invitee_add(meeting=meeting, role="partner", organisation=school)
    due = timezone.localdate() + datetime.timedelta(days=30)
    netmeet.meeting_record(
        user=worker_a,
        meeting=meeting,
        minutes="Sovittiin tukiopetuksesta.",
        family_view="Äiti toivoo tukea.",
        child_absent_reason="Lapsi oli koulussa.",
        actions=[
            {
                "description": "Tukiopetus kahdesti viikossa",
                "owner_name": "Terveydenhoitaja",
                "owner_organisation": school,
                "due_on": due,
            }
        ],
    )
    family_services.family_version_approve(
        user=worker_a,
        case=case,
        document_key=f"netmeet:{meeting.pk}",
        text="Sovimme tukiopetuksesta.",
    )
    staff_login(page, base, "worker_a")
    page.goto(base + reverse("case_detail", args=[case.pk]))  # a read the family can see

    portal_login(page, base, portal_world.guardian)
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(base + reverse("portal_privacy", args=[case.pk]))
    card = page.locator("article.card", has_text="Keskuskoulu")
    assert card.get_by_text("Kutsuttu verkostopalaveriin:").is_visible()
    day = timezone.localdate(held)  # the page's date is Finland's, not UTC's
    assert card.get_by_text(f"{day.day}.{day.month}.{day.year}").is_visible()
    assert page.get_by_text("Mitään ei jaeta heille nyt.").count() == 0
    assert_no_sideways_scroll(page)

    page.goto(base + reverse("portal_case", args=[case.pk]))
    action = page.locator("li", has_text="Tukiopetus kahdesti viikossa")
    assert f"(viimeistään {due.day}.{due.month}.{due.year})" in action.inner_text()

    page.context.add_cookies([{"name": "django_language", "value": "sv", "url": base}])
    page.goto(base + reverse("portal_who_viewed", args=[case.pk]))
    entries = page.locator("main").inner_text()
    assert "Worker_A Testinen" in entries and "Område A" in entries
    assert "Alue A" not in entries
    assert_no_sideways_scroll(page)
