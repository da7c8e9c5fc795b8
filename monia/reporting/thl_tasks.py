"""The background task of THL's comparison of counties (django-tasks; ``settings.TASKS``;
``make run`` starts ``manage.py db_worker`` beside the server)."""

from __future__ import annotations

from django_tasks import task

from monia.dbrouter import reads_from_replica


@task()
@reads_from_replica
def thl_compare_run(run_id: int) -> str:
    """Count every county's half-year; returns the run's final state. Its counting reads
    the replica when there is one; the run's row is written (and locked) on the primary."""
    from monia.reporting.thl_services import thl_compare_build

    return thl_compare_build(run_id=run_id).state
