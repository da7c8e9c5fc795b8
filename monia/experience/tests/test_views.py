"""The register's pages: who opens which (404 for everyone else), forms that keep what was
typed, the expert's own assignments, the payroll file and the register's query count."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from monia.accounts.models import Role, User
from monia.conftest import login, make_user
from monia.experience import services
from monia.experience.models import Assignment, ExpertByExperience, PayrollExport
from monia.experience.tests.conftest import last_month, record

pytestmark = pytest.mark.django_db


def _new_assignment(**over: Any) -> dict[str, Any]:
    return {
        "kind": "talk",
        "title": "Puheenvuoro koulutuspäivällä",
        "date": timezone.localdate().isoformat(),
        "hours": "2",
        "fee_agreed": "150",
        "costs": "24,60",
        "costs_description": "Junalippu",
        "status": "agreed",
    } | over


def test_a_fee_without_a_tax_card_keeps_what_was_typed_and_saves_nothing(
    entry: Any, developer_a: User
) -> None:
    url = reverse("experience_assignment_new", args=[entry.pk])
    response = login("developer_a", "en").post(url, _new_assignment())
    assert response.status_code == 200
    page = response.content.decode()
    assert "Add the tax card note for" in page and "Nothing was saved" in page
    assert 'value="Puheenvuoro koulutuspäivällä"' in page and 'value="Junalippu"' in page
    assert not Assignment.objects.exists()


def test_the_coordinator_records_an_assignment_after_the_tax_card(
    taxed: Any, developer_a: User
) -> None:
    client = login("developer_a")
    url = reverse("experience_assignment_new", args=[taxed.pk])
    response = client.post(url, _new_assignment())
    assert response.status_code == 302
    a = Assignment.objects.get()
    assert (a.fee_agreed, a.costs, a.created_by) == (Decimal(150), Decimal("24.60"), developer_a)


def test_the_coordinator_notes_a_tax_card_on_the_experts_page(
    entry: Any, developer_a: User
) -> None:
    url = reverse("experience_expert", args=[entry.pk])
    year = timezone.localdate().year
    assert login("developer_a").post(url, {"year": year}).status_code == 302
    assert list(entry.tax_cards.values_list("year", flat=True)) == [year]


def test_a_new_entry_keeps_what_was_typed_when_the_pseudonym_is_taken(
    entry: Any, developer_a: User
) -> None:
    response = login("developer_a", "en").post(
        reverse("experience_expert_new"),
        {"pseudonym": "eeva l.", "real_name": "Eeva Toinen", "themes": "koulu", "active": "on"},
    )
    assert response.status_code == 200
    assert "already has an expert of that pseudonym" in response.content.decode()
    assert 'value="Eeva Toinen"' in response.content.decode()
    assert ExpertByExperience.objects.count() == 1


def test_the_expert_sees_only_their_own_assignments(
    taxed: Any, developer_a: User, world: Any
) -> None:
    other_user = make_user("other_expert", Role.EXPERT_BY_EXPERIENCE, world.county_a, None)
    other = services.expert_save(
        county=world.county_a, data={"pseudonym": "Mikko K.", "user": other_user}
    )
    mine = record(developer_a, taxed, title="Oma puheenvuoro")
    theirs = record(developer_a, other, title="Toisen puheenvuoro", fee_agreed=Decimal(0))
    client = login("expert_by_experience")
    page = client.get(reverse("experience_mine")).content.decode()
    assert "Oma puheenvuoro" in page and "Toisen puheenvuoro" not in page
    # A pseudonym ending in an abbreviation's period is not followed by a second one.
    assert "Nimesi rekisterissä: Eeva L.</p>" in page and "L.." not in page
    decline = reverse("experience_fee_decline", args=[theirs.pk])
    assert client.post(decline).status_code == 404
    assert client.post(reverse("experience_fee_decline", args=[mine.pk])).status_code == 302
    mine.refresh_from_db()
    assert mine.fee_declined


def test_the_coordinator_of_another_county_sees_nothing(
    taxed: Any, developer_a: User, developer_b: User
) -> None:
    a = record(developer_a, taxed)
    client = login("developer_b")
    assert "Eeva L." not in client.get(reverse("experience_register")).content.decode()
    for url in (
        reverse("experience_expert", args=[taxed.pk]),
        reverse("experience_expert_edit", args=[taxed.pk]),
        reverse("experience_assignment_new", args=[taxed.pk]),
        reverse("experience_assignment_edit", args=[a.pk]),
    ):
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("persona", ["worker_a", "partner", "expert_by_experience", "admin"])
def test_the_register_and_payroll_are_the_coordinators_only(
    persona: str, entry: Any, request: pytest.FixtureRequest
) -> None:
    request.getfixturevalue(persona)
    client = login(persona)
    for name in ("experience_register", "experience_payroll", "experience_expert_new"):
        assert client.get(reverse(name)).status_code == 404, name
    assert client.get(reverse("experience_expert", args=[entry.pk])).status_code == 404
    export = client.post(reverse("experience_payroll_export"), {"month": "2026-01"})
    assert export.status_code == 404


def test_staff_find_the_public_part_only_and_partners_nothing(
    taxed: Any, developer_a: User, worker_a: User, partner: User, coordinator_a: User
) -> None:
    record(
        developer_a, taxed, title="Työparina kotikäynnillä", kind="working_pair", worker=worker_a
    )
    page = login("worker_a").get(reverse("experience_find")).content.decode()
    assert "Eeva L." in page and "perhetyö" in page and "Eeva Laine" not in page
    assert "Työparina kotikäynnillä" in page  # the worker's own working pair
    other = login("coordinator_a").get(reverse("experience_find")).content.decode()
    assert "Eeva L." in other and "Työparina kotikäynnillä" not in other
    assert login("partner").get(reverse("experience_find")).status_code == 404
    assert login("expert_by_experience").get(reverse("experience_find")).status_code == 404


def test_the_payroll_file_has_the_months_rows(taxed: Any, developer_a: User) -> None:
    month = last_month()
    record(developer_a, taxed, date=month)
    record(developer_a, taxed, title="Kieltäytyi", date=month, fee_declined=True)
    client = login("developer_a")
    shown = client.get(reverse("experience_payroll"), {"month": f"{month:%Y-%m}"})
    assert "error-summary" not in shown.content.decode() and "174,60" in shown.content.decode()
    response = client.post(
        reverse("experience_payroll_export"), {"month": f"{month:%Y-%m}", "file_format": "csv"}
    )
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert [(r[1], r[4], r[7], r[8], r[10]) for r in rows[1:]] == [
        ("Eeva Laine", "Puheenvuoro", "150,00", "24,60", "174,60"),
        ("Eeva Laine", "Kieltäytyi", "0,00", "24,60", "24,60"),
    ]
    again = client.post(
        reverse("experience_payroll_export"), {"month": f"{month:%Y-%m}", "file_format": "csv"}
    )
    assert again.content == response.content
    assert PayrollExport.objects.filter(month=month, exported_by=developer_a).count() == 2


def test_the_payroll_file_as_xlsx(taxed: Any, developer_a: User) -> None:
    from openpyxl import load_workbook

    month = last_month()
    record(developer_a, taxed, date=month)
    response = login("developer_a").post(
        reverse("experience_payroll_export"), {"month": f"{month:%Y-%m}", "file_format": "xlsx"}
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    values = [list(r) for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert [(v[1], v[7], v[8], v[10]) for v in values] == [("Eeva Laine", 150, 24.6, 174.6)]


def test_the_register_page_queries_do_not_grow_with_the_experts(
    taxed: Any, developer_a: User, world: Any, django_assert_max_num_queries: Any
) -> None:
    client = login("developer_a")
    client.get(reverse("experience_register"))  # the session and the user cached alike
    for n in range(8):
        extra = services.expert_save(county=world.county_a, data={"pseudonym": f"Asiantuntija {n}"})
        services.tax_card_note(user=developer_a, expert=extra, year=timezone.localdate().year)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("experience_register"))
    assert response.content.decode().count("Asiantuntija ") == 8


def test_the_experts_page_lists_the_developer_network_link(
    entry: Any, expert_by_experience: User, developer_a: User, worker_a: User
) -> None:
    assert (
        reverse("experience_mine")
        in login("expert_by_experience").get("/develop/").content.decode()
    )
    coordinator = login("developer_a").get("/develop/").content.decode()
    assert (
        reverse("experience_register") in coordinator
        and reverse("experience_payroll") in coordinator
    )
    assert reverse("experience_find") in login("worker_a").get("/develop/").content.decode()


def test_a_bad_month_is_refused_with_a_message_and_nothing_exported(
    taxed: Any, developer_a: User
) -> None:
    response = login("developer_a", "en").post(
        reverse("experience_payroll_export"), {"month": "2026-13"}
    )
    assert response.status_code == 400 and "error-summary" in response.content.decode()
    assert not PayrollExport.objects.exists()
