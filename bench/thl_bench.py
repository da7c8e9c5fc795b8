"""Times THL's half-year processing-time count (monia/reporting/thl.py) on national volumes.

    .venv/bin/python bench/thl_bench.py [--per-year 230000] [--runs 5] [--seed 14]

Pure Python, no database: makes synthetic ``Notification`` records in memory for the
report's period (1.4–30.9.2024) and the 12 months before it (a matter that came pending then
may be open, joined or completed in the period), 230,000 a year over the 21 counties of
``bench/data.py``, then times ``processing_times`` for the national half-year and for the
largest county (median of ``--runs`` runs after one warm-up). The database-backed report
(the selector that builds the records) is timed separately. Writes
``bench/results/thl-<date>.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.data import COUNTIES  # noqa: E402
from monia.deadlines import HELSINKI, add_working_days, helsinki_date  # noqa: E402
from monia.reporting.thl import Notification, processing_times  # noqa: E402

PERIOD = (date(2024, 4, 1), date(2024, 9, 30))
HISTORY_FROM = date(2023, 4, 1)  # 12 months before the period
NOTIFICATIONS_PER_CHILD = 2.0  # THL: ~230,000 notifications on ~115,000 children a year
P_FAMILY_NOTIFICATION = 0.35  # a notification about every child of a family (siblings)
FAMILY_SIZES = ((1, 55), (2, 30), (3, 12), (4, 3))
P_CLIENT = 0.15  # notifications about current clients: no new matter
P_NO_NEED = 0.40  # "clearly no need" decisions
P_NEVER_COMPLETED = 0.04
# Working days from arrival to decision, 0..10 (8 and over late), as in bench/simulate.py.
DECISION_LAG_WEIGHTS = (5, 15, 15, 15, 12, 10, 9, 11, 4, 2, 2)
MUNICIPALITY_WEIGHTS = (6, 2, 1)  # the county's largest municipality takes most


def _family_pool(rng: random.Random, children: int) -> list[tuple[str, str, tuple[str, ...]]]:
    """(county, municipality, children) of the families, spread by population."""
    weights = [c.population_k for c in COUNTIES]
    families = []
    made = 0
    while made < children:
        county = rng.choices(COUNTIES, weights)[0]
        municipality = rng.choices(
            county.municipalities, MUNICIPALITY_WEIGHTS[: len(county.municipalities)]
        )[0]
        size = rng.choices([s for s, _ in FAMILY_SIZES], [w for _, w in FAMILY_SIZES])[0]
        kids = tuple(f"{county.code}-{made + i}" for i in range(size))
        families.append((county.code, municipality, kids))
        made += size
    return families


def _record(
    rng: random.Random, child: str, municipality: str, received_at: datetime, client: bool
) -> Notification:
    arrived = helsinki_date(received_at)
    lag = rng.choices(range(len(DECISION_LAG_WEIGHTS)), DECISION_LAG_WEIGHTS)[0]
    decided = add_working_days(arrived, lag) if not client else None
    started = rng.random() >= P_NO_NEED
    completed = None
    if decided is not None and started and rng.random() >= P_NEVER_COMPLETED:
        completed = decided + timedelta(days=rng.randint(15, 95))
    return Notification(
        child=child,
        municipality=municipality,
        received_at=received_at,
        existing_client=client,
        decided_on=decided,
        assessment_started=started,
        completed_on=completed,
        team=f"{municipality} {rng.randint(1, 3)}",
    )


def notifications(per_year: int, seed: int) -> Iterator[tuple[str, Notification]]:
    """(county code, record) pairs: ``per_year`` a year from HISTORY_FROM to the period's end."""
    rng = random.Random(seed)
    families = _family_pool(rng, int(per_year / NOTIFICATIONS_PER_CHILD))
    days = (PERIOD[1] - HISTORY_FROM).days + 1
    total = int(per_year * days / 365)
    made = 0
    while made < total:
        county, municipality, kids = rng.choice(families)
        if len(kids) > 1 and rng.random() >= P_FAMILY_NOTIFICATION:
            kids = (rng.choice(kids),)
        day = HISTORY_FROM + timedelta(days=rng.randrange(days))
        seconds = rng.randrange(86_400)
        received = (
            datetime(day.year, day.month, day.day, tzinfo=HELSINKI) + timedelta(seconds=seconds)
        ).astimezone(UTC)  # as the database gives them
        client = rng.random() < P_CLIENT
        for child in kids:
            yield county, _record(rng, child, municipality, received, client)
        made += len(kids)


def _timed(call: Any, runs: int) -> list[float]:
    call()  # warm-up: fills the calendar's caches
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return times


def cpu_probe() -> float:
    """Milliseconds for bench/run.py's fixed loop (median of 5): how fast the machine is now."""

    def loop() -> None:
        total = 0
        for i in range(1_000_000):
            total += i * i

    times = []
    for _ in range(5):
        started = time.perf_counter()
        loop()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 1)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-year", type=int, default=230_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    pairs = list(notifications(args.per_year, args.seed))
    generated_s = time.perf_counter() - started
    everything = [n for _, n in pairs]
    county = COUNTIES[0].code
    one_county = [n for code, n in pairs if code == county]
    start, end = PERIOD

    result: dict[str, Any] = {
        "when": datetime.now(tz=HELSINKI).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "cpu_probe_ms": cpu_probe(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "period": [start.isoformat(), end.isoformat()],
        "generated_s": round(generated_s, 2),
    }
    for name, records in (("national", everything), (county, one_county)):
        times = _timed(lambda r=records: processing_times(r, start=start, end=end), args.runs)
        r = processing_times(records, start=start, end=end)
        result[name] = {
            "records": len(records),
            "in_period": sum(start <= helsinki_date(n.received_at) <= end for n in records),
            "median_s": round(statistics.median(times), 3),
            "max_s": round(max(times), 3),
            "runs": args.runs,
            "seven_day": [r.seven_day.matters, r.seven_day.on_time, r.seven_day.late],
            "three_month": [r.three_month.matters, r.three_month.on_time, r.three_month.late],
            "open_overdue": r.open_overdue.count,
            "no_need": r.no_need.matters,
            "joined": r.joined.count,
            "client_notifications": r.client_notifications.count,
        }
    print(json.dumps(result, indent=2, ensure_ascii=False))
    out = ROOT / "bench" / "results" / f"thl-{datetime.now(tz=HELSINKI).date().isoformat()}.json"
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return result


if __name__ == "__main__":
    main()
