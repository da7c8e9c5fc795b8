"""Benchmarks of Monia's busiest read paths on synthetic national-scale data.

    .venv/bin/python bench/run.py [--scale national|county|small] [--database-url URL]
                                  [--fresh] [--runs 30] [--warmups 3] [--slow-ms 50]
                                  [--only search_ dashboard_ …] [--tag search] [--floors]

Generates the data first when the database does not hold them (bench/generate.py), then
times each scenario (bench/scenarios.py) with ``time.perf_counter`` over ``--runs`` runs
after ``--warmups`` warm-ups, counts its SQL queries in one more run, and runs
``EXPLAIN (ANALYZE, BUFFERS)`` on every query slower than ``--slow-ms``. Prints a table and
writes ``bench/results/<scale>-<date>.json`` (plans of slow queries beside it, as .txt).
Runs with DEBUG off; access-log rows written by the runs are deleted afterwards.

With ``--floors`` each page scenario (a whole request) is timed in turns with its database
floor and the framework floor (bench/floors.py), and the table adds them and the ratio
page / database floor: ``bench/run.py --scale national --only case_ --floors``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import pathlib
import platform
import statistics
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import floors, generate  # noqa: E402

RESULTS = ROOT / "bench" / "results"
CAPTURE_RUNS = 5  # extra runs that count queries and time each one


@dataclass
class SlowQuery:
    scenario: str
    ms: float
    sql: str
    plan: str = ""


@dataclass
class Result:
    name: str
    what: str
    runs: int
    median_ms: float
    p95_ms: float
    min_ms: float
    max_ms: float
    queries: int
    sql_ms: float  # the queries' own time (least over the capture runs); the rest is Python
    slowest_query_ms: float
    slow: list[SlowQuery] = field(default_factory=list)
    # --floors, page scenarios only (bench/floors.py): medians and p95 in the same rounds
    db_floor_ms: float | None = None
    db_floor_p95_ms: float | None = None
    framework_floor_ms: float | None = None
    framework_floor_p95_ms: float | None = None
    ratio: float | None = None  # the page's median over its database floor's
    layout_floor_ms: float | None = None  # an empty page in the layout
    layout_sql_ms: float | None = None  # that page's own SQL, replayed raw
    # The process's own CPU per request (median): what other work on a shared machine
    # disturbs far less than the elapsed time.
    cpu_ms: float | None = None

    def set_floors(
        self, db: list[float], framework: list[float], layout: list[float], layout_sql: list[float]
    ) -> None:
        self.db_floor_ms, self.db_floor_p95_ms = _median(db), _p95(db)
        self.framework_floor_ms, self.framework_floor_p95_ms = _median(framework), _p95(framework)
        self.ratio = round(self.median_ms / self.db_floor_ms, 1) if self.db_floor_ms else None
        self.layout_floor_ms, self.layout_sql_ms = _median(layout), _median(layout_sql)

    def layout_figures(self) -> dict[str, float]:
        figures = {
            "layout_python_ms": self.layout_python_ms,
            "content_budget_ms": self.content_budget_ms,
            "content_python_ms": self.content_python_ms,
        }
        return {k: v for k, v in figures.items() if v is not None}

    @property
    def layout_python_ms(self) -> float | None:
        """The Python every page of Monia pays: the empty page in the layout less its SQL."""
        if self.layout_floor_ms is None or self.layout_sql_ms is None:
            return None
        return round(self.layout_floor_ms - self.layout_sql_ms, 2)

    @property
    def content_budget_ms(self) -> float | None:
        """The Python left for the page's own content (its view, queries built by the ORM,
        template) if the page is to answer within 2× its database floor: twice the floor
        less the floor itself and the layout's Python."""
        if self.db_floor_ms is None or self.layout_python_ms is None:
            return None
        return round(self.db_floor_ms - self.layout_python_ms, 2)

    @property
    def content_python_ms(self) -> float | None:
        """The Python the page's own content took: its median less its database floor and
        the layout's Python."""
        if self.db_floor_ms is None or self.layout_python_ms is None:
            return None
        return round(self.median_ms - self.db_floor_ms - self.layout_python_ms, 2)


def _median(times: list[float]) -> float:
    return round(statistics.median(times), 2)


def _p95(times: list[float]) -> float:
    return round(statistics.quantiles(times, n=20, method="inclusive")[-1], 2)


