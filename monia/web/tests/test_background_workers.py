"""`make run` and `make serve` start the ordinary worker on the default queue only, the
owner's worker on the owner queue with the owner's database URL, and the scheduler."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from monia.jobs.workers import helpers
from monia.web.management.commands.rundemo import background_helpers

REPO = Path(__file__).resolve().parents[3]
RUNTIME_URL = "postgres://monia_app@db/monia"
OWNER_URL = "postgres://monia_owner@db/monia"
WORKER = ["db_worker", "--no-reload", "--verbosity", "0", "--queue-name"]


def test_the_demos_worker_names_only_the_default_queue_and_the_owners_the_owner_queue(
    settings: Any, monkeypatch: Any
) -> None:
    settings.MONIA_TASKS_BACKEND = "database"
    monkeypatch.delenv("MONIA_OWNER_DATABASE_URL", raising=False)
    worker, owner, scheduler = background_helpers()
    assert worker.argv[2:] == [*WORKER, "default"]
    assert owner.argv[2:] == [*WORKER, "owner"]
    assert worker.argv[:2] == [sys.executable, str(REPO / "manage.py")]
    assert scheduler.argv[2:] == ["run_scheduler", "--verbosity", "0"]
    # The embedded server's user is the owner: every helper keeps the server's environment.
    assert worker.env is owner.env is scheduler.env is None


def test_the_owners_worker_takes_the_owner_url_when_one_is_set() -> None:
    environ = {"DATABASE_URL": RUNTIME_URL, "MONIA_OWNER_DATABASE_URL": OWNER_URL, "X": "1"}
    worker, owner, scheduler = helpers(python="py", manage="manage.py", environ=environ)
    assert owner.env == {**environ, "DATABASE_URL": OWNER_URL}
    assert worker.env is None and scheduler.env is None  # the runtime role's DATABASE_URL


def test_without_a_database_queue_the_demo_starts_no_worker(settings: Any) -> None:
    settings.MONIA_TASKS_BACKEND = "immediate"
    assert background_helpers() == []


def _serve(tmp_path: Path, **environ: str) -> list[str]:
    """scripts/serve.sh with stand-ins for python and gunicorn that write down each command
    line and the DATABASE_URL it got; the lines, once gunicorn has seen every line before it."""
    bin_dir, log = tmp_path / "bin", tmp_path / "commands.log"
    bin_dir.mkdir()
    record = f'echo "$DATABASE_URL $(basename "$0") $*" >> {log}\n'
    (bin_dir / "python").write_text(f"#!/bin/sh\n{record}")
    # Gunicorn's stand-in waits for every line before it: the steps (migrate, the grants when
    # there are two roles, translations, static files) and the three helpers started in the
    # background. Waiting for fewer let the script end, and kill the last helper, before it
    # had written its line (seen once on a loaded machine). Up to 60 s.
    before = 7 if "MONIA_OWNER_DATABASE_URL" in environ else 6
    wait = f"for i in $(seq 600); do [ $(wc -l < {log}) -ge {before} ] && break; sleep 0.1; done\n"
    (bin_dir / "gunicorn").write_text(f"#!/bin/sh\n{wait}{record}")
    for stand_in in bin_dir.iterdir():
        stand_in.chmod(0o755)
    env = {"PATH": os.environ["PATH"], "MONIA_SERVE_BIN": str(bin_dir), **environ}
    subprocess.run(  # noqa: S603 - the repository's own script
        ["/bin/bash", str(REPO / "scripts" / "serve.sh")], env=env, check=True, timeout=120
    )
    return sorted(log.read_text().splitlines())


def test_serve_starts_the_default_worker_as_the_runtime_role_and_the_owner_worker_as_owner(
    tmp_path: Path,
) -> None:
    lines = _serve(tmp_path, DATABASE_URL=RUNTIME_URL, MONIA_OWNER_DATABASE_URL=OWNER_URL)
    quiet = "--no-reload --verbosity 0"
    assert f"{RUNTIME_URL} python manage.py db_worker {quiet} --queue-name default" in lines
    assert f"{OWNER_URL} python manage.py db_worker {quiet} --queue-name owner" in lines
    assert f"{OWNER_URL} python manage.py migrate --noinput" in lines
    # The runtime role's grants follow the migrate, applied by the owner.
    grants = f"{OWNER_URL} python manage.py runtime_role_sql --apply --role-of {RUNTIME_URL}"
    assert grants in lines
    assert f"{RUNTIME_URL} python manage.py run_scheduler --verbosity 0" in lines
    assert f"{RUNTIME_URL} gunicorn --config gunicorn.conf.py" in lines
    assert len(lines) == 8 and sum("db_worker" in line for line in lines) == 2


def test_serve_without_an_owner_url_runs_everything_on_database_url(tmp_path: Path) -> None:
    lines = _serve(tmp_path, DATABASE_URL=OWNER_URL)
    assert all(line.startswith(f"{OWNER_URL} ") for line in lines)
    assert not any("runtime_role_sql" in line for line in lines)  # one role: no grants
    assert any(
        line.endswith("db_worker --no-reload --verbosity 0 --queue-name owner") for line in lines
    )
