"""Test helpers for the append-only logs: a test that must set a log row up by hand
(backdate a read, empty a table) plays a superuser who disables the triggers."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection, transaction

from monia.access.logtables import LOG_TABLES


@contextmanager
def log_triggers_off() -> Iterator[None]:
    """The log tables' triggers are off inside the block (the test runs as the database's
    superuser, as an attacker with it would); they are back on after it."""
    with transaction.atomic(), connection.cursor() as cursor:
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
