"""The demo's decisions (demo/decisions.py) read true: the appeal body's Finnish name in the
genitive, a draft that ends the support says it ends, a Swedish-speaking family's decision
in Swedish."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from monia.conftest import CaseWorld, World
from monia.decisions.models import AppealAuthority, AuthorityKind, Decision
from monia.demo.decisions import decisions_build
from monia.demo.steps import TeamStaff
from monia.people.models import Person

pytestmark = pytest.mark.django_db


def _build(world: World, worker: Any) -> None:
    staff = TeamStaff(
        team=world.team_a1,
        consultant=worker,
        workers=(worker, worker),
        therapist=worker,
        family_worker=worker,
    )
    decisions_build(staff=staff, today=timezone.localdate())


def test_the_individual_matters_body_is_named_in_the_finnish_genitive(
    world: World, worker_a: Any
) -> None:
    world.county_a.name_fi = "Keski-Suomen hyvinvointialue"
    world.county_a.save()
    _build(world, worker_a)
    body = AppealAuthority.objects.get(
        county=world.county_a, kind=AuthorityKind.INDIVIDUAL_MATTERS_BODY
    )
    assert body.name_fi == "Keski-Suomen hyvinvointialueen yksilöasioiden jaosto (demo)"


def test_the_draft_that_ends_the_support_does_not_grant_it(
    case_a: CaseWorld, world: World, worker_a: Any
) -> None:
    _build(world, worker_a)
    granted = Decision.objects.get(case=case_a.case, kind="support_measure")
    ending = Decision.objects.get(case=case_a.case, kind="support_measure_end")
    assert "myönnetään" in granted.decision_text
    assert "päättyy" in ending.decision_text and "myönnetään" not in ending.decision_text
    assert {p.view for p in ending.parties.all()} == {"Hyväksyy tuen päättymisen."}


def test_a_swedish_speaking_familys_decisions_are_written_in_swedish(
    case_a: CaseWorld, world: World, worker_a: Any
) -> None:
    Person.objects.filter(pk=case_a.case.child_id).update(language="sv")
    _build(world, worker_a)
    granted = Decision.objects.get(case=case_a.case, kind="support_measure")
    ending = Decision.objects.get(case=case_a.case, kind="support_measure_end")
    assert granted.decision_text.startswith("Barnet beviljas")
    assert granted.matter == "Stödåtgärd inom öppenvården (BSL 34–36 §)"
    assert "upphör" in ending.decision_text
    assert "Barnskyddslagen" in ending.provisions
