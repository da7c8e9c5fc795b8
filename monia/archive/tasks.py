"""Monia's background tasks of the archive (django-tasks; ``settings.TASKS``). The
database backend queues them in PostgreSQL and ``manage.py db_worker`` runs them
(``make run`` starts one beside the server; docs/architecture.md, "Background tasks")."""

from __future__ import annotations

from django_tasks import task


@task()
def archive_export_run(export_id: int) -> str:
    """Write the package of one export; returns its final state."""
    from monia.archive.services import archive_export_build

    return archive_export_build(export_id=export_id).state
