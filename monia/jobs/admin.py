"""The schedule in Django's admin, for administrators: every job with when it runs and its
latest run above the list of runs (their state, result or error, in the administrator's
language when the job gave them in words: ``outcomes.py``). Read-only: a run is started by
the schedule or by ``manage.py run_scheduler --run NAME``. No client data."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
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
# the package: django_tasks_words.py gives them), and a result titled by its task, not as
# "DBTaskResult object (…)" (the package's model has no ``__str__``).
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

    def result_title(self, obj: DBTaskResult) -> str:
        """A result as its page and the history's are titled, in the administrator's
        language: the task, when it was enqueued and its state."""
        return gettext("%(task)s, enqueued %(enqueued)s (%(state)s)") % {
            "task": obj.task_name,
            "enqueued": date_format(timezone.localtime(obj.enqueued_at), "j.n.Y H:i"),
            "state": obj.get_status_display(),
        }

    def render_change_form(
        self,
        request: HttpRequest,
        context: dict[str, Any],
        add: bool = False,
        change: bool = False,
        form_url: str = "",
        obj: DBTaskResult | None = None,
    ) -> HttpResponse:
        if obj is not None:  # the page's title; its breadcrumb: dbtaskresult/change_form.html
            context["subtitle"] = self.result_title(obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def history_view(
        self, request: HttpRequest, object_id: str, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        response = super().history_view(request, object_id, extra_context)
        context = getattr(response, "context_data", None)  # None: redirected, not found
        if context and context.get("object") is not None:
            title = self.result_title(context["object"])
            context["result_title"] = title  # its breadcrumb: dbtaskresult/object_history.html
            context["title"] = gettext("Change history: %s") % title  # Django's own words
        return response
