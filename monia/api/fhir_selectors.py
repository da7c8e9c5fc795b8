"""Reads for the FHIR export of one case (``GET /api/v1/cases/{id}/fhir``).

The caller has opened the case through ``policy.case_get_for_user`` (which logged the read);
everything else of the case is read here in a fixed number of queries, whatever the size of
the record: each list is one query with its people joined.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q

from monia.access import log_selectors
from monia.access.models import AccessLog
from monia.access.policy import CASEWORK_ROLES
from monia.accounts.models import User
from monia.casework import selectors
from monia.casework.models import Case, ClientNote, ClientPlan, PlanStatus
from monia.casework.selectors import Deadline
from monia.decisions.models import Decision, DecisionState
from monia.netmeet.models import NetworkMeeting
from monia.network.models import DisclosureLog, SharingGrant
from monia.people.models import Person, Relationship, RelationshipKind

# Kinds that read the same both ways: the child's sibling has the child as a sibling.
SYMMETRIC_KINDS = (RelationshipKind.SIBLING, RelationshipKind.PARTNER, RelationshipKind.OTHER)


@dataclass(frozen=True)
class FamilyTie:
    """A person close to the child: ``person`` is the child's <``kind``>."""

    relationship: Relationship
    person: Person
    kind: str

    @property
    def is_guardian(self) -> bool:
        # Custody is a tie towards the child: the child is no guardian of a parent.
        return self.relationship.is_guardian and self.relationship.from_person_id == self.person.pk


@dataclass(frozen=True)
class FhirCaseData:
    """Everything of one case the FHIR bundle is built from."""

    case: Case
    family: list[FamilyTie]
    team_members: list[User]
    deadlines: list[Deadline]
    plan: ClientPlan | None
    notes: list[ClientNote]
    meetings: list[NetworkMeeting]
    grants: list[SharingGrant]
    decisions: list[Decision]
    access_rows: list[AccessLog]
    disclosures: list[DisclosureLog]
    today: datetime.date


def _family(case: Case) -> list[FamilyTie]:
    child_id = case.child_id
    ties = Relationship.objects.filter(
        Q(to_person_id=child_id) | Q(from_person_id=child_id, kind__in=SYMMETRIC_KINDS)
    ).select_related("from_person", "to_person")
    return [
        FamilyTie(
            relationship=tie,
            person=tie.from_person if tie.to_person_id == child_id else tie.to_person,
            kind=tie.kind,
        )
        for tie in ties.order_by("pk")
    ]


def _team_members(case: Case) -> list[User]:
    return list(
        User.objects.filter(
            team_id=case.team_id,
            county_id=case.county_id,
            is_active=True,
            role__in=CASEWORK_ROLES,
        ).order_by("last_name", "first_name", "pk")
    )


def fhir_case_data(
    case: Case, *, today: datetime.date, warn_working_days: int = 10
) -> FhirCaseData:
    """The case's family, workers, open deadlines, approved plan, signed notes, network
    meetings, sharing grants, signed decisions and its access- and disclosure-log rows
    (the row of this very read included): fifteen queries at most."""
    return FhirCaseData(
        case=case,
        family=_family(case),
        team_members=_team_members(case),
        deadlines=selectors.deadlines_for_cases(
            Case.objects.filter(pk=case.pk), today=today, warn_working_days=warn_working_days
        ),
        plan=case.plans.filter(status=PlanStatus.APPROVED).select_related("approved_by").first(),
        notes=list(
            case.notes.filter(signed_at__isnull=False)
            .select_related("author", "signed_by")
            .order_by("occurred_on", "occurred_time", "pk")
        ),
        meetings=list(
            NetworkMeeting.objects.filter(case=case)
            .select_related("organised_by")
            .order_by("held_at", "pk")
        ),
        grants=list(
            SharingGrant.objects.filter(case=case)
            .select_related("organisation", "partner", "granted_by")
            .order_by("starts_on", "pk")
        ),
        decisions=list(
            Decision.objects.filter(case=case, state=DecisionState.SIGNED)
            .select_related("decider")
            .order_by("decided_on", "pk")
        ),
        access_rows=list(log_selectors.reads_of_case(case).select_related("user")),
        disclosures=list(
            DisclosureLog.objects.filter(case=case)
            .select_related("recipient", "organisation")
            .order_by("at", "pk")
        ),
        today=today,
    )
