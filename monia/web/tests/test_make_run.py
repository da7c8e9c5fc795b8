"""`make run` serves the demo as a new user should meet it: DEBUG off, so a missing page is
Monia's own 404 page and not Django's debug page, yet over plain HTTP on this machine with
the development key, its stylesheet served from the apps and a login that holds.

The server is started with the environment the Makefile's ``run`` recipe gives it (read
from the Makefile, its defaults taken), on the test database, which already has a county:
``rundemo`` then loads no demo data."""

from __future__ import annotations

import os
import re
import subprocess
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from monia.web.tests.test_production_server import (
    BIN,
    ROOT,
    _database_url,
    _free_port,
    _wait,
    log_in_over_http,
    password_as_the_server_checks_it,
)

pytestmark = pytest.mark.django_db(transaction=True)

# NAME=value or NAME=$${NAME:-default} in the recipe.
ASSIGNMENT = re.compile(r"([A-Z_]+)=(?:\$\$\{[A-Z_]+:-([^}]*)\}|(\S+))")


def make_run_environment() -> dict[str, str]:
    """The variables the Makefile's ``run`` recipe sets, each at its default."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8").replace("\\\n", " ")
    recipe = re.search(r"^run:.*\n\t(.*)$", text, flags=re.MULTILINE)
    assert recipe is not None, "the Makefile has no run target"
    return {name: default or value for name, default, value in ASSIGNMENT.findall(recipe[1])}


def test_make_run_leaves_debug_off_over_plain_http_with_the_dev_key() -> None:
    env = make_run_environment()
    assert env["DEBUG"] == "false"
    assert env["MONIA_ALLOW_DEV_KEY"] == "true"  # the demo only: make serve needs SECRET_KEY
    assert env["SESSION_COOKIE_SECURE"] == "false"  # plain HTTP: no Secure cookie, no redirect
    assert env["MONIA_LOG_FORMAT"] == "plain"
    assert env["MONIA_DEMO_DATABASE"] == "true"


def test_the_demo_server_shows_monias_404_its_stylesheet_and_logs_in(
    worker_a: Any, settings: Any, tmp_path: Path
) -> None:
    password_as_the_server_checks_it(worker_a, settings)
    port = _free_port()
    env = {
        **os.environ,
        **make_run_environment(),
        "DATABASE_URL": _database_url(),
        "MONIA_TASKS_BACKEND": "immediate",  # no workers beside this server
        "MONIA_STATIC_ROOT": str(tmp_path / "static"),  # nothing collected: from the apps
    }
    env.pop("SECRET_KEY", None)
    server = subprocess.Popen(  # noqa: S603 - our own manage.py
        [str(BIN / "python"), "manage.py", "rundemo", "--addrport", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base + "/login/", server)
        _missing_page_is_monias(base + "/no-such-page/")
        _missing_page_is_monias(base + "/static/no-such-file.css")
        log_in_over_http(base)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _missing_page_is_monias(url: str) -> None:
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(url, timeout=10)  # noqa: S310 - our own local server
    assert refused.value.code == 404
    page = refused.value.read().decode()
    assert "<title>Sivua ei löytynyt – Monia</title>" in page
    assert "DEBUG = True" not in page and "technical_404" not in page
