"""Writing the access log (käyttöloki, 703/2023): one event per read, whatever it showed.

A read — a case page, a dashboard of 300 children, a search — is one ``AccessEvent`` row
carrying every person shown with the case and the basis of each, and one narrow
``PersonRead`` row per person for "who has seen my data"; both in ONE statement (a
data-modifying WITH), in the caller's transaction. The database chains the event (one
chain step per read, not per person) and checks its four foreign keys once.

Every writer in Monia comes here: ``access.policy``, ``access.search_rule``,
``access.contact``, ``portal.access``, ``decisions.portal_access``, ``enotify``.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import NamedTuple

from django.conf import settings
from django.db import connection
from django.utils import timezone

# The event and its persons in one round trip; the persons' rows are the event's arrays
# unnested, so the index cannot disagree with what was chained.
_SQL = """
WITH e AS (
    INSERT INTO access_accessevent
        (at, user_id, county_id, case_id, purpose, channel, persons, cases, bases)
    VALUES (%s, %s, %s, %s, %s, %s, %s::bigint[], %s::bigint[], %s::varchar(30)[])
    RETURNING id, at, user_id, purpose, persons, cases, bases
)
INSERT INTO access_personread
    (person_id, at, day, event_id, user_id, case_id, purpose, basis)
SELECT u.person_id, e.at, (e.at AT TIME ZONE %s)::date, e.id, e.user_id, u.case_id,
       e.purpose, u.basis
FROM e, unnest(e.persons, e.cases, e.bases) u(person_id, case_id, basis)
"""


class Read(NamedTuple):
    """One person shown in a read: whose data, the case it was read in, on what basis."""

    person_id: int
    case_id: int | None
    basis: str


def reads_log(
    *,
    user_id: int,
    county_id: int,
    purpose: str,
    reads: Iterable[Read],
    channel: str = "web",
    at: datetime.datetime | None = None,
) -> None:
    """Log one read event showing ``reads``: one statement, none if nothing was shown.
    The caller has checked the purpose (``purpose_checked``). The event's own case is the
    one case all its persons were read in, if there is one."""
    reads = list(reads)
    if not reads:
        return
    cases = {r.case_id for r in reads}
    one_case = next(iter(cases)) if len(cases) == 1 else None
    with connection.cursor() as cursor:
        cursor.execute(
            _SQL,
            [
                at or timezone.now(),
                user_id,
                county_id,
                one_case,
                str(purpose),
                channel,
                [r.person_id for r in reads],
                [r.case_id for r in reads],
                [str(r.basis) for r in reads],
                settings.TIME_ZONE,
            ],
        )