def _timed(call: Any, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return times


def cpu_probe() -> float:
    """Milliseconds for a fixed pure-Python loop (median of 5): how fast the machine is now.

    Shared virtual machines vary a lot from minute to minute; comparing this figure tells
    whether two result files were measured on an equally fast machine.
    """

    def loop() -> None:
        total = 0
        for i in range(1_000_000):
            total += i * i

    return round(statistics.median(_timed(loop, 5)), 1)


def explain(sql_text: str) -> str:
    """EXPLAIN (ANALYZE, BUFFERS) in a transaction that is rolled back (it may be an INSERT)."""
    from django.db import connection, transaction

    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql_text)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        transaction.set_rollback(True)
    return plan


def measure(scenario: Any, *, runs: int, warmups: int, slow_ms: float, floors_too: bool) -> Result:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _timed(scenario.call, warmups)
    captures = []
    for _ in range(CAPTURE_RUNS):
        with CaptureQueriesContext(connection) as captured:
            scenario.call()
        captures.append(captured.captured_queries)
    with_floors = floors_too and scenario.client is not None
    cpu: list[float] = []

    def call() -> None:
        started = time.process_time()
        scenario.call()
        cpu.append((time.process_time() - started) * 1000)

    calls = [call]
    if with_floors:
        replay = floors.database_floor([q["sql"] for q in captures[-1]])
        layout = floors.layout_floor(scenario.client)
        layout_replay = floors.database_floor(floors.statements_of(layout))
        calls += [replay, floors.framework_floor(scenario.client), layout, layout_replay]
        for floor in calls[1:]:
            _timed(floor, warmups)
    times, *floor_times = floors.timed_in_turns(calls, runs)
    queries = captures[0]
    # A query is slow when it is slow every time: the least of its times over the runs.
    query_ms = [
        min(float(run[i]["time"]) * 1000 for run in captures if len(run) == len(queries))
        for i in range(len(queries))
    ]
    slow = [
        SlowQuery(scenario.name, ms, q["sql"])
        for q, ms in zip(queries, query_ms, strict=True)
        if ms > slow_ms
    ]
    for q in slow:
        q.plan = explain(q.sql)
    result = Result(
        name=scenario.name,
        what=scenario.what,
        runs=runs,
        median_ms=_median(times),
        p95_ms=_p95(times),
        min_ms=round(min(times), 2),
        max_ms=round(max(times), 2),
        queries=len(query_ms),
        sql_ms=round(sum(query_ms), 1),
        slowest_query_ms=round(max(query_ms, default=0.0), 1),
        slow=slow,
    )
    if with_floors:
        result.set_floors(*floor_times)
        result.cpu_ms = _median(cpu)
    return result


def machine() -> dict[str, Any]:
    import django
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        server = cursor.fetchone()[0]
        cursor.execute("SHOW shared_buffers")
        shared_buffers = cursor.fetchone()[0]
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {
        "cpus": os.cpu_count(),
        "memory_gib": round(memory, 1),
        "postgresql": server,
        "shared_buffers": shared_buffers,
        "python": platform.python_version(),
        "django": django.get_version(),
    }


def print_table(results: list[Result]) -> None:
    header = (
        f"{'scenario':<32} {'median ms':>10} {'p95 ms':>9} {'queries':>8} {'SQL ms':>7}"
        f" {'slowest q ms':>13}"
    )
    floored = any(r.ratio is not None for r in results)
    if floored:
        header += f" {'DB floor':>9} {'(p95)':>7} {'fw floor':>9} {'× DB floor':>11} {'CPU':>6}"
        header += f" {'layout py':>10} {'budget':>7} {'content py':>11}"
    print(header)
    print("-" * len(header))
    for r in results:
        line = (
            f"{r.name:<32} {r.median_ms:>10.1f} {r.p95_ms:>9.1f} {r.queries:>8} "
            f"{r.sql_ms:>7.1f} {r.slowest_query_ms:>13.1f}"
        )
        if r.ratio is not None:
            line += (
                f" {r.db_floor_ms:>9.1f} {r.db_floor_p95_ms:>7.1f} {r.framework_floor_ms:>9.1f}"
                f" {r.ratio:>11.1f} {r.cpu_ms or 0:>6.1f}"
                f" {r.layout_python_ms or 0:>10.1f} {r.content_budget_ms or 0:>7.1f}"
                f" {r.content_python_ms or 0:>11.1f}"
            )
        print(line)


