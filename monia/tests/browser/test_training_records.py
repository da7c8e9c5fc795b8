"""Training in the systemic model (issue 16), in real Chromium with axe: the development
coordinator records a completed module, the caseboard shows the team's share trained, and
the fidelity page shows its chart with the table (in Swedish for the senior official)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from monia.tests.browser.conftest import assert_accessible, staff_login
from monia.training.models import TrainingModule, TrainingRecord
from monia.training.services import catalogue_ensure

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_coordinator_records_training_and_the_caseboard_shows_the_share(
    browser_page: Any,
    live_server: Any,
    world: Any,
    worker_a: Any,
    teammate_a: Any,
    developer_a: Any,
    senior_a: Any,
) -> None:
    catalogue_ensure()  # seeded by migration; an earlier live-server test's flush empties it
    page, base = browser_page, live_server.url
    staff_login(page, base, "developer_a")
    page.goto(base + reverse("training_record"))
    assert_accessible(page)
    page.select_option("#id_member", str(worker_a.pk))
    basic = TrainingModule.objects.get(county__isnull=True, code="basic")
    page.select_option("#id_module", str(basic.pk))
    page.fill("#id_completed_on", "2026-03-02")
    page.fill("#id_hours", "40")
    page.fill("#id_provider", "Systeemisen mallin koulutus")
    page.click("button[type=submit].primary")
    page.wait_for_url("**/develop/training/record/")
    assert "Koulutus kirjattiin." in page.locator("body").inner_text()
    assert TrainingRecord.objects.filter(user=worker_a, module=basic).exists()

    staff_login(page, base, "worker_a")
    page.goto(base + reverse("caseboard"))
    assert "Tiimistä koulutettu: 1/2 (50\u00a0%)" in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_role("link", name="Tiimin koulutus").click()
    page.wait_for_url(f"**/develop/training/teams/{world.team_a1.pk}/")
    assert "Worker_A Testinen" in page.locator("main").inner_text()
    assert_accessible(page)

    senior_a.language = "sv"
    senior_a.save(update_fields=["language"])
    staff_login(page, base, "senior_a")
    page.goto(base + reverse("systemic_fidelity") + f"?team={world.team_a1.pk}")
    main = page.locator("main")
    assert "Den systemiska modellens förverkligande" in main.inner_text()
    assert main.locator("svg polyline").count() == 5
    assert main.locator("table.data tbody tr").count() == 12
    assert_accessible(page)
