"""The scheduler enqueues each due slot exactly once — with two schedulers racing, after
downtime, and when a tick comes again — and the worker keeps each run's outcome."""

from __future__ import annotations

import datetime
import importlib
import inspect
import threading
import time
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_noop
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from monia.conftest import login
from monia.jobs import registry, services
from monia.jobs.models import RunState, ScheduledRun
from monia.jobs.outcomes import Outcome, outcome

HKI = ZoneInfo("Europe/Helsinki")
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
CALLS: list[str] = []
MIDNIGHT = datetime.time(0, 0)


@task()
def count_a_call() -> str:
    CALLS.append("called")
    return f"call {len(CALLS)}"


@task()
def fail_loudly() -> None:
    raise RuntimeError("the mail server said no")


@task()
def escalate_two() -> Outcome:
    return outcome(gettext_noop("Consultations escalated: %(count)d"), count=2)


def at(*args: int) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=HKI)  # type: ignore[misc]


@pytest.fixture
def only_test_jobs(monkeypatch: pytest.MonkeyPatch) -> None:
    """The schedule holds the two test jobs only (the real ones have their own tests)."""
    CALLS.clear()
    monkeypatch.setattr(
        registry,
        "_JOBS",
        {
            "daily_count": registry.Job("daily_count", count_a_call, registry.Daily(MIDNIGHT)),
            "failing": registry.Job("failing", fail_loudly, registry.Every(60)),
        },
    )


def _runs(job: str = "daily_count") -> list[ScheduledRun]:
    return list(ScheduledRun.objects.filter(job=job).order_by("slot"))


@pytest.mark.usefixtures("only_test_jobs")
def test_a_due_slot_is_enqueued_once_however_often_the_scheduler_ticks(db: None) -> None:
    now = at(2026, 3, 10, 5, 0)
    assert len(services.scheduled_runs_enqueue(now=now)) == 2
    for minutes in (0, 1, 30):
        later = now + datetime.timedelta(minutes=minutes)
        assert services.scheduled_runs_enqueue(now=later, skip={}) == []
    [run] = _runs()
    assert run.slot == at(2026, 3, 10, 0, 0) and run.state == RunState.QUEUED
    assert DBTaskResult.objects.filter(id=run.task_id, task_path__endswith="scheduled_run").exists()
    assert DBTaskResult.objects.count() == 2


@pytest.mark.usefixtures("only_test_jobs")
def test_after_three_days_away_a_daily_job_catches_up_once(db: None) -> None:
    services.scheduled_runs_enqueue(now=at(2026, 3, 10, 6, 0))
    services.scheduled_runs_enqueue(now=at(2026, 3, 13, 14, 0))  # down 11.–13.3. morning
    assert [r.slot for r in _runs()] == [at(2026, 3, 10), at(2026, 3, 13)]
    services.scheduled_runs_enqueue(now=at(2026, 3, 14, 0, 1))
    assert len(_runs()) == 3


