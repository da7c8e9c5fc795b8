"""The approved client plan can be read, printed and exported (LsL 30 §), and a failed
approval keeps the text as a saved draft."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from monia.access.models import AccessLog
from monia.casework import plan_pdf, plan_selectors, plan_services
from monia.casework.models import ClientPlan, PlanStatus
from monia.casework.tests.test_exceptions import client_without_plan
from monia.conftest import CaseWorld, login
from monia.systemic.tests.test_minutes import pdf_text

TODAY = timezone.localdate
SECRET_FI = "Salassa pidettävä"


def _review(case_a: CaseWorld, worker_a: Any, **changes: Any) -> ClientPlan:
    """Approve a reviewed plan: the one approved before is superseded."""
    approved = ClientPlan.objects.get(case=case_a.case, status=PlanStatus.APPROVED)
    data = {f: getattr(approved, f) for f in plan_services.PLAN_FIELDS}
    data.update({f: f"Sijoitus: {f}" for f in plan_services.PLACED_CHILD_ITEMS})
    data["review_due"] = TODAY() + datetime.timedelta(days=90)
    data.update(changes)
    return plan_services.plan_save(
        user=worker_a, case=case_a.case, lock_version=0, data=data, approve=True
    )


def test_the_plan_in_force_reads_as_a_document_with_its_print_header(
    case_a: CaseWorld, family_worker_a: Any
) -> None:
    case = case_a.case
    html = login("family_worker_a").get(reverse("plan_read", args=[case.pk])).content.decode()
    # The county is its own controller: named once.
    assert SECRET_FI in html and '<p class="doc-controller">Alue A</p>' in html
    assert case.child.full_name in html and case.child.identity_code in html
    assert "Tuki arkeen" in html and "Perhetyö" in html and "Tapaamiset koululla" in html
    assert "Työntekijä tapaa lasta 4 viikon välein." in html
    assert "Asianosaisilla ei ole eriäviä näkemyksiä" in html
    assert "Versio 1/1: voimassa" in html
    assert "<form" not in html.split('id="main"')[1]  # a document, not an edit form
    logged = AccessLog.objects.filter(purpose="client_plan_read", case=case)
    assert logged.count() == 1 and logged.get().user.username == "family_worker_a"


def test_earlier_versions_are_listed_and_readable(case_a: CaseWorld, worker_a: Any) -> None:
    first = ClientPlan.objects.get(case=case_a.case, status=PlanStatus.APPROVED)
    second = _review(case_a, worker_a, services="Perhetyö ja perhekuntoutus")
    client = login("worker_a")
    html = client.get(reverse("plan_read", args=[case_a.case.pk])).content.decode()
    assert "Perhetyö ja perhekuntoutus" in html and "Versio 2/2: voimassa" in html
    assert f"?version={first.pk}" in html  # the earlier version is one click away
    assert "Sijoitus: placement_goals" in html  # the placed-child items, when written
    earlier = client.get(reverse("plan_read", args=[case_a.case.pk]), {"version": first.pk})
    text = earlier.content.decode()
    assert "Versio 1/2: korvattu" in text and "ei ole enää voimassa" in text
    assert "Perhetyö ja perhekuntoutus" not in text
    versions = plan_selectors.plan_versions(case_a.case)
    assert [v.plan.pk for v in versions] == [second.pk, first.pk]
    assert versions[1].valid_until == second.approved_on


def test_a_draft_or_another_cases_plan_is_not_a_version(case_a: CaseWorld, worker_a: Any) -> None:
    draft = plan_services.plan_save(
        user=worker_a, case=case_a.case, lock_version=0, data={"services": "Luonnos"}
    )
    url = reverse("plan_read", args=[case_a.case.pk])
    client = login("worker_a")
    assert client.get(url, {"version": draft.pk}).status_code == 404
    assert client.get(url, {"version": "x"}).status_code == 404
    assert "Luonnos" not in client.get(url).content.decode()


def test_other_team_and_partner_get_404_and_nothing_is_logged(
    case_a: CaseWorld, other_team: Any, partner: Any
) -> None:
    for persona in ("other_team", "partner"):
        client = login(persona)
        assert client.get(reverse("plan_read", args=[case_a.case.pk])).status_code == 404
        assert client.get(reverse("plan_pdf", args=[case_a.case.pk])).status_code == 404
    assert not AccessLog.objects.filter(purpose__startswith="client_plan_").exists()


def test_the_pdf_is_in_the_users_language_and_logged(case_a: CaseWorld, worker_a: Any) -> None:
    client = login("worker_a", language="sv")
    response = client.get(reverse("plan_pdf", args=[case_a.case.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].endswith('-v1-sv.pdf"')
    assert case_a.case.child.last_name not in response["Content-Disposition"]
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    assert AccessLog.objects.filter(purpose="client_plan_pdf", case=case_a.case).count() == 1
    finnish = client.get(reverse("plan_pdf", args=[case_a.case.pk]), {"lang": "fi"})
    assert finnish["Content-Disposition"].endswith('-v1-fi.pdf"')


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("fi", [SECRET_FI, "Asiakassuunnitelma (LsL 30 §)", "Alue A", "Versio 1/1"]),
        ("sv", ["Sekretessbelagd", "Klientplan (BSL 30 §)", "Område A"]),
        # Every social welfare document names its service task.
        ("fi", ["Palvelutehtävä", "Lastensuojelu"]),
        ("sv", ["Serviceuppgift", "Barnskydd"]),
    ],
)
def test_the_pdf_holds_the_header_and_every_item(
    case_a: CaseWorld, language: str, words: list[str]
) -> None:
    doc = plan_selectors.plan_document(case_a.case)
    assert doc is not None
    pdf = plan_pdf.plan_pdf_render(doc, language=language, printed=TODAY(), plain=True)
    text = pdf_text(pdf)
    for word in [*words, "Aino Esimerkki", "Tuki arkeen", "Perhetyö", "Tapaamiset koululla"]:
        assert word in text, word
    assert f"{TODAY().day}.{TODAY().month}.{TODAY().year}" in text  # printed on, j.n.Y


def test_a_client_without_an_approved_plan_has_no_pdf(world: Any, worker_a: Any) -> None:
    case = client_without_plan(world, worker_a)
    client = login("worker_a")
    assert client.get(reverse("plan_pdf", args=[case.pk])).status_code == 404
    html = client.get(reverse("plan_read", args=[case.pk])).content.decode()
    assert "Hyväksyttyä suunnitelmaa ei vielä ole." in html


def test_the_case_page_links_the_plan_to_read_and_the_pdf(case_a: CaseWorld, worker_a: Any) -> None:
    html = login("worker_a").get(reverse("case_detail", args=[case_a.case.pk])).content.decode()
    assert reverse("plan_read", args=[case_a.case.pk]) in html
    assert reverse("plan_pdf", args=[case_a.case.pk]) in html


def test_the_print_stylesheet_keeps_the_document_and_hides_the_rest() -> None:
    from django.contrib.staticfiles import finders

    path = finders.find("web/monia.css")
    assert path is not None
    with open(path, encoding="utf-8") as css:
        text = css.read()
    print_rules = " ".join(text.split("@media print")[1:])
    assert ".no-print" in print_rules and ".site-header" in print_rules


# --- A failed approval keeps the text --------------------------------------------------------


def test_a_failed_approval_saves_the_draft_and_shows_the_errors(
    case_a: CaseWorld, worker_a: Any
) -> None:
    client = login("worker_a")
    url = reverse("plan_edit", args=[case_a.case.pk])
    response = client.post(
        url,
        {
            "lock_version": "0",
            "service_needs": "Uusi tuen tarve, kirjoitettu puhelun aikana",
            "review_due": (TODAY() + datetime.timedelta(days=60)).isoformat(),
            "approve": "1",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Suunnitelmaa ei hyväksytty" in html
    assert "Tekstisi tallennettiin luonnokseksi." in html
    assert "Uusi tuen tarve, kirjoitettu puhelun aikana" in html
    draft = ClientPlan.objects.get(case=case_a.case, status=PlanStatus.DRAFT)
    assert draft.service_needs == "Uusi tuen tarve, kirjoitettu puhelun aikana"
    assert f'name="lock_version" value="{draft.lock_version}"' in html  # the next submit goes on
    approved = ClientPlan.objects.get(case=case_a.case, status=PlanStatus.APPROVED)
    assert approved.service_needs == "Tuki arkeen"  # the plan in force is untouched


def test_a_draft_with_an_invalid_item_saves_the_rest(case_a: CaseWorld, worker_a: Any) -> None:
    response = login("worker_a").post(
        reverse("plan_edit", args=[case_a.case.pk]),
        {
            "lock_version": "0",
            "circumstances": "Koulunkäynti ja kaverisuhteet",
            "child_meeting_interval_weeks": "60",  # over a year: refused
            "save": "1",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Luonnos tallennettiin lukuun ottamatta alla merkittyjä kohtia." in html
    assert 'value="60"' in html  # what was typed stays in the form
    draft = ClientPlan.objects.get(case=case_a.case, status=PlanStatus.DRAFT)
    assert draft.circumstances == "Koulunkäynti ja kaverisuhteet"
    assert draft.child_meeting_interval_weeks == 4  # the plan in force's, not the refused 60


def test_a_stale_version_saves_nothing_and_keeps_the_text(
    case_a: CaseWorld, worker_a: Any, teammate_a: Any
) -> None:
    plan_services.plan_save(
        user=teammate_a, case=case_a.case, lock_version=0, data={"services": "Tiimikaverin"}
    )
    response = login("worker_a").post(
        reverse("plan_edit", args=[case_a.case.pk]),
        {"lock_version": "0", "services": "Oma tekstini", "approve": "1"},
    )
    assert response.status_code == 200 and "Oma tekstini" in response.content.decode()
    draft = ClientPlan.objects.get(case=case_a.case, status=PlanStatus.DRAFT)
    assert draft.services == "Tiimikaverin"
