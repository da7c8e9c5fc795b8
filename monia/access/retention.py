"""Retention of the logs (issue 11, item 2): the one path that removes log rows.

Only whole months older than the legal period go, and only a *prefix* of each county's
chain (rows numbered 1…S with every one of them older than the cut-off): a read copied
into the log later with an old time stays until a later run, so the chain stays
verifiable from the first row kept. Each removal is recorded (``RetentionRun``: the log,
the county, the cut-off, how many rows, the first and last number and hash) in the same
transaction, which alone sets ``monia.retention`` for the database's append-only trigger.

The access events (``access_accessevent``, partitioned by month) go a partition at a time:
a due month whose every row belongs to the expiring prefix is dropped whole with its month
of the person index (``access_personread``) — no row-by-row delete, no dead tuples. What
does not fit (a row in the DEFAULT partition, a month holding a read copied in later) is
deleted row by row as in the other logs, with its person-index rows. Dropping a partition
locks the table for the moment it takes: run it at a quiet hour.

The period: ``settings.MONIA_LOG_RETENTION_YEARS`` (default 12). The law's period for
these logs is not verified (/work/shared/domain.md § 4.1: "commonly cited as 12 years;
confirm in 703/2023"); the client's right to the log covers the previous two years
(703/2023 § 11), so a shorter setting than 2 is refused. Removing too early cannot be
undone, keeping too long can: the default is the longer figure.
"""

from __future__ import annotations

import dataclasses
import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction

from monia.access.chain import COUNTY
from monia.access.logtables import LOG_TABLES, PERSON_INDEX, RETENTION_ON
from monia.access.models import RetentionRun

DEFAULT_YEARS = 12
MINIMUM_YEARS = 2  # 703/2023 § 11: the client may see the log of the previous two years


def retention_years() -> int:
    years = int(getattr(settings, "MONIA_LOG_RETENTION_YEARS", DEFAULT_YEARS))
    if years < MINIMUM_YEARS:
        raise ValidationError(
            f"MONIA_LOG_RETENTION_YEARS={years}: the client's right covers {MINIMUM_YEARS} years."
        )
    return years


def latest_allowed_cutoff(today: datetime.date) -> datetime.date:
    """The first day of the month ``retention_years()`` before this month."""
    years = retention_years()
    return datetime.date(today.year - years, today.month, 1)


@dataclasses.dataclass(frozen=True)
class Removed:
    log: str
    county_id: int
    rows: int
    first_seq: int
    last_seq: int


def _fetch(sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _counties_due(table: str, start: datetime.datetime) -> list[tuple[Any, ...]]:
    """Per county: the first number, and the last number of the prefix older than start."""
    county, join = COUNTY[table]
    return _fetch(
        f"""
        SELECT {county}, min(t.chain_seq),
               coalesce(min(t.chain_seq) FILTER (WHERE t.at >= %s) - 1, max(t.chain_seq)),
               max(t.chain_seq)
        FROM {table} t {join} WHERE t.chain_seq IS NOT NULL GROUP BY {county}
        """,  # noqa: S608 - the table and its join are constants
        [start],
    )


def _hash_of(table: str, county_id: int, seq: int) -> str:
    county, join = COUNTY[table]
    rows = _fetch(
        f"SELECT t.chain_hash FROM {table} t {join} WHERE {county} = %s AND t.chain_seq = %s",  # noqa: S608
        [county_id, seq],
    )
    return str(rows[0][0])


def _delete(table: str, county_id: int, last_seq: int, kept: list[str]) -> int:
    if table == EVENTS:
        return _delete_events(county_id, last_seq, kept)
    county, join = COUNTY[table]
    if join:  # "JOIN x c ON cond" → "USING x c WHERE cond AND"
        using, cond = join.removeprefix("JOIN ").split(" ON ")
        sql = (
            f"DELETE FROM {table} t USING {using} WHERE {cond} AND {county} = %s "  # noqa: S608
            "AND t.chain_seq <= %s"
        )
    else:
        sql = f"DELETE FROM {table} t WHERE {county} = %s AND t.chain_seq <= %s"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [county_id, last_seq])
        return int(cursor.rowcount)


