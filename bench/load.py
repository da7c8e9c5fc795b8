"""Load test through the production server: many staff users at once on the busy pages.

    createdb -h 127.0.0.1 -U postgres -T monia_bench monia_bench_load    # a copy, once
    .venv/bin/python bench/load.py [--database-url URL] [--users 50] [--minutes 5]
        [--think 2-8] [--ramp 30] [--workers 5] [--threads 1] [--pool true|off|MIN,MAX]
        [--tag nopool]

Starts gunicorn with the repository's gunicorn.conf.py (as `make serve` does: DEBUG off,
static files collected, ``--workers`` processes, ``MONIA_DB_POOL=--pool``) against a copy of
the national bench data, then runs ``--users`` simulated workers for ``--minutes``. Each is a
distinct designated social worker of the generated data who logs in through the real login
form and then, over and over, opens her dashboard, a case from its lists, that case's
chronology, the team's caseboard and a search for a child of her list by surname, reading
each page for ``--think`` seconds (uniformly at random). Users start spread over ``--ramp``
seconds. A request is an error when its answer is not 2xx/3xx, or lacks its page's marker
(bench/load_plan.py), or does not come. Writes bench/results/load-<date>[-tag].json.

How the users log in: the generator gives its staff unusable passwords, so this script
first sets one known password (``BENCH_PASSWORD``) on the chosen workers in the copy.
Designated social workers need no second factor (MONIA_MFA_REQUIRED_ROLES names
administrators and senior officials) and the bench gives no one a device, so the real
login form (username and password, CSRF, django-axes, PBKDF2) is all there is.

It writes (the access log, the passwords, sessions): never point it at monia_bench itself.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402
import requests  # noqa: E402

from bench import generate  # noqa: E402
from bench import load_plan as plan  # noqa: E402

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/monia_bench_load"
BENCH_PASSWORD = "bench-load-test-password-15"  # noqa: S105 - synthetic bench users only
RESULTS = ROOT / "bench" / "results"
BIN = Path(sys.executable).parent
TIMEOUT = (10, 90)  # seconds to connect, to answer


def choose_workers(n: int, *, seed: int) -> list[dict[str, Any]]:
    """``n`` distinct designated social workers with open cases, drawn at random (seeded),
    given ``BENCH_PASSWORD``. Call after ``generate.configure``."""
    from django.contrib.auth.hashers import make_password
    from django.db.models import Count, Q

    from monia.accounts.models import User
    from monia.casework.models import CaseStage

    open_cases = Count("designated_cases", filter=Q(designated_cases__stage=CaseStage.CLIENT))
    pool = list(
        User.objects.filter(role="designated_social_worker", team__isnull=False, is_active=True)
        .annotate(n=open_cases)
        .filter(n__gt=0)
        .order_by("pk")
        .values("pk", "username", "n", "county_id", "team_id")
    )
    if len(pool) < n:
        raise SystemExit(f"only {len(pool)} designated workers with open cases, asked for {n}")
    chosen = random.Random(seed).sample(pool, n)
    User.objects.filter(pk__in=[w["pk"] for w in chosen]).update(
        password=make_password(BENCH_PASSWORD)
    )
    return chosen


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def server_environment(url: str, *, port: int, args: argparse.Namespace, static: str) -> dict:
    pooled = args.pool.strip().lower() not in {"", "0", "false", "no", "off"}
    return {
        **os.environ,
        **generate.bench_environment(url),
        "MONIA_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": str(args.workers),
        "MONIA_THREADS": str(args.threads),
        "MONIA_DB_POOL": args.pool if pooled else "",
        "CONN_MAX_AGE": "0" if pooled else "60",
        "MONIA_STATIC_ROOT": static,
        "CSRF_TRUSTED_ORIGINS": f"http://127.0.0.1:{port}",
        "MONIA_LOG_LEVEL": "WARNING",  # no line per request: the load test counts them
    }


def start_server(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """collectstatic and the translations as `make serve` prepares them, then gunicorn."""
    for command in (["collectstatic", "--noinput", "--verbosity", "0"], ["compile_translations"]):
        subprocess.run(  # noqa: S603 - our own manage.py
            [str(BIN / "python"), "manage.py", *command], cwd=ROOT, env=env, check=True
        )
    return subprocess.Popen(  # noqa: S603 - the venv's gunicorn with the repository's config
        [str(BIN / "gunicorn"), "--config", "gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )


def wait_ready(base: str, server: subprocess.Popen[bytes]) -> None:
    for _ in range(240):
        if server.poll() is not None:
            raise SystemExit("gunicorn stopped; see its log")
        try:
            if requests.get(base + "/readyz", timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise SystemExit("gunicorn did not answer /readyz")


class Machine(threading.Thread):
    """Samples the load average, the CPU in use and the CPU seconds spent by gunicorn's
    processes and the copy's PostgreSQL backends, every ``every`` seconds."""

    def __init__(self, server_pid: int, database: str, every: float = 5.0) -> None:
        super().__init__(daemon=True)
        self.server, self.database, self.every = psutil.Process(server_pid), database, every
        self.samples: list[dict[str, float]] = []
        self.cpu: dict[str, dict[int, float]] = {"gunicorn": {}, "postgres": {}}
        self.stopping = threading.Event()

    def _cpu_seconds(self) -> None:
        def spent(p: psutil.Process) -> float:
            t = p.cpu_times()
            return float(t.user + t.system)

        for p in [self.server, *self.server.children(recursive=True)]:
            try:
                self.cpu["gunicorn"][p.pid] = spent(p)
            except psutil.Error:
                pass
        for p in psutil.process_iter(["cmdline"]):
            line = " ".join(p.info["cmdline"] or [])
            if line.startswith("postgres:") and f" {self.database} " in line:
                try:
                    self.cpu["postgres"][p.pid] = spent(p)
                except psutil.Error:
                    pass

    def mark(self) -> dict[str, float]:
        """CPU seconds spent so far: the steady state is measured from here."""
        self._cpu_seconds()
        return {key: sum(spent.values()) for key, spent in self.cpu.items()}

    def run(self) -> None:
        psutil.cpu_percent(None)
        while not self.stopping.wait(self.every):
            self._cpu_seconds()
            load1, _load5, _load15 = os.getloadavg()
            self.samples.append({"load1": load1, "cpu_percent": psutil.cpu_percent(None)})

    def stop(self) -> dict[str, Any]:
        self.stopping.set()
        self.join()
        self._cpu_seconds()
        loads = [s["load1"] for s in self.samples] or [os.getloadavg()[0]]
        busy = [s["cpu_percent"] for s in self.samples] or [0.0]
        return {
            "cores": psutil.cpu_count(),
            "load1_mean": round(sum(loads) / len(loads), 2),
            "load1_max": round(max(loads), 2),
            "cpu_busy_percent_mean": round(sum(busy) / len(busy), 1),
            "cpu_busy_percent_max": round(max(busy), 1),
            "gunicorn_cpu_seconds": round(sum(self.cpu["gunicorn"].values()), 1),
            "postgres_cpu_seconds": round(sum(self.cpu["postgres"].values()), 1),
            "samples": self.samples,
        }


