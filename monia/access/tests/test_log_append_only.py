"""The access, disclosure and e-notification access logs are append-only in the database
itself (issue 11, item 2): the application's database user can add rows and read them,
never change, delete or empty them.

The runtime role the tests run as has no UPDATE, DELETE or TRUNCATE on the logs at all
(test_runtime_role.py), so the triggers — the second guard, against the tables' owner —
are tested here as the owner (``as_owner``)."""

# ruff: noqa: S608 - the SQL names only the constant LOG_TABLES

from __future__ import annotations

import io
import uuid
from typing import Any

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from monia.access.logtables import LOG_TABLES, RETENTION_ON
from monia.access.models import AccessEvent, AccessLog
from monia.access.testing import as_owner, log_triggers_off
from monia.conftest import CaseWorld, login
from monia.enotify import selectors as enotify_selectors
from monia.enotify import services as enotify_services
from monia.enotify.models import ENotificationAccess
from monia.network import services as network_services
from monia.network.models import DisclosureLog, DisclosureSource

pytestmark = pytest.mark.django_db

MODELS = (AccessEvent, DisclosureLog, ENotificationAccess)


@pytest.fixture
def logged(case_a: CaseWorld, world: Any, worker_a: Any, school: Any, partner: Any) -> None:
    """One row in each log, written by the application's own writers."""
    login("worker_a").get(reverse("case_detail", args=[case_a.case.pk]))
    network_services.disclosure_log_write(
        recipient=partner,
        disclosures=[
            network_services.Disclosure(
                source=DisclosureSource.CONSULTATION,
                source_id=1,
                organisation_id=school.pk,
                person_id=case_a.case.child_id,
                case_id=case_a.case.pk,
                parts=("summary",),
                basis="consent",
            )
        ],
        purpose="partner_consultation",
    )
    en = enotify_services.enotification_submit(
        county=world.county_a,
        ip_hash=enotify_services.ip_hash_of("192.0.2.1"),
        submission_key=uuid.uuid4(),
        kind="notification",
        notifier_type="private",
        child_first_names="Aino",
        child_last_name="Esimerkki",
        child_identity_code="",
        content="Huoli lapsesta.",
    )
    enotify_selectors.enotification_get_for_user(worker_a, en.pk, purpose="enotify_detail")
    assert all(model.objects.exists() for model in MODELS)


def _refused(sql: str) -> str:
    with (
        as_owner(),
        pytest.raises(DatabaseError) as exc,
        transaction.atomic(),
        connection.cursor() as c,
    ):
        c.execute(sql)
    return str(exc.value)


@pytest.mark.parametrize("table", LOG_TABLES)
def test_the_database_refuses_to_update_delete_or_truncate_a_log(logged: None, table: str) -> None:
    assert "append-only (UPDATE refused)" in _refused(f"UPDATE {table} SET at = now()")
    assert "append-only (DELETE refused)" in _refused(f"DELETE FROM {table}")
    with connection.cursor() as c:  # the test's inserts have deferred FK checks pending
        c.execute("SET CONSTRAINTS ALL IMMEDIATE")
    assert "append-only (TRUNCATE refused)" in _refused(f"TRUNCATE {table} CASCADE")
    with connection.cursor() as c:
        c.execute(f"SELECT count(*) FROM {table}")
        assert c.fetchone()[0] >= 1


@pytest.mark.parametrize("model", MODELS)
def test_the_orm_cannot_rewrite_a_log_row_either(logged: None, model: Any) -> None:
    row = model.objects.first()
    with pytest.raises(DatabaseError), transaction.atomic():
        model.objects.filter(pk=row.pk).update(purpose="something_else")
    with pytest.raises(DatabaseError), transaction.atomic():
        row.delete()
    assert model.objects.filter(pk=row.pk, purpose=row.purpose).exists()


@pytest.mark.parametrize("table", LOG_TABLES)
def test_retention_may_delete_but_never_update(logged: None, table: str) -> None:
    with as_owner(), pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as c:
        c.execute(RETENTION_ON)
        c.execute(f"UPDATE {table} SET at = now()")

    class Rollback(Exception):
        pass

    with as_owner(), pytest.raises(Rollback), transaction.atomic(), connection.cursor() as c:
        c.execute(RETENTION_ON)
        c.execute(f"DELETE FROM {table}")
        c.execute(f"SELECT count(*) FROM {table}")
        assert c.fetchone()[0] == 0
        raise Rollback  # SET LOCAL ends with its (sub)transaction, as the command's does
    assert "DELETE refused" in _refused(f"DELETE FROM {table}")


def test_a_superuser_who_disables_the_triggers_can_still_rewrite(logged: None) -> None:
    """The triggers stop the application's user; a superuser can switch them off — which
    is why each row is also chained (``verify_log_chain``). Tests use this to backdate."""
    with log_triggers_off():
        AccessEvent.objects.update(purpose="rewritten")
    assert set(AccessLog.objects.values_list("purpose", flat=True)) == {"rewritten"}
    assert "UPDATE refused" in _refused("UPDATE access_accessevent SET at = now()")


def _partitions(table: str) -> list[str]:
    with connection.cursor() as c:
        c.execute(
            "SELECT inhrelid::regclass::text FROM pg_inherits WHERE inhparent = %s::regclass",
            [table],
        )
        return [name for (name,) in c.fetchall()]


def test_every_month_of_the_access_log_refuses_as_its_table_does(logged: None) -> None:
    """Each partition — the months the migration made, the DEFAULT one, and a month that
    ``log_partitions`` makes later — refuses UPDATE, DELETE and TRUNCATE when named
    directly; row triggers are cloned by PostgreSQL, the TRUNCATE one is each month's own."""
    from django.core.management import call_command

    with as_owner():
        call_command("log_partitions", "--months=6", stdout=io.StringIO())
    months = _partitions("access_accessevent")
    assert "access_accessevent_default" in months and len(months) >= 8
    with connection.cursor() as c:
        c.execute("SET CONSTRAINTS ALL IMMEDIATE")
    for month in months:
        with connection.cursor() as c:  # a row trigger fires only on a row: every month's
            c.execute(
                "SELECT array_agg(tgname::text ORDER BY tgname) FROM pg_trigger "
                "WHERE tgrelid = %s::regclass AND tgenabled = 'O' AND NOT tgisinternal",
                [month],
            )
            assert c.fetchone()[0] == [
                "monia_append_only_row",
                "monia_append_only_truncate",
                "monia_chain",
            ]
        assert "TRUNCATE refused" in _refused(f"TRUNCATE {month}")
    with connection.cursor() as c:
        c.execute("SELECT tableoid::regclass::text FROM access_accessevent LIMIT 1")
        month = c.fetchone()[0]  # a month holding a row refuses its change
    assert "UPDATE refused" in _refused(f"UPDATE {month} SET purpose = purpose")
    assert "DELETE refused" in _refused(f"DELETE FROM {month}")
    with connection.cursor() as c:
        c.execute("SELECT count(*) FROM access_accessevent")
        assert c.fetchone()[0] >= 1
