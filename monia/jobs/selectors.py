"""Reads of the schedule: each job with its latest run (the admin's page, ``--list``)."""

from __future__ import annotations

import dataclasses
import datetime

from django.db.models import Q
from django.utils import timezone

from monia.jobs import registry
from monia.jobs.models import RunState, ScheduledRun

# A run still waiting this long after it was queued: no worker takes its queue.
WAITING_TOO_LONG = datetime.timedelta(minutes=30)
# A run still "running" this long after it started: its worker stopped (restarted, killed)
# before the run finished (``services.scheduled_runs_abandoned_fail`` then fails it).
RUNNING_TOO_LONG = datetime.timedelta(hours=6)


@dataclasses.dataclass(frozen=True)
class Stalled:
    run: ScheduledRun
    queue: str  # the queue whose worker is missing: "default" or "owner"
    waiting: bool  # True: never started; False: started and never finished


def stalled_runs(now: datetime.datetime | None = None) -> list[Stalled]:
    """Runs a worker should have taken or finished by now, each with its queue: the
    administrator's page warns of them (a worker not running, the owner's worker forgotten)."""
    now = now or timezone.now()
    runs = ScheduledRun.objects.filter(
        Q(state=RunState.QUEUED, enqueued_at__lt=now - WAITING_TOO_LONG)
        | Q(state=RunState.RUNNING, started_at__lt=now - RUNNING_TOO_LONG)
    ).order_by("enqueued_at")
    found = []
    for run in runs:
        job = registry.job_get(run.job)
        queue = getattr(job.task, "queue_name", registry.DEFAULT_QUEUE) if job else "?"
        found.append(Stalled(run, queue, run.state == RunState.QUEUED))
    return found


def schedule_with_last_runs() -> list[tuple[registry.Job, ScheduledRun | None]]:
    """Every registered job and its latest run, in one query."""
    latest = {run.job: run for run in ScheduledRun.objects.order_by("job", "-slot").distinct("job")}
    return [(job, latest.get(job.name)) for job in registry.jobs()]
