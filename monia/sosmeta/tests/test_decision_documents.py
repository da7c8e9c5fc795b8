"""Every kind of decision as its national definition, from a signed Decision with its
measure and parties — valid against THL's schema; each party heard as a hearing document."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone

from monia.decisions.kinds import SOSMETA_DEFINITION, DecisionKind
from monia.sosmeta import build, decision_docs, schemas

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


@pytest.mark.parametrize("kind", list(DecisionKind))
def test_every_kind_of_signed_decision_validates_as_its_national_definition(
    kind: str, decision_maker: Any
) -> None:
    decision = decision_maker(kind)
    oid, instance = build.build(decision)
    assert oid == SOSMETA_DEFINITION[kind]
    schemas.validate(oid, instance)
    text = str(instance)
    assert "Senior_A" in text and "LS-2025-" in text  # the decider by name, the number


def test_the_decider_the_info_person_and_the_appeal_are_structured(decision_maker: Any) -> None:
    decision = decision_maker(DecisionKind.CARE_ORDER)
    _, instance = build.build(decision)
    body = instance["paatos_lapsen_huostaanotosta_ja_sijaishuollosta"]
    assert body["paatoksentekija"]["tehtavanimike"] == "Johtava sosiaalityöntekijä"
    info = body["lisatietojen_antaja"][0]["yhteystiedot"]
    assert info["postiosoite"] == {
        "postinumero": "00100",
        "postitoimipaikka": "Helsinki",
        "lahiosoite": "Katu 1",
    }
    assert info["puhelinnumero"] == "040 123 4567"
    assert body["muutoksenhaku"]["muutoksenhakukeino"] == {
        "system": "urn:oid:1.2.246.537.6.1211",
        "code": "2",
        "display": "Valitus",
    }
    assert body["paatoksen_taytantoonpano"]["valiton_taytantoonpano"] is True
    assert (
        body["allekirjoitus"]["allekirjoituksen_tyyppi"]["system"] == "urn:oid:1.2.246.537.5.40161"
    )


def test_a_support_measure_carries_its_social_service_and_request_for_correction(
    decision_maker: Any,
) -> None:
    _, instance = build.build(decision_maker(DecisionKind.SUPPORT_MEASURE))
    decision = instance["lastensuojelun_palvelu__tai_tukitoimipaatos"]["paatos"]
    service = decision["sosiaalipalvelu_jota_paatos_koskee"]["sosiaalipalvelu"]
    assert service["system"] == "urn:oid:1.2.246.537.6.1222"
    assert service["code"] == "intensified_family_work"  # Monia's code: list not at hand
    assert decision["muutoksenhaku"]["muutoksenhakukeino"]["code"] == "1"
    assert [h["suoritettu"] for h in decision["kuuleminen"]] == [True, False, True]


def test_a_placement_without_the_close_network_mapped_is_reported(decision_maker: Any) -> None:
    decision = decision_maker(DecisionKind.PLACEMENT_AS_SUPPORT)
    decision.measure.close_network_mapped = None
    oid, instance = decision_docs.decision(decision)
    problems = schemas.problems(oid, instance)
    assert [p.message for p in problems] == [
        "'laheisverkoston_kartoittaminen' is a required property"
    ]


@pytest.mark.parametrize(
    ("kind", "field"),
    [
        (DecisionKind.PLACEMENT_AS_SUPPORT, "sijoituksen_laji"),
        (DecisionKind.PLACEMENT_AS_SUPPORT_END, "lopetettavan_sijoituksen_laji"),
    ],
)
def test_a_support_placement_says_with_whom_the_child_is_placed_in_the_national_code(
    kind: str, field: str, decision_maker: Any
) -> None:
    decision = decision_maker(kind)
    oid, instance = build.build(decision)
    schemas.validate(oid, instance)
    (body,) = instance.values()
    assert body[field] == {
        "system": "urn:oid:1.2.246.537.6.1215",
        "code": "7",
        "display": "Avohuollon sijoitus ilman vanhempia",
    }
    # One recorded before Monia asked has no such field rather than a guess.
    decision.measure.support_placement_type = ""
    _, instance = decision_docs.decision(decision)
    (body,) = instance.values()
    assert field not in body


def test_each_party_heard_is_a_hearing_document(decision_maker: Any) -> None:
    decision = decision_maker(DecisionKind.PLACEMENT_AS_SUPPORT)
    built = build.documents(decision)
    assert [oid.split(".")[6] for oid, _ in built] == ["11030", "5002", "5002"]
    for oid, instance in built:
        schemas.validate(oid, instance)
    hearing = built[1][1]["lastensuojelun_kuulemisasiakirja"]
    assert hearing["kuulemisasiakirja"]["kuuleminen"]["kuultava"]["kuvaus"] == "Huoltaja"
    assert hearing["kuulemisasiakirja"]["kuuleminen"]["suhtautuminen_asiaan"][0]["perustelu"] == (
        "Äiti hyväksyy tuen."
    )


def test_a_decision_written_and_signed_through_the_pages_services_validates(
    case_a: Any, worker_a: Any
) -> None:
    """Not only hand-made rows: the draft from a measure, edited and signed as a worker
    does, builds a valid national document, and so do its parties' hearings."""
    from monia.decisions.testing import signed_for
    from monia.sosmeta.build import build_valid, documents

    decision = signed_for(case_a.case, worker_a)
    oid, instance = build_valid(decision)
    assert oid == "1.2.246.537.6.1506.11027.2023.5.31"
    hearings = [d for d in documents(decision) if d[0].startswith("1.2.246.537.6.1506.5002")]
    assert hearings, "each party heard has its hearing document"
    for hearing_oid, hearing in hearings:
        from monia.sosmeta.schemas import validate

        validate(hearing_oid, hearing)


