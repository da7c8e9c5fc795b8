"""The schedule's tasks (django-tasks; ``settings.TASKS``): ``scheduled_run`` is what the
scheduler enqueues for every due slot; it runs the job's own task in the worker and keeps
the outcome on the run's row. The housekeeping jobs of the queue and the sessions follow;
each returns its result in words (``monia/jobs/outcomes.py``), translated when shown."""

from __future__ import annotations

import datetime
from importlib import import_module

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_noop
from django_tasks import task

from monia.jobs.outcomes import Outcome, outcome

TASK_RESULTS_KEPT_DAYS = 14  # the queue's finished rows; a run's outcome stays on ScheduledRun


@task()
def scheduled_run(run_id: int) -> str:
    """Run one scheduled run (``monia.jobs.services.scheduled_run_execute``)."""
    from monia.jobs.services import scheduled_run_execute

    return scheduled_run_execute(run_id=run_id).state


@task()
def sessions_clear() -> Outcome:
    """Delete the expired sessions (Django's ``clearsessions``)."""
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()
    return outcome(gettext_noop("Expired sessions deleted"))


@task()
def task_results_prune() -> Outcome:
    """Delete the queue's finished rows older than two weeks (``prune_db_task_results``)
    and the schedule's runs older than 90 days (the latest of each job stays)."""
    from django_tasks_db.models import DBTaskResult

    from monia.jobs.services import scheduled_runs_prune

    cutoff = timezone.now() - datetime.timedelta(days=TASK_RESULTS_KEPT_DAYS)
    tasks, _ = DBTaskResult.objects.finished().filter(finished_at__lte=cutoff).delete()
    runs = scheduled_runs_prune()
    return outcome(
        gettext_noop("Deleted: task results %(tasks)d, scheduled runs %(runs)d"),
        tasks=tasks,
        runs=runs,
    )


@task()
def abandoned_runs_fail() -> Outcome:
    """Fail the runs a stopped worker left "running" (``scheduled_runs_abandoned_fail``)."""
    from monia.jobs.services import scheduled_runs_abandoned_fail

    return outcome(
        gettext_noop("Abandoned runs marked failed: %(count)d"),
        count=scheduled_runs_abandoned_fail(),
    )
