"""The schedule in Django's admin, for administrators: every job with when it runs and its
latest run above the list of runs (their state, result or error, in the administrator's
language when the job gave them in words: ``outcomes.py``). Read-only: a run is started by
the schedule or by ``manage.py run_scheduler --run NAME``. No client data."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from monia.jobs import registry, selectors
from monia.jobs.models import RunState, ScheduledRun

FIELDS = (
    "job",
    "slot",
    "manual",
    "state",
    "enqueued_at",
    "started_at",
    "finished_at",
    "result_text",
    "error_text",
)


@admin.register(ScheduledRun)
class ScheduledRunAdmin(admin.ModelAdmin):
    list_display = ("job", "when", "slot", "state", "started_at", "finished_at", "result_or_error")
    list_filter = ("state", "job", "manual")
    fields = FIELDS
    readonly_fields = FIELDS
    date_hierarchy = "slot"

    @admin.display(description=_("runs"))
    def when(self, run: ScheduledRun) -> str:
        job = registry.job_get(run.job)
        return job.when.describe() if job else "—"

    @admin.display(description=_("result or error"))
    def result_or_error(self, run: ScheduledRun) -> str:
        text = run.outcome_text()
        return text if len(text) <= 120 else text[:119] + "…"

    @admin.display(description=_("result"))
    def result_text(self, run: ScheduledRun) -> str:
        return "" if run.state == RunState.FAILED else run.outcome_text()

    @admin.display(description=_("error"))
    def error_text(self, run: ScheduledRun) -> str:
        return run.outcome_text() if run.state == RunState.FAILED else ""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        extra = {
            "schedule": selectors.schedule_with_last_runs(),
            "stalled": selectors.stalled_runs(),
            **(extra_context or {}),
        }
        return super().changelist_view(request, extra_context=extra)


# The queue's own rows (django-tasks-db): its admin, with the columns and labels it writes
# in English only named in the administrator's language (its fields' names are marked in
# the package: django_tasks_words.py gives them).
if admin.site.is_registered(DBTaskResult):
    admin.site.unregister(DBTaskResult)


@admin.register(DBTaskResult)
class TaskResultAdmin(DBTaskResultAdmin):
    # The package's columns, its first two ("id", "task_name": English headers) named here.
    list_display = ("result_id", "task", *DBTaskResultAdmin.list_display[2:])

    @admin.display(description=_("identifier"), ordering="id")
    def result_id(self, obj: DBTaskResult) -> str:
        return str(obj.id)

    @admin.display(description=_("task"), ordering="task_path")
    def task(self, obj: DBTaskResult) -> str:
        return str(obj.task_name)

    @admin.display(description=_("traceback"))
    def formatted_traceback(self, obj: DBTaskResult) -> str:
        return super().formatted_traceback(obj)

    @admin.display(description=_("run after"))
    def display_run_after(self, obj: DBTaskResult) -> Any:
        return super().display_run_after(obj)
