"""The access log at national volume (issue 15): generate two years of log at national
density on a copy of the national benchmark database and measure what the design promises.

    .venv/bin/python -m bench.accesslog            # sizes 4,8,12 teams; ≈ 200 M person rows

What it does, in order (docs/performance.md, "The access log at national volume"):

1. A copy of ``monia_bench`` (national data) as ``monia_bench_log``, migrated.
2. For the first N teams of the country, two years of working days of reads as the real
   writers make them: each member of a team opens the dashboard ``--views`` times a day (one
   event of the team's ~270 open cases, each with its own basis) and ``--case-reads`` case
   pages (one event, one child) — generated in SQL (generate_series, unnest), the chain
   trigger off for the history (the chain's own cost is measured in step 4, where it is on).
3. The person index built, vacuumed (index-only scans need the visibility map).
4. Measured at each size: a list page's log write through ``policy.log_case_list`` (the
   real writer, chain trigger on, commit included: median and p95); "who has seen my data"
   for a child and for a guardian through the portal's own selector (``who_viewed``); and
   the EXPLAIN (ANALYZE, BUFFERS) of its query. The measured child is on team 1: its density
   is the same at every size, only the rest of the log grows.

Results: bench/results/accesslog-<date>.json and …-plans.txt. The machine has 2 cores
shared with others: the load average is recorded beside every figure.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import statistics
import subprocess
import time
from pathlib import Path
from typing import Any

import psycopg

from bench import generate

SOURCE = "monia_bench"
URL = "postgres://postgres@127.0.0.1:5432/monia_bench_log"
RESULTS = Path(__file__).resolve().parent / "results"
PAGED_PERSONS = 100  # the most children a paged dashboard names (see ``measure``)

# Two years of a team's reads: every member's dashboards (one event of the team's open
# cases, each with the member's basis) and case pages (one event of one child), on
# working days. The chain trigger is off for the history (see the module's docstring).
EVENTS_SQL = """
WITH lists AS (
    SELECT u.id AS user_id, c.county_id,
           array_agg(c.child_id ORDER BY c.id) AS persons,
           array_agg(c.id ORDER BY c.id) AS cases,
           array_agg(CASE WHEN c.designated_worker_id = u.id THEN 'designated_worker'
                          ELSE 'team_member' END ORDER BY c.id)::varchar(30)[] AS bases
    FROM accounts_user u JOIN casework_case c ON c.team_id = u.team_id AND c.closed_at IS NULL
    WHERE u.team_id = ANY(%(teams)s) AND u.role IN ('designated_social_worker', 'family_worker')
    GROUP BY u.id, c.county_id
), days AS (
    SELECT d FROM generate_series(%(first)s::date, %(last)s::date, interval '1 day') d
    WHERE extract(isodow FROM d) < 6
)
INSERT INTO access_accessevent
    (at, user_id, county_id, case_id, purpose, channel, persons, cases, bases)
SELECT (d + interval '7 hours' + v * interval '25 minutes' + random() * interval '20 minutes')
           AT TIME ZONE 'Europe/Helsinki',
       l.user_id, l.county_id, NULL, 'dashboard', 'web', l.persons, l.cases, l.bases
FROM lists l, days, generate_series(1, %(views)s) v
UNION ALL
SELECT (d + interval '7 hours' + random() * interval '9 hours') AT TIME ZONE 'Europe/Helsinki',
       l.user_id, l.county_id, l.cases[k], 'case_detail', 'web',
       ARRAY[l.persons[k]], ARRAY[l.cases[k]], ARRAY[l.bases[k]]
FROM lists l, days, generate_series(1, %(case_reads)s) r,
     LATERAL (SELECT 1 + floor(random() * cardinality(l.persons))::int AS k) pick
"""

INDEX_SQL = """
INSERT INTO access_personread
    (person_id, at, day, event_id, user_id, case_id, purpose, basis)
SELECT u.person_id, e.at, (e.at AT TIME ZONE 'Europe/Helsinki')::date, e.id, e.user_id,
       u.case_id, e.purpose, u.basis
