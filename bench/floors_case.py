"""Pages near their floor (issue 15): the case page, the client search and the caseload page,
each timed beside its two floors in one process.

    .venv/bin/python bench/floors_case.py [--scale national|county|small] [--database-url URL]
                                          [--runs 30] [--warmups 3] [--only case_ search_ …]

- page: the whole request through ``django.test.Client`` (middleware, view, template, log);
- database floor: the page's own SQL, captured with ``CaptureQueriesContext`` and replayed
  raw on the same connection (psycopg cursor, no ORM), its BEGIN and COMMIT included;
- framework floor: an empty logged-in view through the same middleware;
- CPU: the process's own CPU time per request (``time.process_time``), which other work on a
  shared machine disturbs far less than the elapsed time.

Runs are interleaved (page, its database floor, the framework floor), so a noisy minute on
the shared machine slows all three alike. Access-log rows the pages write are deleted
afterwards (``run.forget_runs``). Kept apart from ``bench/run.py``, which gets its own floors.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import generate, run  # noqa: E402


@dataclass(frozen=True)
class Figures:
    name: str
    median_ms: float
    p95_ms: float
    queries: int
    db_floor_ms: float
    framework_floor_ms: float
    cpu_ms: float  # the process's own CPU time per request (median): less noisy than time

    @property
    def ratio(self) -> float:
        return self.median_ms / self.db_floor_ms if self.db_floor_ms else 0.0


def _ms(call: Callable[[], Any]) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def captured_sql(get: Callable[[], Any]) -> list[str]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        get()
    return [q["sql"] for q in captured.captured_queries]


def replay(statements: list[str]) -> None:
    """The page's SQL sent raw, with nothing of Django between: its own BEGIN and COMMIT
    too, so the access log's rows are written and committed as the page commits them (they
    are deleted with the page's at the end)."""
    from django.db import connection

    connection.ensure_connection()
    raw = connection.connection
    assert raw.autocommit, "the page's own BEGIN and COMMIT are replayed"
    with raw.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql.encode())  # bytes: psycopg leaves a literal % alone
            if cursor.description is not None:
                cursor.fetchall()


def floor_view(request: Any) -> Any:
    """The framework floor: logged in, through every middleware, does nothing."""
    from django.http import HttpResponse

    from monia.access import policy

    policy.user_of(request)
    return HttpResponse("")


def floor_urls() -> ModuleType:
    """Monia's URL map with the empty page added. Installed once for the whole run (see
    ``main``): changing ROOT_URLCONF clears the URL resolver's caches, and a page requested
    after each change paid for building them again (12 ms of CPU on every page, a cost
    production pays once per process)."""
    from django.contrib.auth.decorators import login_required
    from django.urls import include, path

    urls = ModuleType("bench_floor_urls")  # a module: the URL resolver's cache hashes it
    urls.urlpatterns = [  # type: ignore[attr-defined]
        path("bench-floor/", login_required(floor_view)),
        path("", include("monia.urls")),
    ]
    return urls


def framework_floor(client: Any) -> Callable[[], Any]:
    def get() -> Any:
        response = client.get("/bench-floor/")
        assert response.status_code == 200, response.status_code
        return response

    return get


def measure(
    name: str, get: Callable[[], Any], floor: Callable[[], Any], *, runs: int, warmups: int
) -> Figures:
    for _ in range(warmups):
        get()
    statements = captured_sql(get)
    replay(statements)
    page, db, fw, cpu = [], [], [], []
    for _ in range(runs):
        started = time.process_time()
        page.append(_ms(get))
        cpu.append((time.process_time() - started) * 1000)
        db.append(_ms(lambda: replay(statements)))
        fw.append(_ms(floor))
    return Figures(
        name=name,
        median_ms=round(statistics.median(page), 1),
        p95_ms=round(statistics.quantiles(page, n=20, method="inclusive")[-1], 1),
        queries=len(statements),
        db_floor_ms=round(statistics.median(db), 1),
        framework_floor_ms=round(statistics.median(fw), 1),
        cpu_ms=round(statistics.median(cpu), 1),
    )


def caseload_subjects() -> Any:
    """The caseload page's readers when the small scale has no subjects for the other pages:
    a social worker of a team (her team's caseloads) and the senior official (the county's)
    in the county with the most open cases."""
    import datetime

    from django.db.models import Count, Q
    from django.utils import timezone

    from bench import scenarios
    from monia.accounts.models import QUALIFIED_SOCIAL_WORK_ROLES, User
    from monia.casework.models import CaseStage
    from monia.teams.models import County

    county = (
        County.objects.annotate(n=Count("cases", filter=~Q(cases__stage=CaseStage.CLOSED)))
        .order_by("-n", "pk")
        .first()
    )
    workers = User.objects.filter(
        county=county, role__in=QUALIFIED_SOCIAL_WORK_ROLES, team__isnull=False
    )
    return SimpleNamespace(
        worker=workers.order_by("pk").first(),
        senior=User.objects.filter(county=county, role="senior_official").first(),
        caseload_on=timezone.localdate() - datetime.timedelta(days=scenarios.CASELOAD_DAYS_AGO),
    )


