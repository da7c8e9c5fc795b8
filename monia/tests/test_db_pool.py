"""MONIA_DB_POOL: off by default; true or MIN,MAX gives Django's psycopg pool (CONN_MAX_AGE 0),
a bad value or a persistent CONN_MAX_AGE beside it stops the start; a server started with
the pool serves a logged-in page on a pooled connection and gives it back afterwards.
MONIA_DB_PGBOUNCER turns server-side cursors off for PgBouncer's transaction mode."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.parse
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from monia.conftest import CaseWorld
from monia.db_pool import pool_sizes, pooled

ROOT = Path(__file__).resolve().parents[2]
DB = {"NAME": "monia", "CONN_MAX_AGE": 60, "OPTIONS": {"sslmode": "prefer"}}


@pytest.mark.parametrize("raw", ["", "false", "off", "0"])
def test_pool_is_off_unless_asked(raw: str) -> None:
    assert pool_sizes(raw) is None
    assert pooled(DB, {"MONIA_DB_POOL": raw}) is DB


def test_true_gives_a_small_pool_and_min_max_names_its_size() -> None:
    assert pool_sizes("true") == (1, 4)
    assert pool_sizes(" 2, 8 ") == (2, 8)


@pytest.mark.parametrize("raw", ["maybe", "4", "5,2", "0,0", "1,101", "-1,3", "1,2,3"])
def test_a_bad_pool_value_stops_the_start(raw: str) -> None:
    with pytest.raises(ImproperlyConfigured, match="MONIA_DB_POOL"):
        pool_sizes(raw)


def test_pooled_settings_turn_persistent_connections_off_and_keep_other_options() -> None:
    database = pooled(DB, {"MONIA_DB_POOL": "2,6"})
    assert database["CONN_MAX_AGE"] == 0
    assert database["OPTIONS"] == {"sslmode": "prefer", "pool": {"min_size": 2, "max_size": 6}}
    assert DB["CONN_MAX_AGE"] == 60  # the parsed entry itself is left as it was


def test_a_persistent_conn_max_age_beside_the_pool_is_refused() -> None:
    with pytest.raises(ImproperlyConfigured, match="CONN_MAX_AGE=0"):
        pooled(DB, {"MONIA_DB_POOL": "true", "CONN_MAX_AGE": "60"})
    assert pooled(DB, {"MONIA_DB_POOL": "true", "CONN_MAX_AGE": "0"})["CONN_MAX_AGE"] == 0


def test_behind_pgbouncer_server_side_cursors_are_off() -> None:
    assert pooled(DB, {"MONIA_DB_PGBOUNCER": "true"})["DISABLE_SERVER_SIDE_CURSORS"] is True
    assert "DISABLE_SERVER_SIDE_CURSORS" not in pooled(DB, {"MONIA_DB_PGBOUNCER": ""})
    with pytest.raises(ImproperlyConfigured, match="MONIA_DB_PGBOUNCER"):
        pooled(DB, {"MONIA_DB_PGBOUNCER": "transaction"})


# Runs in a fresh process, whose settings read MONIA_DB_POOL: the dashboard through the WSGI
# application (request_finished hands the connection back, as under gunicorn).
SERVE_ONE_PAGE = """
import io, json, sys
import django
django.setup()
from django.db import connection
from django.test import Client
from monia.accounts.models import User
from monia.wsgi import application

login = Client(SERVER_NAME="localhost")
login.force_login(User.objects.get(username=sys.argv[1]))
connection.close()
environ = {
    "REQUEST_METHOD": "GET", "PATH_INFO": "/", "QUERY_STRING": "", "SERVER_NAME": "localhost",
    "SERVER_PORT": "80", "HTTP_HOST": "localhost", "wsgi.url_scheme": "http",
    "wsgi.input": io.BytesIO(), "wsgi.errors": sys.stderr,
    "HTTP_COOKIE": "sessionid=" + login.cookies["sessionid"].value,
}
status = []
response = application(environ, lambda s, h, *a: status.append(s))
body = b"".join(response)
response.close()  # as a WSGI server does: request_finished, the connection goes back
stats = connection.pool.get_stats()
print(json.dumps({
    "status": status[0], "body": body.decode(), "pool": type(connection.pool).__name__,
    "conn_max_age": connection.settings_dict["CONN_MAX_AGE"],
    "min_size": connection.pool.min_size, "max_size": connection.pool.max_size,
    "requests": stats.get("requests_num", 0), "borrowed_now": connection.connection is not None,
}))
"""


@pytest.mark.django_db(transaction=True)
def test_a_page_is_served_on_a_pooled_connection(case_a: CaseWorld, worker_a: Any) -> None:
    db = connection.settings_dict
    user = urllib.parse.quote(db["USER"] or "postgres")
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{user}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/"
        + db["NAME"],
        "MONIA_DB_POOL": "1,3",
        "CONN_MAX_AGE": "0",
        "DEBUG": "false",
        "MONIA_ALLOW_DEV_KEY": "true",
        "SESSION_COOKIE_SECURE": "false",
        "DJANGO_SETTINGS_MODULE": "monia.settings",
    }
    done = subprocess.run(  # noqa: S603 - our own interpreter on our own script
        [sys.executable, "-c", SERVE_ONE_PAGE, worker_a.username],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    served = json.loads(done.stdout.strip().splitlines()[-1])
    assert served["status"].startswith("200")
    assert case_a.case.child.first_names.split()[0] in served["body"]
    assert served["pool"] == "ConnectionPool"
    assert (served["conn_max_age"], served["min_size"], served["max_size"]) == (0, 1, 3)
    assert served["requests"] >= 1  # the page borrowed its connection from the pool
    assert served["borrowed_now"] is False  # and gave it back when the request ended
