"""Writes for the network: the registry, partner professionals, sharing grants, and the
one disclosure log (luovutusloki) that every disclosure to a partner writes."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from monia.access.purposes import purpose_checked
from monia.accounts.models import Role, User
from monia.casework.models import Case
from monia.network.models import (
    CONSENT_BASES,
    DisclosureLog,
    DisclosureSource,
    LegalBasis,
    Organisation,
    SharePart,
    SharingGrant,
)
from monia.teams.models import County


def addressee_errors(
    *, organisation: Organisation | None, partner: User | None, county_id: int
) -> dict[str, str]:
    """The rule of the one partner shape (``PartnerAddressee``): an active organisation of the
    case's county, and a named professional only if they are a partner working there."""
    errors: dict[str, str] = {}
    if organisation is None:
        errors["organisation"] = _("Choose the organisation.")
    elif organisation.county_id != county_id or not organisation.active:
        errors["organisation"] = _("Choose an active organisation of the county's registry.")
    if partner is not None and (
        partner.role != Role.PARTNER
        or organisation is None
        or partner.organisation_id != organisation.pk
    ):
        errors["partner"] = _("The professional must work for the chosen organisation.")
    return errors


@transaction.atomic
def grant_create(
    *,
    user: User,
    case: Case,
    organisation: Organisation,
    basis: str,
    scope: list[str],
    ends_on: datetime.date,
    partner: User | None = None,
    consent_given_by: str = "",
    basis_note: str = "",
    starts_on: datetime.date | None = None,
) -> SharingGrant:
    """Open parts of a case to a partner, on a recorded legal basis, until a set date."""
    today = timezone.localdate()
    starts_on = starts_on or today
    errors = addressee_errors(organisation=organisation, partner=partner, county_id=case.county_id)
    if basis not in LegalBasis.values:
        errors["basis"] = _("Choose the legal basis.")
    if basis in CONSENT_BASES and not consent_given_by.strip():
        errors["consent_given_by"] = _("Record who gave the consent.")
    if basis == LegalBasis.OTHER_STATUTORY and not basis_note.strip():
        errors["basis_note"] = _("Name the provision of law.")
    if not scope or not set(scope) <= set(SharePart.values):
        errors["scope"] = _("Choose what the partner may see.")
    if ends_on < starts_on:
        errors["ends_on"] = _("The end date must come after the start.")
    elif ends_on > starts_on + datetime.timedelta(days=366):
        errors["ends_on"] = _("A grant lasts at most a year; renew it when needed.")
    if errors:
        raise ValidationError(errors)
    fields = dict(
        organisation=organisation,
        partner=partner,
        basis=basis,
        consent_given_by=consent_given_by.strip(),
        basis_note=basis_note.strip(),
        scope=sorted(set(scope)),
        starts_on=starts_on,
        ends_on=ends_on,
    )
    # The same grant twice is never meant: a double click or the form sent again after
    # "Back" finds the first under the case's lock and gets it back.
    list(Case.objects.select_for_update().filter(pk=case.pk).values_list("pk"))
    same = case.sharing_grants.filter(withdrawn_on__isnull=True, **fields).first()
    if same is not None:
        return same
    return SharingGrant.objects.create(case=case, granted_by=user, **fields)


@transaction.atomic
def grant_withdraw(
    *, user: User, grant: SharingGrant, on: datetime.date | None = None
) -> SharingGrant:
    """Consent withdrawn (or the basis ended): access ends the same day."""
    grant = SharingGrant.objects.select_for_update().get(pk=grant.pk)
    if grant.withdrawn_on is not None:
        raise ValidationError(_("The grant has already ended."))
    grant.withdrawn_on = on or timezone.localdate()
    grant.save(update_fields=["withdrawn_on"])
    return grant


@transaction.atomic
def organisation_create(
    *, county: County, name: str, sector: str, municipality: str = "", phone: str = ""
) -> Organisation:
    if not name.strip():
        raise ValidationError({"name": _("Name the organisation.")})
    return Organisation.objects.create(
        county=county,
        name=name.strip(),
        sector=sector,
        municipality=municipality.strip(),
        phone=phone.strip(),
    )


# --- The disclosure log (luovutusloki, Act 703/2023) ---


@dataclass(frozen=True)
class Disclosure:
    """What one read showed a partner: whose data, through which object, on what basis."""

    source: DisclosureSource
    source_id: int
    organisation_id: int | None  # None only for an archive export (monia/archive)
    person_id: int
    case_id: int
    basis: str
    parts: Sequence[str] = ()
    grant_id: int | None = None


def disclosure_log_write(
    *,
    recipient: User,
    disclosures: Iterable[Disclosure],
    purpose: str,
    at: datetime.datetime | None = None,
) -> list[DisclosureLog]:
    """One disclosure-log row per disclosure, in one INSERT (none for none), at ``at``
    (default now; like ``access.log_writes.reads_log``, only the demo's story names it).

    Called by the access policy inside the transaction of the read it logs, so the data
    is never shown without its row; it opens no transaction of its own (no savepoint).
    """
    purpose = purpose_checked(purpose)
    at = at or timezone.now()
    return DisclosureLog.objects.bulk_create(
        DisclosureLog(
            at=at,
            source=d.source,
            source_id=d.source_id,
            grant_id=d.grant_id,
            recipient=recipient,
            organisation_id=d.organisation_id,
            person_id=d.person_id,
            case_id=d.case_id,
            parts=list(d.parts),
            basis=d.basis,
            purpose=purpose,
        )
        for d in disclosures
    )
