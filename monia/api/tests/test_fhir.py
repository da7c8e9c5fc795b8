"""The FHIR R4 export of a case: ``GET /api/v1/cases/{id}/fhir``."""

from __future__ import annotations

import datetime
from collections import Counter
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone, translation
from fhir.resources.R4B.bundle import Bundle

from monia.access.models import AccessLog
from monia.access.purposes import Purpose, purpose_label
from monia.accounts.models import User
from monia.accounts.services import api_token_create
from monia.casework import note_services
from monia.conftest import CaseWorld, World
from monia.decisions.models import Decision, DecisionState
from monia.netmeet.models import NetworkMeeting
from monia.network import access as network_access
from monia.network import services as network_services

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate
FI_BASE = "https://hl7.fi/fhir/finnish-base-profiles/StructureDefinition/"


def _client(user: User) -> Client:
    _token, raw = api_token_create(user=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}", HTTP_ACCEPT_LANGUAGE="en")


def _url(cw: CaseWorld) -> str:
    return f"/api/v1/cases/{cw.case.pk}/fhir"


def _signed_note(worker: User, cw: CaseWorld) -> None:
    note, _created = note_services.note_create(
        user=worker,
        case=cw.case,
        note_type="19005",
        data={
            "occurred_on": TODAY() - datetime.timedelta(days=1),
            "contact_method": "home_visit",
            "participants": "Äiti Maija Esimerkki",
            "discussed": "Kotikäynti.",
        },
    )
    note_services.note_sign(user=worker, note=note, lock_version=note.lock_version)


def _signed_decision(worker: User, cw: CaseWorld) -> Decision:
    return Decision.objects.create(
        case=cw.case,
        measure=cw.emergency,
        kind="emergency_placement",
        state=DecisionState.SIGNED,
        number="LS-2026-1",
        decided_on=TODAY(),
        matter="Kiireellinen sijoitus",
        decision_text="Lapsi sijoitetaan kiireellisesti.",
        reasons="Välitön vaara.",
        provisions="LsL 38 §",
        appeal_route="appeal",
        preparer=worker,
        decider=worker,
        created_by=worker,
        signed_at=timezone.now(),
    )


@pytest.fixture
def full_case(
    case_a: CaseWorld, world: World, worker_a: User, teammate_a: User, partner: User, school: Any
) -> CaseWorld:
    """case_a with a signed note, a network meeting, a sharing grant that a partner used,
    a signed and a draft decision."""
    _signed_note(worker_a, case_a)
    NetworkMeeting.objects.create(
        case=case_a.case,
        held_at=timezone.now() + datetime.timedelta(days=3),
        place="Keskuskoulu",
        agenda="Koulunkäynnin tuki",
        organised_by=worker_a,
    )
    network_services.grant_create(
        user=worker_a,
        case=case_a.case,
        organisation=school,
        basis="guardian_consent",
        consent_given_by="Maija Esimerkki",
        scope=["basic", "plan"],
        ends_on=TODAY() + datetime.timedelta(days=90),
    )
    network_access.partner_case_get(partner, case_a.case.pk, purpose=Purpose.PARTNER_CASE)
    _signed_decision(worker_a, case_a)
    Decision.objects.create(
        case=case_a.case,
        kind="support_measure",
        matter="Luonnos",
        appeal_route="correction",
        preparer=worker_a,
        created_by=worker_a,
    )
    return case_a


def _bundle(user: User, cw: CaseWorld) -> tuple[dict[str, Any], Bundle]:
    response = _client(user).get(_url(cw))
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/fhir+json")
    body = response.json()
    return body, Bundle.model_validate(body)


def _of_type(body: dict[str, Any], resource_type: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in body["entry"] if e["resource"]["resourceType"] == resource_type]


def test_the_bundle_parses_back_and_holds_every_kind_of_resource(
    worker_a: User, full_case: CaseWorld
) -> None:
    body, bundle = _bundle(worker_a, full_case)
    assert bundle.type == "collection"
    kinds = Counter(e.resource.get_resource_type() for e in bundle.entry or [])
    for kind in (
        "Patient",
        "RelatedPerson",
        "EpisodeOfCare",
        "CareTeam",
        "Task",
        "CarePlan",
        "Goal",
        "Encounter",
        "Consent",
        "DocumentReference",
        "AuditEvent",
        "Provenance",
        "Organization",
        "Practitioner",
    ):
        assert kinds[kind] >= 1, kind
    assert kinds["Patient"] == 1 and kinds["Provenance"] == 1
    assert body["entry"][0]["resource"]["resourceType"] == "Patient"
    assert kinds["Encounter"] == 2  # the home visit and the network meeting
    # the plan, the signed note and the signed decision; the draft decision is no document
    assert kinds["DocumentReference"] == 3


