"""Retention is the one path that removes log rows: whole months past the period, a
prefix of each county's chain, recorded so the chain stays verifiable (issue 11, item 2);
the access log's months go as whole partitions when they hold only the prefix (issue 15)."""

from __future__ import annotations

import datetime
import io
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from monia.access.models import AccessEvent, AccessLog, PersonRead, RetentionRun
from monia.access.testing import as_owner, log_read
from monia.conftest import CaseWorld

pytestmark = pytest.mark.django_db

OLD = datetime.datetime(2010, 3, 15, 12, tzinfo=datetime.UTC)


def _log(case_a: CaseWorld, worker: Any, at: datetime.datetime) -> AccessEvent:
    return log_read(user=worker, person=case_a.case.child, case=case_a.case, at=at)


def _months(*months: str) -> None:
    """Partitions of these months (YYYY-MM-01) for the events and the person index."""
    with as_owner(), connection.cursor() as cursor:
        for month in months:
            for table in ("access_accessevent", "access_personread"):
                cursor.execute("SELECT monia_log_partition(%s, %s::date)", [table, month])


def _exists(table: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [table])
        return bool(cursor.fetchone()[0])


def _verified() -> str:
    out = io.StringIO()
    call_command("verify_log_chain", stdout=out)
    return out.getvalue()


def _retention(before: str) -> str:
    """Run as the tables' owner, as production runs it; the application's role cannot."""
    out = io.StringIO()
    with as_owner():
        call_command("log_retention", f"--before={before}", stdout=out)
    return out.getvalue()


def test_retention_removes_the_expired_prefix_and_records_it(
    case_a: CaseWorld, worker_a: Any
) -> None:
    old = [_log(case_a, worker_a, OLD + datetime.timedelta(days=n)) for n in range(3)]
    recent = _log(case_a, worker_a, timezone.now())
    late_copy = _log(case_a, worker_a, OLD)  # an old read copied in later: kept for now
    out = _retention("2011-01-01")

    assert "access_accessevent" in out and "removed 3 row(s)" in out
    assert not AccessEvent.objects.filter(pk__in=[r.pk for r in old]).exists()
    assert not PersonRead.objects.filter(event_id__in=[r.pk for r in old]).exists()
    assert AccessLog.objects.filter(event_id__in=[recent.pk, late_copy.pk]).count() == 2
    run = RetentionRun.objects.get(log="access_accessevent", county_id=case_a.case.county_id)
    assert (run.rows, run.before) == (3, datetime.date(2011, 1, 1))
    assert (run.first_seq, run.last_seq) == (old[0].chain_seq, old[2].chain_seq)
    assert (run.first_hash, run.last_hash) == (old[0].chain_hash, old[2].chain_hash)
    verified = io.StringIO()
    call_command("verify_log_chain", stdout=verified)  # whole from the first row kept
    assert verified.getvalue() == "Every log chain is whole.\n"


def test_whole_months_go_as_partitions_and_the_chain_still_verifies(
    case_a: CaseWorld, worker_a: Any
) -> None:
    _months("2010-03-01", "2010-04-01")
    old = [_log(case_a, worker_a, OLD + datetime.timedelta(days=n)) for n in (0, 20, 30)]
    recent = _log(case_a, worker_a, timezone.now())
    assert _exists("access_accessevent_p201003") and _exists("access_personread_p201004")

    out = _retention("2011-01-01")

    assert "removed 3 row(s)" in out
    for month in ("201003", "201004"):  # dropped whole, the person index's months too
        assert not _exists(f"access_accessevent_p{month}")
        assert not _exists(f"access_personread_p{month}")
    assert list(AccessEvent.objects.values_list("pk", flat=True)) == [recent.pk]
    assert list(PersonRead.objects.values_list("event_id", flat=True)) == [recent.pk]
    run = RetentionRun.objects.get(log="access_accessevent")
    assert (run.rows, run.first_seq, run.last_seq) == (3, old[0].chain_seq, old[2].chain_seq)
    assert (run.first_hash, run.last_hash) == (old[0].chain_hash, old[2].chain_hash)
    assert _verified() == "Every log chain is whole.\n"


def test_a_month_holding_a_later_copied_read_stays_until_its_turn(
    case_a: CaseWorld, worker_a: Any
) -> None:
    _months("2010-03-01", "2010-04-01")
    first = _log(case_a, worker_a, OLD)
    recent = _log(case_a, worker_a, timezone.now())
    late_copy = _log(case_a, worker_a, OLD + datetime.timedelta(days=20))  # into 2010-04

    assert "removed 1 row(s)" in _retention("2011-01-01")

    assert not _exists("access_accessevent_p201003")
    assert _exists("access_accessevent_p201004")  # its row follows a kept one in the chain
    assert set(AccessEvent.objects.values_list("pk", flat=True)) == {recent.pk, late_copy.pk}
    assert RetentionRun.objects.get().last_seq == first.chain_seq
    assert _verified() == "Every log chain is whole.\n"


def test_retention_refuses_part_months_and_the_legal_period(case_a: CaseWorld) -> None:
    with pytest.raises(CommandError, match="first day of a month"):
        _retention("2011-01-15")
    too_recent = timezone.localdate().replace(day=1) - datetime.timedelta(days=365 * 3)
    with pytest.raises(CommandError, match="kept 12 years"):
        _retention(too_recent.replace(day=1).isoformat())
    assert not RetentionRun.objects.exists()


def test_a_period_shorter_than_the_clients_two_years_is_refused(
    case_a: CaseWorld, settings: Any
) -> None:
    settings.MONIA_LOG_RETENTION_YEARS = 1
    with pytest.raises(CommandError, match="two years|2 years"):
        _retention("2011-01-01")


def test_outside_the_command_the_same_delete_is_refused(case_a: CaseWorld, worker_a: Any) -> None:
    row = _log(case_a, worker_a, OLD)
    with pytest.raises(DatabaseError), transaction.atomic():
        AccessEvent.objects.filter(pk=row.pk).delete()
    with as_owner(), pytest.raises(DatabaseError, match="DELETE refused"), transaction.atomic():
        AccessEvent.objects.filter(pk=row.pk).delete()
    assert AccessEvent.objects.filter(pk=row.pk).exists()


def test_the_applications_role_cannot_run_retention(case_a: CaseWorld, worker_a: Any) -> None:
    row = _log(case_a, worker_a, OLD)
    with pytest.raises(DatabaseError, match="permission denied"):
        call_command("log_retention", "--before=2011-01-01", stdout=io.StringIO())
    assert AccessEvent.objects.filter(pk=row.pk).exists()
    assert not RetentionRun.objects.exists()


def test_a_county_whose_whole_log_expired_still_verifies(case_a: CaseWorld, worker_a: Any) -> None:
    assert not AccessLog.objects.exists()
    _log(case_a, worker_a, OLD)
    assert "removed 1 row(s)" in _retention("2011-01-01")
    assert not AccessLog.objects.filter(county=case_a.case.county).exists()
    verified = io.StringIO()
    call_command("verify_log_chain", stdout=verified)  # the head matches the last run
    assert verified.getvalue() == "Every log chain is whole.\n"
