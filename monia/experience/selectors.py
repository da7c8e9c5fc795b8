"""Reads for the register of experts by experience. Scoped by county; access decisions are
in access.py (a missing row and a forbidden one answer the same: None)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from monia.accounts.models import Role, User
from monia.experience.models import (
    Assignment,
    AssignmentStatus,
    ExpertByExperience,
    PayrollExport,
    TaxCardNote,
)


def register_for_county(county_id: int) -> QuerySet[ExpertByExperience]:
    """The register page: each expert with their tax card years and open assignments."""
    return (
        ExpertByExperience.objects.filter(county_id=county_id)
        .annotate(
            upcoming=Count("assignments", filter=Q(assignments__status=AssignmentStatus.AGREED))
        )
        .prefetch_related(Prefetch("tax_cards", queryset=TaxCardNote.objects.order_by("-year")))
        .order_by("-active", "pseudonym", "pk")
    )


def public_register(county_id: int) -> QuerySet[ExpertByExperience]:
    """What staff may see: the county's active experts (the page shows the public fields)."""
    return ExpertByExperience.objects.filter(county_id=county_id, active=True).only(
        "pk", "pseudonym", "known_as", "themes", "availability", "training"
    )


def pairs_of_worker(user: User) -> QuerySet[Assignment]:
    """The worker's own working pairs with experts, to come and of the last month (their
    public part: the pseudonym, the title, the date)."""
    since = month_start(timezone.localdate()) - datetime.timedelta(days=31)
    return (
        Assignment.objects.filter(worker_id=user.pk, date__gte=since)
        .exclude(status=AssignmentStatus.CANCELLED)
        .select_related("expert")
        .only("pk", "title", "date", "status", "expert__pseudonym")
        .order_by("date", "pk")
    )


def expert_get(expert_id: int) -> ExpertByExperience | None:
    return ExpertByExperience.objects.filter(pk=expert_id).select_related("user").first()


def expert_of_user(user: User) -> ExpertByExperience | None:
    return ExpertByExperience.objects.filter(user_id=user.pk).first()


def assignments_of(expert: ExpertByExperience) -> QuerySet[Assignment]:
    return expert.assignments.select_related("worker").order_by("-date", "-pk")


def assignment_get(assignment_id: int) -> Assignment | None:
    return Assignment.objects.filter(pk=assignment_id).select_related("expert", "worker").first()


def tax_card_years(expert: ExpertByExperience) -> list[int]:
    return list(expert.tax_cards.values_list("year", flat=True))


def linkable_users(county_id: int, *, keep: int | None = None) -> QuerySet[User]:
    """Accounts of experts by experience of the county not yet linked to an entry."""
    return (
        User.objects.filter(county_id=county_id, role=Role.EXPERT_BY_EXPERIENCE, is_active=True)
        .filter(Q(expert_entry__isnull=True) | Q(pk=keep or 0))
        .order_by("last_name", "first_name")
    )


def pair_workers(county_id: int) -> QuerySet[User]:
    """Staff of the county who may be an expert's working pair."""
    network_only = (
        Role.DEVELOPMENT_COORDINATOR,
        Role.EXPERT_BY_EXPERIENCE,
        Role.PARTNER,
        Role.CLIENT,
        Role.ADMINISTRATOR,
    )
    return (
        User.objects.filter(county_id=county_id, is_active=True)
        .exclude(role__in=network_only)
        .order_by("last_name", "first_name")
    )


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def month_end(month: datetime.date) -> datetime.date:
    following = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return following - datetime.timedelta(days=1)


def month_exported(county_id: int, month: datetime.date) -> bool:
    return PayrollExport.objects.filter(county_id=county_id, month=month).exists()


def payroll_rows(county_id: int, month: datetime.date) -> QuerySet[Assignment]:
    """The month's payroll: once exported, exactly what went then; before, what is due up to
    the month's end and not yet paid (done, or cancelled with costs: costs are always paid)."""
    base = Assignment.objects.filter(expert__county_id=county_id).select_related("expert")
    if month_exported(county_id, month):
        rows = base.filter(paid_month=month)
    else:
        rows = base.filter(paid_month__isnull=True, date__lte=month_end(month)).filter(
            Q(status=AssignmentStatus.DONE) | Q(status=AssignmentStatus.CANCELLED, costs__gt=0)
        )
    return rows.order_by("expert__real_name", "expert__pseudonym", "date", "pk")


@dataclass(frozen=True)
class Totals:
    fees: Decimal
    costs: Decimal

    @property
    def total(self) -> Decimal:
        return self.fees + self.costs


def totals(rows: list[Assignment]) -> Totals:
    return Totals(
        fees=sum((r.fee_payable for r in rows), Decimal("0.00")),
        costs=sum((Decimal(r.costs) for r in rows), Decimal("0.00")),
    )


def exports_for_county(county_id: int) -> QuerySet[PayrollExport]:
    return PayrollExport.objects.filter(county_id=county_id).select_related("exported_by")[:24]
