"""My voice and "Were you heard?" in Chromium, at phone and desktop widths, with axe-core
on every page: Eetu (14) picks faces by keyboard and by click, a forgotten form comes back
with his words kept, his answers reach the worker's meeting page, and he tells whether he
was heard after an earlier meeting."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from monia.accounts.models import User
from monia.conftest import PortalWorld
from monia.netmeet.models import MeetingStatus, NetworkMeeting
from monia.tests.browser.conftest import assert_accessible, portal_login, staff_login
from monia.voice.models import HeardFeedback, VoiceEntry

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _meeting(case: Any, *, days: int, held: bool = False) -> NetworkMeeting:
    extra = (
        {
            "status": MeetingStatus.HELD,
            "minutes": "Sovittiin koulun tuesta.",
            "family_view": "Äiti toivoo apua aamuihin.",
            "child_view": "Eetu haluaa pelata jalkapalloa.",
        }
        if held
        else {}
    )
    return NetworkMeeting.objects.create(
        case=case,
        held_at=timezone.now() + datetime.timedelta(days=days),
        place="Koulun neuvotteluhuone",
        agenda="Eetun koulunkäynti",
        organised_by=User.objects.get(username="worker_a"),
        **extra,
    )


def test_young_person_tells_their_voice_and_whether_they_were_heard(
    browser_page: Any, live_server: Any, portal_world: PortalWorld
) -> None:
    page, base = browser_page, live_server.url
    case = portal_world.young_case
    planned = _meeting(case, days=5)
    earlier = _meeting(case, days=-10, held=True)
    portal_login(page, base, portal_world.young)

    # The meetings page links each coming meeting to My voice.
    page.set_viewport_size(DESKTOP)
    page.goto(base + reverse("portal_meetings", args=[case.pk]))
    assert_accessible(page)
    page.click(f"a[href$='?meeting={planned.pk}']")
    page.wait_for_load_state()
    assert page.locator("h1").count() == 1

    # On a phone: sending nothing brings a clear message and sends nothing.
    page.set_viewport_size(PHONE)
    assert_accessible(page)
    page.click("form button[type=submit].primary")
    page.wait_for_load_state()
    assert page.locator(".error-summary").is_visible()
    assert not VoiceEntry.objects.exists()
    assert_accessible(page)
    page.fill("#id_who_there", "Haluan että isä tulee.")

    # Faces by keyboard (arrow keys within the group) and by click on a face's words.
    page.locator("#q-home input[type=radio]:checked").focus()  # "I skip this"
    page.keyboard.press("ArrowLeft")  # Very good
    page.keyboard.press("ArrowLeft")  # Good
    assert page.locator("#id_home_3").is_checked()
    page.locator("label[for=id_school_1]").click()  # Bad
    page.locator("label[for=id_feeling_2]").click()  # Okay
    page.fill("#id_adults_know", "Aamut ovat vaikeita.")
    page.click("form button[type=submit].primary")
    page.wait_for_load_state()
    assert page.locator(".messages").is_visible()
    assert_accessible(page)
    page.set_viewport_size(DESKTOP)
    assert_accessible(page)
    entry = VoiceEntry.objects.get()
    assert (entry.meeting_id, entry.home, entry.school, entry.friends, entry.feeling) == (
        planned.pk,
        4,
        2,
        None,
        3,
    )
    assert entry.who_there == "Haluan että isä tulee."

    # "Were you heard?" about the earlier meeting, from My voice's own list.
    page.click(f"a[href='{reverse('portal_heard', args=[case.pk, earlier.pk])}']")
    page.wait_for_load_state()
    for size in (PHONE, DESKTOP):
        page.set_viewport_size(size)
        assert_accessible(page)
    page.locator("label[for=id_score_3]").click()  # Mostly
    page.fill("#id_comment", "Sain sanoa asiani.")
    page.click("form button[type=submit].primary")
    page.wait_for_load_state()
    assert HeardFeedback.objects.get().score == 4
    assert_accessible(page)

    # The worker reads it on the meeting page; the indicators page stays accessible.
    staff_login(page, base, "worker_a")
    page.goto(base + reverse("network_meeting_detail", args=[case.pk, planned.pk]))
    assert page.get_by_text("Aamut ovat vaikeita.").is_visible()
    assert_accessible(page)
    page.goto(base + reverse("participation_indicators"))
    for size in (PHONE, DESKTOP):
        page.set_viewport_size(size)
        assert_accessible(page)
