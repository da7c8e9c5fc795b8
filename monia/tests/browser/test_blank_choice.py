"""A choice added by a form after it was made reads "—" like every blank choice, in real
Chromium: the designated worker on the assessment's completion showed Django's
"---------"."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from monia.conftest import CaseWorld
from monia.tests.browser.conftest import staff_login


def test_the_assessments_worker_choice_starts_with_a_dash(
    browser_page: Any, live_server: Any, case_a: CaseWorld, worker_a: Any
) -> None:
    page, base = browser_page, live_server.url
    staff_login(page, base, "worker_a")
    assessment = case_a.open_assessment
    page.goto(base + reverse("assessment_complete", args=[case_a.case.pk, assessment.pk]))
    options = page.locator("main select option").all_inner_texts()
    assert "—" in options and "---------" not in options
