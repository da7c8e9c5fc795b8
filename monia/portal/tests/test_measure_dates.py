"""A measure's dates in the portal are told as the family reads them today: one begun long
ago "started" (it said "starts", beside "ended"), and an ended one no longer "lasts until"."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone, translation

from monia.casework.models import Case, Measure
from monia.conftest import PortalWorld
from monia.portal.document_selectors import case_documents

pytestmark = pytest.mark.django_db


def _facts(case_id: int, kind: str) -> dict[str, str]:
    with translation.override("en"):
        [doc] = [
            d
            for d in case_documents(Case.objects.get(pk=case_id))
            if d.key == f"measure:{Measure.objects.get(case_id=case_id, kind=kind).pk}"
        ]
        return dict(doc.facts)


def test_a_measure_begun_before_today_started_and_an_ended_one_does_not_last_on(
    portal_world: PortalWorld,
) -> None:
    case = portal_world.adult_case
    Measure.objects.filter(case=case, kind="emergency_placement").update(
        expires_on=timezone.localdate() + datetime.timedelta(days=30)
    )
    placement = _facts(case.pk, "emergency_placement")
    assert set(placement) == {"Started", "Ended"}
    assert "Started" in _facts(case.pk, "aftercare")


def test_a_measure_that_begins_later_starts(portal_world: PortalWorld) -> None:
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    Measure.objects.filter(case=portal_world.adult_case, kind="aftercare").update(
        started_on=tomorrow, decided_on=timezone.localdate()
    )
    facts = _facts(portal_world.adult_case.pk, "aftercare")
    assert facts["Starts"] == f"{tomorrow.day}.{tomorrow.month}.{tomorrow.year}"