def write_results(
    scale: str, payload: dict[str, Any], slow: list[SlowQuery], tag: str = ""
) -> Path:
    RESULTS.mkdir(exist_ok=True)
    stem = f"{scale}-{payload['date']}" + (f"-{tag}" if tag else "")
    path = RESULTS / f"{stem}.json"
    path.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    plans = RESULTS / f"{stem}-slow-plans.txt"
    if slow:
        text = "\n\n".join(f"-- {q.scenario}: {q.ms:.0f} ms\n{q.sql}\n\n{q.plan}" for q in slow)
        plans.write_text(text + "\n", encoding="utf-8")
    elif plans.exists():
        plans.unlink()
    return path


def vacuum_log_heads() -> None:
    """VACUUM the logs' chain heads (one row per county and log, updated with every log
    row): thousands of dead versions of that row build up within a run, each making the
    next log INSERT slower, where production's autovacuum keeps it small. Vacuumed before
    each scenario, the scenarios do not pay for each other's log rows."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM access_logchainhead")


def forget_runs(last_log: int) -> None:
    """Delete the access-log events the runs wrote (and their person rows), so the next run
    starts from the same data. The log is append-only (access/migrations/0005, 0010): only a
    transaction that says it is the retention may delete (the benchmark database is no
    one's evidence)."""
    from django.db import connection, transaction

    from monia.access.logtables import RETENTION_ON
    from monia.access.models import AccessEvent, PersonRead

    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(RETENTION_ON)
        PersonRead.objects.filter(event_id__gt=last_log).delete()
        AccessEvent.objects.filter(pk__gt=last_log).delete()


def run(args: argparse.Namespace) -> dict[str, Any]:
    meta = generate.generate(args.database_url, scale=args.scale, fresh=args.fresh, seed=args.seed)
    generate.configure(args.database_url)
    from django.conf import settings
    from django.utils import timezone

    from bench import scenarios
    from monia.access.models import AccessEvent

    assert not settings.DEBUG
    # The pages are timed without collected static files; WhiteNoise wants the folder only.
    pathlib.Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
    load_before, probe_before = os.getloadavg(), cpu_probe()
    last_log = AccessEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    subjects = scenarios.choose_subjects()
    results = []
    try:
        with floors.floor_urls() if args.floors else contextlib.nullcontext():
            for scenario in scenarios.scenarios(subjects):
                if args.only and not scenario.name.startswith(tuple(args.only)):
                    continue
                print(f"  {scenario.name} ...", flush=True)
                vacuum_log_heads()
                results.append(
                    measure(
                        scenario,
                        runs=args.runs,
                        warmups=args.warmups,
                        slow_ms=args.slow_ms,
                        floors_too=args.floors,
                    )
                )
        described = subjects.describe()
    finally:
        forget_runs(last_log)
    slow = [q for r in results for q in r.slow]
    payload = {
        "scale": args.scale,
        "date": timezone.localdate().isoformat(),
        "machine": machine(),
        "dataset": {k: meta[k] for k in ("generated_at", "seconds", "total_rows", "summary")},
        "subjects": described,
        "method": {
            "runs": args.runs,
            "warmups": args.warmups,
            "slow_ms": args.slow_ms,
            "floors": args.floors,
        },
        # Other work on the machine shows here: the load average before and after the runs.
        "load_average": [round(load_before[0], 2), round(os.getloadavg()[0], 2)],
        "cpu_probe_ms": [probe_before, cpu_probe()],
        "results": [
            {k: v for k, v in asdict(r).items() if k != "slow" and (v is not None)}
            | {"slow_queries": len(r.slow)}
            | r.layout_figures()
            for r in results
        ],
    }
    print_table(results)
    print(f"load average {payload['load_average']}, CPU probe ms {payload['cpu_probe_ms']}")
    for q in slow:
        print(f"\nslow query in {q.scenario} ({q.ms:.0f} ms):\n{q.sql}\n{q.plan}")
    path = write_results(args.scale, payload, slow, args.tag)
    print(f"\nwrote {path.relative_to(ROOT)}")
    return payload


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=["national", "county", "small"], default="county")
    parser.add_argument(
        "--database-url", default=os.environ.get("BENCH_DATABASE_URL", generate.DEFAULT_URL)
    )
    parser.add_argument("--fresh", action="store_true", help="regenerate the data first")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--warmups", type=int, default=3)
    parser.add_argument("--slow-ms", type=float, default=50.0)
    parser.add_argument(
        "--only", nargs="*", default=[], help="run only the scenarios whose names begin so"
    )
    parser.add_argument(
        "--floors",
        action="store_true",
        help="time each page beside its database floor and the framework floor (floors.py)",
    )
    parser.add_argument(
        "--tag", default="", help="added to the result file's name: <scale>-<date>-<tag>.json"
    )
    return parser.parse_args(argv)


if __name__ == "__main__":
    run(parse_args())
