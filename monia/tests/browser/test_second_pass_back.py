"""Forms with a second pass, in real Chromium: a letter previewed then marked sent, a
decision's correction started from its page, a diagram's version saved from its
confirmation page. After saving, the browser's Back and the form sent again save nothing
new and say, in Finnish and in Swedish, that it was saved. A letter was kept twice (the
preview is the answer to a POST: Back sends it again, with a new form key) and each
"Save a version" saved another; a correction started again said the decision already had
one. axe-core on each confirmation page."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from monia.conftest import CaseWorld
from monia.decisions.models import Decision
from monia.decisions.testing import signed_for
from monia.letters.models import Letter
from monia.letters.tests.conftest import LetterFamily
from monia.letters.tests.conftest import family as family  # noqa: F401 - the fixture
from monia.systemic.models import DiagramSnapshot
from monia.tests.browser.conftest import assert_accessible, staff_login

WORDS = {
    "fi": {
        "preview": "Esikatsele kirjettä",
        "mark": "Merkitse lähetetyksi",
        "marked": "Kirje merkittiin lähetetyksi.",
        "correct": "Oikaise päätös",
        "reason": "Mitä korjataan ja miksi",
        "start": "Aloita oikaisu",
        "started": "Oikaisevan päätöksen luonnos aloitettiin.",
        "version": "Tallenna versio",
        "saved": "Versio tallennettiin.",
    },
    "sv": {
        "preview": "Förhandsgranska brevet",
        "mark": "Markera som skickat",
        "marked": "Brevet markerades som skickat.",
        "correct": "Rätta beslutet",
        "reason": "Vad rättas och varför",
        "start": "Börja rättelsen",
        "started": "Ett utkast till rättelse påbörjades.",
        "version": "Spara en version",
        "saved": "En version sparades.",
    },
}


def _language(page: Any, base: str, language: str) -> None:
    page.context.add_cookies([{"name": "django_language", "value": language, "url": base}])


def _back(page: Any) -> None:
    """The browser's Back. A page that answered a POST is not kept (no-store): Chromium
    shows "Confirm form resubmission" (ERR_CACHE_MISS), and the user reloads it, which
    sends the POST again — as a tired worker does."""
    try:
        page.go_back()
    except Exception as exc:  # noqa: BLE001 - Playwright's Error, on this one error only
        if "ERR_CACHE_MISS" not in str(exc):
            raise
        page.wait_for_timeout(500)
        page.reload()
    page.wait_for_load_state()


def _told(page: Any, words: str) -> bool:
    return page.get_by_role("status").get_by_text(words).is_visible()


def test_a_letter_marked_sent_again_after_back_is_kept_once(
    browser_page: Any, live_server: Any, family: LetterFamily, worker_a: Any
) -> None:
    page, base, case = browser_page, live_server.url, family.case
    staff_login(page, base, "worker_a")
    letters = base + reverse("case_letters", args=[case.pk])
    for n, (language, recipient) in enumerate((("fi", family.maija), ("sv", family.erik)), 1):
        w = WORDS[language]
        _language(page, base, language)
        page.goto(letters)
        page.get_by_label({"fi": "Kenelle", "sv": "Till vem"}[language]).select_option(
            str(recipient.pk)
        )
        page.get_by_role("button", name=w["preview"]).click()
        page.wait_for_url("**/letters/preview/")
        assert_accessible(page)
        page.get_by_role("button", name=w["mark"]).click()
        page.wait_for_url(letters)
        assert _told(page, w["marked"])

        _back(page)  # the preview, sent again: marked sent again
        page.get_by_role("button", name=w["mark"]).click()
        page.wait_for_url(letters)
        assert _told(page, w["marked"])
        _back(page)
        _back(page)  # the letters page, its form as it was: previewed and marked again
        assert page.url == letters
        page.get_by_role("button", name=w["preview"]).click()
        page.wait_for_url("**/letters/preview/")
        page.get_by_role("button", name=w["mark"]).click()
        page.wait_for_url(letters)
        assert _told(page, w["marked"])
        assert Letter.objects.filter(case=case).count() == n
        assert Letter.objects.filter(case=case, recipient=recipient).count() == 1


def test_a_correction_started_again_after_back_opens_the_draft_it_started(
    browser_page: Any, live_server: Any, case_a: CaseWorld, worker_a: Any
) -> None:
    page, base, case = browser_page, live_server.url, case_a.case
    staff_login(page, base, "worker_a")
    for language in ("fi", "sv"):
        w = WORDS[language]
        _language(page, base, language)
        signed = signed_for(case, worker_a, kind="support_measure")
        page.goto(base + reverse("decision_detail", args=[case.pk, signed.pk]))
        page.get_by_role("link", name=w["correct"]).click()
        page.wait_for_url("**/correct/")
        assert_accessible(page)
        reason = f"Väärä päivämäärä ({language})."
        page.get_by_label(w["reason"]).fill(reason)
        page.get_by_role("button", name=w["start"]).click()
        page.wait_for_url("**/edit/")
        draft = Decision.objects.get(corrects=signed)
        assert _told(page, w["started"])

        _back(page)  # the correction page, the reason as typed
        assert page.get_by_label(w["reason"]).input_value() == reason
        page.get_by_role("button", name=w["start"]).click()
        page.wait_for_url(f"**/decisions/{draft.pk}/edit/")
        assert _told(page, w["started"])
        _back(page)
        _back(page)  # the decision: corrected already, no second correction offered
        assert page.url.endswith(f"/decisions/{signed.pk}/")
        assert page.get_by_role("link", name=w["correct"]).count() == 0
        assert Decision.objects.filter(corrects=signed).count() == 1


def test_a_version_saved_again_after_back_is_saved_once(
    browser_page: Any, live_server: Any, case_a: CaseWorld, worker_a: Any
) -> None:
    page, base, case = browser_page, live_server.url, case_a.case
    staff_login(page, base, "worker_a")
    genogram = base + reverse("genogram", args=[case.pk])
    versions = DiagramSnapshot.objects.filter(case=case, kind="genogram")
    for n, language in enumerate(("fi", "sv")):
        w = WORDS[language]
        _language(page, base, language)
        page.goto(genogram)
        page.get_by_role("button", name=w["version"]).click()
        page.wait_for_url(genogram)
        assert _told(page, w["saved"])
        _back(page)  # the diagram before saving, its form key as it was
        page.get_by_role("button", name=w["version"]).click()
        page.wait_for_url(genogram)
        assert _told(page, w["saved"])
        assert versions.count() == 2 * n + 1

        # The confirmation page (the form's address opened as a page).
        page.goto(base + reverse("genogram_snapshot_new", args=[case.pk]))
        assert_accessible(page)
        page.get_by_role("button", name=w["version"]).click()
        page.wait_for_url(genogram)
        _back(page)
        page.get_by_role("button", name=w["version"]).click()
        page.wait_for_url(genogram)
        assert _told(page, w["saved"])
        assert versions.count() == 2 * n + 2