# --- Every kind the services make, through the services ---------------------------------------


def _consents(cw: Any) -> dict[int, dict[str, Any]]:
    """Each guardian consented yesterday (LsL 37 §, 43 §)."""
    from monia.casework import measure_selectors

    yesterday = TODAY() - datetime.timedelta(days=1)
    return {
        c.person.pk: {"answer": "consented", "given_on": yesterday}
        for c in measure_selectors.consenters(cw.case, on=TODAY())
    }


def _measure(cw: Any, worker: Any, kind: str, **extra: Any) -> Any:
    from monia.casework import measure_services

    return measure_services.measure_record(
        user=worker,
        case=cw.case,
        kind=kind,
        decided_on=TODAY(),
        started_on=TODAY(),
        **extra,
    )


def _emergency(cw: Any, worker: Any, senior: Any) -> tuple[str, Any, Any]:
    return "emergency_placement", cw.emergency, worker


def _emergency_extension(cw: Any, worker: Any, senior: Any) -> tuple[str, Any, Any]:
    from monia.casework import measure_services

    measure = measure_services.emergency_placement_extend(
        user=worker, measure=cw.emergency, decided_on=TODAY()
    )
    return "emergency_placement_extension", measure, worker


def _emergency_end(cw: Any, worker: Any, senior: Any) -> tuple[str, Any, Any]:
    from monia.casework import measure_services

    measure = measure_services.measure_end(user=worker, measure=cw.emergency, ended_on=TODAY())
    return "emergency_placement_end", measure, worker


def _support(cw: Any, worker: Any, senior: Any) -> tuple[str, Any, Any]:
    measure = _measure(cw, worker, "community_support", support_type="support_person")
    return "support_measure", measure, worker


def _support_end(cw: Any, worker: Any, senior: Any) -> tuple[str, Any, Any]:
    from monia.casework import measure_services

    measure = _measure(cw, worker, "community_support", support_type="support_person")
    measure = measure_services.measure_end(user=worker, measure=measure, ended_on=TODAY())
    return "support_measure_end", measure, worker


def _placement_as_support(cw: Any, worker: Any, senior: Any) -> tuple[str, Any, Any]:
    measure = _measure(
        cw,
        worker,
        "placement_as_support",
        care_form="family_care",
        support_placement_type="alone",
        place="Perhekoti Koivula",
        close_network_mapped=True,
        consents=_consents(cw),
    )
    return "placement_as_support", measure, worker


def _placement_as_support_end(cw: Any, worker: Any, senior: Any) -> tuple[str, Any, Any]:
    from monia.casework import measure_services

    _, measure, _ = _placement_as_support(cw, worker, senior)
    measure = measure_services.measure_end(user=worker, measure=measure, ended_on=TODAY())
    return "placement_as_support_end", measure, worker


def _care_order(cw: Any, worker: Any, senior: Any) -> tuple[str, Any, Any]:
    measure = _measure(
        cw,
        worker,
        "care_order",
        decision_body="senior_official",
        care_form="institutional_care",
        place="Lastenkoti Kotiranta",
        consents=_consents(cw),
    )
    return "care_order", measure, senior


def _care_order_end(cw: Any, worker: Any, senior: Any) -> tuple[str, Any, Any]:
    from monia.casework import measure_services

    _, measure, _ = _care_order(cw, worker, senior)
    measure = measure_services.measure_end(user=worker, measure=measure, ended_on=TODAY())
    return "care_order_end", measure, senior


def _placement_change(cw: Any, worker: Any, senior: Any) -> tuple[str, Any, Any]:
    _care_order(cw, worker, senior)
    measure = _measure(
        cw, worker, "substitute_care", care_form="family_care", place="Perhekoti Koivula"
    )
    return "placement_change", measure, worker


THROUGH_THE_SERVICES = {
    "emergency_placement": _emergency,
    "emergency_placement_extension": _emergency_extension,
    "emergency_placement_end": _emergency_end,
    "support_measure": _support,
    "support_measure_end": _support_end,
    "placement_as_support": _placement_as_support,
    "placement_as_support_end": _placement_as_support_end,
    "care_order": _care_order,
    "care_order_end": _care_order_end,
    "placement_change": _placement_change,
}


@pytest.mark.parametrize("kind", list(THROUGH_THE_SERVICES))
def test_each_kind_recorded_drafted_and_signed_through_the_services_validates(
    kind: str, case_a: Any, worker_a: Any, senior_a: Any
) -> None:
    """The measure recorded (or extended, or ended) with the casework services, the
    decision drafted from it, edited as the page does and signed by its decider: the
    national document builds valid, with the placement's form and the person who gives
    more information structured."""
    from monia.decisions.testing import signed_for

    decision_kind, measure, decider = THROUGH_THE_SERVICES[kind](case_a, worker_a, senior_a)
    decision = signed_for(
        case_a.case, worker_a, kind=decision_kind, measure=measure, decider=decider
    )
    assert decision.state == "signed"
    oid, instance = build.build_valid(decision)
    assert oid == SOSMETA_DEFINITION[decision_kind]
    text = str(instance)
    assert "'postinumero': '00100'" in text and "'puhelinnumero': '040 000 0000'" in text
