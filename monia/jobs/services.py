"""Writes of the schedule: the scheduler's tick, a run's start and end, a run by hand.

**Exactly once.** ``scheduled_runs_enqueue`` claims each due slot with ``INSERT … ON
CONFLICT (job, slot) DO NOTHING RETURNING id`` and enqueues the task in the same
transaction. With several schedulers (one beside each worker, on several machines) each
computes the same slot; the unique constraint lets one insert, the others wait for its
commit and insert nothing. The queue's row and the run's row commit together or not at
all, so a crash between them neither loses the slot nor runs it twice.

**Catching up once.** Only the latest slot at or before now is ever claimed: a scheduler
that was down for three days enqueues a daily job once when it starts, not three times
(or not at all when the slot is older than the job's ``catch_up``).
"""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import Iterator
from typing import Any

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from monia.jobs import outcomes, registry
from monia.jobs.models import RunState, ScheduledRun

RESULT_MAX = 200
ERROR_MAX = 2000


def _claim(
    *, job: str, slot: datetime.datetime, now: datetime.datetime, manual: bool
) -> int | None:
    """The new run's id, or None when another scheduler (or an earlier tick) has it."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO jobs_scheduledrun
                (job, slot, manual, state, enqueued_at, result, error, task_id)
            VALUES (%s, %s, %s, %s, %s, '', '', '')
            ON CONFLICT (job, slot) DO NOTHING
            RETURNING id
            """,
            [job, slot, manual, RunState.QUEUED, now],
        )
        row = cursor.fetchone()
    return None if row is None else int(row[0])


def _enqueue(run_id: int, job: registry.Job) -> None:
    """The run's task on the job's own queue: the worker that takes it runs the job in its
    process, so an owner's job must reach the owner's worker (registry.OWNER_QUEUE)."""
    from monia.jobs.tasks import scheduled_run

    queue = getattr(job.task, "queue_name", registry.DEFAULT_QUEUE)
    result = scheduled_run.using(queue_name=queue).enqueue(run_id=run_id)
    ScheduledRun.objects.filter(pk=run_id).update(task_id=str(result.id))


def scheduled_runs_enqueue(
    *, now: datetime.datetime | None = None, skip: dict[str, datetime.datetime] | None = None
) -> list[int]:
    """Claim and enqueue every job's latest due slot not claimed yet; the new runs' ids.
    ``skip`` (the scheduler's memory: job → the slot it last saw claimed) spares the
    database a query for a slot already taken; it is updated here."""
    now = now or timezone.now()
    seen = skip if skip is not None else {}
    enqueued = []
    for job in registry.jobs():
        slot = job.when.last_slot(now)
        if seen.get(job.name) == slot:
            continue
        if job.catch_up is not None and now - slot > job.catch_up:
            continue  # too late for this one: the next slot
        with transaction.atomic():
            run_id = _claim(job=job.name, slot=slot, now=now, manual=False)
            if run_id is not None:
                _enqueue(run_id, job)
                enqueued.append(run_id)
        seen[job.name] = slot
    return enqueued


def scheduled_run_request(*, job: str, now: datetime.datetime | None = None) -> int:
    """Run ``job`` now, by hand (``manage.py run_scheduler --run NAME``): a run of its own,
    marked manual, beside the schedule's."""
    declared = registry.job_get(job)
    if declared is None:
        raise KeyError(job)
    now = now or timezone.now()
    with transaction.atomic():
        run_id = _claim(job=job, slot=now, now=now, manual=True)
        if run_id is None:
            raise RuntimeError(f"{job} was started by hand at this very moment already")
        _enqueue(run_id, declared)
    return run_id


@contextlib.contextmanager
def _isolated() -> Iterator[None]:
    """A savepoint when the run is inside a transaction already (the immediate backend runs
    the task inside the scheduler's), so a failed job leaves the claim usable; none in the
    worker, where a job keeps its own transactions (reminders commit one by one)."""
    if connection.in_atomic_block:
        with transaction.atomic():
            yield
    else:
        yield


def _error_text(exc: BaseException) -> str:
    return (f"{type(exc).__name__}: {exc}".strip() or type(exc).__name__)[:ERROR_MAX]


def scheduled_run_execute(*, run_id: int) -> ScheduledRun:
    """The task's body: run the job's task, keep its outcome on the run's row. A failure
    is recorded and raised again, so the queue's row keeps the traceback."""
    started = ScheduledRun.objects.filter(pk=run_id, state=RunState.QUEUED).update(
        state=RunState.RUNNING, started_at=timezone.now()
    )
    run = ScheduledRun.objects.get(pk=run_id)
    if not started:  # run already (a task delivered twice): nothing more
        return run
    job = registry.job_get(run.job)
    try:
        if job is None:
            raise outcomes.JobFailure(
                gettext_noop("No scheduled job is named %(job)s (removed from the code?)"),
                job=run.job,
            )
        with _isolated():
            value: Any = job.task.call()
    except Exception as exc:
        ScheduledRun.objects.filter(pk=run_id).update(
            state=RunState.FAILED,
            finished_at=timezone.now(),
            error=_error_text(exc),
            outcome=exc.outcome if isinstance(exc, outcomes.JobFailure) else None,
        )
        raise
    words = value if outcomes.is_outcome(value) else None
    result = outcomes.english(words) if words else "" if value is None else str(value)
    ScheduledRun.objects.filter(pk=run_id).update(
        state=RunState.DONE,
        finished_at=timezone.now(),
        result=result[:RESULT_MAX],
        outcome=words,
    )
    run.refresh_from_db()
    return run


def scheduled_runs_prune(*, now: datetime.datetime | None = None, days: int = 90) -> int:
    """Forget finished runs older than ``days``; the latest run of each job stays."""
    now = now or timezone.now()
    latest = ScheduledRun.objects.order_by("job", "-slot").distinct("job").values("pk")
    old = ScheduledRun.objects.filter(
        slot__lt=now - datetime.timedelta(days=days),
        state__in=[RunState.DONE, RunState.FAILED],
    ).exclude(pk__in=latest)
    return old.delete()[0]


def scheduled_runs_abandoned_fail(*, now: datetime.datetime | None = None) -> int:
    """Fail the runs whose worker stopped before they finished (still "running" after
    ``selectors.RUNNING_TOO_LONG``): their row says so, and the job's next slot runs."""
    from monia.jobs.selectors import RUNNING_TOO_LONG

    now = now or timezone.now()
    words = outcomes.outcome(
        gettext_noop(
            "The worker stopped before the run finished (no result after %(hours)d hours)."
        ),
        hours=RUNNING_TOO_LONG // datetime.timedelta(hours=1),
    )
    return ScheduledRun.objects.filter(
        state=RunState.RUNNING, started_at__lt=now - RUNNING_TOO_LONG
    ).update(state=RunState.FAILED, finished_at=now, error=outcomes.english(words), outcome=words)
