"""What every part of the FHIR export shares: the resources' ids and references, the
profiles named in ``meta.profile``, and the code systems used.

Every resource gets a stable id, a UUID made from the installation's address, its type
and its row: the same case exported twice gives the same ids, so a receiving system can
update rather than duplicate, and no id reveals a database key by itself. Entries are
``urn:uuid:`` URLs: Monia is no FHIR server, so a bundle's references resolve inside the
bundle (FHIR R4 Bundle, "resolving references in bundles").
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from fhir.resources.R4B.codeableconcept import CodeableConcept
from fhir.resources.R4B.coding import Coding
from fhir.resources.R4B.extension import Extension
from fhir.resources.R4B.fhirprimitiveextension import FHIRPrimitiveExtension
from fhir.resources.R4B.humanname import HumanName
from fhir.resources.R4B.meta import Meta
from fhir.resources.R4B.organization import Organization
from fhir.resources.R4B.practitioner import Practitioner
from fhir.resources.R4B.reference import Reference

from monia.accounts.models import User
from monia.api.fhir_selectors import FhirCaseData
from monia.network.models import Organisation

# Finnish Base Profiles (HL7 Finland): only these resources have a profile there; the others
# are the core resource and carry no profile (docs/api.md, "FHIR export").
FI_BASE = "https://hl7.fi/fhir/finnish-base-profiles/StructureDefinition/"
PROFILES = {
    "Patient": FI_BASE + "fi-base-patient",
    "Practitioner": FI_BASE + "fi-base-practitioner",
    "Organization": FI_BASE + "fi-base-organization",
    "EpisodeOfCare": FI_BASE + "fi-base-episode-of-care",
    "Encounter": FI_BASE + "fi-base-encounter",
    "Provenance": FI_BASE + "fi-base-provenance",
}

HETU_SYSTEM = "urn:oid:1.2.246.21"  # henkilötunnus (DVV)
SECURITY_LABELS = "https://hl7.fi/fhir/finnish-base-profiles/CodeSystem/fi-base-security-label-cs"
V2_IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203"
V3_ROLE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"
V3_ACT = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
V3_PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
V3_CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality"
LANGUAGE = "urn:ietf:bcp:47"
TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation"
DICOM = "http://dicom.nema.org/resources/ontology/DCM"
# Sosiaalihuolto – Asiakasasiakirjatyyppi (THL): the national client-document types.
SOSMETA_DOCUMENT_TYPES = "urn:oid:1.2.246.537.6.1506"


def coded(system: str, code: str, display: str = "", text: str = "") -> CodeableConcept:
    return CodeableConcept(
        coding=[Coding(system=system, code=code, display=display or None)],
        text=text or display or None,
    )


def text_only(text: str) -> CodeableConcept:
    return CodeableConcept(text=text)


def translated(*, sv: str = "", en: str = "") -> FHIRPrimitiveExtension | None:
    """A string's Swedish and English forms, as FHIR's translation extension on the
    (Finnish) string, one per language given; None when there is none."""
    forms = [(code, text) for code, text in (("sv", sv), ("en", en)) if text]
    if not forms:
        return None
    return FHIRPrimitiveExtension(
        extension=[
            Extension(
                url=TRANSLATION,
                extension=[
                    Extension(url="lang", valueCode=code),
                    Extension(url="content", valueString=text),
                ],
            )
            for code, text in forms
        ]
    )


def profiled(resource_type: str) -> Meta | None:
    profile = PROFILES.get(resource_type)
    return Meta(profile=[profile]) if profile else None


def moment(day: datetime.date, at: datetime.time | None = None) -> datetime.datetime:
    """A date (and time) of the record as an aware moment in Finland's time."""
    return timezone.make_aware(datetime.datetime.combine(day, at or datetime.time.min))


@dataclass
class Bundling:
    """The case's data, the installation's address and the resources made so far."""

    data: FhirCaseData
    base_url: str
    resources: list[Any] = field(default_factory=list)
    _made: set[str] = field(default_factory=set)

    def id_of(self, resource_type: str, key: object) -> str:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{self.base_url}/fhir/{resource_type}/{key}"))

    def ref(self, resource_type: str, key: object, display: str = "") -> Reference:
        return Reference(
            reference=f"urn:uuid:{self.id_of(resource_type, key)}",
            type=resource_type,
            display=display or None,
        )

    def add(self, resource: Any, *, first: bool = False) -> Any:
        self.resources.insert(0 if first else len(self.resources), resource)
        return resource

    def page(self, path: str) -> str:
        """An absolute address of one of Monia's own pages."""
        return self.base_url.rstrip("/") + path

    def _once(self, resource_type: str, key: object) -> bool:
        """Whether the resource is new to the bundle (and now counted in)."""
        name = f"{resource_type}/{key}"
        if name in self._made:
            return False
        self._made.add(name)
        return True

    def county(self) -> Reference:
        """The county: the controller of the register (rekisterinpitäjä)."""
        county = self.data.case.county
        if self._once("Organization", f"county-{county.pk}"):
            self.add(
                Organization(
                    id=self.id_of("Organization", f"county-{county.pk}"),
                    meta=profiled("Organization"),
                    active=True,
                    name=county.name_fi,
                    alias=list(
                        dict.fromkeys(
                            n
                            for n in (
                                county.name_sv,
                                county.name_en,
                                county.controller,
                                county.controller_sv,
                                county.controller_en,
                            )
                            if n and n != county.name_fi
                        )
                    )
                    or None,
                )
            )
        return self.ref("Organization", f"county-{county.pk}", county.name_fi)

    def organisation(self, organisation: Organisation) -> Reference:
        """A partner organisation of the county's registry (a school, a clinic …)."""
        if self._once("Organization", organisation.pk):
            self.add(
                Organization(
                    id=self.id_of("Organization", organisation.pk),
                    meta=profiled("Organization"),
                    active=organisation.active,
                    name=organisation.name,
                    type=[text_only(str(organisation.get_sector_display()))],
                )
            )
        return self.ref("Organization", organisation.pk, organisation.name)

    def practitioner(self, user: User) -> Reference:
        """A worker or partner professional, by name (Monia keeps no professional ids)."""
        if self._once("Practitioner", user.pk):
            self.add(
                Practitioner(
                    id=self.id_of("Practitioner", user.pk),
                    meta=profiled("Practitioner"),
                    active=user.is_active,
                    name=[
                        HumanName(
                            text=user.display_name,
                            family=user.last_name or None,
                            given=user.first_name.split() or None,
                        )
                    ],
                )
            )
        return self.ref("Practitioner", user.pk, user.display_name)
