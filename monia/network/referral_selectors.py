"""Reads for referrals: time to support, waits against the target, the child's services."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from monia.casework.models import Case, Measure, MeasureKind, Sector
from monia.network.models import Organisation, Referral

HELSINKI = ZoneInfo("Europe/Helsinki")


def target_days() -> int:
    return int(settings.MONIA_SUPPORT_TARGET_DAYS)


def time_to_support(referral: Referral) -> int | None:
    """Days from the need identified to the Helsinki date of the first support received."""
    if referral.first_contact_at is None:
        return None
    first = referral.first_contact_at.astimezone(HELSINKI).date()
    return (first - referral.need_identified_on).days


@dataclass(frozen=True)
class Wait:
    referral: Referral
    days: int  # waited so far, or the time to support once it began
    waiting: bool  # no support received yet
    late: bool  # over the target


def referral_wait(referral: Referral, today: datetime.date) -> Wait:
    support = time_to_support(referral)
    days = support if support is not None else (today - referral.need_identified_on).days
    return Wait(referral=referral, days=days, waiting=support is None, late=days > target_days())


def open_referrals(cases: QuerySet[Case]) -> QuerySet[Referral]:
    return (
        Referral.objects.filter(case__in=cases, ended_at__isnull=True)
        .select_related("organisation", "case__child")
        .order_by("need_identified_on", "pk")
    )


def referral_waits(cases_qs: QuerySet[Case], today: datetime.date) -> list[Wait]:
    """Each open referral of these cases still waiting for support: days waited, late?"""
    waiting = open_referrals(cases_qs).filter(first_contact_at__isnull=True)
    return [referral_wait(r, today) for r in waiting]


@dataclass(frozen=True)
class ServiceRow:
    """One service around the child, from a referral or a community-support measure."""

    service: str
    provider: str
    contact_person: str
    next_date: datetime.date | None
    state: str
    wait: Wait | None
    referral: Referral | None
    # A measure's last day: not a "next appointment" (the portal told a family the support
    # met next on the day it ends).
    ends_on: datetime.date | None = None


def coordinated_services(case: Case, today: datetime.date) -> list[ServiceRow]:
    """Every service around the child in two queries: open referrals, then measures."""
    rows = [
        ServiceRow(
            service=r.service,
            provider=r.organisation.name,
            contact_person=r.contact_person,
            next_date=r.next_date,
            state=r.get_state_display(),
            wait=referral_wait(r, today),
            referral=r,
        )
        for r in open_referrals(Case.objects.filter(pk=case.pk))
    ]
    measures = Measure.objects.filter(
        case=case, kind=MeasureKind.COMMUNITY_SUPPORT, started_on__lte=today
    ).filter(Q(ended_on__isnull=True) | Q(ended_on__gte=today))
    rows += [
        ServiceRow(
            service=m.get_support_type_display() or m.get_kind_display(),
            provider=m.place,
            contact_person="",
            next_date=None,
            ends_on=m.expires_on,
            state=_("In force since %(date)s") % {"date": m.started_on.strftime("%-d.%-m.%Y")},
            wait=None,
            referral=None,
        )
        for m in measures
    ]
    return rows


# Sectors that give support a child is referred to (not schools or early education).
SUPPORT_SECTORS = (
    Sector.CHILD_PSYCHIATRY,
    Sector.MENTAL_HEALTH_SUBSTANCE,
    Sector.HEALTH_CARE,
    Sector.YOUTH_SERVICES,
    Sector.SOCIAL_SERVICES,
    Sector.NGO,
    Sector.OTHER,
)


def support_providers(case: Case) -> QuerySet[Organisation]:
    """Active organisations of the case's county that give support a child is referred to."""
    return Organisation.objects.filter(
        county_id=case.county_id, active=True, sector__in=SUPPORT_SECTORS
    )
