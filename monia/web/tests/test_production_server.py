"""The production server, started as `make serve` starts it (gunicorn with its config and
several worker processes, static files collected and served by WhiteNoise), answers a
smoke test over real HTTP: the login page with its stylesheet, a login, the dashboard."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from monia.conftest import PASSWORD, CaseWorld

ROOT = Path(__file__).resolve().parents[3]
BIN = Path(sys.executable).parent
pytestmark = pytest.mark.django_db(transaction=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(url: str, server: subprocess.Popen[bytes]) -> None:
    for _ in range(120):
        assert server.poll() is None, server.stdout.read().decode() if server.stdout else ""
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - our own local server
            return
        except OSError:
            time.sleep(0.25)
    raise AssertionError("gunicorn did not answer")


def _database_url() -> str:
    db = connection.settings_dict
    user = urllib.parse.quote(db["USER"] or "postgres")
    return f"postgres://{user}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def test_gunicorn_serves_the_login_its_stylesheet_and_the_dashboard(
    case_a: CaseWorld, worker_a: Any, tmp_path: Path, settings: Any
) -> None:
    password_as_the_server_checks_it(worker_a, settings)
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "MONIA_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
        "MONIA_STATIC_ROOT": str(tmp_path / "static"),
        "MONIA_ALLOW_DEV_KEY": "true",
        "SESSION_COOKIE_SECURE": "false",
        "DEBUG": "false",
    }
    subprocess.run(  # noqa: S603 - our own manage.py
        [str(BIN / "python"), "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    server = subprocess.Popen(  # noqa: S603 - the venv's gunicorn with the repository's config
        [str(BIN / "gunicorn"), "--config", "gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base + "/login/", server)
        dashboard = log_in_over_http(base)
        assert case_a.case.child.first_names.split()[0] in dashboard
    finally:
        server.terminate()
        server.wait(timeout=30)


def log_in_over_http(base: str) -> str:
    """Over real HTTP: the login page's stylesheet loads, worker_a logs in and lands on her
    dashboard; its HTML."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    login = opener.open(base + "/login/").read().decode()
    css = re.search(r'href="(/static/[^"]+\.css)"', login)
    assert css is not None
    sheet = opener.open(base + css[1])
    assert sheet.status == 200 and b"{" in sheet.read()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login)
    assert token is not None
    form = {"csrfmiddlewaretoken": token[1], "username": "worker_a", "password": PASSWORD}
    request = urllib.request.Request(  # noqa: S310 - our own local server
        base + "/login/",
        data=urllib.parse.urlencode(form).encode(),
        headers={"Referer": base + "/login/"},
    )
    dashboard = opener.open(request)
    assert dashboard.status == 200 and dashboard.geturl() == base + "/"
    return str(dashboard.read().decode())


def password_as_the_server_checks_it(user: Any, settings: Any) -> None:
    """The tests hash passwords fast (MD5); a server started apart checks them with the
    installation's own hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    user.set_password(PASSWORD)
    user.save(update_fields=["password"])
