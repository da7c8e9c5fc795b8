"""Pooled database connections: Django's psycopg 3 pool, switched on by ``MONIA_DB_POOL``.

Off (empty, ``false``): each worker process keeps one persistent connection for
``CONN_MAX_AGE`` seconds, as before. On: every process keeps a psycopg pool of
``min_size`` to ``max_size`` open connections and a request borrows one and gives it back
when it ends (docs/deployment.md, "Connection pooling"). ``true`` is ``1,4``; ``MIN,MAX``
names both. A pool needs ``CONN_MAX_AGE`` 0 (Django refuses persistent connections with a
pool): it is set here, and an explicit non-zero ``CONN_MAX_AGE`` beside the pool is an
error rather than silently ignored. ``CONN_HEALTH_CHECKS`` stays on: the pool then checks
a connection when it is lent (one empty round trip), so a restarted database costs no error.
``MONIA_DB_PGBOUNCER=true`` is for many app servers behind PgBouncer in transaction mode.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ImproperlyConfigured

DEFAULT_SIZES = (1, 4)  # a sync gunicorn worker uses one at a time; threads may use more
MAX_SIZE = 100
_ON = {"1", "true", "yes", "on"}
_OFF = {"", "0", "false", "no", "off"}


def pool_sizes(raw: str) -> tuple[int, int] | None:
    """``MONIA_DB_POOL`` read: None (off) or (min_size, max_size); a bad value raises."""
    value = raw.strip().lower()
    if value in _OFF:
        return None
    if value in _ON:
        return DEFAULT_SIZES
    parts = value.split(",")
    if len(parts) == 2 and all(p.strip().isdigit() for p in parts):
        low, high = (int(p) for p in parts)
        if 0 <= low <= high and 1 <= high <= MAX_SIZE:
            return low, high
    raise ImproperlyConfigured(
        f"MONIA_DB_POOL is true, false or MIN,MAX (0 <= MIN <= MAX, 1 <= MAX <= {MAX_SIZE}),"
        f" got {raw!r}"
    )


def behind_pgbouncer(raw: str) -> bool:
    """``MONIA_DB_PGBOUNCER``: DATABASE_URL names PgBouncer in transaction mode, where a
    cursor kept open across transactions could land on another server connection."""
    value = raw.strip().lower()
    if value not in _ON | _OFF:
        raise ImproperlyConfigured(f"MONIA_DB_PGBOUNCER is true or false, got {raw!r}")
    return value in _ON


def pooled(database: dict[str, Any], environ: Mapping[str, str]) -> dict[str, Any]:
    """``database`` (one entry of DATABASES) with the pool of ``MONIA_DB_POOL``, if any, and
    server-side cursors off behind PgBouncer (``MONIA_DB_PGBOUNCER``)."""
    if behind_pgbouncer(environ.get("MONIA_DB_PGBOUNCER", "")):
        database = {**database, "DISABLE_SERVER_SIDE_CURSORS": True}
    sizes = pool_sizes(environ.get("MONIA_DB_POOL", ""))
    if sizes is None:
        return database
    if environ.get("CONN_MAX_AGE", "0").strip() not in {"", "0"}:
        raise ImproperlyConfigured("Set CONN_MAX_AGE=0 (or leave it unset) with MONIA_DB_POOL")
    options = {**database.get("OPTIONS", {}), "pool": {"min_size": sizes[0], "max_size": sizes[1]}}
    return {**database, "CONN_MAX_AGE": 0, "OPTIONS": options}
