"""Reports and statistics read from a read replica when one is configured (issue 15).

``DATABASE_REPLICA_URL`` names a streaming replica of the primary (a hot standby, read
only). Unset, nothing changes: there is no ``replica`` alias and every query goes to
``default``. Set, ``replica_databases`` adds the alias and ``ReplicaRouter`` sends to it
only the reads made inside ``reads_from_replica`` — a decorator on the statistics views
that show aggregates only (and on the background task that counts every county) — and
only while no transaction is open on the primary. Everything else reads the primary, and
every write goes to the primary.

Why a context and not ``.using()`` in each selector: whether a read may be a few seconds
old is the page's decision, not the query's; a decorator says it once per view, and the
selectors stay the same for the pages that must read the primary.

The law decides what stays on the primary (docs/deployment.md, "Read replica"):
- a page that lists children (``…/children/``) reads them through the access rule, which
  writes the access log row for each child shown (703/2023 § 11) in the read's own
  transaction (``reporting.access.children_behind``); the read and its log row belong
  together, so these pages are never decorated and read the primary — and were one
  decorated by mistake, the open transaction would still keep its reads on the primary;
- inside a transaction on the primary every read stays there (the rule below): a
  transaction that wrote reads what it wrote, and a read that is logged in a transaction
  shares it with its log row; ``select_for_update`` can only run on the primary anyway;
- a page that shows what the user just asked for (the comparison runs' list) reads the
  primary: the replica may not have it yet.
"""

from __future__ import annotations

import contextvars
import datetime
import functools
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, ParamSpec, TypeVar

DEFAULT = "default"
REPLICA = "replica"

_from_replica: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "monia_reads_from_replica", default=False
)

P = ParamSpec("P")
R = TypeVar("R")


def replica_databases(default: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The ``replica`` alias from ``DATABASE_REPLICA_URL`` (same connection settings as
    the primary; the URL's own user, e.g. a read-only role), or nothing when unset. In the
    tests it mirrors ``default``: no test database is ever made on the replica."""
    url = os.environ.get("DATABASE_REPLICA_URL", "")
    if not url:
        return {}
    if not url.startswith(("postgres://", "postgresql://")):
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured("DATABASE_REPLICA_URL must be postgres://")
    import dj_database_url

    replica: dict[str, Any] = dict(
        dj_database_url.parse(url, conn_max_age=default.get("CONN_MAX_AGE", 0))
    )
    for key in ("ATOMIC_REQUESTS", "CONN_HEALTH_CHECKS"):
        if key in default:
            replica[key] = default[key]
    replica["OPTIONS"] = {**default.get("OPTIONS", {}), **replica.get("OPTIONS", {})}
    replica["TEST"] = {"MIRROR": DEFAULT}
    return {REPLICA: replica}


def replica_configured() -> bool:
    from django.db import connections

    return REPLICA in connections.settings


@contextmanager
def replica_reads() -> Iterator[None]:
    """Reads inside the block may come from the replica (outside a primary transaction)."""
    token = _from_replica.set(True)
    try:
        yield
    finally:
        _from_replica.reset(token)


def reads_from_replica(func: Callable[P, R]) -> Callable[P, R]:
    """The view or task shows aggregates only: its reads may come from the replica."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with replica_reads():
            return func(*args, **kwargs)

    return wrapper


def read_alias() -> str:
    """Where a read made here goes: ``replica`` inside ``replica_reads`` when one is
    configured and no transaction is open on the primary, else ``default``."""
    from django.db import connections

    if not _from_replica.get() or not replica_configured():
        return DEFAULT
    if connections[DEFAULT].in_atomic_block:
        return DEFAULT
    return REPLICA


class ReplicaRouter:
    """``settings.DATABASE_ROUTERS``: reads as ``read_alias`` says, writes to the primary
    (an object read from the replica is saved to the primary), migrations on the primary
    only (the replica replays them). Outside ``replica_reads`` it has no opinion on reads
    (None): Django's own choice, exactly as without the router."""

    def db_for_read(self, model: type, **hints: Any) -> str | None:
        if not _from_replica.get():
            return None
        return read_alias()

    def db_for_write(self, model: type, **hints: Any) -> str:
        return DEFAULT

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        copies = {DEFAULT, REPLICA}  # one database, two copies of it
        return True if {obj1._state.db, obj2._state.db} <= copies else None

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == DEFAULT


def data_as_of() -> datetime.datetime | None:
    """When the page's figures were read from the replica: the time its data is complete
    up to (now, if it has replayed everything it received; else the commit time of the
    last transaction it replayed). None when the page read the primary."""
    from django.db import connections
    from django.utils import timezone

    if read_alias() != REPLICA:
        return None
    with connections[REPLICA].cursor() as cursor:
        cursor.execute(
            "SELECT pg_is_in_recovery(), "
            "pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn(), "
            "pg_last_xact_replay_timestamp()"
        )
        in_recovery, caught_up, replayed = cursor.fetchone() or (False, True, None)
    if not in_recovery or caught_up or replayed is None:
        return timezone.now()
    return replayed
