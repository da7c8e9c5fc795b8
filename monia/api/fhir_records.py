"""The records about the record in the FHIR export: sharing grants (Consent), the signed
texts (DocumentReference, each to its own page in Monia), who read the case and what was
disclosed (AuditEvent), and the custodian of it all (Provenance)."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.text import capfirst
from fhir.resources.R4B.attachment import Attachment
from fhir.resources.R4B.auditevent import (
    AuditEvent,
    AuditEventAgent,
    AuditEventEntity,
    AuditEventSource,
)
from fhir.resources.R4B.coding import Coding
from fhir.resources.R4B.consent import Consent, ConsentProvision, ConsentProvisionActor
from fhir.resources.R4B.documentreference import (
    DocumentReference,
    DocumentReferenceContent,
    DocumentReferenceContext,
    DocumentReferenceRelatesTo,
)
from fhir.resources.R4B.period import Period
from fhir.resources.R4B.provenance import Provenance, ProvenanceAgent
from fhir.resources.R4B.reference import Reference

from monia.access.models import AccessLog, Basis
from monia.access.purposes import purpose_label
from monia.api.fhir_care import ENCOUNTER_TYPES
from monia.api.fhir_common import (
    DICOM,
    SOSMETA_DOCUMENT_TYPES,
    V3_PARTICIPATION,
    Bundling,
    coded,
    moment,
    profiled,
    text_only,
)
from monia.casework.models import ClientNote, ClientPlan
from monia.decisions.kinds import SOSMETA_DEFINITION
from monia.decisions.models import Decision
from monia.network.models import (
    CONSENT_BASES,
    DisclosureBasis,
    DisclosureLog,
    LegalBasis,
    SharingGrant,
    part_labels,
)

CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope"
LOINC = "http://loinc.org"
# eArkisto – Rekisterinpitäjän laji: 1 = a public custodian (a wellbeing services county).
CUSTODIAN_KIND = "urn:oid:1.2.246.537.5.40172"
RECIPIENT = coded(V3_PARTICIPATION, "IRCP", "information recipient")


def _patient(b: Bundling) -> Reference:
    case = b.data.case
    return b.ref("Patient", case.child_id, case.child.recorded_name)


# --- Sharing grants ----------------------------------------------------------------------


def _grant_status(b: Bundling, grant: SharingGrant) -> str:
    ended = grant.withdrawn_on is not None or grant.ends_on < b.data.today
    return "inactive" if ended else "active"


def consent(b: Bundling, grant: SharingGrant) -> None:
    """A sharing grant (LsL 41 §, 703/2023): who may see which parts, why, until when."""
    basis = str(LegalBasis(grant.basis).label) if grant.basis in LegalBasis.values else grant.basis
    actors = [ConsentProvisionActor(role=RECIPIENT, reference=b.organisation(grant.organisation))]
    if grant.partner is not None:
        actors.append(
            ConsentProvisionActor(role=RECIPIENT, reference=b.practitioner(grant.partner))
        )
    given_by = (
        Reference(display=grant.consent_given_by)
        if grant.consent_given_by
        else b.practitioner(grant.granted_by)
    )
    b.add(
        Consent(
            id=b.id_of("Consent", grant.pk),
            status=_grant_status(b, grant),
            scope=coded(CONSENT_SCOPE, "patient-privacy", "Privacy Consent"),
            category=[
                coded(LOINC, "59284-0", "Patient Consent", text=basis)
                if grant.basis in CONSENT_BASES
                else text_only(basis)
            ],
            patient=_patient(b),
            dateTime=grant.created_at,
            performer=[given_by],
            organization=[b.county()],
            policyRule=text_only(" – ".join(t for t in (basis, grant.basis_note) if t)),
            provision=ConsentProvision(
                type="permit",
                period=Period(start=grant.starts_on, end=grant.withdrawn_on or grant.ends_on),
                actor=actors,
                code=[text_only(label) for label in grant.scope_labels] or None,
            ),
        )
    )


# --- Documents ---------------------------------------------------------------------------


def _document(
    b: Bundling, key: str, *, url: str, content_type: str, title: str, **fields: object
) -> None:
    b.add(
        DocumentReference(
            id=b.id_of("DocumentReference", key),
            status="current",
            docStatus="final",
            subject=_patient(b),
            custodian=b.county(),
            securityLabel=[coded("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "R")],
            content=[
                DocumentReferenceContent(
                    attachment=Attachment(contentType=content_type, url=url, title=title)
                )
            ],
            description=title,
            **fields,
        )
    )


def plan_document(b: Bundling, plan: ClientPlan) -> None:
    title = capfirst(str(ClientPlan._meta.verbose_name))
    _document(
        b,
        f"plan-{plan.pk}",
        url=b.page(reverse("plan_pdf", kwargs={"case_id": plan.case_id})),
        content_type="application/pdf",
        title=title,
        type=text_only(title),
        date=moment(plan.approved_on) if plan.approved_on else plan.updated_at,
        author=[b.practitioner(plan.approved_by)] if plan.approved_by else None,
        authenticator=b.practitioner(plan.approved_by) if plan.approved_by else None,
    )


def note_document(b: Bundling, note: ClientNote) -> None:
    kwargs = {"case_id": note.case_id, "note_id": note.pk}
    encounter = (
        [b.ref("Encounter", f"note-{note.pk}")] if note.note_type in ENCOUNTER_TYPES else None
    )
    _document(
        b,
        f"note-{note.pk}",
        url=b.page(reverse("note_detail", kwargs=kwargs)),
        content_type="text/html",
        title=note.heading,
        type=coded(SOSMETA_DOCUMENT_TYPES, note.note_type, str(note.get_note_type_display())),
        date=note.signed_at,
        author=[b.practitioner(note.author)],
        authenticator=b.practitioner(note.signed_by) if note.signed_by else None,
        context=DocumentReferenceContext(
            encounter=encounter, period=Period(start=moment(note.occurred_on, note.occurred_time))
        ),
    )


def decision_url(decision: Decision) -> str:
    """The decision's own page once Monia has one (monia/decisions), else its case."""
    for name in ("decision_pdf", "decision_detail"):
        try:
            return reverse(name, kwargs={"case_id": decision.case_id, "decision_id": decision.pk})
        except NoReverseMatch:
            continue
    return reverse("case_detail", kwargs={"case_id": decision.case_id}) + f"#decision-{decision.pk}"