FROM access_accessevent e, unnest(e.persons, e.cases, e.bases) u(person_id, case_id, basis)
WHERE e.id > %(after)s
"""

PERSON_INDEX_DDL = (
    "CREATE INDEX personread_person_time_idx ON access_personread (person_id, at) "
    "INCLUDE (user_id, day, purpose, basis)"
)


def _load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def prepare(url: str) -> None:
    """The copy of the national data, migrated (once)."""
    name = generate._db_name(url)
    with generate._admin(url) as admin:
        if admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return
    subprocess.run(  # noqa: S603 - fixed arguments
        ["createdb", "-h", "127.0.0.1", "-U", "postgres", "-T", SOURCE, name],  # noqa: S607
        check=True,
    )


def _teams(conn: psycopg.Connection[Any], n: int) -> list[int]:
    rows = conn.execute("SELECT id FROM teams_team ORDER BY id LIMIT %s", [n]).fetchall()
    return [r[0] for r in rows]


def _teams_logged(conn: psycopg.Connection[Any]) -> int:
    """How many teams (the first ones, by id) have their two years in the log already."""
    row = conn.execute(
        "SELECT count(DISTINCT u.team_id) FROM accounts_user u "
        "WHERE EXISTS (SELECT 1 FROM access_accessevent e WHERE e.user_id = u.id "
        "AND e.purpose = 'case_detail')"
    ).fetchone()
    return int(row[0])


def grow(conn: psycopg.Connection[Any], teams: list[int], args: argparse.Namespace) -> dict:
    """Add two years of these teams' reads; rebuild the person index. Timed."""
    today = datetime.datetime.now(datetime.UTC).date()
    first, last = today - datetime.timedelta(days=730), today - datetime.timedelta(days=1)
    conn.execute(
        "SELECT monia_log_partition(p, m::date) FROM (VALUES ('access_accessevent'), "
        "('access_personread')) t(p), generate_series(%s::date, %s::date, interval '1 month') m",
        [first.replace(day=1), today],
    )
    after = conn.execute("SELECT coalesce(max(id), 0) FROM access_accessevent").fetchone()[0]
    t0 = time.perf_counter()
    conn.execute("ALTER TABLE access_accessevent DISABLE TRIGGER monia_chain")
    conn.execute("DROP INDEX IF EXISTS personread_person_time_idx")
    events = conn.execute(
        EVENTS_SQL,
        {
            "teams": teams,
            "first": first,
            "last": last,
            "views": args.views,
            "case_reads": args.case_reads,
        },
    ).rowcount
    t1 = time.perf_counter()
    reads = conn.execute(INDEX_SQL, {"after": after}).rowcount
    t2 = time.perf_counter()
    conn.execute("SET maintenance_work_mem = '1GB'")
    conn.execute(PERSON_INDEX_DDL)
    conn.execute("ALTER TABLE access_accessevent ENABLE TRIGGER monia_chain")
    t3 = time.perf_counter()
    conn.execute("VACUUM (ANALYZE) access_personread")
    conn.execute("VACUUM (ANALYZE) access_accessevent")
    t4 = time.perf_counter()
    return {
        "events_added": events,
        "person_rows_added": reads,
        "seconds": {
            "events": round(t1 - t0, 1),
            "person_rows": round(t2 - t1, 1),
            "index": round(t3 - t2, 1),
            "vacuum": round(t4 - t3, 1),
        },
    }


def sizes(conn: psycopg.Connection[Any]) -> dict[str, Any]:
    row = conn.execute(
        "SELECT (SELECT count(*) FROM access_accessevent), "
        "(SELECT count(*) FROM access_personread), "
        "pg_total_relation_size('access_accessevent') + coalesce((SELECT sum("
        "pg_total_relation_size(inhrelid)) FROM pg_inherits WHERE inhparent = "
        "'access_accessevent'::regclass), 0), "
        "coalesce((SELECT sum(pg_relation_size(inhrelid)) FROM pg_inherits WHERE inhparent = "
        "'access_personread'::regclass), 0), "
        "coalesce((SELECT sum(pg_indexes_size(inhrelid)) FROM pg_inherits WHERE inhparent = "
        "'access_personread'::regclass), 0)"
    ).fetchone()
    names = ("events", "person_rows", "events_bytes", "person_heap_bytes", "person_index_bytes")
    return {name: int(value) for name, value in zip(names, row, strict=True)}


