"""The hash chain of the logs (issue 11, item 2): find the first broken row of every
county's chain in each log table. The chain itself is written by the database's insert
trigger (migration access.0007); this module only reads.

A row is broken when its number does not follow the previous row's, or its hash is not
sha256(previous row's hash || the row's content): a row changed, deleted or slipped in
with the triggers disabled. The head (``LogChainHead``) must name the last row: rows
removed from the end show there.
"""

from __future__ import annotations

import dataclasses

from django.conf import settings
from django.db import connection

from monia.access.logtables import LOG_TABLES, PERSON_INDEX

# How each log reaches its county (the trigger's rule, in SQL): the county, the join.
COUNTY = {
    "access_accessevent": ("t.county_id", ""),
    "network_disclosurelog": ("c.county_id", "JOIN casework_case c ON c.id = t.case_id"),
    "enotify_enotificationaccess": (
        "e.county_id",
        "JOIN enotify_enotification e ON e.id = t.enotification_id",
    ),
}


@dataclasses.dataclass(frozen=True)
class Break:
    log: str
    county_id: int
    row_id: int | None  # None: rows missing after the last one
    seq: int | None
    reason: str

    def __str__(self) -> str:
        if self.log == PERSON_INDEX:
            return f"{self.log}: {self.reason}"
        where = f"row id={self.row_id} (number {self.seq})" if self.row_id else "the end"
        return f"{self.log}, county {self.county_id}: first broken at {where}: {self.reason}"


def _anchors_sql() -> str:
    """Where each county's chain starts: after the last row a retention run removed
    (``RetentionRun``), else at number 0 with the empty hash."""
    return """
        SELECT DISTINCT ON (log, county_id) log, county_id, last_seq AS seq, last_hash AS hash
        FROM access_retentionrun ORDER BY log, county_id, last_seq DESC"""


def _row_breaks(table: str) -> list[Break]:
    county, join = COUNTY[table]
    sql = f"""
    WITH rows AS (
        SELECT t.id, {county} AS county_id, t.chain_seq, t.chain_hash,
               lag(t.chain_seq) OVER w AS prev_seq,
               lag(t.chain_hash) OVER w AS prev_hash,
               row_number() OVER w AS n,
               t AS r
        FROM {table} t {join}
        WINDOW w AS (PARTITION BY {county} ORDER BY t.chain_seq NULLS FIRST, t.id)
    ), checked AS (
        SELECT rows.*,
               CASE WHEN n = 1 THEN coalesce(a.seq, 0) ELSE prev_seq END AS want_prev_seq,
               CASE WHEN n = 1 THEN coalesce(a.hash, '') ELSE prev_hash END AS want_prev_hash
        FROM rows LEFT JOIN ({_anchors_sql()}) a
            ON a.log = %s AND a.county_id = rows.county_id
    )
    SELECT DISTINCT ON (county_id) county_id, id, chain_seq,
        CASE
            WHEN chain_seq IS NULL THEN 'written without the chain (triggers were off)'
            WHEN chain_seq <> want_prev_seq + 1 THEN 'a row before it is missing'
            ELSE 'its content or hash was changed'
        END
    FROM checked
    WHERE chain_seq IS NULL OR chain_seq <> want_prev_seq + 1
       OR chain_hash IS DISTINCT FROM monia_log_row_digest(want_prev_hash, r)
    ORDER BY county_id, chain_seq NULLS FIRST, id
    """  # noqa: S608 - the table and its join are constants of this module
    with connection.cursor() as cursor:
        cursor.execute(sql, [table])
        return [Break(table, c, i, s, why) for c, i, s, why in cursor.fetchall()]


def _end_breaks(table: str) -> list[Break]:
    """The head names a later row than the last one there: rows removed from the end."""
    county, join = COUNTY[table]
    sql = f"""
    SELECT h.county_id, h.seq, coalesce(last.chain_seq, a.seq)
    FROM access_logchainhead h
    LEFT JOIN ({_anchors_sql()}) a ON a.log = h.log AND a.county_id = h.county_id
    LEFT JOIN (
        SELECT DISTINCT ON ({county}) {county} AS county_id, t.chain_seq, t.chain_hash
        FROM {table} t {join}
        WHERE t.chain_seq IS NOT NULL
        ORDER BY {county}, t.chain_seq DESC
    ) last ON last.county_id = h.county_id
    WHERE h.log = %s
      AND (coalesce(last.chain_seq, a.seq) IS DISTINCT FROM h.seq
           OR coalesce(last.chain_hash, a.hash) IS DISTINCT FROM h.hash)
    """  # noqa: S608 - the table and its join are constants of this module
    with connection.cursor() as cursor:
        cursor.execute(sql, [table])
        return [
            Break(table, c, None, seq, f"the last {seq - (last or 0)} row(s) are missing")
            if (last or 0) < seq
            else Break(table, c, None, seq, "the last row does not match the chain's head")
            for c, seq, last in cursor.fetchall()
        ]


# The person index is the events' persons unnested: a row of one without the other is a
# changed index (rows slipped in, changed or removed) — counted both ways.
_INDEX_SQL = """
WITH chained AS (
    SELECT u.person_id, e.at, (e.at AT TIME ZONE %s)::date AS day, e.id AS event_id,
           e.user_id, u.case_id, e.purpose, u.basis
    FROM access_accessevent e, unnest(e.persons, e.cases, e.bases) u(person_id, case_id, basis)
), indexed AS (
    SELECT person_id, at, day, event_id, user_id, case_id, purpose, basis
    FROM access_personread
)
SELECT (SELECT count(*) FROM (TABLE indexed EXCEPT ALL TABLE chained) x),
       (SELECT count(*) FROM (TABLE chained EXCEPT ALL TABLE indexed) y)
"""


def _index_breaks() -> list[Break]:
    with connection.cursor() as cursor:
        cursor.execute(_INDEX_SQL, [settings.TIME_ZONE])
        extra, missing = cursor.fetchone()
    breaks = []
    if extra:
        breaks.append(Break(PERSON_INDEX, 0, None, None, f"{extra} row(s) not in the events"))
    if missing:
        breaks.append(Break(PERSON_INDEX, 0, None, None, f"{missing} event read(s) missing"))
    return breaks


def chain_breaks() -> list[Break]:
    """The first broken row of every broken county chain, in every log, and any
    difference between the person index and the chained events: none if whole."""
    breaks: list[Break] = []
    for table in LOG_TABLES:
        rows = _row_breaks(table)
        broken = {b.county_id for b in rows}
        breaks += rows + [b for b in _end_breaks(table) if b.county_id not in broken]
    return breaks + _index_breaks()
