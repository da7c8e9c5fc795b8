"""Retention is the one path that removes log rows: whole months past the period, a
prefix of each county's chain, recorded so the chain stays verifiable (issue 11, item 2)."""

from __future__ import annotations

import datetime
import io
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, transaction
from django.utils import timezone

from monia.access.models import AccessLog, Basis, RetentionRun
from monia.access.testing import as_owner
from monia.conftest import CaseWorld

pytestmark = pytest.mark.django_db

OLD = datetime.datetime(2010, 3, 15, 12, tzinfo=datetime.UTC)


def _log(case_a: CaseWorld, worker: Any, at: datetime.datetime) -> AccessLog:
    return AccessLog.objects.create(
        at=at,
        user=worker,
        county=case_a.case.county,
        person=case_a.case.child,
        case=case_a.case,
        purpose="case_detail",
        basis=Basis.DESIGNATED_WORKER,
    )


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
    for row in old:
        row.refresh_from_db()  # the database numbered and hashed it
    out = _retention("2011-01-01")

    assert "access_accesslog" in out and "removed 3 row(s)" in out
    assert not AccessLog.objects.filter(pk__in=[r.pk for r in old]).exists()
    assert AccessLog.objects.filter(pk__in=[recent.pk, late_copy.pk]).count() == 2
    run = RetentionRun.objects.get(log="access_accesslog", county_id=case_a.case.county_id)
    assert (run.rows, run.before) == (3, datetime.date(2011, 1, 1))
    assert (run.first_seq, run.last_seq) == (old[0].chain_seq, old[2].chain_seq)
    assert (run.first_hash, run.last_hash) == (old[0].chain_hash, old[2].chain_hash)
    verified = io.StringIO()
    call_command("verify_log_chain", stdout=verified)  # whole from the first row kept
    assert verified.getvalue() == "Every log chain is whole.\n"


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
        AccessLog.objects.filter(pk=row.pk).delete()
    with as_owner(), pytest.raises(DatabaseError, match="DELETE refused"), transaction.atomic():
        AccessLog.objects.filter(pk=row.pk).delete()
    assert AccessLog.objects.filter(pk=row.pk).exists()


def test_the_applications_role_cannot_run_retention(case_a: CaseWorld, worker_a: Any) -> None:
    row = _log(case_a, worker_a, OLD)
    with pytest.raises(DatabaseError, match="permission denied"):
        call_command("log_retention", "--before=2011-01-01", stdout=io.StringIO())
    assert AccessLog.objects.filter(pk=row.pk).exists()
    assert not RetentionRun.objects.exists()


def test_a_county_whose_whole_log_expired_still_verifies(case_a: CaseWorld, worker_a: Any) -> None:
    assert not AccessLog.objects.exists()
    _log(case_a, worker_a, OLD)
    assert "removed 1 row(s)" in _retention("2011-01-01")
    assert not AccessLog.objects.filter(county=case_a.case.county).exists()
    verified = io.StringIO()
    call_command("verify_log_chain", stdout=verified)  # the head matches the last run
    assert verified.getvalue() == "Every log chain is whole.\n"