def _stats(ms: list[float]) -> dict[str, float]:
    ms = sorted(ms)
    return {
        "median_ms": round(statistics.median(ms), 2),
        "p95_ms": round(ms[max(0, int(len(ms) * 0.95) - 1)], 2),
        "min_ms": round(ms[0], 2),
        "runs": len(ms),
    }


def measure(runs: int) -> dict[str, Any]:
    """The write and the reads, through Monia's own code (Django set up by ``main``)."""
    from django.db import connection, transaction

    from bench import accesslog_subjects as subjects
    from monia.access import policy
    from monia.portal import log_selectors

    worker, cases = subjects.dashboard()
    out: dict[str, Any] = {}
    # The whole team's list (the dashboard before it was paged), then what the paged
    # dashboard names at most (two lists of 25, 25 deadlines, 25 exceptions: ≤ 100 children).
    for key, shown in (("write", cases), ("write_paged", cases[:PAGED_PERSONS])):
        write_ms, commit_ms = [], []
        for _ in range(runs):
            t = time.perf_counter()
            with transaction.atomic():
                policy.log_case_list(worker, shown, purpose="dashboard")
                written = time.perf_counter()
            commit_ms.append((time.perf_counter() - written) * 1000)
            write_ms.append((written - t) * 1000)
        # The statement (event, chain step, person rows), then the commit (the deferred
        # foreign-key checks and the WAL flush, which the page's own commit pays anyway).
        out[key] = {**_stats(write_ms), "persons": len(shown), "load": _load()}
        out[key.replace("write", "commit")] = {**_stats(commit_ms), "load": _load()}
    for kind, viewer in subjects.viewers(cases):
        log_selectors.who_viewed(viewer)  # warm
        ms = []
        for _ in range(runs):
            t = time.perf_counter()
            page = log_selectors.who_viewed(viewer)
            ms.append((time.perf_counter() - t) * 1000)
        reads = subjects.rows_of(viewer)
        out[kind] = {**_stats(ms), "entries": page.total, "person_rows": reads, "load": _load()}
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + subjects.query_of(viewer))
            out[kind]["plan"] = "\n".join(r[0] for r in cursor.fetchall())
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default=URL)
    parser.add_argument("--sizes", default="4,8,12", help="teams logged, one size each")
    parser.add_argument("--views", type=int, default=20, help="dashboards a member a day")
    parser.add_argument("--case-reads", type=int, default=30, help="case pages a member a day")
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    prepare(args.database_url)
    generate.configure(args.database_url)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    report: dict[str, Any] = {"started": datetime.datetime.now(datetime.UTC).isoformat()}
    report["sizes"] = []
    with psycopg.connect(args.database_url, autocommit=True) as conn:
        for n in (int(x) for x in args.sizes.split(",")):
            step: dict[str, Any] = {"teams": n, "load_before": _load()}
            have = _teams_logged(conn)
            if n > have:
                step["growth"] = grow(conn, _teams(conn, n)[have:], args)
            step["size"] = sizes(conn)
            print(json.dumps(step, default=str), flush=True)
            step["measured"] = measure(args.runs)
            report["sizes"].append(step)
            print(json.dumps(step["measured"], default=str)[:1500], flush=True)
    RESULTS.mkdir(exist_ok=True)
    stem = RESULTS / f"accesslog-{datetime.datetime.now(datetime.UTC).date().isoformat()}"
    plans = []
    for step in report["sizes"]:
        for kind in ("child", "guardian"):
            plans.append(f"== {step['teams']} teams, {step['size']['person_rows']} rows: {kind}")
            plans.append(step["measured"][kind].pop("plan"))
    stem.with_suffix(".json").write_text(json.dumps(report, indent=2, default=str))
    Path(f"{stem}-plans.txt").write_text("\n".join(plans) + "\n")
    print(f"written {stem}.json")


if __name__ == "__main__":
    main()