class SimulatedWorker(threading.Thread):
    """One worker: logs in, then dashboard → case → chronology → caseboard → search, with
    think time between pages, until the deadline."""

    def __init__(
        self, *, base: str, username: str, start: float, delay: float, deadline: float,
        think: tuple[float, float], seed: int, out: list[plan.Sample], lock: threading.Lock,
    ) -> None:  # fmt: skip
        super().__init__(daemon=True)
        self.base, self.username, self.start_at, self.deadline = base, username, start, deadline
        self.delay, self.think, self.rng = delay, think, random.Random(seed)
        self.out, self.lock = out, lock
        self.http = requests.Session()

    def _request(self, page: str, path: str, data: dict[str, str] | None = None) -> str:
        began = time.monotonic()
        status, body, error = 0, "", ""
        try:
            if data is None:
                answer = self.http.get(self.base + path, timeout=TIMEOUT)
            else:
                headers = {"Referer": self.base + path}
                answer = self.http.post(self.base + path, data, headers=headers, timeout=TIMEOUT)
            status, body = answer.status_code, answer.text
            error = plan.judge(page, status, body)
        except requests.RequestException as exc:
            error = f"{type(exc).__name__}: {str(exc)[:160]}"
        sample = plan.Sample(page, began - self.start_at, time.monotonic() - began, status, error)
        with self.lock:
            self.out.append(sample)
        return "" if error else body

    def _read(self) -> bool:
        """Think; False when the run is over."""
        pause = self.rng.uniform(*self.think)
        time.sleep(max(0.0, min(pause, self.deadline - time.monotonic())))
        return time.monotonic() < self.deadline

    def run(self) -> None:
        time.sleep(self.delay)
        form = self.http.get(self.base + "/login/", timeout=TIMEOUT).text
        token = plan.CSRF_TOKEN.search(form)
        fields = {"username": self.username, "password": BENCH_PASSWORD}
        body = self._request(
            "login", "/login/", {"csrfmiddlewaretoken": token[1] if token else "", **fields}
        )
        if not body:
            return  # counted as a login error; the user cannot go on
        while self._read():
            body = self._request("dashboard", "/")
            for page, path in plan.visit(self.rng, plan.cases_listed(body)):
                if not self._read():
                    return
                self._request(page, path)


