"""Reads of the schedule: each job with its latest run (the admin's page, ``--list``)."""

from __future__ import annotations

from monia.jobs import registry
from monia.jobs.models import ScheduledRun


def schedule_with_last_runs() -> list[tuple[registry.Job, ScheduledRun | None]]:
    """Every registered job and its latest run, in one query."""
    latest = {run.job: run for run in ScheduledRun.objects.order_by("job", "-slot").distinct("job")}
    return [(job, latest.get(job.name)) for job in registry.jobs()]
