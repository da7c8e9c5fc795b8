"""Reading the access log by whose data was read (703/2023 § 11).

A person's reads come from the narrow ``access_personread`` table through its (person_id,
at) index, which holds the reader, the purpose and the basis too: an index-only range scan
per monthly partition of the period, so the cost follows the person's own reads, not the
size of the log. The chained events (``AccessEvent``; per person: the ``AccessLog`` view)
remain the evidence.
"""

from __future__ import annotations

import dataclasses
import datetime
from typing import Any

from django.db import connection
from django.db.models import Q, QuerySet

from monia.access.models import AccessEvent, AccessLog, PersonRead

# One entry per reader and day (the installation's day, stored with each read), newest
# first: the day's last read, how many reads, what
# and on what basis; the total of entries comes along (a window over the groups). The
# reads are first counted per day, reader, purpose and basis (a hash of few groups, not
# a sort of every read), then gathered per day and reader — unsorted, so that a hash does
# it too: the few purposes and bases of an entry are made distinct and sorted here.
_BY_DAY = """
SELECT day, user_id, last, times, purposes, bases, count(*) OVER () AS total
FROM (
    SELECT day, user_id, max(last) AS last, sum(n)::bigint AS times,
           array_agg(purpose) AS purposes, array_agg(basis) AS bases
    FROM (
        SELECT r.day, r.user_id, r.purpose, r.basis,
               count(*) AS n, max(r.at) AS last
        FROM access_personread r
        WHERE r.person_id = ANY(ARRAY({persons})) AND r.at >= %s
          AND r.user_id <> ALL(ARRAY({excluded}))
        GROUP BY 1, 2, 3, 4
    ) kinds
    GROUP BY day, user_id
) g
ORDER BY day DESC, last DESC, user_id
LIMIT %s
"""


@dataclasses.dataclass(frozen=True)
class DayOfReads:
    """One reader's reads of the persons on one (local) day."""

    day: datetime.date
    user_id: int
    last: datetime.datetime
    times: int
    purposes: list[str]
    bases: list[str]


def _subquery(qs: QuerySet[Any] | None) -> tuple[str, tuple[Any, ...]]:
    """A one-column queryset as SQL for ``ARRAY(…)``; none: an empty bigint array's."""
    if qs is None:
        return "SELECT NULL::bigint WHERE false", ()
    sql, params = qs.query.sql_with_params()
    return sql, tuple(params)


def reads_by_day_sql(
    *,
    persons: QuerySet[Any],
    since: datetime.datetime,
    excluded_users: QuerySet[Any] | None = None,
    limit: int,
) -> tuple[str, list[Any]]:
    """The query of ``reads_by_day`` and its parameters (for EXPLAIN in ``bench/``)."""
    persons_sql, persons_params = _subquery(persons)
    excluded_sql, excluded_params = _subquery(excluded_users)
    sql = _BY_DAY.format(persons=persons_sql, excluded=excluded_sql)
    params = [
        *persons_params,
        since,
        *excluded_params,
        limit,
    ]
    return sql, params


def reads_by_day(
    *,
    persons: QuerySet[Any],
    since: datetime.datetime,
    excluded_users: QuerySet[Any] | None = None,
    limit: int,
) -> tuple[list[DayOfReads], int]:
    """The newest ``limit`` entries (reader and day) of reads of these persons (a
    one-column queryset of person ids) since ``since``, leaving out the readers of
    ``excluded_users``, and how many entries there are: one query."""
    sql, params = reads_by_day_sql(
        persons=persons, since=since, excluded_users=excluded_users, limit=limit
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    total = rows[0][-1] if rows else 0
    days = [
        DayOfReads(day, user_id, last, times, sorted(set(purposes)), sorted(set(bases)))
        for day, user_id, last, times, purposes, bases, _total in rows
    ]
    return days, total


def reads_of_person(
    person_id: int, *, since: datetime.datetime | None = None
) -> QuerySet[PersonRead]:
    """The person's reads, newest first, from the person index (for tests and checks)."""
    reads = PersonRead.objects.filter(person_id=person_id)
    if since is not None:
        reads = reads.filter(at__gte=since)
    return reads.order_by("-at", "-event_id")


def reads_of_case(case: Any) -> QuerySet[AccessLog]:
    """Every logged read of a person in the case (the child's in lists and on its pages,
    others' on the case's own pages), one row per person read, oldest first.

    Found without scanning the log: the child's reads (and those of a record merged into
    it) by the person index; other persons are read only in events of this one case, found
    by the events' case index."""
    from monia.people.models import Person

    children = Person.objects.filter(Q(pk=case.child_id) | Q(merged_into_id=case.child_id))
    of_child = PersonRead.objects.filter(person_id__in=children.values("pk"), case_id=case.pk)
    of_case = AccessEvent.objects.filter(case_id=case.pk)
    return (
        AccessLog.objects.filter(case_id=case.pk)
        .filter(Q(event_id__in=of_child.values("event_id")) | Q(event_id__in=of_case.values("id")))
        .order_by("at", "pk")
    )
