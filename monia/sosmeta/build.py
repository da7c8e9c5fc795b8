"""The one entry: ``build(obj)`` gives the national definition (OID with version) and the
instance of the document an object of Monia is; ``documents(obj)`` every national
document it makes (an intake is a notification, its assessment and the entry on the
matter becoming pending; a decision is the decision and a hearing document for each
party heard)."""

from __future__ import annotations

from typing import Any

from monia.casework.models import (
    ChildHearing,
    ClientNote,
    ClientPlan,
    Intake,
    IntakeKind,
    ServiceNeedsAssessment,
)
from monia.decisions.models import Decision, DecisionParty
from monia.network.models import DisclosureLog
from monia.sosmeta import casework_docs, decision_docs, intake_docs, note_docs, schemas

Built = tuple[str, dict[str, Any]]


def build(obj: object) -> Built:
    """The national document of ``obj``: an Intake (a child welfare notification as
    4009, any other intake as the entry 19001), a ServiceNeedsAssessment (1005), an
    approved ClientPlan (15009), a ChildHearing (5003), a ClientNote (its own type,
    19004–19014), a DisclosureLog row (19010), a Decision (its kind's definition) or a
    DecisionParty heard (5002)."""
    if isinstance(obj, Intake):
        if obj.kind == IntakeKind.NOTIFICATION:
            return intake_docs.notification(obj)
        return intake_docs.matter_pending_entry(obj)
    for model, builder in _BUILDERS:
        if isinstance(obj, model):
            return builder(obj)
    raise TypeError(f"No national definition for {type(obj).__name__}")


_BUILDERS: list[tuple[type, Any]] = [
    (ServiceNeedsAssessment, casework_docs.service_needs_assessment),
    (ClientPlan, casework_docs.client_plan),
    (ChildHearing, casework_docs.child_hearing),
    (ClientNote, note_docs.client_note),
    (DisclosureLog, note_docs.disclosure_entry),
    (Decision, decision_docs.decision),
    (DecisionParty, decision_docs.party_hearing),
]


def documents(obj: object) -> list[Built]:
    """Every national document ``obj`` makes (see the module docstring)."""
    if isinstance(obj, Intake):
        built = [intake_docs.matter_pending_entry(obj)]
        if obj.kind == IntakeKind.NOTIFICATION:
            built.insert(0, intake_docs.notification(obj))
            if obj.decision:
                built.insert(1, intake_docs.notification_assessment(obj))
        return built
    if isinstance(obj, Decision):
        heard = [decision_docs.party_hearing(p) for p in obj.parties.all() if p.heard]
        return [decision_docs.decision(obj), *heard]
    return [build(obj)]


def build_valid(obj: object) -> Built:
    """``build`` and validate: raises ``schemas.SosmetaInvalid`` naming each path."""
    oid, instance = build(obj)
    schemas.validate(oid, instance)
    return oid, instance
