"""Each log row is chained to the previous row of its county (sha256), and
``verify_log_chain`` names the first broken row of a chain someone rewrote (issue 11,
item 2). The access log's row is the read event (issue 15: a list view is one event); its
person index must match the events. The tampering is done as a database superuser would:
with the triggers off."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from monia.access import policy
from monia.access.models import AccessEvent, AccessLog, Basis, LogChainHead, PersonRead
from monia.access.purposes import Purpose
from monia.access.testing import as_owner, log_read, log_triggers_off
from monia.access.tests.test_log_append_only import logged  # noqa: F401 - a fixture
from monia.conftest import CaseWorld, child_create, login, notification
from monia.network.models import DisclosureLog

pytestmark = pytest.mark.django_db


def _verify() -> str:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("verify_log_chain", stdout=out, stderr=err)
    except CommandError as exc:
        return f"FAILED {exc}\n{err.getvalue()}"
    return out.getvalue()


def _verify_row(pk: int) -> tuple[str, str]:
    return AccessEvent.objects.values_list("purpose", "chain_hash").get(pk=pk)


def _read(user: str, case: Any, n: int = 1) -> None:
    client = login(user)
    for _ in range(n):
        client.get(reverse("case_detail", args=[case.pk]))


def test_every_row_is_numbered_and_chained_within_its_county(
    logged: None,  # noqa: F811
    case_a: CaseWorld,
    world: Any,
    other_county: Any,
) -> None:
    _read("worker_a", case_a.case, 3)
    child_b = child_create(world.county_b, first="Bertta", number=962)
    case_b = notification(other_county, child_b, world.team_b1, at=timezone.now()).case
    _read("other_county", case_b, 2)
    for county in (world.county_a, world.county_b):
        rows = AccessEvent.objects.filter(county=county).order_by("chain_seq")
        seqs = list(rows.values_list("chain_seq", flat=True))
        assert seqs == list(range(1, len(seqs) + 1))
        assert all(len(h) == 64 for h in rows.values_list("chain_hash", flat=True))
        head = LogChainHead.objects.get(log="access_accessevent", county_id=county.pk)
        assert (head.seq, head.hash) == (seqs[-1], rows.last().chain_hash)  # type: ignore[union-attr]
    assert DisclosureLog.objects.get().chain_seq == 1
    assert _verify() == "Every log chain is whole.\n"


def test_a_rewritten_row_is_named(logged: None, case_a: CaseWorld) -> None:  # noqa: F811
    _read("worker_a", case_a.case, 3)
    victim = AccessEvent.objects.filter(county=case_a.case.county).order_by("chain_seq")[1]
    with log_triggers_off():
        AccessEvent.objects.filter(pk=victim.pk).update(purpose="case_list")
    report = _verify()
    # The chain, and the person index that no longer matches the rewritten event.
    assert report.startswith("FAILED 3 broken log chain(s).")
    assert f"access_accessevent, county {case_a.case.county_id}" in report
    assert f"row id={victim.pk} (number {victim.chain_seq})" in report
    assert "content or hash was changed" in report


def test_the_weekly_schedule_fails_naming_a_rewritten_row_as_the_command_does(
    logged: None,  # noqa: F811
    case_a: CaseWorld,
    settings: Any,
) -> None:
    from monia.jobs.models import ScheduledRun
    from monia.jobs.services import scheduled_run_request

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    _read("worker_a", case_a.case, 3)
    whole = ScheduledRun.objects.get(pk=scheduled_run_request(job="verify_log_chain"))
    assert (whole.state, whole.result) == ("done", "Every log chain is whole")
    victim = AccessEvent.objects.filter(county=case_a.case.county).order_by("chain_seq")[1]
    with log_triggers_off():
        AccessEvent.objects.filter(pk=victim.pk).update(purpose="case_list")
    broken = ScheduledRun.objects.get(pk=scheduled_run_request(job="verify_log_chain"))
    assert broken.state == "failed"
    assert broken.error.startswith("BrokenLogChain: A log's hash chain is broken: access_acc")
    assert f"row id={victim.pk} (number {victim.chain_seq})" in broken.error


def test_a_rewritten_row_with_a_recomputed_hash_breaks_the_next(
    logged: None,  # noqa: F811
    case_a: CaseWorld,
) -> None:
    _read("worker_a", case_a.case, 3)
    rows = list(AccessEvent.objects.filter(county=case_a.case.county).order_by("chain_seq"))
    victim, after = rows[1], rows[2]
    with log_triggers_off(), connection.cursor() as cursor:
        AccessEvent.objects.filter(pk=victim.pk).update(purpose="case_list")
        cursor.execute(  # the forger knows the rule: the changed row's hash is right
            "UPDATE access_accessevent t SET chain_hash = monia_log_row_digest(%s, t) "
            "WHERE id = %s",
            [rows[0].chain_hash, victim.pk],
        )
    assert "case_list" in str(_verify_row(victim.pk))
    assert f"row id={after.pk} (number {after.chain_seq})" in _verify()


def test_a_deleted_row_and_a_row_slipped_in_are_found(
    logged: None,  # noqa: F811
    case_a: CaseWorld,
    worker_a: Any,
) -> None:
    _read("worker_a", case_a.case, 3)
    rows = list(AccessEvent.objects.filter(county=case_a.case.county).order_by("chain_seq"))
    with log_triggers_off():
        AccessEvent.objects.filter(pk=rows[1].pk).delete()
    assert f"row id={rows[2].pk} (number {rows[2].chain_seq}): a row before it is missing" in (
        _verify()
    )
    with log_triggers_off():
        AccessEvent.objects.filter(pk=rows[-1].pk).delete()  # and the last one
        forged = log_read(user=worker_a, person=case_a.case.child, basis=Basis.DESIGNATED_WORKER)
    report = _verify()
    assert f"row id={forged.pk} (number None): written without the chain" in report


def test_rows_removed_from_the_end_are_found(logged: None, case_a: CaseWorld) -> None:  # noqa: F811
    _read("worker_a", case_a.case, 3)
    last = AccessEvent.objects.filter(county=case_a.case.county).order_by("chain_seq").last()
    with log_triggers_off():
        AccessEvent.objects.filter(pk=last.pk).delete()  # type: ignore[union-attr]
    assert "first broken at the end: the last 1 row(s) are missing" in _verify()


def test_the_dashboards_bulk_insert_is_chained_in_one_statement(
    case_a: CaseWorld, worker_a: Any, world: Any
) -> None:
    """The chain costs the writer no query: the trigger advances the head."""
    cases = [case_a.case]
    for n in range(5):
        child = child_create(world.county_a, first=f"Lapsi{n}", number=970 + n)
        cases.append(notification(worker_a, child, world.team_a1, at=timezone.now()).case)
    before = AccessLog.objects.count()
    with CaptureQueriesContext(connection) as queries:
        policy.log_case_list(worker_a, cases, purpose=Purpose.DASHBOARD)
    log_sql = [q["sql"] for q in queries.captured_queries if "access_" in q["sql"]]
    assert len(log_sql) == 1 and "INSERT INTO access_accessevent" in log_sql[0]
    assert AccessLog.objects.count() == before + len(cases)
    # One event, one step of the chain, carrying every child shown; a person row each.
    event = AccessEvent.objects.get(purpose=Purpose.DASHBOARD)
    assert event.persons == [c.child_id for c in cases]
    assert event.cases == [c.pk for c in cases] and event.case_id is None
    assert event.bases == [policy.case_basis(worker_a, c) for c in cases]
    assert (event.user_id, event.county_id, event.channel) == (
        worker_a.pk,
        case_a.case.county_id,
        "web",
    )
    index = PersonRead.objects.filter(event_id=event.pk)
    assert sorted(index.values_list("person_id", flat=True)) == sorted(event.persons)
    assert set(index.values_list("at", "user_id", "purpose")) == {
        (event.at, worker_a.pk, Purpose.DASHBOARD)
    }
    assert _verify() == "Every log chain is whole.\n"


def test_a_person_index_changed_behind_the_events_back_is_found(
    logged: None,  # noqa: F811
    case_a: CaseWorld,
) -> None:
    """The index has no triggers (nothing refers to it, it is derived): the verifier
    compares it with the chained events, both ways."""
    _read("worker_a", case_a.case, 2)
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    with as_owner(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE access_personread SET user_id = user_id + 1 WHERE event_id = %s",
            [AccessEvent.objects.order_by("pk").first().pk],  # type: ignore[union-attr]
        )
    report = _verify()
    assert "access_personread: 1 row(s) not in the events" in report
    assert "access_personread: 1 event read(s) missing" in report
