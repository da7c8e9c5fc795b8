"""Decisions for the national-structure tests: signed ``Decision`` rows made directly with
the ORM (the decisions app's services are written elsewhere), each with its measure, its
parties heard and a decider, preparer and information person by name."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone

from monia.accounts.models import User
from monia.casework.models import Measure
from monia.conftest import CaseWorld
from monia.decisions.kinds import DecisionKind, appeal_route
from monia.decisions.models import Decision, DecisionParty
from monia.people import hetu
from monia.people.models import Person
from monia.people.services import person_create

TODAY = timezone.localdate

# The measure each kind of decision is about: kind, form of care, support, ended.
MEASURE_OF = {
    DecisionKind.SUPPORT_MEASURE: ("community_support", "", "intensified_family_work", False),
    DecisionKind.SUPPORT_MEASURE_END: ("community_support", "", "support_person", True),
    DecisionKind.PLACEMENT_AS_SUPPORT: ("placement_as_support", "family_care", "", False),
    DecisionKind.PLACEMENT_AS_SUPPORT_END: ("placement_as_support", "family_care", "", True),
    DecisionKind.EMERGENCY_PLACEMENT: ("emergency_placement", "institutional_care", "", False),
    DecisionKind.EMERGENCY_PLACEMENT_EXTENSION: (
        "emergency_placement",
        "institutional_care",
        "",
        False,
    ),
    DecisionKind.EMERGENCY_PLACEMENT_END: ("emergency_placement", "institutional_care", "", True),
    DecisionKind.CARE_ORDER: ("care_order", "family_care", "", False),
    DecisionKind.PLACEMENT_CHANGE: ("substitute_care", "institutional_care", "", False),
    DecisionKind.CARE_ORDER_END: ("care_order", "family_care", "", True),
    DecisionKind.AFTERCARE: ("aftercare", "", "", False),
    DecisionKind.AFTERCARE_MEASURE: ("aftercare", "", "financial", False),
}


def measure_for(kind: str, cw: CaseWorld, user: User) -> Measure:
    measure_kind, care_form, support, ended = MEASURE_OF[kind]
    start = TODAY() - datetime.timedelta(days=20)
    if measure_kind == "emergency_placement":
        measure = cw.emergency
        Measure.objects.filter(pk=measure.pk).update(
            care_form=care_form, close_network_mapped=True, ended_on=TODAY() if ended else None
        )
        measure.refresh_from_db()
        return measure
    return Measure.objects.create(
        case=cw.case,
        kind=measure_kind,
        care_form=care_form,
        support_type=support,
        support_placement_type="alone" if measure_kind == "placement_as_support" else "",
        place="Perhekoti Koivula" if care_form else "",
        decided_on=start,
        started_on=start,
        ended_on=TODAY() if ended else None,
        close_network_mapped=True,
        recorded_by=user,
    )


def signed_decision(kind: str, cw: CaseWorld, preparer: User, decider: User) -> Decision:
    decider.title = "Johtava sosiaalityöntekijä"
    decider.save(update_fields=["title"])
    decision = Decision.objects.create(
        case=cw.case,
        measure=measure_for(kind, cw, preparer),
        kind=kind,
        state="draft",  # parties first: the database refuses them on a signed decision
        number=f"LS-2025-{len(kind)}",
        decided_on=TODAY(),
        matter="Lapsen tilanne ja tarvittava tuki",
        decision_text="Päätetään toimenpiteestä hakemuksen mukaisesti.",
        facts="Koulun ilmoitus ja kotikäynnit.",
        reasons="Lapsen etu edellyttää tukea (LsL 4 §).",
        provisions="Lastensuojelulaki 34–38 §, 40 §",
        enforced_at_once=kind in (DecisionKind.EMERGENCY_PLACEMENT, DecisionKind.CARE_ORDER),
        enforcement_reason="Lapsen turvallisuus.",
        appeal_route=appeal_route(kind),
        preparer=preparer,
        decider=decider,
        info_person=preparer,
        info_street="Katu 1",
        info_postal_code="00100",
        info_town="Helsinki",
        info_phone="040 123 4567",
        created_by=preparer,
        signed_at=timezone.now(),
    )
    _parties(decision, cw)
    Decision.objects.filter(pk=decision.pk).update(state="signed")
    decision.refresh_from_db()
    return decision


def _parties(decision: Decision, cw: CaseWorld) -> None:
    guardian = Person.objects.get(ties_from__to_person=cw.case.child, ties_from__is_guardian=True)
    carer = person_create(
        county=cw.case.county,
        first_names="Kaisa",
        last_name="Koivula",
        identity_code=hetu.make_synthetic(datetime.date(1970, 2, 3), 960),
    )
    DecisionParty.objects.bulk_create(
        [
            DecisionParty(
                decision=decision,
                person=guardian,
                role="guardian",
                heard=True,
                heard_on=TODAY() - datetime.timedelta(days=3),
                method="in_person",
                view="Äiti hyväksyy tuen.",
            ),
            DecisionParty(
                decision=decision,
                person=cw.case.child,
                role="child",
                heard=False,
                not_heard_reason="Lapsi on alle 12-vuotias; mielipide selvitetty tapaamisessa.",
            ),
            DecisionParty(
                decision=decision,
                person=carer,
                role="carer",
                heard=True,
                heard_on=TODAY() - datetime.timedelta(days=2),
                method="remote",
                view="Perhekoti pitää sijoitusta lapsen edun mukaisena.",
            ),
        ]
    )


@pytest.fixture
def decision_maker(case_a: CaseWorld, worker_a: User, senior_a: User) -> Any:
    return lambda kind: signed_decision(kind, case_a, worker_a, senior_a)
