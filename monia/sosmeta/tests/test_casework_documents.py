"""Every casework document as its national definition, built from a case that has been
through intake, assessment, plan and notes — and valid against THL's schema."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone

from monia.accounts.models import User
from monia.casework import note_services
from monia.casework.models import ChildHearing, ClientPlan, NoteType, PlanStatus
from monia.conftest import CaseWorld
from monia.network import services as network_services
from monia.network.models import DisclosureSource
from monia.sosmeta import build, schemas

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def valid(obj: object) -> tuple[str, dict[str, Any]]:
    oid, instance = build.build(obj)
    schemas.validate(oid, instance)
    return oid, instance


def test_a_notification_is_the_national_child_welfare_notification(case_a: CaseWorld) -> None:
    oid, instance = valid(case_a.pending_intake)
    assert oid == "1.2.246.537.6.1506.4009.2023.4.28"
    body = instance["lastensuojeluilmoitus"]
    assert body["asiakas"]["henkilotunnus"]["system"] == "urn:oid:1.2.246.21"
    assert body["anonyymi_ilmoitus"] is False
    taho = body["ilmoittaja"][0]["taho"]
    assert (taho["system"], taho["code"]) == ("urn:oid:1.2.246.537.6.1243", "school")
    assert taho["display"].startswith("Koulu")
    assert body["ainakin_toiselle_huoltajalle_on_kerrottu_lastensuojeluilmoituksesta"] is True


def test_a_decided_notification_makes_its_assessment_and_the_pending_entry(
    case_a: CaseWorld,
) -> None:
    intake = case_a.case.intakes.filter(decision="start_assessment").order_by("received_at").last()
    intake.urgency = "urgent"
    intake.save(update_fields=["urgency"])
    built = build.documents(intake)
    assert [oid.split(".")[6] for oid, _ in built] == ["4009", "1006", "19001"]
    for oid, instance in built:
        schemas.validate(oid, instance)
    assessment = built[1][1]["lastensuojeluilmoituksen_arvio"]
    assert assessment["aiemmat_ilmoitukset_ja_yhteydenotot"] is True
    assert assessment["toimenpiteet"][0]["system"] == "urn:oid:1.2.246.537.6.1219"
    assert assessment["lapsen_asiakkuus"]["lapsen_palvelutarpeen_arviointi_on_kaynnistetty"] is True


def test_urgency_not_urgent_carries_the_national_code(case_a: CaseWorld, worker_a: User) -> None:
    intake = case_a.case.intakes.filter(decision="start_assessment").order_by("received_at").last()
    intake.urgency = "not_urgent"
    intake.save(update_fields=["urgency"])
    oid, instance = build.documents(intake)[1]
    schemas.validate(oid, instance)
    assert instance["lastensuojeluilmoituksen_arvio"]["arvio_asian_kiireellisyydesta"] == {
        "system": "urn:oid:1.2.246.537.6.1252",
        "code": "3",
        "display": "Kiireetöntä väliintuloa vaativa tilanne",
    }


def test_an_undecided_notification_has_no_assessment_and_one_built_anyway_says_what_is_missing(
    case_a: CaseWorld,
) -> None:
    from monia.sosmeta import intake_docs

    assert len(build.documents(case_a.pending_intake)) == 2
    oid, instance = intake_docs.notification_assessment(case_a.pending_intake)
    paths = {p.message for p in schemas.problems(oid, instance)}
    assert "'toimenpiteet' is a required property" in paths
    assert "'arvio_asian_kiireellisyydesta' is a required property" in paths


def test_the_pending_entry_carries_the_service_task_code(case_a: CaseWorld) -> None:
    from monia.sosmeta import intake_docs

    oid, instance = intake_docs.matter_pending_entry(case_a.pending_intake)
    schemas.validate(oid, instance)
    task = instance["merkinta_asian_vireilletulosta"]["palvelutehtava"]
    assert task == [
        {"system": "urn:oid:1.2.246.537.6.1221", "code": "10", "display": "Lastensuojelu"}
    ]


def test_the_service_needs_assessment(case_a: CaseWorld) -> None:
    completed = case_a.case.assessments.get(completed_on__isnull=False)
    oid, instance = valid(completed)
    body = instance["lapsen_ja_perheen_palvelutarpeen_arvio"]
    assert oid == "1.2.246.537.6.1506.1005.2023.9.8"
    conclusions = body["johtopaatokset_ja_jatkotoimet"]
    assert conclusions["lastensuojelun_tarve"]["lastensuojeluasiakkuus_alkaa"] is True
    assert conclusions["lapsen_arvio_tuen_ja_palvelujen_tarpeesta"] == "Haluan asua kotona."
    assert body["laatija"][0]["sukunimi"] == "Testinen"
    open_one = build.build(case_a.open_assessment)[1]["lapsen_ja_perheen_palvelutarpeen_arvio"]
    assert "johtopaatokset_ja_jatkotoimet" not in open_one  # no conclusion before completion


def test_the_approved_client_plan_with_its_review_date(case_a: CaseWorld) -> None:
    plan = ClientPlan.objects.get(case=case_a.case, status=PlanStatus.APPROVED)
    oid, instance = valid(plan)
    body = instance["lastensuojelun_asiakassuunnitelma"]
    assert oid == "1.2.246.537.6.1506.15009.2024.11.28"
    assert body["asiakassuunnitelman_tarkistaminen"]["paivamaara_ja_kellonaika"] == (
        plan.review_due.isoformat()
    )
    # approved while the child is in an emergency placement: a substitute-care plan
    assert body["tama_asiakassuunnitelma_on"]["code"] == "3"
    assert body["tausta_ja_nykytilanne"]["sijoituksen_tiedot"]["sijoituspaikan_nimi"] == "Perhekoti"
    assert body["eriavat_nakemykset"] == "Ei eriäviä näkemyksiä."


def test_a_plan_approved_after_the_placement_ended_is_a_community_care_plan(
    case_a: CaseWorld,
) -> None:
    from monia.casework.models import Measure

    Measure.objects.filter(pk=case_a.emergency.pk).update(
        ended_on=TODAY() - datetime.timedelta(days=2)
    )
    plan = ClientPlan.objects.get(case=case_a.case, status=PlanStatus.APPROVED)
    oid, instance = valid(plan)
    body = instance["lastensuojelun_asiakassuunnitelma"]
    assert body["tama_asiakassuunnitelma_on"]["code"] == "1"
    assert "sijoituksen_tiedot" not in body.get("tausta_ja_nykytilanne", {})


def test_a_draft_plan_is_not_a_national_document(case_a: CaseWorld, worker_a: User) -> None:
    plan = ClientPlan.objects.create(case=case_a.case, updated_by=worker_a, service_needs="x")
    with pytest.raises(ValueError, match="approved"):
        build.build(plan)


def test_the_childs_view_heard_and_not_heard(case_a: CaseWorld) -> None:
    hearing = ChildHearing.objects.get(case=case_a.case, heard=True)
    oid, instance = valid(hearing)
    body = instance["lastensuojelun_mielipiteen_selvittamisasiakirja"]
    assert oid == "1.2.246.537.6.1506.5003.2022.9.28"
    assert body["kuulemisasiakirja"]["kuuleminen"]["mielipide"] == "Haluan asua kotona."
    not_heard = ChildHearing.objects.create(
        case=case_a.case, assessment=case_a.open_assessment, heard=False, not_heard_reason="Vauva."
    )
    _, instance = valid(not_heard)
    assert instance["lastensuojelun_mielipiteen_selvittamisasiakirja"]["lisatiedot"] == "Vauva."


NOTE_DATA: dict[str, dict[str, Any]] = {
    NoteType.MEETING_OR_CONTACT: {"contact_method": "home_visit", "agreed": "Uusi käynti."},
    NoteType.NEGOTIATION: {"contact_method": "office", "agreed": "Vastuut jaettu."},
    NoteType.CANCELLED: {"contact_method": "phone", "cancellation_reason": "Y30"},
    NoteType.EVERYDAY_LIFE: {"contact_method": "elsewhere", "place": "Koulu"},
    NoteType.INFORMATION: {
        "info_source": "Koulun terveydenhoitaja",
        "info_purpose": "Palvelutarpeen arviointi",
        "info_requested": "Terveystiedot",
        "info_received": "Terveystarkastukset kunnossa.",
        "info_received_on": TODAY() - datetime.timedelta(days=1),
    },
    NoteType.THERAPEUTIC_WORK: {"contact_method": "video"},
    NoteType.OTHER: {},
}


@pytest.mark.parametrize("note_type", list(NoteType))
def test_every_client_note_type_is_its_national_entry(
    note_type: str, case_a: CaseWorld, worker_a: User
) -> None:
    data = {
        "occurred_on": TODAY() - datetime.timedelta(days=1),
        "occurred_time": datetime.time(9, 30),
        "participants": "Äiti Maija Esimerkki",
        "discussed": "Koulunkäynti on sujunut paremmin.",
        **NOTE_DATA[note_type],
    }
    note, _ = note_services.note_create(
        user=worker_a, case=case_a.case, note_type=note_type, data=data
    )
    note = note_services.note_sign(user=worker_a, note=note, lock_version=note.lock_version)
    oid, instance = valid(note)
    assert oid == note.sosmeta_definition
    assert oid.split(".")[6] == note_type


def test_a_cancelled_meeting_carries_the_national_reason_code(
    case_a: CaseWorld, worker_a: User
) -> None:
    data = {"occurred_on": TODAY(), "contact_method": "home_visit", "cancellation_reason": "Y32"}
    note, _ = note_services.note_create(
        user=worker_a, case=case_a.case, note_type=NoteType.CANCELLED, data=data
    )
    _, instance = valid(note)
    event = instance["merkinta_neuvottelun_tapaamisen_tai_yhteydenoton_peruuntumisesta"][
        "asiakaskertomusmerkinta"
    ]["tapahtuma"]
    assert event["peruuntumisen_syy"]["system"] == "urn:oid:1.2.246.537.6.126"
    assert event["peruuntumisen_syy"]["code"] == "Y32"
    assert event["asiointitapa"] == [
        {"system": "urn:oid:1.2.246.537.6.1250", "code": "3", "display": "Käynti asiakkaan luona"}
    ]


def test_a_disclosure_is_the_national_disclosure_entry(
    case_a: CaseWorld, worker_a: User, school: Any, partner: User
) -> None:
    grant = network_services.grant_create(
        user=worker_a,
        case=case_a.case,
        organisation=school,
        basis="lsl_41_request",
        scope=["basic", "plan"],
        ends_on=TODAY() + datetime.timedelta(days=30),
    )
    (row,) = network_services.disclosure_log_write(
        recipient=partner,
        disclosures=[
            network_services.Disclosure(
                source=DisclosureSource.SHARING_GRANT,
                source_id=grant.pk,
                grant_id=grant.pk,
                organisation_id=school.pk,
                person_id=case_a.case.child_id,
                case_id=case_a.case.pk,
                parts=("basic", "plan"),
                basis="lsl_41_request",
            )
        ],
        purpose="partner_case",
    )
    oid, instance = valid(row)
    body = instance["merkinta_asiakastietojen_luovuttamisesta"]
    assert oid == "1.2.246.537.6.1506.19010.2023.9.8"
    assert body["tietojen_vastaanottaja"]["organisaatio"] == "Keskuskoulu"
    assert body["tietojen_luovuttaja"]["sukunimi"] == "Testinen"
    assert "Asiakassuunnitelma" in body["luovutetut_tiedot"]


def test_an_object_with_no_national_definition_is_refused(worker_a: User) -> None:
    with pytest.raises(TypeError):
        build.build(worker_a)
