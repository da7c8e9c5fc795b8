"""Test helpers for the append-only logs and the runtime role.

The test command runs every test's application code as the least-privilege runtime role
(``runtime_role_install``, called by ``monia/conftest.py`` once the test database is
migrated): every connection Django opens afterwards — the tests', the live server's —
starts with ``SET ROLE`` to it. What legitimately needs the owner switches back inside
``as_owner()``: the flush between live-server tests, a test that plays a superuser who
disables the log triggers (``log_triggers_off``), retention, migrations run by a test.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection, connections, transaction

from monia.access.logtables import LOG_TABLES
from monia.access.runtime_role import runtime_role_sql

# The tests' runtime role: a cluster-wide role, created once and never dropped (other
# test databases on the same server may hold grants to it). It cannot log in.
TEST_RUNTIME_ROLE = "monia_tests_runtime"

_CREATE_ROLE = f"""
DO $$ BEGIN
    BEGIN
        CREATE ROLE {TEST_RUNTIME_ROLE} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;  -- another run made it
    END;
    IF NOT pg_has_role(current_user, '{TEST_RUNTIME_ROLE}', 'MEMBER') THEN
        GRANT {TEST_RUNTIME_ROLE} TO CURRENT_USER;  -- a superuser is a member already
    END IF;
END $$
"""


def runtime_role_grant() -> None:
    """As the owner: create the role if missing and give it the runtime role's grants —
    after every migrate, as in production (a table a migration made again has none)."""
    with as_owner(), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(_CREATE_ROLE)
        for statement in runtime_role_sql(TEST_RUNTIME_ROLE):
            cursor.execute(statement)


def runtime_role_install() -> None:
    """On the migrated test database: the grants, and every connection opened from now
    on runs as the role (Django's ``assume_role``: ``SET ROLE`` right after connecting)."""
    runtime_role_grant()
    options = connections.settings["default"].setdefault("OPTIONS", {})
    options["assume_role"] = TEST_RUNTIME_ROLE
    connection.settings_dict.setdefault("OPTIONS", {})["assume_role"] = TEST_RUNTIME_ROLE
    connection.close()  # the next query opens a connection as the runtime role


def runtime_role_uninstall() -> None:
    """Connections opened from now on stay the owner (the session's end)."""
    connections.settings["default"].get("OPTIONS", {}).pop("assume_role", None)
    connection.settings_dict.get("OPTIONS", {}).pop("assume_role", None)
    connection.close()


def _current_role() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user")
        return str(cursor.fetchone()[0])


@contextmanager
def as_owner() -> Iterator[None]:
    """The block runs as the session's own user — the tables' owner — and the role before
    it is back after it. Only for test machinery that production runs as the owner too."""
    before = _current_role()
    with connection.cursor() as cursor:
        cursor.execute("RESET ROLE")
    try:
        yield
    finally:
        try:
            with connection.cursor() as cursor:
                cursor.execute(connection.ops.compose_sql("SET ROLE %s", [before]))
        except DatabaseError:
            # The block's transaction failed: rolling it back restores the role (a SET
            # inside a transaction is undone with it); the block's own error goes on.
            if not connection.in_atomic_block:
                raise


@contextmanager
def log_triggers_off() -> Iterator[None]:
    """The log tables' triggers are off inside the block (the test runs as the database's
    owner, as an attacker with a superuser's rights would); they are back on after it."""
    with as_owner(), transaction.atomic(), connection.cursor() as cursor:
        # ALTER TABLE waits for no deferred check: run the test's pending FK checks now.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for table in LOG_TABLES:
            cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
        try:
            yield
        finally:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for table in LOG_TABLES:
                cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")  # Django's default again


def log_read(
    *,
    user: Any,
    person: Any,
    case: Any = None,
    purpose: str = "case_detail",
    basis: str = "designated_worker",
    at: Any = None,
    county_id: int | None = None,
) -> Any:
    """One read of one person written as the application writes it (``reads_log``): the
    chained event, which the tests find again by its id."""
    from monia.access.log_writes import Read, reads_log
    from monia.access.models import AccessEvent

    reads_log(
        user_id=user.pk,
        county_id=county_id or (case.county_id if case is not None else person.county_id),
        purpose=purpose,
        reads=[Read(person.pk, case.pk if case is not None else None, basis)],
        at=at,
    )
    return AccessEvent.objects.order_by("-pk").first()


def log_backdate(events: Any, at: Any) -> None:
    """Move these events and their person rows to ``at``, as a superuser with the triggers
    off could (the chain then shows it): for tests of what is too old to show."""
    ids = list(events.values_list("pk", flat=True))
    with log_triggers_off(), connection.cursor() as cursor:
        cursor.execute("UPDATE access_accessevent SET at = %s WHERE id = ANY(%s)", [at, ids])
        cursor.execute(
            "UPDATE access_personread SET at = %s, day = (%s AT TIME ZONE %s)::date "
            "WHERE event_id = ANY(%s)",
            [at, at, settings.TIME_ZONE, ids],
        )
