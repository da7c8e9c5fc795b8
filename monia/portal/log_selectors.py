"""Who has seen my data (Act on client data 703/2023 § 11), as a child can read it.

The access log has a row per read: a worker who opens her dashboard ten times a day writes
ten rows for each child on it. The client is shown one entry per person and day — what they
saw that day and on what ground, and how many times — so every reader and every day of the
last two years is still there, a page at a time, without drowning the child in rows. The
client's own reads in the portal are left out (the page says so); a guardian's reads of a
child's data, or the child's reads, are shown to the other like anybody else's.
"""

from __future__ import annotations

import dataclasses
import datetime
import math
from collections.abc import Iterable
from typing import Any, Protocol

from django.contrib.postgres.aggregates import ArrayAgg
from django.db.models import Count, Max, Q
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from monia.access.models import AccessLog, Basis
from monia.access.purposes import purpose_label
from monia.accounts.models import Role
from monia.casework.models import Case
from monia.network import selectors as network_selectors
from monia.people.models import Person
from monia.portal.words import basis_words

LOG_YEARS = 2  # 703/2023 § 11: the log of the previous two years
LOG_PER_PAGE = 50  # entries (a person on a day) per page


class LogViewer(Protocol):
    """Whose "who has seen my data" this is (a ``PortalCase``)."""

    case: Case
    client: Person
    is_guardian: bool


@dataclasses.dataclass(frozen=True)
class LogRow:
    """One person on one day: who, where they work, what they saw, why they may."""

    day: datetime.date
    at: datetime.datetime  # the day's last read
    who: str
    organisation: str
    what: list[str]
    why: list[str]
    times: int
    kind: str  # "access" | "disclosure"


@dataclasses.dataclass(frozen=True)
class LogPage:
    rows: list[LogRow]
    number: int
    has_next: bool
    total: int  # entries in the whole two years

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / LOG_PER_PAGE))


def _unique(labels: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(labels))


# The reader's own fields come with the grouped rows (one query, however many readers).
READER_FIELDS = (
    "user__first_name",
    "user__last_name",
    "user__username",
    "user__title",
    "user__role",
    "user__organisation__name",
    "user__county__name_fi",
)


def _reader(d: dict[str, Any]) -> tuple[str, str]:
    """Who read, and where they work (the organisation, else the county)."""
    name = f"{d['user__first_name']} {d['user__last_name']}".strip() or d["user__username"]
    role = d["user__role"]
    if role == Role.CLIENT:
        if Basis.GUARDIAN in d["bases"]:
            return f"{name} ({_('guardian')})", _("On these pages")
        return f"{name} ({_('the child or young person')})", _("On these pages")
    title = d["user__title"] or (str(Role(role).label) if role in Role.values else "")
    organisation = d["user__organisation__name"] or d["user__county__name_fi"] or ""
    return (f"{name} ({title})" if title else name), organisation


def _access_rows(
    viewer: LogViewer, since: datetime.datetime, limit: int
) -> tuple[list[LogRow], int]:
    """The newest ``limit`` entries of the access log, and how many there are: 2 queries."""
    person_ids = [viewer.case.child_id]
    if viewer.is_guardian:
        person_ids.append(viewer.client.pk)
    # A record of a child not identified at first keeps its own reads (the log is
    # append-only); they are the identified child's reads too (``merged_into``).
    reads = AccessLog.objects.filter(
        Q(person_id__in=person_ids) | Q(person__merged_into_id__in=person_ids), at__gte=since
    )
    if viewer.client.identity_code_canonical:  # the client's own reads are left out
        reads = reads.exclude(
            user__client_account__identity_code_canonical=viewer.client.identity_code_canonical
        )
    days: Any = (
        reads.annotate(day=TruncDate("at", tzinfo=timezone.get_current_timezone()))
        .values("day", "user_id", *READER_FIELDS)
        .annotate(
            last=Max("at"),
            times=Count("pk"),
            purposes=ArrayAgg("purpose", distinct=True, order_by="purpose"),
            bases=ArrayAgg("basis", distinct=True, order_by="basis"),
        )
        .order_by("-day", "-last", "user_id")
    )
    total = days.count()
    rows = []
    for d in days[:limit]:
        who, organisation = _reader(d)
        rows.append(
            LogRow(
                day=d["day"],
                at=d["last"],
                who=who,
                organisation=organisation,
                what=_unique(purpose_label(p) for p in d["purposes"]),
                why=_unique(basis_words(b) for b in d["bases"]),
                times=d["times"],
                kind="access",
            )
        )
    return rows, total


def _disclosure_rows(viewer: LogViewer, since: datetime.datetime) -> list[LogRow]:
    """Every disclosure of the two years, one entry per recipient and day (one query)."""
    person_ids = [viewer.case.child_id]
    if viewer.is_guardian:
        person_ids.append(viewer.client.pk)
    grouped: dict[tuple[datetime.date, str, str], list[network_selectors.DisclosureRow]] = {}
    for d in network_selectors.disclosures_for_person(person_ids, since=since):
        day = timezone.localdate(d.at)
        grouped.setdefault((day, d.recipient_name, d.organisation_name), []).append(d)
    return [
        LogRow(
            day=day,
            at=max(d.at for d in ds),
            who=who,
            organisation=organisation,
            what=_unique(d.purpose_label for d in ds),
            why=_unique(d.basis_label for d in ds),
            times=len(ds),
            kind="disclosure",
        )
        for (day, who, organisation), ds in grouped.items()
    ]


def who_viewed(
    viewer: LogViewer, *, page: int = 1, now: datetime.datetime | None = None
) -> LogPage:
    """The access and disclosure log of the child's data (and a guardian's own) for the
    last two years, newest day first, a page of entries at a time: the whole log."""
    now = now or timezone.now()
    since = now - datetime.timedelta(days=365 * LOG_YEARS + 1)
    page = max(1, page)
    start, stop = (page - 1) * LOG_PER_PAGE, page * LOG_PER_PAGE
    # The newest `stop + 1` access entries and every disclosure entry hold the page and
    # one entry more (to tell whether an older page exists).
    accesses, access_total = _access_rows(viewer, since, stop + 1)
    disclosures = _disclosure_rows(viewer, since)
    rows = sorted(accesses + disclosures, key=lambda r: (r.day, r.at), reverse=True)
    window = rows[start : stop + 1]
    return LogPage(
        rows=window[:LOG_PER_PAGE],
        number=page,
        has_next=len(window) > LOG_PER_PAGE,
        total=access_total + len(disclosures),
    )
