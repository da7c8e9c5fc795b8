"""A network meeting booked and recorded by a tired worker, in real Chromium and in
Swedish: the form sent again after "Back" books one meeting, not two (the family's portal
listed the meeting twice); a family member added again is invited once; a record sent
without the family's view says so in the page's words (the browser's own bubble stopped
it, in the browser's language) and keeps what was typed; the pages name the child, and
the planning form tells the worker who reads the agenda."""

from __future__ import annotations

import datetime
import re
from typing import Any

from django.urls import reverse
from django.utils import timezone

from monia.conftest import CaseWorld
from monia.netmeet.models import NetworkMeeting
from monia.tests.browser.conftest import assert_no_sideways_scroll, staff_login


def test_a_meeting_booked_twice_by_back_is_booked_once_and_its_record_keeps_the_text(
    browser_page: Any, live_server: Any, case_a: CaseWorld, worker_a: Any
) -> None:
    page, base, case = browser_page, live_server.url, case_a.case
    staff_login(page, base, "worker_a")
    page.context.add_cookies([{"name": "django_language", "value": "sv", "url": base}])
    meetings = base + reverse("case_network_meetings", args=[case.pk])
    page.goto(meetings)
    assert page.locator(".case-header").get_by_text(case.child.full_name).is_visible()
    assert page.get_by_text("Familjen läser tiden, platsen, länken och dagordningen").is_visible()
    when = timezone.localtime() + datetime.timedelta(days=7)
    page.fill("#id_held_at", when.strftime("%Y-%m-%dT%H:00"))
    page.fill("#id_place", "Familjecentret")
    page.fill("#id_agenda", "Skolan och hemmet")
    page.get_by_role("button", name="Spara mötet").click()
    page.wait_for_url(re.compile(r".*/network-meetings/\d+/$"))
    meeting = NetworkMeeting.objects.get()

    # "Back", and the same form sent again: the meeting already booked, said so.
    page.go_back()
    page.wait_for_url(meetings)
    assert page.input_value("#id_place") == "Familjecentret"
    page.get_by_role("button", name="Spara mötet").click()
    page.wait_for_url(re.compile(rf".*/network-meetings/{meeting.pk}/$"))
    assert NetworkMeeting.objects.count() == 1
    assert page.get_by_role("status").get_by_text("Mötet var redan planerat").is_visible()
    assert page.locator(".case-header").get_by_text(case.child.full_name).is_visible()

    # A family member invited, then again after "Back": on the list once.
    page.get_by_label("Roll").select_option("guardian")
    page.get_by_label("Familjemedlemmens namn").fill("Maija Esimerkki")
    page.get_by_role("button", name="Lägg till den inbjudna").click()
    page.wait_for_load_state()
    page.go_back()
    page.wait_for_load_state()
    page.get_by_label("Roll").select_option("guardian")
    page.get_by_label("Familjemedlemmens namn").fill("Maija Esimerkki")
    page.get_by_role("button", name="Lägg till den inbjudna").click()
    page.wait_for_load_state()
    assert meeting.invitees.count() == 1

    # The record without the family's view (the meeting has been held meanwhile).
    NetworkMeeting.objects.filter(pk=meeting.pk).update(
        held_at=timezone.now() - datetime.timedelta(hours=1)
    )
    page.reload()
    page.get_by_label("Minnesanteckningar").fill("Vi kom överens om stöd i skolan.")
    page.get_by_role("button", name="Dokumentera mötet").click()
    page.wait_for_load_state()
    summary = page.get_by_role("alert").filter(has_text="Kontrollera blanketten")
    assert summary.get_by_text("Familjens syn").is_visible()
    assert page.get_by_label("Minnesanteckningar").input_value() == (
        "Vi kom överens om stöd i skolan."
    )
    page.set_viewport_size({"width": 320, "height": 640})
    assert_no_sideways_scroll(page)