def test_every_reference_resolves_inside_the_bundle(worker_a: User, full_case: CaseWorld) -> None:
    body, _bundle_model = _bundle(worker_a, full_case)
    full_urls = {e["fullUrl"] for e in body["entry"]}
    assert len(full_urls) == len(body["entry"])

    def references(node: Any) -> list[str]:
        if isinstance(node, dict):
            found = [node["reference"]] if isinstance(node.get("reference"), str) else []
            return found + [r for v in node.values() for r in references(v)]
        if isinstance(node, list):
            return [r for v in node for r in references(v)]
        return []

    assert set(references(body["entry"])) <= full_urls


def test_the_child_is_identified_by_the_identity_code_with_the_finnish_profile(
    worker_a: User, full_case: CaseWorld
) -> None:
    body, _ = _bundle(worker_a, full_case)
    [child] = _of_type(body, "Patient")
    assert child["meta"]["profile"] == [FI_BASE + "fi-base-patient"]
    [hetu] = child["identifier"]
    assert hetu["system"] == "urn:oid:1.2.246.21"
    assert hetu["value"] == full_case.case.child.identity_code
    assert hetu["type"]["coding"][0]["code"] == "NNFIN"
    assert child["name"][0]["family"] == "Esimerkki"
    assert child["birthDate"] == full_case.case.child.birth_date.isoformat()
    assert child["communication"][0]["language"]["coding"][0] == {
        "system": "urn:ietf:bcp:47",
        "code": "fi",
        "display": "Finnish",
    }
    assert "gender" not in child  # not known
    assert "address" not in child and "telecom" not in child


def test_the_guardian_is_a_related_person_with_the_guardian_role(
    worker_a: User, full_case: CaseWorld
) -> None:
    body, _ = _bundle(worker_a, full_case)
    [mother] = _of_type(body, "RelatedPerson")
    codes = {c["code"] for r in mother["relationship"] for c in r.get("coding", [])}
    assert codes == {"NPRN", "GUARD"}
    assert mother["identifier"][0]["system"] == "urn:oid:1.2.246.21"
    assert mother["name"][0]["given"] == ["Maija"]


def test_the_episode_names_county_designated_worker_and_team(
    worker_a: User, full_case: CaseWorld
) -> None:
    body, _ = _bundle(worker_a, full_case)
    [episode] = _of_type(body, "EpisodeOfCare")
    assert episode["status"] == "active"  # a child welfare client
    assert episode["meta"]["profile"] == [FI_BASE + "fi-base-episode-of-care"]
    assert episode["managingOrganization"]["display"] == "Alue A"
    assert episode["careManager"]["display"] == worker_a.display_name
    [team] = _of_type(body, "CareTeam")
    assert team["name"] == "A1"
    assert episode["team"][0]["reference"].endswith(team["id"])


def test_open_deadlines_are_tasks_with_their_due_dates(
    worker_a: User, full_case: CaseWorld
) -> None:
    body, _ = _bundle(worker_a, full_case)
    tasks = {t["code"]["text"]: t for t in _of_type(body, "Task")}
    review = tasks["Client plan review"]
    assert review["restriction"]["period"]["end"].startswith(
        (TODAY() + datetime.timedelta(days=180)).isoformat()
    )
    assert review["status"] == "in-progress" and review["businessStatus"]["text"] == "Pending"
    assert review["focus"]["reference"].endswith(_of_type(body, "CarePlan")[0]["id"])
    assert "Emergency placement expires" in tasks


def test_the_plan_carries_its_goals(worker_a: User, full_case: CaseWorld) -> None:
    body, _ = _bundle(worker_a, full_case)
    [plan] = _of_type(body, "CarePlan")
    [goal] = _of_type(body, "Goal")
    assert goal["description"]["text"] == "Koulunkäynti"
    assert plan["goal"][0]["reference"].endswith(goal["id"])
    assert plan["status"] == "active" and plan["intent"] == "plan"


def test_documents_point_to_moniass_own_pages(
    worker_a: User, full_case: CaseWorld, settings: Any
) -> None:
    settings.MONIA_BASE_URL = "https://monia.example"
    body, _ = _bundle(worker_a, full_case)
    urls = {d["content"][0]["attachment"]["url"] for d in _of_type(body, "DocumentReference")}
    case_id = full_case.case.pk
    assert f"https://monia.example/cases/{case_id}/plan/pdf/" in urls
    assert any(u.startswith(f"https://monia.example/cases/{case_id}/notes/") for u in urls)
    decision = next(
        d
        for d in _of_type(body, "DocumentReference")
        if d["type"].get("coding") and d["type"]["coding"][0]["code"] == "11027"
    )
    assert decision["content"][0]["attachment"]["title"].endswith("LS-2026-1")


def test_the_grant_is_a_consent_and_its_use_a_disclosure_event(
    worker_a: User, full_case: CaseWorld, partner: User
) -> None:
    body, _ = _bundle(worker_a, full_case)
    [grant] = _of_type(body, "Consent")
    assert grant["status"] == "active"
    assert grant["provision"]["actor"][0]["reference"]["display"] == "Keskuskoulu"
    assert grant["performer"][0]["display"] == "Maija Esimerkki"
    events = _of_type(body, "AuditEvent")
    disclosures = [e for e in events if e["type"]["code"] == "110106"]
    assert [d["agent"][0]["who"]["display"] for d in disclosures] == [partner.display_name]
    reads = [e for e in events if e["type"]["code"] == "110110"]
    assert len(reads) == AccessLog.objects.filter(case=full_case.case).count()