def run(args: argparse.Namespace) -> dict[str, Any]:
    url = args.database_url
    if generate._db_name(url) == "monia_bench":
        raise SystemExit("the load test writes: run it on a copy (createdb -T monia_bench …)")
    meta = generate.read_meta(url)
    generate.configure(url)
    workers = choose_workers(args.users, seed=args.seed)
    from django.db import connections

    connections.close_all()
    think = plan.parse_think(args.think)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    tmp = Path(tempfile.mkdtemp(prefix="monia-load-"))
    env = server_environment(url, port=port, args=args, static=str(tmp / "static"))
    server = start_server(env, tmp / "gunicorn.log")
    try:
        wait_ready(base, server)
        time.sleep(5)  # every worker process has booted, not only the one that answered
        machine = Machine(server.pid, generate._db_name(url))
        load_before = os.getloadavg()
        machine.start()
        samples: list[plan.Sample] = []
        lock = threading.Lock()
        start = time.monotonic()
        deadline = start + args.minutes * 60
        users = [
            SimulatedWorker(
                base=base, username=w["username"], start=start,
                delay=i * args.ramp / max(1, args.users), deadline=deadline,
                think=think, seed=args.seed * 1000 + i, out=samples, lock=lock,
            )
            for i, w in enumerate(workers)
        ]  # fmt: skip
        for u in users:
            u.start()
        steady_at, steady_cpu = _after_logins(samples, lock, machine, users=len(users), start=start)
        for u in users:
            u.join(timeout=max(1.0, deadline - time.monotonic()) + TIMEOUT[1] + 10)
        seconds = time.monotonic() - start
        load = machine.stop()
    finally:
        server.terminate()
        server.wait(timeout=60)
    log_errors = [
        line for line in (tmp / "gunicorn.log").read_text(errors="replace").splitlines()
        if '"levelname": "ERROR"' in line or "[CRITICAL]" in line or "Traceback" in line
    ]  # fmt: skip
    pages = plan.summarise(samples, seconds=seconds)
    steady = plan.summarise(
        [s for s in samples if s.started >= steady_at], seconds=seconds - steady_at
    )
    load["load1_before"] = round(load_before[0], 2)
    server_cpu = (
        load["gunicorn_cpu_seconds"] + load["postgres_cpu_seconds"] - sum(steady_cpu.values())
    )
    load["steady_server_cpu_ms_per_request"] = round(
        1000 * server_cpu / max(1, steady["all"]["requests"]), 1
    )
    return {
        "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "command": "bench/load.py " + " ".join(sys.argv[1:]),
        "commit": _commit(),
        "config": {
            "users": args.users,
            "minutes": args.minutes,
            "think_seconds": list(think),
            "ramp_seconds": args.ramp,
            "gunicorn_workers": args.workers,
            "threads": args.threads,
            "pool": env["MONIA_DB_POOL"] or "off",
            "conn_max_age": int(env["CONN_MAX_AGE"]),
        },
        "dataset": {"scale": meta.get("scale"), "rows": meta.get("total_rows")} if meta else {},
        "workers": {
            "distinct": len({w["pk"] for w in workers}),
            "counties": len({w["county_id"] for w in workers}),
            "teams": len({w["team_id"] for w in workers}),
            "open_cases_min": min(w["n"] for w in workers),
            "open_cases_max": max(w["n"] for w in workers),
        },
        "seconds": round(seconds, 1),
        "pages": pages,
        "steady_state": {"from_second": round(steady_at, 1), "pages": steady},
        "errors": sum(not s.ok for s in samples),
        "error_examples": sorted({f"{s.page}: {s.error}" for s in samples if not s.ok})[:20],
        "server_log_errors": len(log_errors),
        "server_log_error_examples": log_errors[:5],
        "machine": {**load, "python": platform.python_version()},
    }


