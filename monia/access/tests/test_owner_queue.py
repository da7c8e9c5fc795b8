"""The logs' owner duties run on the owner's queue (issue 15): the schedule queues the
access log's coming partitions and the logs' retention there, only the owner's worker
takes them, they do what ``log_partitions`` and ``log_retention`` do, and a worker without
the owner's rights fails them naming the role they need — a failed run in the admin."""

from __future__ import annotations

import datetime
import io
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from monia.access.models import AccessEvent, PersonRead, RetentionRun
from monia.access.owner_duties import OwnerRightsNeeded
from monia.access.retention import latest_allowed_cutoff
from monia.access.tasks import log_partitions_create, log_retention_apply
from monia.access.testing import as_owner, log_read
from monia.conftest import CaseWorld, login
from monia.jobs import registry, services
from monia.jobs.models import RunState, ScheduledRun

pytestmark = pytest.mark.django_db

OLD = datetime.datetime(2010, 3, 15, 12, tzinfo=datetime.UTC)
OWNER_JOBS = ("log_partitions", "log_partitions_mid_month", "log_retention")


def _exists(table: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [table])
        return bool(cursor.fetchone()[0])


def _month_ahead(months: int) -> str:
    first = timezone.now().astimezone(datetime.UTC).date().replace(day=1)
    year, month = divmod(first.month - 1 + months, 12)
    return f"{first.year + year}{month + 1:02d}"


def test_the_schedule_puts_partitions_and_retention_on_the_owner_queue() -> None:
    jobs = {name: registry.job_get(name) for name in OWNER_JOBS}
    assert all(job is not None for job in jobs.values())
    assert {job.task.queue_name for job in jobs.values() if job} == {registry.OWNER_QUEUE}
    assert [jobs["log_partitions"].when, jobs["log_partitions_mid_month"].when] == [  # type: ignore[union-attr]
        registry.Monthly(1, datetime.time(1, 0)),
        registry.Monthly(15, datetime.time(1, 0)),
    ]
    retention = jobs["log_retention"]
    assert isinstance(retention and retention.when, registry.Monthly)
    assert retention and retention.catch_up == datetime.timedelta(hours=6)
    others = [job for job in registry.jobs() if job.name not in OWNER_JOBS]
    assert others and {job.task.queue_name for job in others} == {registry.DEFAULT_QUEUE}


def _work(queue: str) -> None:
    """``db_worker --queue-name <queue> --batch``, as the worker runs it."""
    call_command("db_worker", queue_name=queue, batch=True, startup_delay=False, verbosity=0)


def test_each_run_is_queued_on_its_jobs_queue_and_only_the_owner_worker_takes_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The worker closes stale connections between tasks; the test's transaction is one.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    hki = timezone.get_default_timezone()
    for moment in ((2026, 3, 2, 2, 0), (2026, 3, 15, 2, 30)):  # every job due at one of them
        services.scheduled_runs_enqueue(now=datetime.datetime(*moment, tzinfo=hki))
    queued = {
        run.job: DBTaskResult.objects.get(id=run.task_id).queue_name
        for run in ScheduledRun.objects.all()
    }
    assert {queued[job] for job in OWNER_JOBS} == {"owner"}
    assert queued["verify_log_chain"] == queued["clear_sessions"] == "default"

    _work("default")
    waiting = ScheduledRun.objects.filter(state=RunState.QUEUED)
    assert set(waiting.values_list("job", flat=True)) == set(OWNER_JOBS)

    with as_owner():
        _work("owner")
    partitions = ScheduledRun.objects.get(job="log_partitions")
    assert partitions.state == RunState.DONE
    assert partitions.result.startswith("Access log partitions created: ")
    assert not ScheduledRun.objects.filter(state=RunState.QUEUED).exists()


def test_the_partitions_task_creates_the_coming_months_as_the_command_does() -> None:
    far = _month_ahead(3)
    with as_owner(), connection.cursor() as cursor:
        for table in ("access_accessevent", "access_personread"):
            cursor.execute(f"DROP TABLE {table}_p{far}")
    with as_owner():
        assert log_partitions_create.call()["params"] == {"count": 2}
        assert log_partitions_create.call()["params"] == {"count": 0}
    assert _exists(f"access_accessevent_p{far}") and _exists(f"access_personread_p{far}")
    with as_owner():
        call_command("log_partitions", "--months=4", stdout=(out := io.StringIO()))
    assert out.getvalue() == "2 partition(s) created.\n"
    assert _exists(f"access_accessevent_p{_month_ahead(4)}")


def test_the_retention_task_removes_what_the_period_lets_go_and_records_it(
    case_a: CaseWorld, worker_a: Any
) -> None:
    old = log_read(user=worker_a, person=case_a.case.child, case=case_a.case, at=OLD)
    recent = log_read(user=worker_a, person=case_a.case.child, case=case_a.case)
    with as_owner():
        result = log_retention_apply.call()
    cutoff = latest_allowed_cutoff(timezone.localdate())
    assert (result["params"]["before"], result["params"]["rows"]) == (cutoff.isoformat(), 1)
    assert list(AccessEvent.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not PersonRead.objects.filter(event_id=old.pk).exists()
    run = RetentionRun.objects.get(log="access_accessevent")
    assert (run.before, run.rows, run.last_seq) == (cutoff, 1, old.chain_seq)


def test_the_retention_command_without_a_cut_off_uses_the_periods_latest(
    case_a: CaseWorld, worker_a: Any
) -> None:
    log_read(user=worker_a, person=case_a.case.child, case=case_a.case, at=OLD)
    with as_owner():
        call_command("log_retention", stdout=(out := io.StringIO()))
    assert "removed 1 row(s)" in out.getvalue()
    assert RetentionRun.objects.get().before == latest_allowed_cutoff(timezone.localdate())


def test_without_the_owners_rights_both_fail_naming_the_role_they_need(
    case_a: CaseWorld, worker_a: Any
) -> None:
    old = log_read(user=worker_a, person=case_a.case.child, case=case_a.case, at=OLD)
    for task in (log_partitions_create, log_retention_apply):
        with pytest.raises(OwnerRightsNeeded, match="needs the database owner's rights") as err:
            task.call()
        assert "monia_tests_runtime" in str(err.value) and "--queue-name owner" in str(err.value)
    with pytest.raises(OwnerRightsNeeded, match="access log's partitions"):
        call_command("log_partitions", stdout=io.StringIO())
    assert AccessEvent.objects.filter(pk=old.pk).exists()
    assert not RetentionRun.objects.exists()


def test_a_run_the_runtime_worker_takes_shows_failed_to_the_administrator_in_her_language(
    admin: Any,
) -> None:
    now = timezone.now()
    run = ScheduledRun.objects.create(job="log_partitions", slot=now, enqueued_at=now)
    with pytest.raises(OwnerRightsNeeded):
        services.scheduled_run_execute(run_id=run.pk)
    run.refresh_from_db()
    assert run.state == RunState.FAILED and run.finished_at
    assert run.error.startswith("OwnerRightsNeeded: permission denied: creating the access")
    url = reverse("admin:jobs_scheduledrun_changelist")
    english = login("admin", "en").get(url).content.decode()
    assert "permission denied: creating the access log" in english
    finnish = login("admin", "fi").get(url).content.decode()
    assert "pääsy estetty: käyttölokin osioiden luominen edellyttää" in finnish
