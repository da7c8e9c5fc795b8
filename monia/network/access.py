"""The partner rule: what a partner professional may read, and the one generic partner read.

A partner professional (``Role.PARTNER``, working for one registered organisation) sees
nothing of the staff pages. Each thing that opens client data to a partner is its own legal
basis and opens only itself: a sharing grant in force (here), a contribution request
(``contrib/access.py``), a consultation (``consult/access.py``), a network-meeting invitation
(``netmeet/access.py``). Each of those is a few lines on top of :func:`partner_read` and
:func:`partner_get`, which refuse anyone who is not a partner and write the disclosure-log
row (luovutusloki, 703/2023) of every object shown in the transaction of the read.

Every object addressed to a partner has one shape (``network.models.PartnerAddressee``):
an organisation, optionally one named professional of it. :func:`addressed_to` is its rule.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.db import models, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from monia.access.policy import NotFound
from monia.accounts.models import Role, User
from monia.casework.models import Case
from monia.network.models import DisclosureSource, SharePart, SharingGrant
from monia.network.services import Disclosure, disclosure_log_write

M = TypeVar("M", bound=models.Model)


def is_partner(user: User) -> bool:
    """An active partner professional of a registered organisation."""
    return bool(
        user.is_authenticated
        and user.is_active
        and user.role == Role.PARTNER
        and user.organisation_id
    )


def addressed_to(user: User, *, prefix: str = "") -> Q:
    """Objects addressed to the partner's organisation as a whole, or to them by name.

    ``prefix`` reaches the shape through a relation (``"invitees__"`` for a meeting)."""
    return Q(**{f"{prefix}organisation_id": user.organisation_id}) & (
        Q(**{f"{prefix}partner__isnull": True}) | Q(**{f"{prefix}partner_id": user.pk})
    )


def partner_read(
    user: User,
    rows: QuerySet[M],
    *,
    disclosures: Callable[[M], Iterable[Disclosure]],
    purpose: str,
) -> list[M]:
    """The generic partner read: the rows, each one's disclosures written in the same
    transaction. Anyone not a partner gets 404 (a staff member, a client, an admin)."""
    if not is_partner(user):
        raise NotFound
    with transaction.atomic():
        found = list(rows)
        disclosure_log_write(
            recipient=user,
            disclosures=[d for row in found for d in disclosures(row)],
            purpose=purpose,
        )
    return found


def partner_get(
    user: User,
    rows: QuerySet[M],
    pk: int,
    *,
    disclosures: Callable[[M], Iterable[Disclosure]],
    purpose: str,
    for_update: bool = False,
) -> M:
    """One object of ``rows`` (already narrowed to what the partner may see), its read
    logged; 404 for anything else, exactly like a missing one."""
    if not is_partner(user):
        raise NotFound
    with transaction.atomic():
        if for_update:
            rows = rows.select_for_update(of=("self",))
        found = partner_read(user, rows.filter(pk=pk)[:1], disclosures=disclosures, purpose=purpose)
        if not found:
            raise NotFound
    return found[0]


# --- Sharing grants ---------------------------------------------------------------------


def active_grants_for(user: User, *, on: datetime.date | None = None) -> QuerySet[SharingGrant]:
    """Grants that let this partner professional see something today."""
    if not is_partner(user):
        return SharingGrant.objects.none()
    on = on or timezone.localdate()
    return SharingGrant.objects.filter(
        addressed_to(user), starts_on__lte=on, ends_on__gte=on, withdrawn_on__isnull=True
    )


def disclosure_of_grant(grant: SharingGrant, *, parts: Iterable[str] | None = None) -> Disclosure:
    """A case seen through a sharing grant: the parts shown (default: the grant's scope)."""
    return Disclosure(
        source=DisclosureSource.SHARING_GRANT,
        source_id=grant.pk,
        grant_id=grant.pk,
        organisation_id=grant.organisation_id,
        person_id=grant.case.child_id,
        case_id=grant.case_id,
        basis=grant.basis,
        parts=list(grant.scope if parts is None else parts),
    )


def partner_case_get(
    user: User, case_id: int, *, purpose: str
) -> tuple[Case, list[SharingGrant], list[str]]:
    """A case as a partner may see it: the grants in force and the parts they open.

    One disclosure-log row per grant, in the read's transaction; 404 without a grant."""
    grants = partner_read(
        user,
        active_grants_for(user)
        .filter(case_id=case_id)
        .select_related("case__child", "case__designated_worker"),
        disclosures=lambda g: [disclosure_of_grant(g)],
        purpose=purpose,
    )
    if not grants:
        raise NotFound
    parts = sorted({part for g in grants for part in g.scope})
    return grants[0].case, grants, parts


def partner_grants_list(user: User, *, purpose: str) -> list[SharingGrant]:
    """The grants in force for a partner; each child's name shown is logged as a disclosure."""
    return partner_read(
        user,
        active_grants_for(user).select_related("case__child", "organisation").order_by("ends_on"),
        disclosures=lambda g: [disclosure_of_grant(g, parts=[SharePart.BASIC])],
        purpose=purpose,
    )
