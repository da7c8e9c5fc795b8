"""Reads of the disclosure log (luovutusloki): whose data went to which partner, and why."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from monia.access.purposes import purpose_label
from monia.network.models import (
    DisclosureBasis,
    DisclosureLog,
    DisclosureSource,
    SharingGrant,
    part_labels,
)


@dataclass(frozen=True)
class DisclosureRow:
    """One disclosure as a reader sees it, labels in the active language."""

    at: datetime.datetime
    person_id: int
    case_id: int
    recipient_name: str
    organisation_name: str
    source: str
    source_label: str
    source_id: int
    basis: str
    basis_label: str
    purpose: str
    purpose_label: str  # what the partner was shown, in plain words
    parts_labels: list[str]


def _label(choices: type[DisclosureSource] | type[DisclosureBasis], value: str) -> str:
    return str(choices(value).label) if value in choices.values else value


def _newest_first(queryset: QuerySet[DisclosureLog]) -> QuerySet[DisclosureLog]:
    """The recipient and their organisation joined, so the rows cost one query."""
    return queryset.select_related("recipient", "organisation").order_by("-at", "-pk")


def _rows(queryset: QuerySet[DisclosureLog]) -> list[DisclosureRow]:
    return [
        DisclosureRow(
            at=d.at,
            person_id=d.person_id,
            case_id=d.case_id,
            recipient_name=d.recipient.display_name,
            # An archive export has no partner organisation: the package goes to the archive.
            organisation_name=d.organisation.name
            if d.organisation
            else str(DisclosureSource.ARCHIVE_EXPORT.label),
            source=d.source,
            source_label=_label(DisclosureSource, d.source),
            source_id=d.source_id,
            basis=d.basis,
            basis_label=_label(DisclosureBasis, d.basis),
            purpose=d.purpose,
            purpose_label=purpose_label(d.purpose),
            parts_labels=part_labels(d.parts),
        )
        for d in queryset
    ]


def _as_moment(since: datetime.date) -> datetime.datetime:
    """A date means from the start of that day in Finland's time (the active zone)."""
    if isinstance(since, datetime.datetime):
        return since
    return timezone.make_aware(datetime.datetime.combine(since, datetime.time.min))


def disclosures_for_person(
    person_ids: Iterable[int], *, since: datetime.date
) -> list[DisclosureRow]:
    """Every disclosure of these persons' data since the cut-off, newest first.

    The client's right to know who received their data (Act 703/2023 § 11): the portal's
    "who has viewed my data" page asks for the last two years. One query, whatever the
    number of rows.
    """
    ids = list(person_ids)
    if not ids:
        return []
    rows = DisclosureLog.objects.filter(person_id__in=ids, at__gte=_as_moment(since))
    return _rows(_newest_first(rows))


def disclosures_for_case(case_id: int, *, limit: int = 100) -> list[DisclosureRow]:
    """The case's latest disclosures from every source, for the case's sharing page."""
    return _rows(_newest_first(DisclosureLog.objects.filter(case_id=case_id))[:limit])


def grants_in_force_for_case(case_id: int, *, on: datetime.date) -> list[SharingGrant]:
    """The sharing grants that let partners see something of this case on ``on``, with the
    organisation and the named professional (one query): for the family's own pages."""
    return list(
        SharingGrant.objects.filter(
            case_id=case_id, starts_on__lte=on, ends_on__gte=on, withdrawn_on__isnull=True
        )
        .select_related("organisation", "partner")
        .order_by("ends_on", "pk")
    )
