"""Housekeeping of the queue and the sessions (monia/jobs/registry.py)."""

import datetime

from monia.jobs.registry import Daily, Every, Job, register
from monia.jobs.tasks import abandoned_runs_fail, sessions_clear, task_results_prune

register(
    Job("fail_abandoned_runs", abandoned_runs_fail, Every(60)),
    Job("clear_sessions", sessions_clear, Daily(datetime.time(3, 0))),
    Job("prune_task_results", task_results_prune, Daily(datetime.time(3, 30))),
)