def decision_document(b: Bundling, decision: Decision) -> None:
    """A signed administrative decision, typed by its national definition (Sosmeta)."""
    label = str(decision.get_kind_display())
    definition = SOSMETA_DEFINITION.get(decision.kind, "")
    code = definition.split(".")[6] if definition.count(".") > 6 else ""
    corrects = decision.corrects_id
    _document(
        b,
        f"decision-{decision.pk}",
        url=b.page(decision_url(decision)),
        content_type="text/html",
        title=f"{label} {decision.number}".strip(),
        type=coded(SOSMETA_DOCUMENT_TYPES, code, text=label) if code else text_only(label),
        date=decision.signed_at,
        author=[b.practitioner(decision.decider)] if decision.decider else None,
        authenticator=b.practitioner(decision.decider) if decision.decider else None,
        relatesTo=[
            DocumentReferenceRelatesTo(
                code="replaces", target=b.ref("DocumentReference", f"decision-{corrects}")
            )
        ]
        if corrects
        else None,
    )


# --- The logs ----------------------------------------------------------------------------


def _source(b: Bundling) -> AuditEventSource:
    return AuditEventSource(site="Monia", observer=b.county())


def access_event(b: Bundling, row: AccessLog) -> None:
    """One row of the access log (käyttöloki): who read the case, why, on what basis."""
    basis = str(Basis(row.basis).label) if row.basis in Basis.values else row.basis
    b.add(
        AuditEvent(
            id=b.id_of("AuditEvent", f"access-{row.pk}"),
            type=Coding(system=DICOM, code="110110", display="Patient Record"),
            action="R",
            recorded=row.at,
            outcome="0",
            purposeOfEvent=[text_only(purpose_label(row.purpose))],
            agent=[
                AuditEventAgent(
                    who=b.practitioner(row.user),
                    requestor=True,
                    role=[text_only(basis)],
                    type=text_only(row.channel),
                )
            ],
            source=_source(b),
            entity=[AuditEventEntity(what=_patient(b))],
        )
    )


def disclosure_event(b: Bundling, row: DisclosureLog) -> None:
    """One row of the disclosure log (luovutusloki): what a partner was given, and why."""
    basis = (
        str(DisclosureBasis(row.basis).label) if row.basis in DisclosureBasis.values else row.basis
    )
    entities = [AuditEventEntity(what=_patient(b), description=", ".join(part_labels(row.parts)))]
    if row.grant_id is not None:
        entities.append(AuditEventEntity(what=b.ref("Consent", row.grant_id)))
    b.add(
        AuditEvent(
            id=b.id_of("AuditEvent", f"disclosure-{row.pk}"),
            type=Coding(system=DICOM, code="110106", display="Export"),
            action="R",
            recorded=row.at,
            outcome="0",
            purposeOfEvent=[text_only(purpose_label(row.purpose)), text_only(basis)],
            agent=[
                AuditEventAgent(
                    who=b.practitioner(row.recipient), requestor=True, role=[RECIPIENT]
                ),
                AuditEventAgent(who=b.organisation(row.organisation), requestor=False),
            ],
            source=_source(b),
            entity=entities,
        )
    )


def provenance(b: Bundling) -> None:
    """The county as the custodian (rekisterinpitäjä) of every resource of the bundle."""
    targets = [
        Reference(reference=f"urn:uuid:{r.id}", type=r.get_resource_type()) for r in b.resources
    ]
    b.add(
        Provenance(
            id=b.id_of("Provenance", f"{b.data.case.pk}-custodian"),
            meta=profiled("Provenance"),
            target=targets,
            recorded=timezone.now(),
            agent=[
                ProvenanceAgent(
                    type=coded(V3_PARTICIPATION, "CST", "custodian"),
                    role=[coded(CUSTODIAN_KIND, "1", "Julkinen")],
                    who=b.county(),
                )
            ],
        )
    )


def add_records(b: Bundling) -> None:
    for grant in b.data.grants:
        consent(b, grant)
    if b.data.plan is not None:
        plan_document(b, b.data.plan)
    for note in b.data.notes:
        note_document(b, note)
    for decision in b.data.decisions:
        decision_document(b, decision)
    for row in b.data.access_rows:
        access_event(b, row)
    for disclosure in b.data.disclosures:
        disclosure_event(b, disclosure)
