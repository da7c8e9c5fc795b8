"""A decision is written in one language: its child's, unless the worker chooses the other.
Its headings, its prefilled texts and the worker's words are in that language on the
screen, on paper and in the portal alike, whatever language the reader's pages speak."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from monia.conftest import CaseWorld, login
from monia.decisions import services
from monia.decisions.kinds import DecisionKind

pytestmark = pytest.mark.django_db


def _swedish_speaking(case_a: CaseWorld) -> None:
    case_a.case.child.language = "sv"
    case_a.case.child.save(update_fields=["language"])


def test_a_draft_is_written_in_the_childs_language_whatever_the_workers(
    case_a: CaseWorld, worker_a: Any
) -> None:
    _swedish_speaking(case_a)
    with translation.override("fi"):
        d = services.decision_draft(
            user=worker_a, case=case_a.case, kind="emergency_placement", measure=case_a.emergency
        )
    assert d.language == "sv"
    with translation.override("sv"):
        assert d.matter == str(DecisionKind.EMERGENCY_PLACEMENT.label)
    assert d.matter.startswith("Brådskande placering")


def test_a_finnish_speaking_childs_draft_is_finnish_for_a_swedish_speaking_worker(
    case_a: CaseWorld, worker_a: Any
) -> None:
    with translation.override("sv"):
        d = services.decision_draft(user=worker_a, case=case_a.case, kind="support_measure")
    with translation.override("fi"):
        assert d.language == "fi" and d.matter == str(DecisionKind.SUPPORT_MEASURE.label)
    assert not d.matter.startswith("Beslut")


def test_the_worker_reads_and_prints_the_decision_in_its_language_and_may_change_it(
    case_a: CaseWorld, worker_a: Any
) -> None:
    d = services.decision_draft(
        user=worker_a, case=case_a.case, kind="emergency_placement", measure=case_a.emergency
    )
    client = login("worker_a", "sv")
    detail = reverse("decision_detail", args=[case_a.case.pk, d.pk])
    page = client.get(detail).content.decode()
    assert 'aria-labelledby="document-title" lang="fi"' in page
    assert "Valitusosoitus" in page and "Besvärsanvisning" not in page
    pdf = client.get(reverse("decision_pdf", args=[case_a.case.pk, d.pk]))
    assert pdf["Content-Disposition"].endswith(f'decision-{case_a.case.pk}-{d.pk}-fi.pdf"')
    edit = reverse("decision_edit", args=[case_a.case.pk, d.pk])
    form = client.get(edit).content.decode()
    assert '<option value="fi" selected>' in form
    response = client.post(
        edit,
        {
            "language": "sv",
            "matter": "Beslut om brådskande placering av ett barn",
            "decided_on": d.decided_on.isoformat() if d.decided_on else "",
            "info_street": "Torikatu 9 B",
            "info_postal_code": "70100",
            "info_town": "Kuopio",
            "info_phone": "017 123 4567",
            "care_form": "family_care",
            "lock_version": d.lock_version,
        },
    )
    assert response.status_code == 302
    d.refresh_from_db()
    assert d.language == "sv"
    page = login("worker_a", "fi").get(detail).content.decode()
    assert 'aria-labelledby="document-title" lang="sv"' in page and "Besvärsanvisning" in page
