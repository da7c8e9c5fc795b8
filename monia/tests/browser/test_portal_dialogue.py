"""A young person and the worker talk in the portal, in real Chromium with axe on every
page at phone and desktop widths: the young person sends a message (an empty one is
refused with the text kept), the worker answers, the young person sees the reply with an
unread count on the nav and writes in the shared journal."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from monia.conftest import PortalWorld
from monia.dialogue.models import JournalEntry, Message
from monia.tests.browser.conftest import assert_accessible, portal_login, staff_login

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _check_both_widths(page: Any) -> None:
    for size in (PHONE, DESKTOP):
        page.set_viewport_size(size)
        assert_accessible(page)


def test_young_person_and_worker_talk_and_reflect_in_the_portal(
    browser_page: Any, live_server: Any, portal_world: PortalWorld
) -> None:
    page, base = browser_page, live_server.url
    case = portal_world.young_case
    messages_url = base + reverse("portal_messages", args=[case.pk])

    # 1. Eetu opens his messages on a phone; an empty message is refused.
    page.set_viewport_size(PHONE)
    portal_login(page, base, portal_world.young)
    page.goto(messages_url)
    _check_both_widths(page)
    page.fill("#id_body", "   ")
    page.click("form button[type=submit].primary")
    page.wait_for_load_state()
    assert page.locator(".error-summary").is_visible()
    assert Message.objects.count() == 0
    _check_both_widths(page)

    # 2. He sends a real message; it shows as his own bubble.
    page.set_viewport_size(PHONE)
    page.fill("#id_body", "Voinko vaihtaa koulua ensi syksynä?")
    page.click("form button[type=submit].primary")
    page.wait_for_load_state()
    assert page.locator(".bubble.mine").inner_text().endswith("Voinko vaihtaa koulua ensi syksynä?")
    _check_both_widths(page)

    # 3. The worker reads the thread and answers.
    staff_login(page, base, "worker_a")
    page.goto(base + reverse("case_messages", args=[case.pk]))
    assert_accessible(page)
    page.click("table.data a")
    page.wait_for_load_state()
    assert "Voinko vaihtaa koulua" in page.content()
    _check_both_widths(page)
    page.fill("#id_body", "Puhutaan siitä torstaina koululla.")
    page.click("form button[type=submit].primary")
    page.wait_for_load_state()

    # 4. Eetu sees the unread count on the nav, then the answer.
    page.set_viewport_size(PHONE)
    portal_login(page, base, portal_world.young)
    page.goto(base + reverse("portal_case", args=[case.pk]))
    nav_link = page.locator(f".portal-nav a[href='{reverse('portal_messages', args=[case.pk])}']")
    assert "1" in nav_link.inner_text()
    nav_link.click()
    page.wait_for_load_state()
    assert (
        page.locator(".bubble:not(.mine)")
        .inner_text()
        .endswith("Puhutaan siitä torstaina koululla.")
    )
    assert "1" not in nav_link.inner_text()
    _check_both_widths(page)

    # 5. He writes in the shared journal what helps.
    page.set_viewport_size(PHONE)
    page.goto(base + reverse("portal_journal", args=[case.pk]))
    _check_both_widths(page)
    page.fill("#id_text", "Futistreenit auttavat jaksamaan.")
    page.check("#id_helps_0")
    page.click("form button[type=submit].primary")
    page.wait_for_load_state()
    assert "Futistreenit auttavat jaksamaan." in page.locator("article.card").inner_text()
    assert JournalEntry.objects.get().author_person == portal_world.young
    _check_both_widths(page)