def test_a_heavy_job_missed_by_more_than_its_window_waits_for_its_next_slot(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    heavy = registry.Job(
        "heavy", count_a_call, registry.Daily(MIDNIGHT), catch_up=datetime.timedelta(hours=4)
    )
    monkeypatch.setattr(registry, "_JOBS", {"heavy": heavy})
    assert services.scheduled_runs_enqueue(now=at(2026, 3, 10, 9, 0)) == []
    assert len(services.scheduled_runs_enqueue(now=at(2026, 3, 11, 3, 59))) == 1
    assert [r.slot for r in _runs("heavy")] == [at(2026, 3, 11)]


@pytest.mark.usefixtures("only_test_jobs")
def test_two_schedulers_racing_on_two_connections_enqueue_each_slot_once(
    transactional_db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two threads, each with its own database connection, tick at the same moment; the
    first holds its transaction open a while after claiming, so the second's INSERT meets
    the unclaimed-yet-uncommitted row and must wait for it."""
    enqueue = services._enqueue

    def slow_enqueue(run_id: int, job: registry.Job) -> None:
        enqueue(run_id, job)
        time.sleep(0.3)

    monkeypatch.setattr(services, "_enqueue", slow_enqueue)
    start = threading.Barrier(2)
    claimed: list[list[int]] = []
    errors: list[BaseException] = []

    def scheduler() -> None:
        try:
            start.wait()
            claimed.append(services.scheduled_runs_enqueue(now=at(2026, 3, 10, 5, 0)))
        except BaseException as exc:  # noqa: BLE001 - the main thread reports it
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=scheduler) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert errors == []
    # Each slot claimed by exactly one of the two (which one claims the second job is a
    # race: each job is its own transaction).
    runs = [run_id for c in claimed for run_id in c]
    assert len(claimed) == 2 and len(runs) == len(set(runs)) == 2
    assert ScheduledRun.objects.count() == 2
    assert DBTaskResult.objects.count() == 2


@pytest.mark.usefixtures("only_test_jobs")
def test_the_worker_keeps_the_result_of_a_run_and_the_error_of_a_failed_one(
    db: None, settings: Any
) -> None:
    settings.TASKS = IMMEDIATE
    services.scheduled_runs_enqueue(now=at(2026, 3, 10, 5, 0))
    [done] = _runs()
    assert (done.state, done.result, CALLS) == (RunState.DONE, "call 1", ["called"])
    assert done.started_at and done.finished_at
    [failed] = _runs("failing")
    assert failed.state == RunState.FAILED and failed.finished_at
    assert failed.error == "RuntimeError: the mail server said no"


@pytest.mark.usefixtures("only_test_jobs")
def test_a_run_by_hand_runs_beside_the_schedule(db: None, settings: Any) -> None:
    settings.TASKS = IMMEDIATE
    services.scheduled_runs_enqueue(now=at(2026, 3, 10, 5, 0))
    call_command("run_scheduler", run="daily_count")
    assert [(r.manual, r.state) for r in _runs()] == [(False, "done"), (True, "done")]
    assert CALLS == ["called", "called"]


def test_a_task_delivered_twice_runs_once(db: None, settings: Any) -> None:
    run = ScheduledRun.objects.create(
        job="escalate_consultations", slot=at(2026, 3, 10, 5), enqueued_at=at(2026, 3, 10, 5)
    )
    assert services.scheduled_run_execute(run_id=run.pk).state == RunState.DONE
    finished = ScheduledRun.objects.get(pk=run.pk).finished_at
    assert services.scheduled_run_execute(run_id=run.pk).finished_at == finished


def test_every_real_job_is_declared_with_a_task_that_takes_no_arguments() -> None:
    names = {job.name for job in registry.jobs()}
    assert {"escalate_consultations", "remind_partners", "verify_log_chain"} <= names
    assert {"clear_sessions", "prune_task_results"} <= names
    for job in registry.jobs():
        assert not inspect.signature(job.task.func).parameters, job.name


def test_old_runs_are_forgotten_but_each_jobs_latest_stays(db: None) -> None:
    long_ago = at(2025, 1, 1)
    for job, day in (("a", 1), ("a", 2), ("b", 1)):
        ScheduledRun.objects.create(
            job=job,
            slot=long_ago.replace(day=day),
            enqueued_at=long_ago,
            state=RunState.DONE,
            finished_at=long_ago,
        )
    assert services.scheduled_runs_prune(now=at(2026, 3, 10)) == 1
    assert sorted(ScheduledRun.objects.values_list("job", flat=True)) == ["a", "b"]


def test_the_administrator_sees_the_schedule_its_runs_and_failures(db: None, admin: Any) -> None:
    ScheduledRun.objects.create(
        job="remind_partners",
        slot=at(2026, 3, 10, 7, 30),
        enqueued_at=at(2026, 3, 10, 7, 30),
        state=RunState.FAILED,
        finished_at=at(2026, 3, 10, 7, 31),
        error="SMTPServerDisconnected: Connection unexpectedly closed",
    )
    site = login("admin", "en")
    page = site.get(reverse("admin:jobs_scheduledrun_changelist"))
    body = page.content.decode()
    assert page.status_code == 200
    assert "escalate_consultations" in body and "every day at 05:00" in body
    assert "SMTPServerDisconnected" in body and "not run yet" in body
    assert site.get(reverse("admin:jobs_scheduledrun_add")).status_code == 403


def test_staff_other_than_administrators_do_not_see_the_schedule(db: None, worker_a: Any) -> None:
    page = login("worker_a").get(reverse("admin:jobs_scheduledrun_changelist"))
    assert page.status_code == 302


def test_a_run_no_worker_takes_warns_the_administrator_naming_its_queue(
    db: None, admin: Any
) -> None:
    from django.utils import timezone

    now = timezone.now()
    owner_job = next(
        j.name for j in registry.jobs() if getattr(j.task, "queue_name", "") == registry.OWNER_QUEUE
    )
    ScheduledRun.objects.create(
        job=owner_job, slot=now, enqueued_at=now - datetime.timedelta(hours=2)
    )
    ScheduledRun.objects.create(job="clear_sessions", slot=now, enqueued_at=now)  # just queued
    body = login("admin", "en").get(reverse("admin:jobs_scheduledrun_changelist")).content.decode()
    assert f"{owner_job} has waited since" in body
    assert 'no worker takes the queue "owner"' in body and "MONIA_OWNER_DATABASE_URL" in body
    assert "clear_sessions has waited" not in body


def test_a_run_its_stopped_worker_left_running_is_failed_saying_so(db: None) -> None:
    now = at(2026, 3, 10, 12)
    stuck = ScheduledRun.objects.create(
        job="clear_sessions",
        slot=at(2026, 3, 10, 3),
        enqueued_at=at(2026, 3, 10, 3),
        started_at=at(2026, 3, 10, 3),
        state=RunState.RUNNING,
    )
    busy = ScheduledRun.objects.create(
        job="prune_task_results",
        slot=at(2026, 3, 10, 11),
        enqueued_at=at(2026, 3, 10, 11),
        started_at=at(2026, 3, 10, 11),
        state=RunState.RUNNING,
    )
    assert services.scheduled_runs_abandoned_fail(now=now) == 1
    stuck.refresh_from_db()
    busy.refresh_from_db()
    assert stuck.state == RunState.FAILED and "worker stopped" in stuck.error
    assert busy.state == RunState.RUNNING
    with translation.override("fi"):
        assert stuck.outcome_text().startswith("Työprosessi pysähtyi ennen kuin suoritus")


def test_a_runs_result_reads_in_the_administrators_language(
    db: None, admin: Any, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.TASKS = IMMEDIATE
    job = registry.Job("escalate_two", escalate_two, registry.Daily(MIDNIGHT))
    monkeypatch.setattr(registry, "_JOBS", {job.name: job})
    services.scheduled_runs_enqueue(now=at(2026, 3, 10, 5, 0))
    [run] = _runs("escalate_two")
    assert run.result == "Consultations escalated: 2"  # the record in the code's words
    page = reverse("admin:jobs_scheduledrun_change", args=[run.pk])
    finnish = login("admin", "fi").get(page).content.decode()
    assert "Konsultaatioita merkitty myöhästyneiksi: 2" in finnish
    assert "escalate_two 2026-03-10 00:00 (Valmis)" in finnish  # its title
    listing = reverse("admin:jobs_scheduledrun_changelist")
    swedish = login("admin", "sv").get(listing).content.decode()
    assert "Konsultationer markerade som försenade: 2" in swedish
    assert "Consultations escalated" not in finnish + swedish


def test_the_runs_kept_in_english_before_read_in_the_administrators_language() -> None:
    migration = importlib.import_module("monia.jobs.migrations.0002_scheduled_run_outcome_in_words")
    words = migration._outcome("3 consultation(s) escalated")
    run = ScheduledRun(job="escalate_consultations", state=RunState.DONE, outcome=words)
    with translation.override("sv"):
        assert run.outcome_text() == "Konsultationer markerade som försenade: 3"
    assert migration._outcome("before 2026-01-01: 5 row(s) in 2 removal(s)")["params"] == {
        "before": "2026-01-01",
        "rows": 5,
        "removals": 2,
    }
    assert migration._outcome("SMTPServerDisconnected: Connection unexpectedly closed") is None
    legacy = ScheduledRun(state=RunState.FAILED, error="SMTPServerDisconnected: closed")
    assert legacy.outcome_text() == "SMTPServerDisconnected: closed"  # as written