EVENTS = "access_accessevent"


def _delete_events(county_id: int, last_seq: int, months: list[str]) -> int:
    """The prefix's events outside the months to be dropped, with their person rows."""
    rows = _fetch(
        "WITH gone AS (DELETE FROM access_accessevent WHERE county_id = %s "
        "AND chain_seq <= %s AND tableoid <> ALL(%s::regclass[]) RETURNING id, at), "
        "index_rows AS (DELETE FROM access_personread r USING gone "
        "WHERE r.event_id = gone.id AND r.at = gone.at RETURNING 1) "
        "SELECT count(*) FROM gone",
        [county_id, last_seq, months],
    )
    return int(rows[0][0])


def _months_before(table: str, before: datetime.date) -> list[str]:
    """The monthly partitions of ``table`` wholly before ``before`` (named …_pYYYYMM)."""
    rows = _fetch(
        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
        "WHERE i.inhparent = %s::regclass AND c.relname ~ '_p[0-9]{6}$' "
        "AND right(c.relname, 6) < %s ORDER BY c.relname",
        [table, before.strftime("%Y%m")],
    )
    return [name for (name,) in rows]


def _droppable(due: dict[int, int], before: datetime.date) -> tuple[list[str], dict[int, int]]:
    """The due months of the events that hold only rows of the expiring prefixes (a read
    copied in later with an old time keeps its month), and each county's rows in them."""
    months, rows = [], dict.fromkeys(due, 0)
    for name in _months_before(EVENTS, before):
        counts = _fetch(
            f"SELECT county_id, count(*), max(chain_seq) FROM {name} GROUP BY county_id",  # noqa: S608
            [],
        )
        if all(c in due and top is not None and top <= due[c] for c, _n, top in counts):
            months.append(name)
            for c, n, _top in counts:
                rows[c] += n
    return months, rows


def _drop_months(months: list[str]) -> None:
    """Drop the events' months and the same months of the person index."""
    with connection.cursor() as cursor:
        if months:  # DROP waits for no deferred check: run the transaction's pending ones
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for name in months:
            cursor.execute(f"DROP TABLE {name}")
            cursor.execute(f"DROP TABLE IF EXISTS {PERSON_INDEX}{name.removeprefix(EVENTS)}")


def _remove(table: str, start: datetime.datetime, before: datetime.date) -> list[Removed]:
    """One log's expired prefixes, county by county, each recorded."""
    due = [
        (c, first, last) for c, first, last, _end in _counties_due(table, start) if last >= first
    ]
    hashes = {c: (_hash_of(table, c, first), _hash_of(table, c, last)) for c, first, last in due}
    months, dropped = (
        _droppable({c: last for c, _f, last in due}, before) if table == EVENTS else ([], {})
    )
    removed = []
    for county_id, first, last in due:  # row by row what no dropped month holds
        rows = _delete(table, county_id, last, months) + dropped.get(county_id, 0)
        removed.append(Removed(table, county_id, rows, first, last))
    _drop_months(months)  # then whole months
    for r in removed:
        RetentionRun.objects.create(
            log=table,
            county_id=r.county_id,
            before=before,
            rows=r.rows,
            first_seq=r.first_seq,
            last_seq=r.last_seq,
            first_hash=hashes[r.county_id][0],
            last_hash=hashes[r.county_id][1],
        )
    return removed


def log_retention_run(*, before: datetime.date, today: datetime.date) -> list[Removed]:
    """Remove the whole months before ``before`` from every log and county, recording
    each removal; refuse a cut-off that is not a month's first day or is too recent."""
    if before.day != 1:
        raise ValidationError("The cut-off must be the first day of a month (whole months).")
    if before > latest_allowed_cutoff(today):
        raise ValidationError(
            f"The logs are kept {retention_years()} years: the latest cut-off today is "
            f"{latest_allowed_cutoff(today).isoformat()}."
        )
    start = datetime.datetime.combine(before, datetime.time(), tzinfo=datetime.UTC)
    removed: list[Removed] = []
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(RETENTION_ON)  # SET LOCAL: this transaction only
        for table in LOG_TABLES:
            removed += _remove(table, start, before)
    return removed
