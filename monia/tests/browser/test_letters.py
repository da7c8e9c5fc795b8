"""In real Chromium: the worker writes the notice that a notification was received,
previews it in the guardian's language, prints it and downloads the PDF, and marks it sent;
the letters page then lists it — in Finnish and in Swedish, with axe-core on every page
and no sideways scrolling at 320 px."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from monia.letters.models import Letter
from monia.letters.tests.conftest import MAIJA_ADDRESS, LetterFamily
from monia.letters.tests.conftest import family as family  # noqa: F401 - the fixture
from monia.tests.browser.conftest import assert_accessible, staff_login
from monia.tests.browser.test_plan_and_exceptions import _reflows_at_320


def test_the_worker_previews_prints_downloads_and_sends_the_notice_of_receipt(
    browser_page: Any, live_server: Any, family: LetterFamily, worker_a: Any
) -> None:
    page, base, case = browser_page, live_server.url, family.case
    staff_login(page, base, "worker_a")
    page.goto(base + reverse("case_detail", args=[case.pk]))
    page.get_by_role("link", name="Kirjeet perheelle").click()
    page.wait_for_url(f"**/cases/{case.pk}/letters/")
    assert page.get_by_text("Kirjeitä ei ole vielä lähetetty.").is_visible()
    assert_accessible(page)
    _reflows_at_320(page)

    # The first letter, to the first guardian, from the newest notification: the defaults.
    page.get_by_role("button", name="Esikatsele kirjettä").click()
    page.wait_for_url("**/letters/preview/")
    assert page.get_by_role("heading", name="Saimme lastensuojeluilmoituksen").is_visible()
    assert page.locator(".doc-recipient").get_by_text(MAIJA_ADDRESS).is_visible()
    assert_accessible(page)
    _reflows_at_320(page)

    # On paper: the letter with its secrecy marking, no menus or forms.
    page.emulate_media(media="print")
    assert page.locator(".secrecy").first.is_visible()
    assert page.get_by_role("heading", name="Saimme lastensuojeluilmoituksen").is_visible()
    assert not page.locator(".site-header").is_visible()
    assert not page.get_by_role("button", name="Merkitse lähetetyksi").is_visible()
    page.emulate_media(media="screen")

    with page.expect_download() as download:
        page.get_by_role("button", name="Lataa PDF").click()
    assert download.value.suggested_filename.endswith("-fi.pdf")
    with open(download.value.path(), "rb") as got:
        assert got.read(5) == b"%PDF-"

    page.get_by_role("button", name="Merkitse lähetetyksi").click()
    page.wait_for_url(f"**/cases/{case.pk}/letters/")
    assert page.get_by_text("Kirje merkittiin lähetetyksi.").is_visible()
    letter = Letter.objects.get()
    assert letter.recipient == family.maija and letter.language == "fi"
    page.get_by_role("link", name="Saimme lastensuojeluilmoituksen").click()
    page.wait_for_url(f"**/letters/{letter.pk}/")
    assert page.get_by_text("Tämä on kirje sellaisena kuin se lähetettiin.").is_visible()
    assert_accessible(page)
    _reflows_at_320(page)

    # In Swedish: the pages, and the letter to the Swedish-speaking guardian.
    page.context.add_cookies([{"name": "django_language", "value": "sv", "url": base}])
    page.goto(base + reverse("case_letters", args=[case.pk]))
    assert page.get_by_role("heading", name="Brev till familjen").is_visible()
    assert_accessible(page)
    _reflows_at_320(page)
    page.get_by_label("Till vem").select_option(str(family.erik.pk))
    page.get_by_role("button", name="Förhandsgranska brevet").click()
    page.wait_for_url("**/letters/preview/")
    assert page.get_by_role("heading", name="Vi har fått en barnskyddsanmälan").is_visible()
    assert page.get_by_text(MAIJA_ADDRESS).count() == 0
    assert_accessible(page)
    _reflows_at_320(page)
    page.get_by_role("button", name="Markera som skickat").click()
    page.wait_for_url(f"**/cases/{case.pk}/letters/")
    assert Letter.objects.filter(recipient=family.erik, language="sv").count() == 1