def logged_in(user: Any) -> Any:
    """A client logged in as ``user`` whose session passed the second factor (a senior
    official's role requires one; without it every page redirects)."""
    from bench import scenarios
    from monia.accounts import second_factor

    client = scenarios.logged_in(user)
    session = client.session
    session[second_factor.SESSION_KEY] = "otp"
    session.save()
    return client


def pages(s: Any) -> list[tuple[str, Callable[[], Any], Any]]:
    """(name, the page's GET, the client it runs as)."""
    from urllib.parse import urlencode

    from bench import scenarios

    clients = {"worker": logged_in(s.worker), "senior": logged_in(s.senior)}
    out = []
    if hasattr(s, "heavy_case"):
        case_client = logged_in(s.case_worker)
        case_page = scenarios.page(case_client, f"/cases/{s.heavy_case.pk}/")
        out.append(("case_page", case_page, case_client))
        # Every intake (the "show all" link): what the page cost before it showed the newest.
        every = scenarios.page(case_client, f"/cases/{s.heavy_case.pk}/?intakes=all")
        out.append(("case_page_all_intakes", every, case_client))
        for key, q, who in s.searches():
            get = scenarios.page(clients[who], "/search/?" + urlencode({"q": q}))
            out.append((f"search_{key}", get, clients[who]))
    on = s.caseload_on.isoformat()
    for who in ("worker", "senior"):
        get = scenarios.page(clients[who], f"/caseload/?on={on}")
        out.append((f"caseload_page_{who}", get, clients[who]))
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=["national", "county", "small"], default="national")
    parser.add_argument(
        "--database-url", default=os.environ.get("BENCH_DATABASE_URL", generate.DEFAULT_URL)
    )
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--warmups", type=int, default=3)
    parser.add_argument("--only", nargs="*", default=[])
    parser.add_argument(
        "--tag",
        default="",
        help="added to the result file's name: floors-case-<scale>-<date>-<tag>",
    )
    args = parser.parse_args(argv)
    generate.generate(args.database_url, scale=args.scale)
    generate.configure(args.database_url)
    from bench import scenarios
    from monia.access.models import AccessLog

    last_log = AccessLog.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    load = os.getloadavg()
    try:
        s = scenarios.choose_subjects()
    except AssertionError:  # the small scale: too few cases for the case page's subjects
        s = caseload_subjects()
    results = []
    from django.test import override_settings

    try:
        with override_settings(ROOT_URLCONF=floor_urls()):  # once: see floor_urls
            for name, get, client in pages(s):
                if args.only and not name.startswith(tuple(args.only)):
                    continue
                floor = framework_floor(client)
                results.append(measure(name, get, floor, runs=args.runs, warmups=args.warmups))
                print(f"  {name} done", flush=True)
    finally:
        run.forget_runs(last_log)
    header = (
        f"{'page':<34} {'median':>7} {'p95':>7} {'queries':>7} {'DB floor':>9} "
        f"{'fw floor':>9} {'ratio':>6} {'CPU':>6}"
    )
    after = os.getloadavg()
    print(f"\n{args.scale} scale; load average before {load}, after {after}")
    print(header)
    print("-" * len(header))
    for r in results:
        print(
            f"{r.name:<34} {r.median_ms:>7.1f} {r.p95_ms:>7.1f} {r.queries:>7} "
            f"{r.db_floor_ms:>9.1f} {r.framework_floor_ms:>9.1f} {r.ratio:>5.1f}× {r.cpu_ms:>6.1f}"
        )
    write(args, results, load_before=load[0], load_after=after[0])


def write(args: argparse.Namespace, results: list[Figures], **load: float) -> None:
    """bench/results/floors-case-<scale>-<date>[-<tag>].json, beside run.py's results."""
    import json
    from dataclasses import asdict

    from django.utils import timezone

    date = timezone.localdate().isoformat()
    stem = f"floors-case-{args.scale}-{date}" + (f"-{args.tag}" if args.tag else "")
    payload = {
        "scale": args.scale,
        "date": date,
        "runs": args.runs,
        "load_average": {k: round(v, 2) for k, v in load.items()},
        "cpu_probe_ms": run.cpu_probe(),
        "results": [asdict(r) | {"ratio": round(r.ratio, 2)} for r in results],
    }
    run.RESULTS.mkdir(exist_ok=True)
    path = run.RESULTS / f"{stem}.json"
    path.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