def _after_logins(
    samples: list[plan.Sample], lock: threading.Lock, machine: Machine, *, users: int, start: float
) -> tuple[float, dict[str, float]]:
    """Waits until every user has logged in (PBKDF2 on purpose costs much CPU): the steady
    state, from which the CPU per request is measured, begins then."""
    while time.monotonic() < start + 600:
        with lock:
            if sum(s.page == "login" for s in samples) >= users:
                break
        time.sleep(0.5)
    return time.monotonic() - start, machine.mark()


def _commit() -> str:
    done = subprocess.run(  # noqa: S603 - git on our own repository
        ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.strip()


def report(result: dict[str, Any]) -> str:
    m = result["machine"]
    lines = [
        f"{'page':<12}{'requests':>9}{'errors':>7}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}"
        f"{'p99 ms':>9}{'max ms':>9}"
    ]
    for page, f in result["pages"].items():
        lines.append(
            f"{page:<12}{f['requests']:>9}{f['errors']:>7}{f['per_second']:>8}"
            f"{f['p50_ms']:>9}{f['p95_ms']:>9}{f['p99_ms']:>9}{f['max_ms']:>9}"
        )
    f = result["steady_state"]["pages"]["all"]
    lines.append(
        f"after the logins (from {result['steady_state']['from_second']} s): {f['requests']} "
        f"requests, {f['per_second']}/s, p50 {f['p50_ms']} p95 {f['p95_ms']} p99 {f['p99_ms']} ms"
    )
    lines.append(
        f"errors {result['errors']} (server log: {result['server_log_errors']}); load average "
        f"{m['load1_before']} before, {m['load1_mean']} mean, {m['load1_max']} max on "
        f"{m['cores']} cores; CPU busy {m['cpu_busy_percent_mean']} % mean; server CPU "
        f"{m['steady_server_cpu_ms_per_request']} ms per request after the logins (gunicorn "
        f"and PostgreSQL)"
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--think", default="2-8", help="seconds a page is read: MIN-MAX")
    parser.add_argument("--ramp", type=float, default=30.0, help="seconds to start all users")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--pool", default="true", help="MONIA_DB_POOL: true, off or MIN,MAX")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--tag", default="", help="suffix of the result file's name")
    args = parser.parse_args()
    result = run(args)
    print(report(result))
    RESULTS.mkdir(exist_ok=True)
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    name = f"load-{today}{'-' + args.tag if args.tag else ''}.json"
    (RESULTS / name).write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote bench/results/{name}")


if __name__ == "__main__":
    main()