def test_the_county_is_the_custodian_of_every_resource(
    worker_a: User, full_case: CaseWorld
) -> None:
    body, _ = _bundle(worker_a, full_case)
    [provenance] = _of_type(body, "Provenance")
    assert provenance["agent"][0]["type"]["coding"][0]["code"] == "CST"
    assert provenance["agent"][0]["who"]["display"] == "Alue A"
    assert len(provenance["target"]) == len(body["entry"]) - 1


def test_a_protected_child_carries_the_turvakielto_label(
    worker_a: User, full_case: CaseWorld
) -> None:
    child = full_case.case.child
    child.non_disclosure, child.non_disclosure_since = True, TODAY()
    child.save(update_fields=["non_disclosure", "non_disclosure_since"])
    body, _ = _bundle(worker_a, full_case)
    [patient] = _of_type(body, "Patient")
    assert patient["meta"]["security"][0]["code"] == "TURVAKIELTO"


def test_the_export_is_logged_with_its_own_purpose(teammate_a: User, full_case: CaseWorld) -> None:
    _bundle(teammate_a, full_case)
    row = AccessLog.objects.filter(user=teammate_a).get()
    assert row.purpose == Purpose.API_FHIR_EXPORT
    assert row.channel == "api" and row.case == full_case.case and row.basis == "team_member"


def test_another_teams_worker_gets_404_and_nothing_is_logged(
    other_team: User, full_case: CaseWorld
) -> None:
    response = _client(other_team).get(_url(full_case))
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}
    assert not AccessLog.objects.filter(user=other_team).exists()


def test_a_missing_case_answers_like_a_forbidden_one(worker_a: User, full_case: CaseWorld) -> None:
    response = _client(worker_a).get("/api/v1/cases/999999/fhir")
    assert response.status_code == 404 and response.json() == {"detail": "Not Found"}


def test_an_anonymous_call_gets_401(full_case: CaseWorld) -> None:
    assert Client().get(_url(full_case)).status_code == 401


def test_the_answer_is_never_stored(worker_a: User, full_case: CaseWorld) -> None:
    response = _client(worker_a).get(_url(full_case))
    assert "no-store" in response["Cache-Control"]


def test_the_export_costs_a_fixed_number_of_queries(
    worker_a: User, full_case: CaseWorld, django_assert_max_num_queries: Any
) -> None:
    client = _client(worker_a)
    client.get(_url(full_case))  # warm: the token's user, the session machinery
    for _ in range(3):
        _signed_note(worker_a, full_case)
    with django_assert_max_num_queries(20):
        assert client.get(_url(full_case)).status_code == 200


def test_the_client_reads_in_plain_words_that_their_matter_was_copied() -> None:
    """The portal's "who has seen my data" shows the purpose's label."""
    with translation.override("fi"):
        fi = purpose_label(Purpose.API_FHIR_EXPORT)
    with translation.override("sv"):
        sv = purpose_label(Purpose.API_FHIR_EXPORT)
    assert fi == "Lapsen asian tiedot kopioitu toiseen tietojärjestelmään"
    assert sv == "Barnets ärende kopierat till ett annat datasystem"


def test_the_care_team_carries_the_teams_swedish_name_as_a_translation(
    worker_a: User, full_case: CaseWorld
) -> None:
    full_case.case.team.name_sv = "A1 på svenska"
    full_case.case.team.save(update_fields=["name_sv"])
    body, _ = _bundle(worker_a, full_case)
    [team] = _of_type(body, "CareTeam")
    assert team["name"] == "A1"
    [translation] = team["_name"]["extension"]
    assert translation["url"] == "http://hl7.org/fhir/StructureDefinition/translation"
    assert {
        e["url"]: e.get("valueCode") or e.get("valueString") for e in translation["extension"]
    } == {
        "lang": "sv",
        "content": "A1 på svenska",
    }


def test_the_care_team_carries_the_teams_english_name_beside_its_swedish_one(
    worker_a: User, full_case: CaseWorld
) -> None:
    full_case.case.team.name_sv = "A1 på svenska"
    full_case.case.team.name_en = "A1 in English"
    full_case.case.team.save(update_fields=["name_sv", "name_en"])
    body, _ = _bundle(worker_a, full_case)
    [team] = _of_type(body, "CareTeam")
    assert team["name"] == "A1"
    forms = [
        {e["url"]: e.get("valueCode") or e.get("valueString") for e in t["extension"]}
        for t in team["_name"]["extension"]
    ]
    assert forms == [
        {"lang": "sv", "content": "A1 på svenska"},
        {"lang": "en", "content": "A1 in English"},
    ]


def test_a_team_without_a_swedish_name_has_no_translation(
    worker_a: User, full_case: CaseWorld
) -> None:
    body, _ = _bundle(worker_a, full_case)
    [team] = _of_type(body, "CareTeam")
    assert "_name" not in team
