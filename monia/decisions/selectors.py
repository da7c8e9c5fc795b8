"""Reads for decisions. Callers reach the case through ``decisions.access`` (which logged
the read); these functions only shape what the pages show."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from monia import deadlines
from monia.access import policy
from monia.accounts.models import Role, User
from monia.casework.measure_selectors import consenters
from monia.casework.models import Case, Measure, MeasureConsent, MeasureKind
from monia.decisions.kinds import PLACEMENT_FORM_KINDS, SENIOR_OFFICIAL_ONLY, DecisionKind
from monia.decisions.models import (
    Decision,
    DecisionParty,
    DecisionService,
    DecisionState,
    PartyRole,
)
from monia.people.models import Person, Relationship

# Who cared for the child (LsL 90 § may appeal): an adult of the household who is not a
# guardian — never a sibling or a partner of the parent.
CARER_KINDS = ("foster_parent", "step_parent", "grandparent", "other_relative", "other")

# The decision a measure asks for: when recorded, when ended, when extended (LsL 38 a §).
DECISION_FOR_MEASURE = {
    MeasureKind.COMMUNITY_SUPPORT: DecisionKind.SUPPORT_MEASURE,
    MeasureKind.PLACEMENT_AS_SUPPORT: DecisionKind.PLACEMENT_AS_SUPPORT,
    MeasureKind.EMERGENCY_PLACEMENT: DecisionKind.EMERGENCY_PLACEMENT,
    MeasureKind.CARE_ORDER: DecisionKind.CARE_ORDER,
    MeasureKind.SUBSTITUTE_CARE: DecisionKind.CARE_ORDER,
    MeasureKind.AFTERCARE: DecisionKind.AFTERCARE,
}
ENDING_OF_MEASURE = {
    MeasureKind.COMMUNITY_SUPPORT: DecisionKind.SUPPORT_MEASURE_END,
    MeasureKind.PLACEMENT_AS_SUPPORT: DecisionKind.PLACEMENT_AS_SUPPORT_END,
    MeasureKind.EMERGENCY_PLACEMENT: DecisionKind.EMERGENCY_PLACEMENT_END,
    MeasureKind.CARE_ORDER: DecisionKind.CARE_ORDER_END,
    MeasureKind.SUBSTITUTE_CARE: DecisionKind.PLACEMENT_CHANGE,
    MeasureKind.AFTERCARE: DecisionKind.AFTERCARE_MEASURE,
}


def kinds_for_measure(measure: Measure) -> list[str]:
    """The decisions a measure row offers: its own, its extension, its ending."""
    kinds = [DECISION_FOR_MEASURE[MeasureKind(measure.kind)]]
    if measure.kind == MeasureKind.EMERGENCY_PLACEMENT and measure.extended_to is not None:
        kinds.append(DecisionKind.EMERGENCY_PLACEMENT_EXTENSION)
    if measure.ended_on is not None or measure.kind == MeasureKind.SUBSTITUTE_CARE:
        kinds.append(ENDING_OF_MEASURE[MeasureKind(measure.kind)])
    return [str(k) for k in kinds]


@dataclass(frozen=True)
class PartyCandidate:
    person: Person
    role: str


def party_candidates(case: Case, *, on: datetime.date) -> list[PartyCandidate]:
    """The parties of a decision on the child: the guardians on the day, the child (always
    a party; heard from 12, HL 34 §), and the adults who cared for the child (LsL 90 §)."""
    found = [
        PartyCandidate(c.person, PartyRole.GUARDIAN)
        for c in consenters(case, on=on)
        if c.party == "guardian"
    ]
    found.append(PartyCandidate(case.child, PartyRole.CHILD))
    seen = {c.person.pk for c in found}
    carers = (
        Relationship.objects.filter(
            to_person=case.child, is_guardian=False, lives_with=True, kind__in=CARER_KINDS
        )
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=on))
        .select_related("from_person")
        .order_by("pk")
    )
    for tie in carers:
        if tie.from_person_id not in seen:
            seen.add(tie.from_person_id)
            found.append(PartyCandidate(tie.from_person, PartyRole.CARER))
    return found


def deciders(case: Case, kind: str, measure: Measure | None = None) -> QuerySet[User]:
    """The county's staff who may decide this decision on this case: a qualified social
    worker of the case or the senior official (LsL 13 §); the senior official alone for a
    care order and its ending (LsL 43 §, 47 §). An emergency placement's extension is not
    decided by whoever decided the placement (``placement_deciders``)."""
    staff = User.objects.filter(county_id=case.county_id, is_active=True)
    if kind == DecisionKind.EMERGENCY_PLACEMENT_EXTENSION and measure is not None:
        staff = staff.exclude(pk__in=placement_deciders(measure))
    if kind in SENIOR_OFFICIAL_ONLY:
        return staff.filter(role=Role.SENIOR_OFFICIAL).order_by("last_name", "first_name")
    rule = Q(role=Role.SENIOR_OFFICIAL) | Q(
        role__in=policy.DECIDING_ROLES - {Role.SENIOR_OFFICIAL}
    ) & (Q(pk=case.designated_worker_id) | Q(team_id=case.team_id))
    return staff.filter(rule).order_by("last_name", "first_name")


def placement_deciders(measure: Measure) -> QuerySet[Decision, Any]:
    """Who signed the emergency placement's decision: the extension is decided by another
    official, a second pair of eyes on the child's placement (LsL 13 § as counties' guidance
    reads it: "ei kuitenkaan sama viranhaltija, joka on tehnyt kiireellisen sijoituksen")
    [U: the statute's own words not read here]."""
    return Decision.objects.filter(
        measure=measure, kind=DecisionKind.EMERGENCY_PLACEMENT, state=DecisionState.SIGNED
    ).values("decider_id")


def decisions_of_case(case: Case, *, with_drafts: bool) -> list[Decision]:
    """The case's decisions, newest first, with their parties and services (3 queries);
    drafts only for those who work on the case."""
    qs = case.decisions.select_related("decider", "corrects").prefetch_related(
        Prefetch("parties", DecisionParty.objects.select_related("person")),
        Prefetch("services", DecisionService.objects.select_related("party__person")),
    )
    if not with_drafts:
        qs = qs.filter(state="signed")
    return list(qs.order_by("-signed_at", "-pk"))


@dataclass(frozen=True)
class PartyService:
    """A party and the services recorded to them: ``first`` is the one their appeal period
    runs from (``deadlines.first_service``: the first receipt), ``again`` the others — the
    decision served to them again, which does not extend the period."""

    party: DecisionParty
    first: DecisionService | None
    again: list[DecisionService]


def party_services(decision: Decision) -> list[PartyService]:
    """Each party with their services (prefetched: no query)."""
    services = list(decision.services.all())
    rows = []
    for party in decision.parties.all():
        own = [s for s in services if s.party_id == party.pk]
        first = deadlines.first_service(own)
        rows.append(PartyService(party, first, [s for s in own if s is not first]))
    return rows


@dataclass(frozen=True)
class AppealStatus:
    """Whether a signed decision is still open to appeal (not final, lainvoimainen): while
    a party who may appeal is not yet served (their period has not begun), and until the
    latest party's own period ends — each party's counted from their first service, never
    from a later one (``deadlines.appeal_periods``)."""

    open: bool
    until: datetime.date | None
    unserved: int


def appeal_status(decision: Decision, *, today: datetime.date) -> AppealStatus:
    """Reads the prefetched parties and services (no query)."""
    if decision.state != "signed":
        return AppealStatus(False, None, 0)
    services = list(decision.services.all())
    periods = deadlines.appeal_periods(
        [s for s in services if s.party_id == p.pk] for p in decision.parties.all() if p.may_appeal
    )
    return AppealStatus(periods.open_on(today), periods.until, periods.unserved)


def party_first_service(party: DecisionParty) -> DecisionService | None:
    """The service a party's appeal period runs from (one query)."""
    return deadlines.first_service(party.services.all())


def decision_with_parts(case: Case, decision_id: int) -> Decision | None:
    return (
        case.decisions.select_related(
            "case__county", "case__child", "preparer", "decider", "info_person", "corrects"
        )
        .prefetch_related(
            Prefetch("parties", DecisionParty.objects.select_related("person")),
            Prefetch("services", DecisionService.objects.select_related("party__person")),
        )
        .filter(pk=decision_id)
        .first()
    )


def is_corrected(decision: Decision) -> bool:
    return Decision.objects.filter(corrects=decision).exists()


def measures_of(case: Case) -> QuerySet[Measure]:
    return case.measures.order_by("-started_on", "-pk")


def measure_chosen(measures: QuerySet[Measure], raw: str | None) -> Measure | None:
    """The measure named in the address, when it is one of the case's."""
    return measures.filter(pk=int(raw)).first() if raw and raw.isdigit() else None


def staff_of(case: Case) -> QuerySet[User]:
    """Who may be named to give more information: the county's casework staff."""
    return User.objects.filter(
        county_id=case.county_id, is_active=True, role__in=policy.CASEWORK_ROLES
    ).order_by("last_name", "first_name")


def parties_of(decision: Decision) -> QuerySet[DecisionParty]:
    return decision.parties.select_related("person").order_by("pk")


def consents_of(decision: Decision) -> list[MeasureConsent]:
    """The consents recorded with the decision's measure (LsL 37 §, 43 §), to show."""
    if decision.measure_id is None:
        return []
    return list(
        MeasureConsent.objects.filter(measure_id=decision.measure_id).select_related("person")
    )


def asks_care_form(decision: Decision) -> bool:
    """A placement decision whose measure has no form of placement recorded asks it."""
    return decision.kind in PLACEMENT_FORM_KINDS and (
        decision.measure is None or not decision.measure.care_form
    )
