"""The appeal authority's postal address in Finnish and in Swedish: a decision prints the
one of its language, a Swedish decision the Finnish one when no Swedish address was given,
and the administrator edits both."""

from __future__ import annotations

import io

import pypdf
import pytest
from django.urls import reverse

from monia.accounts.models import User
from monia.conftest import CaseWorld, login
from monia.decisions.document import decision_document
from monia.decisions.models import AppealAuthority, AuthorityKind
from monia.decisions.tests.document_world import authorities_add, decider_make, decision_make
from monia.decisions.tests.test_decision_document import text_of

pytestmark = pytest.mark.django_db

ADDRESS_FI = "PL 1744, 70101 Kuopio"
ADDRESS_SV = "PB 1744, 70101 Kuopio stad"


def _court(case_a: CaseWorld, *, address_sv: str) -> AppealAuthority:
    authorities_add(case_a.case.county)
    court = AppealAuthority.objects.get(
        county=case_a.case.county, kind=AuthorityKind.ADMINISTRATIVE_COURT
    )
    court.address_sv = address_sv
    court.save(update_fields=["address_sv"])
    return court


def _appealable(case_a: CaseWorld, worker_a: User) -> object:
    """An emergency placement: appealed to the administrative court."""
    return decision_make(
        case_a.case, worker_a, decider=decider_make(case_a.case.county), measure=case_a.emergency
    )


def test_the_address_falls_back_to_finnish_for_a_language_without_its_own() -> None:
    court = AppealAuthority(address=ADDRESS_FI, address_sv="")
    assert court.localized_address("sv") == ADDRESS_FI
    court.address_sv = "   "
    assert court.localized_address("sv-fi") == ADDRESS_FI
    court.address_sv = ADDRESS_SV
    assert court.localized_address("sv-fi") == ADDRESS_SV
    assert court.localized_address("fi") == ADDRESS_FI
    assert court.localized_address("en") == ADDRESS_FI  # decisions are fi or sv


def test_a_swedish_decision_prints_the_swedish_address_and_a_finnish_one_the_finnish(
    case_a: CaseWorld, worker_a: User
) -> None:
    _court(case_a, address_sv=ADDRESS_SV)
    decision = _appealable(case_a, worker_a)
    sv = text_of(decision_document(decision, language="sv"))
    fi = text_of(decision_document(decision, language="fi"))
    assert f"Postadress: {ADDRESS_SV}" in sv and ADDRESS_FI not in sv
    assert f"Postiosoite: {ADDRESS_FI}" in fi and ADDRESS_SV not in fi


def test_a_swedish_decision_without_a_swedish_address_prints_the_finnish_one(
    case_a: CaseWorld, worker_a: User
) -> None:
    _court(case_a, address_sv="")
    sv = text_of(decision_document(_appealable(case_a, worker_a), language="sv"))
    assert f"Postadress: {ADDRESS_FI}" in sv


def test_the_decision_printed_in_swedish_shows_the_swedish_address(
    case_a: CaseWorld, worker_a: User
) -> None:
    _court(case_a, address_sv=ADDRESS_SV)
    decision = _appealable(case_a, worker_a)
    url = reverse("decision_pdf", args=[case_a.case.pk, decision.pk])  # type: ignore[attr-defined]
    printed = {}
    for language in ("sv", "fi"):
        response = login("worker_a").get(url, {"lang": language})
        assert response.status_code == 200
        reader = pypdf.PdfReader(io.BytesIO(response.content))
        printed[language] = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert ADDRESS_SV in printed["sv"] and ADDRESS_FI not in printed["sv"]
    assert ADDRESS_FI in printed["fi"] and ADDRESS_SV not in printed["fi"]


def test_the_administrator_edits_the_swedish_address_beside_the_finnish(
    case_a: CaseWorld, admin: User
) -> None:
    court = _court(case_a, address_sv="")
    site = login("admin", "en")
    url = reverse("admin:decisions_appealauthority_change", args=[court.pk])
    page = site.get(url).content.decode()
    assert 'name="address"' in page and 'name="address_sv"' in page
    assert "postal address in swedish" in page.lower()
    response = site.post(
        url,
        {
            "county": court.county_id,
            "kind": court.kind,
            "name_fi": court.name_fi,
            "name_sv": court.name_sv,
            "address": ADDRESS_FI,
            "address_sv": ADDRESS_SV,
            "email": court.email,
            "phone": court.phone,
            "hours_fi": court.hours_fi,
            "hours_sv": court.hours_sv,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    court.refresh_from_db()
    assert (court.address, court.address_sv) == (ADDRESS_FI, ADDRESS_SV)
