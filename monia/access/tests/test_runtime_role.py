"""The runtime role may append to the logs and read them, never change or empty them,
and works on every other table as before (issue 11, item 2)."""

# ruff: noqa: S608 - the SQL names only constants

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from monia.access.models import AccessLog, Basis
from monia.access.runtime_role import APPEND_ONLY, runtime_role_sql
from monia.conftest import CaseWorld

pytestmark = pytest.mark.django_db

ROLE = "monia_runtime_test"


def _as_runtime(sql: str, params: list[object] | None = None) -> None:
    with transaction.atomic(), connection.cursor() as c:
        c.execute(f"SET LOCAL ROLE {ROLE}")
        c.execute(sql, params)
        c.execute("RESET ROLE")  # a released savepoint would keep the role


def test_the_runtime_role_appends_and_reads_but_never_rewrites(
    case_a: CaseWorld, worker_a: Any
) -> None:
    with connection.cursor() as c:  # CREATE ROLE is transactional: the test rolls it back
        c.execute(f"CREATE ROLE {ROLE} NOLOGIN")
        for statement in runtime_role_sql(ROLE):
            c.execute(statement)
        c.execute("SET CONSTRAINTS ALL IMMEDIATE")
    with transaction.atomic(), connection.cursor() as c:  # the app's own write, chained
        c.execute(f"SET LOCAL ROLE {ROLE}")
        row = AccessLog.objects.create(
            user=worker_a,
            county=case_a.case.county,
            person=case_a.case.child,
            case=case_a.case,
            purpose="case_detail",
            basis=Basis.DESIGNATED_WORKER,
        )
        c.execute("RESET ROLE")
    row.refresh_from_db()
    assert row.chain_seq is not None and len(row.chain_hash or "") == 64
    for table in APPEND_ONLY:
        _as_runtime(f"SELECT count(*) FROM {table}")
        for sql in (
            f"UPDATE {table} SET id = id WHERE false",
            f"DELETE FROM {table} WHERE false",
            f"TRUNCATE {table}",
            f"ALTER TABLE {table} DISABLE TRIGGER USER",
        ):
            with pytest.raises(DatabaseError, match="permission denied|must be owner"):
                _as_runtime(sql)
    _as_runtime("UPDATE casework_case SET id = id WHERE false")  # other tables as before


def test_the_command_prints_the_grants() -> None:
    out = io.StringIO()
    call_command("runtime_role_sql", "monia_app", stdout=out)
    assert "REVOKE UPDATE, DELETE, TRUNCATE" in out.getvalue()
    assert "access_accesslog, network_disclosurelog" in out.getvalue()
