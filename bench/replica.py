"""Reports from a streaming read replica (issue 15): a second PostgreSQL server on this
machine, made a hot standby of the first, and the statistics read from it.

    .venv/bin/python bench/replica.py start      # base backup, start on port 5433, wait
    .venv/bin/python bench/replica.py measure    # the pages with and without the replica
    .venv/bin/python bench/replica.py stop       # stop it, remove its data and the hba line

``start`` (as root; the server runs as ``postgres``): adds a replication line to the
primary's pg_hba.conf if it has none (Debian's default allows only ``local`` replication
and only with peer authentication), copies the whole cluster with ``pg_basebackup -R -X
stream`` into ``/work/.data-replica`` (every database: several GB on this machine), writes
the standby's own postgresql.conf (Debian keeps the primary's in /etc) and starts it with
``pg_ctl`` on port 5433, then waits until it is in recovery and streaming.

``measure``: the benchmark's own copy of the national data (``monia_bench_ops``, made from
``monia_bench`` with ``createdb -T``; it writes sessions and log rows, which the shared
``monia_bench`` must never get) on the primary, ``DATABASE_REPLICA_URL`` pointing at the
same database on the replica. For each statistics page of the largest county's senior
official: its time with the router on and off, the queries each connection ran, the
writes each ran, and the replica's own counters (``pg_stat_database`` on the standby:
only this benchmark reads it). Then the counties' comparison task and the replication
lag. Writes ``bench/results/national-<date>-replica.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PG_BIN = Path("/usr/lib/postgresql/15/bin")
DATA = Path("/work/.data-replica")
PORT = 5433
HBA = Path("/etc/postgresql/15/main/pg_hba.conf")
HBA_LINE = "host replication postgres 127.0.0.1/32 trust  # bench/replica.py"
PRIMARY = "postgresql://postgres@127.0.0.1:5432"
SOURCE_DB, BENCH_DB = "monia_bench", "monia_bench_ops"
APP_NAME = "monia-replica-bench"
# The primary keeps the WAL the standby has not received yet (without it, the others' writes
# during the base backup recycled WAL the standby then asked for). `stop` drops it: a slot
# left behind keeps WAL on the primary's disk for ever.
SLOT = "monia_bench_replica"
DROP_SLOT = (
    "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots "  # noqa: S608
    f"WHERE slot_name = '{SLOT}'"
)


def _as_postgres(*cmd: str) -> None:
    subprocess.run(["runuser", "-u", "postgres", "--", *cmd], check=True)  # noqa: S603,S607


def _psql(port: int, sql: str, db: str = "postgres") -> str:
    out = subprocess.run(  # noqa: S603
        ["psql", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", db, "-Atc", sql],  # noqa: S607
        check=True,
        capture_output=True,
        text=True,
    )
    return out.stdout.strip()


def start() -> None:
    if DATA.exists():
        sys.exit(f"{DATA} exists: run `bench/replica.py stop` first")
    exists = f"SELECT 1 FROM pg_database WHERE datname = '{BENCH_DB}'"  # noqa: S608 - a constant
    if _psql(5432, exists) != "1":
        subprocess.run(  # noqa: S603
            ["createdb", "-h", "127.0.0.1", "-U", "postgres", "-T", SOURCE_DB, BENCH_DB],  # noqa: S607
            check=True,
        )
    if HBA_LINE not in HBA.read_text():
        with HBA.open("a") as hba:
            hba.write(f"\n{HBA_LINE}\n")
        _psql(5432, "SELECT pg_reload_conf()")
    _psql(5432, DROP_SLOT)
    DATA.mkdir(mode=0o700)
    shutil.chown(DATA, "postgres", "postgres")
    began = time.monotonic()
    _as_postgres(
        str(PG_BIN / "pg_basebackup"),
        *("-h", "127.0.0.1", "-p", "5432", "-U", "postgres", "-D", str(DATA)),
        *("-R", "-X", "stream", "-c", "fast", "-C", "-S", SLOT),
    )
    copied = time.monotonic() - began
    # The standby's own settings: the primary's postgresql.conf is in /etc (Debian). Hot
    # standby needs max_connections etc. at least the primary's; feedback keeps the
    # primary's vacuum from cancelling a long report on the standby.
    (DATA / "postgresql.conf").write_text(
        f"port = {PORT}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '/tmp'\n"
        "hot_standby = on\nhot_standby_feedback = on\nmax_connections = 100\n"
        "shared_buffers = 128MB\nlogging_collector = off\n"
    )
    (DATA / "pg_hba.conf").write_text("local all all trust\nhost all all 127.0.0.1/32 trust\n")
    for name in ("postgresql.conf", "pg_hba.conf"):
        shutil.chown(DATA / name, "postgres", "postgres")
    _as_postgres(
        str(PG_BIN / "pg_ctl"), "-D", str(DATA), "-l", str(DATA / "server.log"), "-w", "start"
    )
    for _ in range(120):
        state = _psql(PORT, "SELECT pg_is_in_recovery()")
        streaming = _psql(
            5432, "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'"
        )
        if state == "t" and int(streaming) > 0:
            break
        time.sleep(1)
    else:
        sys.exit("the replica did not reach streaming")
    print(f"replica streaming on port {PORT} (base backup {copied:.0f} s)")
    print(_psql(5432, "SELECT application_name, state, sync_state FROM pg_stat_replication"))


def stop() -> None:
    if (DATA / "postmaster.pid").exists():
        _as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(DATA), "-m", "fast", "-w", "stop")
    shutil.rmtree(DATA, ignore_errors=True)
    _psql(5432, DROP_SLOT)
    text = HBA.read_text()
    if HBA_LINE in text:
        HBA.write_text(text.replace(f"\n{HBA_LINE}\n", "").replace(HBA_LINE, ""))
        _psql(5432, "SELECT pg_reload_conf()")
    drop = ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", BENCH_DB]
    subprocess.run(drop, check=True)  # noqa: S603,S607
    print(f"replica stopped, {DATA} removed, {BENCH_DB} dropped, pg_hba.conf as before")


# --- measuring ---------------------------------------------------------------------------------


def _replica_counters() -> dict[str, int]:
    row = _psql(
        PORT,
        "SELECT xact_commit + xact_rollback, tup_returned, tup_fetched "  # noqa: S608
        f"FROM pg_stat_database WHERE datname = '{BENCH_DB}'",
    ).split("|")
    return dict(zip(("transactions", "tup_returned", "tup_fetched"), map(int, row), strict=True))


def _timed_page(client: Any, url: str, params: dict[str, str], runs: int) -> dict[str, Any]:
    from django.db import connections
    from django.test.utils import CaptureQueriesContext

    from monia import dbrouter

    client.get(url, params)  # warm-up
    times, captured = [], {}
    for _ in range(runs):
        caps = {
            a: CaptureQueriesContext(connections[a]) for a in (dbrouter.DEFAULT, dbrouter.REPLICA)
        }
        for c in caps.values():
            c.__enter__()
        began = time.perf_counter()
        page = client.get(url, params)
        times.append((time.perf_counter() - began) * 1000)
        for c in caps.values():
            c.__exit__(None, None, None)
        assert page.status_code == 200, (url, page.status_code)
        captured = {a: [q["sql"] for q in c.captured_queries] for a, c in caps.items()}
    writes = ("INSERT", "UPDATE", "DELETE")
    return {
        "median_ms": round(statistics.median(times), 1),
        "max_ms": round(max(times), 1),
        "runs": runs,
        "queries": {a: len(q) for a, q in captured.items()},
        "writes": {
            a: sum(s.lstrip().upper().startswith(writes) for s in q) for a, q in captured.items()
        },
        "as_of_shown": b'class="data-as-of"' in page.content,
    }


def _lag_ms() -> float:
    """Time from a commit on the primary until the replica has replayed it."""
    _psql(5432, "CREATE TABLE IF NOT EXISTS bench_replica_probe (at timestamptz)", BENCH_DB)
    began = time.perf_counter()
    _psql(5432, "INSERT INTO bench_replica_probe VALUES (clock_timestamp())", BENCH_DB)
    target = _psql(5432, "SELECT pg_current_wal_lsn()")
    while _psql(PORT, f"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn") != "t":
        time.sleep(0.005)
    return round((time.perf_counter() - began) * 1000, 1)


def measure(runs: int) -> None:
    from bench import generate

    os.environ["DATABASE_REPLICA_URL"] = (
        f"postgresql://postgres@127.0.0.1:{PORT}/{BENCH_DB}?application_name={APP_NAME}"
    )
    # The senior official's second factor is not what is measured: her session passes as
    # the test client's force_login stands for a whole login (the middleware still runs).
    os.environ["MONIA_MFA_REQUIRED_ROLES"] = "administrator"
    generate.configure(f"{PRIMARY}/{BENCH_DB}")
    from unittest import mock

    from django.urls import reverse
    from django.utils import timezone

    from bench import scenarios
    from monia import dbrouter
    from monia.access.models import AccessLog
    from monia.reporting import thl_selectors, thl_services
    from monia.reporting.thl_tasks import thl_compare_run

    load_before = os.getloadavg()
    subjects = scenarios.choose_subjects()
    client = scenarios.logged_in(subjects.senior)
    start, end = thl_selectors.previous_period(timezone.localdate())
    pages = [
        ("thl_processing_times", {"period": start.isoformat()}),
        ("statistics_caseload", {}),
        ("statistics_yearly", {}),
        ("statistics_monitoring", {}),
        ("thl_children", {"period": start.isoformat(), "figure": "seven_day_late"}),
    ]
    results: dict[str, Any] = {}
    log_before = AccessLog.objects.count()
    for name, params in pages:
        url = reverse(name)
        print(f"  {name} ...", flush=True)
        before = _replica_counters()
        on = _timed_page(client, url, params, runs)
        after = _replica_counters()
        on["replica_counters"] = {k: after[k] - before[k] for k in after}
        with mock.patch.object(dbrouter, "replica_configured", return_value=False):
            off = _timed_page(client, url, params, runs)
        results[name] = {"with_replica": on, "primary_only": off}
    logged = AccessLog.objects.count() - log_before
    seen = _psql(
        PORT,
        "SELECT count(*), max(left(query, 60)) FROM pg_stat_activity "  # noqa: S608
        f"WHERE application_name = '{APP_NAME}'",
    )
    print("  the counties' comparison (national) ...", flush=True)
    compare = {}
    for label, configured in (("with_replica", True), ("primary_only", False)):
        run = thl_services.thl_compare_request(user=subjects.senior, start=start, end=end)
        before = _replica_counters()
        with mock.patch.object(dbrouter, "replica_configured", return_value=configured):
            began = time.perf_counter()
            state = thl_compare_run.call(run_id=run.pk)
            seconds = time.perf_counter() - began
        after = _replica_counters()
        compare[label] = {
            "state": state,
            "seconds": round(seconds, 1),
            "replica_tup_returned": after["tup_returned"] - before["tup_returned"],
        }
    lags = [_lag_ms() for _ in range(20)]
    payload = {
        "date": timezone.localdate().isoformat(),
        "county": subjects.county.name_fi,
        "load_average": [round(load_before[0], 2), round(os.getloadavg()[0], 2)],
        "pages": results,
        "access_log_rows_written_on_primary": logged,
        "replica_pg_stat_activity": seen,
        "compare_task": compare,
        "replication_lag_ms": {"median": statistics.median(lags), "max": max(lags)},
        "replica_in_recovery": _psql(PORT, "SELECT pg_is_in_recovery()"),
    }
    out = ROOT / "bench" / "results" / f"national-{payload['date']}-replica.json"
    out.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n")
    print(json.dumps(payload, indent=1, ensure_ascii=False))
    print(f"wrote {out.relative_to(ROOT)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["start", "measure", "stop"])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    {"start": start, "stop": stop}.get(args.action, lambda: measure(args.runs))()


if __name__ == "__main__":
    main()
