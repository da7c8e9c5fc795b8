"""The senior official's archive export in real Chromium: from the case page to the
export page, start it, see it waiting with its progress bar, the worker writes it, the
page updates itself to "ready", and the package downloads — a ZIP with a manifest, and a
disclosure-log row. axe-core on every page, 320 px reflow, in Finnish and in Swedish."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

from django.urls import reverse

from monia.archive.models import ArchiveExport
from monia.conftest import CaseWorld
from monia.network.models import DisclosureLog
from monia.tests.browser.conftest import assert_accessible, staff_login
from monia.tests.browser.test_plan_and_exceptions import _reflows_at_320


def _run_worker() -> None:
    """What `manage.py db_worker --batch` does: every queued task, then stop."""
    from django_tasks_db.management.commands.db_worker import Worker

    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="browser-test",
        excluded_queue_names=[],
    ).run()


def _export_and_download(page: Any, base: str, case_id: int, words: dict[str, str]) -> bytes:
    page.goto(base + reverse("case_detail", args=[case_id]))
    assert_accessible(page)
    page.get_by_role("link", name=words["link"]).click()
    page.wait_for_url(f"**/cases/{case_id}/archive/")
    assert_accessible(page)
    page.get_by_role("button", name=words["start"]).click()
    page.wait_for_load_state()
    assert page.get_by_text(words["queued"]).first.is_visible()
    assert page.locator("progress").first.is_visible()
    assert_accessible(page)
    _reflows_at_320(page)
    _run_worker()
    # The page's small script fetches it again while an export is unfinished.
    page.get_by_role("link", name=words["download"]).first.wait_for(timeout=20_000)
    assert_accessible(page)
    with page.expect_download() as info:
        page.get_by_role("link", name=words["download"]).first.click()
    return Path(info.value.path()).read_bytes()


FINNISH = {
    "link": "Arkistopoiminta",
    "start": "Aloita arkistopoiminta",
    "queued": "Odottaa alkua",
    "download": "Lataa paketti (ZIP)",
}
SWEDISH = {
    "link": "Arkivexport",
    "start": "Starta en arkivexport",
    "queued": "Väntar på att börja",
    "download": "Ladda ned paketet (ZIP)",
}


def test_the_senior_official_exports_a_case_for_the_archive_in_finnish_and_swedish(
    browser_page: Any, live_server: Any, case_a: CaseWorld, senior_a: Any
) -> None:
    page, base, case = browser_page, live_server.url, case_a.case
    staff_login(page, base, "senior_a")
    for n, words in enumerate((FINNISH, SWEDISH), start=1):
        if words is SWEDISH:
            page.context.add_cookies([{"name": "django_language", "value": "sv", "url": base}])
        content = _export_and_download(page, base, case.pk, words)
        package = zipfile.ZipFile(io.BytesIO(content))
        manifest = json.loads(package.read("manifest.json"))
        assert manifest["documents"][0]["kind"] == "client_plan"
        assert ArchiveExport.objects.filter(state="done").count() == n
        assert DisclosureLog.objects.filter(source="archive_export").count() == n
