"""Reads of the approved client plan (asiakassuunnitelma, LsL 30 §): the plan in force,
the earlier approved versions, and the document that the read page, its print layout and
the PDF share. Callers reach the case through ``monia.access.policy`` first."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from monia.access.contact import ContactCard, Reader, contact_cards
from monia.access.policy import NotFound
from monia.casework.models import Case, ClientPlan, PlanStatus

# The items every plan covers (LsL 30 § 1 mom), and those for a placed child (2 mom).
ITEMS = ("service_needs", "circumstances", "services", "goal_time_estimate")
PLACED_ITEMS = (
    "placement_goals",
    "special_support",
    "health_and_education",
    "contact_arrangements",
    "information_sharing",
)


@dataclass(frozen=True)
class PlanVersion:
    """One approved plan; ``valid_until`` is the day the next version was approved."""

    plan: ClientPlan
    number: int
    valid_until: datetime.date | None

    @property
    def in_force(self) -> bool:
        return self.plan.status == PlanStatus.APPROVED


@dataclass(frozen=True)
class PlanItem:
    label: str
    text: str


@dataclass(frozen=True)
class PlanDocument:
    """An approved plan as a document: the case, the version shown, every version.

    ``items`` and ``placed_items`` are put into words when read, in the language active
    then, so the same document reads in Finnish on the page and in Swedish in a PDF.
    """

    case: Case
    version: PlanVersion
    versions: list[PlanVersion]
    # The child's address as a document that goes to the family: never a protected one.
    contact: ContactCard

    @property
    def plan(self) -> ClientPlan:
        return self.version.plan

    @property
    def items(self) -> list[PlanItem]:
        plan = self.plan
        found = [PlanItem(_label(name), getattr(plan, name)) for name in ITEMS]
        found.append(PlanItem(_label("differing_views"), _differing_views(plan)))
        found.append(PlanItem(_label("child_meetings"), _child_meetings(plan)))
        return found

    @property
    def placed_items(self) -> list[PlanItem]:
        """The placed-child items, when the plan has any of them written."""
        if not any(getattr(self.plan, name).strip() for name in PLACED_ITEMS):
            return []
        return [PlanItem(_label(name), getattr(self.plan, name)) for name in PLACED_ITEMS]


def plan_draft(case: Case) -> ClientPlan | None:
    """The draft being written (a review of the plan in force, or the first plan)."""
    return case.plans.filter(status=PlanStatus.DRAFT).select_related("updated_by").first()


def plan_in_force(case: Case) -> ClientPlan | None:
    """The approved client plan of the case, if any (LsL 30 §)."""
    return case.plans.filter(status=PlanStatus.APPROVED).first()


def plan_versions(case: Case) -> list[PlanVersion]:
    """Every approved plan of the case, the newest (the one in force) first. One query."""
    plans = list(
        case.plans.filter(status__in=[PlanStatus.APPROVED, PlanStatus.SUPERSEDED])
        .select_related("approved_by")
        .order_by("approved_on", "pk")
    )
    versions = [
        PlanVersion(
            plan=plan,
            number=i + 1,
            valid_until=plans[i + 1].approved_on if i + 1 < len(plans) else None,
        )
        for i, plan in enumerate(plans)
    ]
    return versions[::-1]


def plan_document(case: Case, *, version: str | None = None) -> PlanDocument | None:
    """The plan in force as a document, or the approved version whose id is ``version``;
    None when the case has no approved plan. An unknown version answers 404."""
    versions = plan_versions(case)
    if version:
        chosen = next((v for v in versions if str(v.plan.pk) == version), None)
        if chosen is None:
            raise NotFound
    else:
        chosen = next((v for v in versions if v.in_force), None)
        if chosen is None:
            return None
    card = contact_cards([case.child], Reader.document(), details=False)[0]
    return PlanDocument(case=case, version=chosen, versions=versions, contact=card)


def _label(name: str) -> str:
    field = ClientPlan._meta.get_field(name)
    assert isinstance(field, models.Field)
    return capfirst(str(field.verbose_name))


def _differing_views(plan: ClientPlan) -> str:
    if plan.differing_views.strip():
        return plan.differing_views
    return _("The parties have no differing views") if plan.no_differing_views else ""


def _child_meetings(plan: ClientPlan) -> str:
    n = plan.child_meeting_interval_weeks
    if n is None:
        return plan.child_meetings
    often = ngettext(
        "The worker meets the child every week.",
        "The worker meets the child every %(n)s weeks.",
        n,
    ) % {"n": n}
    return f"{plan.child_meetings}\n{often}".strip()
