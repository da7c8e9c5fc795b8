"""An expert by experience's assignment and its payroll export, in real Chromium with axe:
the coordinator records an assignment with a fee and travel costs (refused until the tax
card is noted, nothing lost of what was typed), the expert finds it on "My assignments" and
declines the fee of another (the page also in Swedish), and the coordinator downloads the
month's payroll file (CSV) whose rows are checked."""

from __future__ import annotations

import csv
import datetime
import io
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from monia.experience import services
from monia.experience.models import Assignment, PayrollExport
from monia.tests.browser.conftest import assert_accessible, staff_login

pytestmark = pytest.mark.django_db(transaction=True)


def _last_month() -> datetime.date:
    return (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).replace(day=15)


def _record(page: Any, *, title: str, fee: str, costs: str, explained: str, day: str) -> None:
    page.select_option("#id_kind", "talk")
    page.fill("#id_title", title)
    page.fill("#id_date", day)
    page.fill("#id_hours", "2")
    page.fill("#id_fee_agreed", fee)
    page.fill("#id_costs", costs)
    page.fill("#id_costs_description", explained)
    page.select_option("#id_status", "done")
    page.get_by_role("button", name="Tallenna tehtävä").click()
    page.wait_for_load_state()


def test_an_experts_assignment_and_its_payroll_export(
    browser_page: Any, live_server: Any, world: Any, developer_a: Any, expert_by_experience: Any
) -> None:
    entry = services.expert_save(
        county=world.county_a,
        data={
            "user": expert_by_experience,
            "pseudonym": "Eeva L.",
            "real_name": "Eeva Laine",
            "themes": ["perhetyö"],
            "active": True,
        },
    )
    day = _last_month()
    page, base = browser_page, live_server.url

    # The coordinator: the register from the network's page, the expert, a new assignment.
    staff_login(page, base, "developer_a")
    page.goto(base + reverse("develop"))
    page.get_by_role("link", name="Kokemusasiantuntijarekisteri").click()
    page.get_by_role("link", name="Eeva L.").click()
    assert_accessible(page)
    page.get_by_role("link", name="Kirjaa tehtävä").click()
    _record(
        page,
        title="Puheenvuoro henkilöstöpäivillä",
        fee="150",
        costs="24,60",
        explained="Junalippu",
        day=day.isoformat(),
    )
    # No tax card yet: refused with a clear message, nothing saved, nothing typed lost.
    summary = page.locator(".error-summary").inner_text()
    assert f"Merkitse verokortti vuodelle {day.year}" in summary
    assert page.input_value("#id_costs") == "24,60"
    assert page.input_value("#id_title") == "Puheenvuoro henkilöstöpäivillä"
    assert not Assignment.objects.exists()
    assert_accessible(page)

    page.get_by_role("link", name="Eeva L.").first.click()
    page.fill("#id_year", str(day.year))
    page.get_by_role("button", name="Merkitse verokortti").click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Kirjaa tehtävä").click()
    _record(
        page,
        title="Puheenvuoro henkilöstöpäivillä",
        fee="150",
        costs="24,60",
        explained="Junalippu",
        day=day.isoformat(),
    )
    page.get_by_role("link", name="Kirjaa tehtävä").click()
    _record(
        page,
        title="Kehittäjäryhmä",
        fee="80",
        costs="0",
        explained="",
        day=day.replace(day=20).isoformat(),
    )
    assert page.get_by_role("rowheader", name="Kehittäjäryhmä").is_visible()
    assert Assignment.objects.count() == 2

    # The expert: her own assignments; she declines the developer group's fee.
    staff_login(page, base, "expert_by_experience")
    assert page.url.endswith(reverse("develop"))
    page.get_by_role("link", name="Omat tehtäväni").click()
    main = page.locator("main").inner_text()
    assert "Puheenvuoro henkilöstöpäivillä" in main and "150" in main and "24,60" in main
    assert_accessible(page)
    page.get_by_role("button", name="Kieltäydy palkkiosta: ”Kehittäjäryhmä”").click()
    page.wait_for_load_state()
    assert "Kieltäydyit palkkiosta" in page.locator("main").inner_text()
    # The same page in Swedish.
    page.context.add_cookies([{"name": "django_language", "value": "sv", "url": base}])
    page.goto(base + reverse("experience_mine"))
    assert page.get_by_role("heading", name="Mina uppdrag").is_visible()
    assert "avböjt" in page.locator("main").inner_text()
    assert_accessible(page)
    # Any case URL: not there.
    response = page.goto(base + "/cases/1/")
    assert response is not None and response.status == 404

    # The coordinator: the month's payroll, exported as CSV.
    page.context.clear_cookies()
    staff_login(page, base, "developer_a")
    page.goto(base + reverse("develop"))
    page.get_by_role("link", name="Palkkiot ja kulut palkanmaksuun").click()
    page.fill("#id_month", f"{day:%Y-%m}")
    page.get_by_role("button", name="Näytä kuukausi").click()
    page.wait_for_load_state()
    assert_accessible(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="Vie palkanmaksuun").click()
    content = Path(info.value.path()).read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content), delimiter=";"))
    assert rows[0][:2] == ["Kokemusasiantuntijan tunniste", "Oikea nimi"]
    assert [(r[0], r[1], r[4], r[7], r[8], r[10]) for r in rows[1:]] == [
        (
            str(entry.pk),
            "Eeva Laine",
            "Puheenvuoro henkilöstöpäivillä",
            "150,00",
            "24,60",
            "174,60",
        ),
        (str(entry.pk), "Eeva Laine", "Kehittäjäryhmä", "0,00", "0,00", "0,00"),
    ]
    assert set(Assignment.objects.values_list("paid_month", flat=True)) == {day.replace(day=1)}
    assert PayrollExport.objects.get().exported_by == developer_a
