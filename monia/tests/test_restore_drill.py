"""The restore drill (monia/backup.py, `manage.py restore_drill`, docs/backup.md), run by
CI on every change: the demo data with access-log rows in both counties' chains, dumped
with pg_dump -Fc, restored into a fresh database, every table's rows and every sequence
compared, the log chains verified on the copy; the copy dropped afterwards. A copy that
differs fails loudly."""

from __future__ import annotations

import io
from typing import Any

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connections

from monia import backup
from monia.access import policy
from monia.access.models import AccessLog
from monia.access.purposes import Purpose
from monia.accounts.models import Role, User
from monia.casework.models import Case


def _log_some_reads() -> int:
    """Each county's senior official lists ten of the county's cases: log rows in two
    county chains."""
    for senior in User.objects.filter(role=Role.SENIOR_OFFICIAL).order_by("county_id", "pk"):
        cases = list(Case.objects.filter(county_id=senior.county_id).order_by("pk")[:10])
        policy.log_case_list(senior, cases, purpose=Purpose.STATISTICS_CHILDREN)
    return AccessLog.objects.count()


def _copy_left_behind() -> bool:
    name = f"{connections['default'].settings_dict['NAME']}_drill"
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return cursor.fetchone() is not None


@pytest.mark.django_db(transaction=True)
def test_the_demo_dumped_and_restored_has_every_row_and_a_whole_log_chain() -> None:
    call_command("seed_demo", stdout=io.StringIO(), children=8, seed=1)
    assert _log_some_reads() >= 20
    out = io.StringIO()
    call_command("restore_drill", stdout=out)
    assert "Restore drill passed" in out.getvalue()
    assert "Every log chain is whole." in out.getvalue()
    assert not _copy_left_behind()


@pytest.mark.django_db(transaction=True)
def test_a_restored_copy_missing_a_row_or_with_a_changed_log_row_fails_the_drill(
    case_a: Any, senior_a: User
) -> None:
    policy.log_case_list(senior_a, [case_a.case], purpose=Purpose.STATISTICS_CHILDREN)

    def tamper(copy: psycopg.Connection[Any]) -> None:
        copy.execute("SET session_replication_role = replica")  # as a superuser could
        copy.execute("UPDATE access_accessevent SET at = at - interval '1 second'")
        copy.execute(
            "DELETE FROM casework_chronologyevent "
            "WHERE id = (SELECT min(id) FROM casework_chronologyevent)"
        )

    report = backup.restore_drill(connections["default"].settings_dict, tamper=tamper)
    assert not report.passed
    assert any(d.startswith("table casework_chronologyevent:") for d in report.differences)
    assert any(d.startswith("log chain:") and "access_accessevent" in d for d in report.differences)
    assert not _copy_left_behind()


def test_the_command_fails_loudly_on_a_difference(monkeypatch: Any) -> None:
    def failed(*args: Any, **kwargs: Any) -> backup.DrillReport:
        report = backup.DrillReport(source="a", restored="a_drill")
        report.differences.append("table x: 3 in the source, 2 restored")
        return report

    monkeypatch.setattr("monia.web.management.commands.restore_drill.restore_drill", failed)
    err = io.StringIO()
    with pytest.raises(CommandError, match="Restore drill FAILED"):
        call_command("restore_drill", stderr=err)
    assert "table x: 3 in the source, 2 restored" in err.getvalue()


def test_differences_are_named_table_by_table() -> None:
    found = backup.compare("table", {"a": 1, "b": 2, "c": 3}, {"a": 1, "b": 5, "d": 0})
    assert found == [
        "table c: missing from the restored database",
        "table d: not in the source",
        "table b: 2 in the source, 5 restored",
    ]
