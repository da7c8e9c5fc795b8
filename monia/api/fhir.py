"""A child welfare case as a FHIR R4 Bundle (``GET /api/v1/cases/{id}/fhir``).

Every resource is built as a model of ``fhir.resources`` (R4B: the same as R4 for these
resources), so a missing required element or a wrong type fails here, not in the
receiving system. The bundle is a ``collection``: a set of resources handed over together,
not a ``document`` (that needs a Composition and stands for one attested text; the signed
texts are DocumentReferences here, each to its own page in Monia).

The parts: the people and the case (this module), the care (``fhir_care``: Task, CarePlan,
Goal, Encounter) and the records about the record (``fhir_records``: Consent,
DocumentReference, AuditEvent, Provenance). docs/api.md, "FHIR export", maps each row of
Monia to its resource.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from fhir.resources.R4B.bundle import Bundle, BundleEntry
from fhir.resources.R4B.careteam import CareTeam, CareTeamParticipant
from fhir.resources.R4B.codeableconcept import CodeableConcept
from fhir.resources.R4B.coding import Coding
from fhir.resources.R4B.episodeofcare import EpisodeOfCare
from fhir.resources.R4B.extension import Extension
from fhir.resources.R4B.humanname import HumanName
from fhir.resources.R4B.identifier import Identifier
from fhir.resources.R4B.meta import Meta
from fhir.resources.R4B.patient import Patient, PatientCommunication
from fhir.resources.R4B.period import Period
from fhir.resources.R4B.relatedperson import RelatedPerson, RelatedPersonCommunication

from monia.api import fhir_care, fhir_records
from monia.api.fhir_common import (
    HETU_SYSTEM,
    LANGUAGE,
    PROFILES,
    SECURITY_LABELS,
    V2_IDENTIFIER_TYPE,
    V3_CONFIDENTIALITY,
    V3_ROLE,
    Bundling,
    coded,
    profiled,
    text_only,
    translated,
)
from monia.api.fhir_selectors import FamilyTie, FhirCaseData
from monia.casework.models import Case, CaseStage
from monia.people.models import Gender, Language, Person, RelationshipKind

INTERPRETER_REQUIRED = "http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired"

# How the other person is to the child, in HL7 v3 RoleCode.
ROLE_CODES = {
    RelationshipKind.BIOLOGICAL_PARENT: "NPRN",
    RelationshipKind.ADOPTIVE_PARENT: "ADOPTP",
    RelationshipKind.FOSTER_PARENT: "PRNFOST",
    RelationshipKind.STEP_PARENT: "STPPRN",
    RelationshipKind.PARTNER: "SIGOTHR",
    RelationshipKind.SIBLING: "SIB",
    RelationshipKind.GRANDPARENT: "GRPRN",
    RelationshipKind.OTHER_RELATIVE: "EXT",
}

# The case's stage as the status of the episode: an intake awaits the decision whether to
# assess (planned); an assessment and a client relationship are the care itself.
EPISODE_STATUS = {
    CaseStage.INTAKE: "planned",
    CaseStage.ASSESSMENT: "active",
    CaseStage.CLIENT: "active",
    CaseStage.CLOSED: "finished",
}


# --- People ---------------------------------------------------------------------------


def _name(person: Person) -> HumanName:
    return HumanName(
        use="official",
        text=person.recorded_name or None,
        family=person.last_name or None,
        given=person.first_names.split() or None,
    )


def _hetu(person: Person) -> list[Identifier] | None:
    if not person.identity_code:
        return None
    return [
        Identifier(
            use="official",
            type=coded(V2_IDENTIFIER_TYPE, "NNFIN", "National Person Identifier for Finland"),
            system=HETU_SYSTEM,
            value=person.identity_code,
        )
    ]


def _meta(person: Person, profile: str | None = None) -> Meta | None:
    """The profile, and turvakielto (non-disclosure for personal safety) as the Finnish
    security label."""
    security = (
        [Coding(system=SECURITY_LABELS, code="TURVAKIELTO", display="Turvakielto")]
        if person.non_disclosure
        else None
    )
    if profile is None and security is None:
        return None
    return Meta(profile=[profile] if profile else None, security=security)


def _language(person: Person) -> CodeableConcept:
    if person.language == Language.OTHER:
        return text_only(person.other_language)
    return coded(LANGUAGE, person.language, str(person.get_language_display()))


def _person_fields(person: Person) -> dict[str, Any]:
    """What Patient and RelatedPerson share. No address or phone: the export carries no
    contact details (a protected address never leaves Monia: access/contact.py)."""
    return {
        "identifier": _hetu(person),
        "name": [_name(person)],
        "gender": person.gender if person.gender != Gender.UNKNOWN else None,
        "birthDate": person.birth_date,
    }


def patient(b: Bundling) -> None:
    child = b.data.case.child
    b.add(
        Patient(
            id=b.id_of("Patient", child.pk),
            meta=_meta(child, PROFILES["Patient"]),
            active=child.merged_into_id is None,
            deceasedDateTime=child.deceased_on,
            communication=[PatientCommunication(language=_language(child), preferred=True)],
            extension=[Extension(url=INTERPRETER_REQUIRED, valueBoolean=True)]
            if child.interpreter_needed
            else None,
            managingOrganization=b.county(),
            **_person_fields(child),
        ),
        first=True,  # the bundle opens with the child
    )


def _relationship(tie: FamilyTie) -> list[CodeableConcept]:
    label = str(RelationshipKind(tie.kind).label) if tie.kind in RelationshipKind.values else ""
    code = ROLE_CODES.get(RelationshipKind(tie.kind)) if label else None
    found = [coded(V3_ROLE, code, text=label) if code else text_only(label or tie.kind)]
    if tie.is_guardian:
        found.append(coded(V3_ROLE, "GUARD", text=_("Guardian")))
    return found


def related_person(b: Bundling, tie: FamilyTie) -> None:
    person, r = tie.person, tie.relationship
    b.add(
        RelatedPerson(
            id=b.id_of("RelatedPerson", r.pk),
            meta=_meta(person),
            active=r.ended_on is None,
            patient=b.ref("Patient", b.data.case.child_id, b.data.case.child.recorded_name),
            relationship=_relationship(tie),
            communication=[RelatedPersonCommunication(language=_language(person))],
            period=Period(start=r.started_on, end=r.ended_on)
            if r.started_on or r.ended_on
            else None,
            **_person_fields(person),
        )
    )


# --- The case and its workers -----------------------------------------------------------


def episode_of_care(b: Bundling) -> None:
    case = b.data.case
    worker = case.designated_worker
    b.add(
        EpisodeOfCare(
            id=b.id_of("EpisodeOfCare", case.pk),
            meta=profiled("EpisodeOfCare"),
            identifier=[Identifier(system=b.page("/api/v1/cases"), value=str(case.pk))],
            status=EPISODE_STATUS.get(CaseStage(case.stage), "active"),
            type=[text_only(str(case.get_service_task_display()))],
            patient=b.ref("Patient", case.child_id, case.child.recorded_name),
            managingOrganization=b.county(),
            period=Period(start=case.opened_at, end=case.closed_at),
            careManager=b.practitioner(worker) if worker else None,
            team=[b.ref("CareTeam", case.pk, case.team.name)],
        )
    )


def care_team(b: Bundling) -> None:
    """The team that owns the case (shared case responsibility), the designated worker
    first with that role."""
    case = b.data.case
    worker = case.designated_worker
    members = [u for u in b.data.team_members if worker is None or u.pk != worker.pk]
    designated = capfirst(str(Case._meta.get_field("designated_worker").verbose_name))
    participants = (
        [CareTeamParticipant(role=[text_only(designated)], member=b.practitioner(worker))]
        if worker
        else []
    )
    participants += [
        CareTeamParticipant(role=[text_only(str(u.get_role_display()))], member=b.practitioner(u))
        for u in members
    ]
    b.add(
        CareTeam(
            id=b.id_of("CareTeam", case.pk),
            status="inactive" if case.stage == CaseStage.CLOSED else "active",
            name=case.team.name,
            name__ext=translated(sv=case.team.name_sv, en=case.team.name_en),
            subject=b.ref("Patient", case.child_id, case.child.recorded_name),
            participant=participants or None,
            managingOrganization=[b.county()],
        )
    )


# --- The bundle -------------------------------------------------------------------------


def case_bundle(data: FhirCaseData, *, base_url: str) -> Bundle:
    """The case as a validated FHIR Bundle of type ``collection``."""
    b = Bundling(data=data, base_url=base_url)
    patient(b)
    for tie in data.family:
        related_person(b, tie)
    episode_of_care(b)
    care_team(b)
    fhir_care.add_care(b)
    fhir_records.add_records(b)
    fhir_records.provenance(b)  # last: its targets are every resource above
    return Bundle(
        id=b.id_of("Bundle", f"{data.case.pk}-{timezone.now().isoformat()}"),
        meta=Meta(security=[Coding(system=V3_CONFIDENTIALITY, code="R", display="restricted")]),
        type="collection",
        timestamp=timezone.now(),
        entry=[BundleEntry(fullUrl=f"urn:uuid:{r.id}", resource=r) for r in b.resources],
    )


def case_bundle_json(data: FhirCaseData, *, base_url: str) -> str:
    """The bundle as FHIR JSON (``application/fhir+json``)."""
    return case_bundle(data, base_url=base_url).model_dump_json(exclude_none=True)
