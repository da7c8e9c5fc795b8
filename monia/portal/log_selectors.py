"""Who has seen my data (Act on client data 703/2023 § 11), as a child can read it.

The access log has an entry per read: a worker who opens her dashboard ten times a day
reads each child on it ten times. The client is shown one entry per person and day — what they
saw that day and on what ground, and how many times — so every reader and every day of the
last two years is still there, a page at a time, without drowning the child in rows. The
client's own reads in the portal are left out (the page says so), and so are the child's
own reads from a guardian's list; a guardian's reads of the child's data are shown to the
child like anybody else's.

The reads come from the log's index by person (``access.log_selectors.reads_by_day``):
the time follows the child's and the guardian's own reads, not the size of the log.
"""

from __future__ import annotations

import dataclasses
import datetime
import math
from collections.abc import Iterable
from typing import Any, Protocol

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from monia.access.log_selectors import reads_by_day
from monia.access.models import Basis
from monia.access.purposes import purpose_label
from monia.accounts.models import Role, User
from monia.casework.models import Case
from monia.network import selectors as network_selectors
from monia.people.models import Person
from monia.portal.words import basis_words
from monia.ui.languages import in_reader_language

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


# The readers' own fields: one query for the page's readers, however many.
READER_FIELDS = (
    "first_name",
    "last_name",
    "username",
    "title",
    "title_sv",
    "title_en",
    "role",
    "organisation__name",
    "county__name_fi",
    "county__name_sv",
    "county__name_en",
)


def _reader(d: dict[str, Any], bases: list[str]) -> tuple[str, str]:
    """Who read, and where they work (the organisation, else the county)."""
    name = f"{d['first_name']} {d['last_name']}".strip() or d["username"]
    role = d["role"]
    if role == Role.CLIENT:
        if Basis.GUARDIAN in bases:
            who = _("guardian")
        else:
            who = _("the child or young person")
        return f"{name} ({who})", _("On these pages")
    # The title in the reader's language, as on every page (a Swedish page said
    # "Sosiaalityöntekijä"); else the role's name.
    title = in_reader_language(fi=d["title"], sv=d["title_sv"], en=d["title_en"]) or (
        str(Role(role).label) if role in Role.values else ""
    )
    # The county in the reader's language (a Swedish page said "Pohjanmaan hyvinvointialue").
    county = in_reader_language(
        fi=d["county__name_fi"], sv=d["county__name_sv"], en=d["county__name_en"]
    )
    organisation = d["organisation__name"] or county or ""
    return (f"{name} ({title})" if title else name), organisation


def access_query(viewer: LogViewer, since: datetime.datetime) -> dict[str, Any]:
    """Whose reads the viewer sees (the child's, a guardian's own), leaving out the
    viewer's own: the arguments of ``access.log_selectors.reads_by_day``."""
    person_ids = [viewer.case.child_id]
    if viewer.is_guardian:
        person_ids.append(viewer.client.pk)
    # A record of a child not identified at first keeps its own reads (the log is
    # append-only); they are the identified child's reads too (``merged_into``).
    persons = Person.objects.filter(Q(pk__in=person_ids) | Q(merged_into_id__in=person_ids))
    # The client's own reads are left out; so are the child's own reads from a guardian's
    # list: a young person reading her own matter is not someone processing her data, and
    # how often she reads it is hers (a guardian seeing it could keep her from reading).
    own_codes = [viewer.client.identity_code_canonical]
    if viewer.is_guardian:
        own_codes.append(viewer.case.child.identity_code_canonical)
    own_codes = [code for code in own_codes if code]
    own = None
    if own_codes:
        own = User.objects.filter(client_account__identity_code_canonical__in=own_codes).values(
            "pk"
        )
    return {"persons": persons.values("pk"), "since": since, "excluded_users": own}


def _access_rows(
    viewer: LogViewer, since: datetime.datetime, limit: int
) -> tuple[list[LogRow], int]:
    """The newest ``limit`` entries of the access log, and how many there are: 2 queries."""
    days, total = reads_by_day(**access_query(viewer, since), limit=limit)
    # The page's readers: one query, whether or not anyone read (a fixed query count).
    shown = [d.user_id for d in days] or [0]
    readers = {u["pk"]: u for u in User.objects.filter(pk__in=shown).values("pk", *READER_FIELDS)}
    rows = []
    for d in days:
        who, organisation = _reader(readers[d.user_id], d.bases)
        rows.append(
            LogRow(
                day=d.day,
                at=d.last,
                who=who,
                organisation=organisation,
                what=_unique(purpose_label(p) for p in d.purposes),
                why=_unique(basis_words(b) for b in d.bases),
                times=d.times,
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
