"""The application runs as the least-privilege runtime role — in the tests too — which may
append to the logs and read them, never change or empty them, and has a decided set of
rights on every table (issue 11, item 2)."""

# ruff: noqa: S608 - the SQL names only constants and the catalogue's own table names

from __future__ import annotations

import http.cookiejar
import io
import re
import threading
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, connections, transaction

from monia.access.models import AccessLog, Basis
from monia.access.runtime_role import ALL_PRIVILEGES, APPEND_ONLY, CLIENT_RECORDS, granted
from monia.access.testing import TEST_RUNTIME_ROLE, as_owner, log_read
from monia.conftest import PASSWORD, CaseWorld

pytestmark = pytest.mark.django_db

MONIA = Path(__file__).resolve().parents[2]


def _one(sql: str, params: list[object] | None = None) -> Any:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def _refused(sql: str) -> None:
    with (
        pytest.raises(DatabaseError, match="permission denied|must be owner"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql)


def test_the_tests_application_code_runs_as_the_runtime_role() -> None:
    assert _one("SELECT current_user") == TEST_RUNTIME_ROLE
    seen: list[str] = []

    def fresh_connection() -> None:  # as the live server's thread opens its own
        try:
            with connections["default"].cursor() as cursor:
                cursor.execute("SELECT current_user")
                seen.append(cursor.fetchone()[0])
        finally:
            connections.close_all()

    thread = threading.Thread(target=fresh_connection)
    thread.start()
    thread.join()
    assert seen == [TEST_RUNTIME_ROLE]
    with as_owner():
        assert _one("SELECT current_user") != TEST_RUNTIME_ROLE
    assert _one("SELECT current_user") == TEST_RUNTIME_ROLE


def test_the_runtime_role_appends_and_reads_but_never_rewrites(
    case_a: CaseWorld, worker_a: Any
) -> None:
    # The application's own write, chained by the database.
    row = log_read(user=worker_a, person=case_a.case.child, case=case_a.case)
    assert row.chain_seq is not None and len(row.chain_hash or "") == 64
    assert AccessLog.objects.filter(event_id=row.pk, basis=Basis.DESIGNATED_WORKER).exists()
    with connection.cursor() as cursor:  # the test's inserts have deferred FK checks pending
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    for table in (*APPEND_ONLY, "access_retentionrun"):
        assert _one(f"SELECT count(*) FROM {table}") >= 0
        column = _one(  # the first column: the person index has no id
            "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum = 1",
            [table],
        )
        for sql in (
            f"UPDATE {table} SET {column} = {column} WHERE false",
            f"DELETE FROM {table} WHERE false",
            f"TRUNCATE {table}",
            f"ALTER TABLE {table} DISABLE TRIGGER USER",
        ):
            _refused(sql)
    _refused("INSERT INTO access_retentionrun (id) SELECT -1 WHERE false")
    for partition in _partitions():  # reached only through the parent's grants
        _refused(f"SELECT count(*) FROM {partition}")
    view_rights = _one(  # the per-person view of the events: read only (and not updatable)
        "SELECT array_agg(p ORDER BY p) FROM unnest(%s::text[]) p "
        "WHERE has_table_privilege(%s, 'access_accesslog', p)",
        [list(ALL_PRIVILEGES), TEST_RUNTIME_ROLE],
    )
    assert view_rights == ["SELECT"]
    _refused("DELETE FROM access_logchainhead WHERE false")
    _refused("SELECT count(*) FROM django_migrations")
    _refused("CREATE TABLE monia_intruder (id int)")
    _refused("ALTER TABLE casework_case DISABLE TRIGGER ALL")
    with connection.cursor() as cursor:  # other tables as before
        cursor.execute("UPDATE casework_case SET id = id WHERE false")


def _tables() -> set[str]:
    """The tables, partitioned ones once (a partition is reached through its parent)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT t.tablename FROM pg_tables t JOIN pg_class c ON c.oid = "
            "quote_ident(t.tablename)::regclass WHERE t.schemaname = 'public' "
            "AND NOT c.relispartition"
        )
        return {name for (name,) in cursor.fetchall()}


def _partitions() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relispartition AND c.relkind IN ('r', 'p') "
            "ORDER BY 1"
        )
        return [name for (name,) in cursor.fetchall()]


def test_every_table_has_a_grant_decision() -> None:
    tables, decided = _tables(), set(granted())
    assert not tables - decided, (
        f"No grant decision for {sorted(tables - decided)}: add each to one kind in "
        "monia/access/runtime_role.py (read_write, append_only, no_delete, client_record, "
        "read_only, no_access); until then the runtime role may not touch it."
    )
    assert not decided - tables, f"Decisions for tables that no longer exist: {decided - tables}"


def test_the_application_corrects_a_client_record_but_never_deletes_one(
    case_a: CaseWorld,
) -> None:
    """domain.md § 4.3: no hard delete before the retention ends; the owning role removes
    what retention removes. A case, its child and its notifications are corrected in place."""
    case = case_a.case
    with connection.cursor() as cursor:
        cursor.execute("UPDATE casework_case SET stage = stage WHERE id = %s", [case.pk])
        cursor.execute(
            "UPDATE people_person SET last_name = last_name WHERE id = %s", [case.child_id]
        )
    for table in CLIENT_RECORDS:
        _refused(f"DELETE FROM {table} WHERE false")
    assert not {"casework_case", "people_person", "decisions_decision"} - set(CLIENT_RECORDS)


def test_the_runtime_role_has_exactly_the_decided_rights_on_every_table() -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT t.tablename, p.name FROM pg_tables t CROSS JOIN unnest(%s::text[]) p(name) "
            "WHERE t.schemaname = 'public' AND has_table_privilege(%s, t.tablename, p.name)",
            [list(ALL_PRIVILEGES), TEST_RUNTIME_ROLE],
        )
        actual: dict[str, set[str]] = {}
        for table, privilege in cursor.fetchall():
            actual.setdefault(table, set()).add(privilege)
        cursor.execute(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' "
            "AND CASE WHEN c.relkind = 'S' THEN NOT has_sequence_privilege(%s, c.oid, 'USAGE') "
            "ELSE false END",
            [TEST_RUNTIME_ROLE],
        )
        unusable = cursor.fetchall()
        cursor.execute(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND pg_get_userbyid(c.relowner) = %s",
            [TEST_RUNTIME_ROLE],
        )
        owned = cursor.fetchone()[0]
    expected = {table: set(privs) for table, privs in granted().items() if privs}
    assert actual == expected
    assert not unusable  # every id sequence: the role can insert where it may
    assert owned == 0  # it owns nothing, so it can disable no trigger


def test_no_application_code_switches_the_database_role() -> None:
    """In the tests the connection's session user is the owner, so ``RESET ROLE`` would
    lift the runtime role; only the test machinery may do that, never Monia itself."""
    switch = re.compile(r"\b(RESET|SET(\s+(SESSION|LOCAL))?)\s+ROLE\b|assume_role", re.I)
    offenders = [
        str(path.relative_to(MONIA))
        for path in MONIA.rglob("*.py")
        if "tests" not in path.parts
        and path.name not in {"conftest.py", "testing.py"}
        and switch.search(path.read_text())
    ]
    assert offenders == []


def test_the_command_prints_the_grants() -> None:
    out = io.StringIO()
    call_command("runtime_role_sql", "monia_app", stdout=out)
    sql = out.getvalue()
    assert "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM monia_app;" in sql
    assert "GRANT SELECT, INSERT ON access_accessevent, network_disclosurelog" in sql
    assert "access_personread" in sql.split("GRANT SELECT, INSERT ON")[1].split(";")[0]
    assert "GRANT SELECT ON access_accesslog TO monia_app;" in sql
    assert "TRUNCATE" not in sql.replace("REVOKE ALL", "")


def test_the_command_takes_the_role_from_a_database_url() -> None:
    out = io.StringIO()
    call_command("runtime_role_sql", role_of="postgres://monia_app:x@db:5432/monia", stdout=out)
    assert "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM monia_app;" in out.getvalue()
    with pytest.raises(CommandError):
        call_command("runtime_role_sql", stdout=io.StringIO())


@pytest.mark.django_db
def test_the_command_applies_the_grants_as_the_owner_when_asked() -> None:
    """``make serve`` applies them after its migrate (scripts/serve.sh): a new table is
    granted as decided, the log stays append-only."""
    from monia.access.testing import TEST_RUNTIME_ROLE

    out = io.StringIO()
    with as_owner():
        call_command("runtime_role_sql", TEST_RUNTIME_ROLE, "--apply", stdout=out)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT has_table_privilege(%s, 'accounts_user', 'UPDATE'),"
                " has_table_privilege(%s, 'access_accessevent', 'UPDATE'),"
                " has_table_privilege(%s, 'access_accessevent', 'INSERT')",
                [TEST_RUNTIME_ROLE] * 3,
            )
            assert cursor.fetchone() == (True, False, True)
    assert "grant statement(s) applied" in out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_the_live_servers_requests_run_as_the_runtime_role(live_server: Any, worker_a: Any) -> None:
    """A probe trigger records the role of whoever updates a user: the login through the
    live server (``last_login``) is the application's own write, in its own thread."""
    with as_owner(), connection.cursor() as cursor:
        cursor.execute("CREATE TABLE monia_role_probe (role name)")
        cursor.execute("GRANT INSERT ON monia_role_probe TO PUBLIC")
        cursor.execute(
            "CREATE FUNCTION monia_role_probe() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN INSERT INTO monia_role_probe VALUES (current_user); RETURN NULL; END $$"
        )
        cursor.execute(
            "CREATE TRIGGER monia_role_probe AFTER UPDATE ON accounts_user "
            "FOR EACH STATEMENT EXECUTE FUNCTION monia_role_probe()"
        )
    try:
        browser = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        page = browser.open(f"{live_server.url}/login/").read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token is not None
        form = {"csrfmiddlewaretoken": token[1], "username": "worker_a", "password": PASSWORD}
        browser.open(f"{live_server.url}/login/", urllib.parse.urlencode(form).encode())
        with as_owner(), connection.cursor() as cursor:
            cursor.execute("SELECT DISTINCT role FROM monia_role_probe")
            assert cursor.fetchall() == [(TEST_RUNTIME_ROLE,)]
    finally:
        with as_owner(), connection.cursor() as cursor:
            cursor.execute("DROP TABLE monia_role_probe")
            cursor.execute("DROP TRIGGER monia_role_probe ON accounts_user")
            cursor.execute("DROP FUNCTION monia_role_probe()")
