"""The runs of the schedule (``ScheduledRun``): one row per job and slot, the unique pair
that lets only one scheduler of many enqueue a slot; the row then keeps what happened (when
it started and finished, its short result or its error) for the administrator's page in
Django's admin. No client data: a job's result is a count or a sentence, kept in English and
as its message and values (``outcome``), which the page translates (``monia/jobs/outcomes.py``).

``BackgroundRun`` is the shape every user-requested background run shares (the archive
export, the counties' comparison): who asked, progress, the error, the queue's task id,
the form's submission key, when asked and finished; each keeps its own ``state`` field
(its words for "running" differ) and names the shared constraints with its own prefix
(``background_run_constraints``)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from monia.jobs import outcomes


class RunState(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class ScheduledRun(models.Model):
    """One run of one scheduled job (``monia/jobs/registry.py``)."""

    job = models.CharField(_("job"), max_length=80)
    slot = models.DateTimeField(_("due at"))
    manual = models.BooleanField(_("started by hand"), default=False)
    state = models.CharField(
        _("state"), max_length=10, choices=RunState.choices, default=RunState.QUEUED
    )
    enqueued_at = models.DateTimeField(_("queued"))
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    result = models.CharField(_("result"), max_length=200, blank=True)
    error = models.TextField(_("error"), blank=True)
    # The result or the error as its English message and values (outcomes.Outcome), shown
    # translated; null when the job gave a plain string or failed unexpectedly, and on the
    # runs before 0002: their ``result`` or ``error`` is shown as written.
    outcome = models.JSONField(null=True, blank=True, editable=False)
    # The queue's row (django-tasks), while it is kept (pruned after 14 days).
    task_id = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("scheduled run")
        verbose_name_plural = _("scheduled runs")
        ordering = ["-slot", "job"]
        constraints = [
            # Several schedulers, one run: the scheduler's INSERT … ON CONFLICT rests on it.
            models.UniqueConstraint(fields=["job", "slot"], name="jobs_one_run_per_slot"),
            models.CheckConstraint(
                condition=~Q(state="failed") | ~Q(error=""), name="jobs_failed_says_why"
            ),
            models.CheckConstraint(
                condition=Q(state__in=["queued", "running"]) | Q(finished_at__isnull=False),
                name="jobs_finished_has_its_time",
            ),
        ]

    def __str__(self) -> str:
        slot = timezone.localtime(self.slot)
        return f"{self.job} {slot:%Y-%m-%d %H:%M} ({self.get_state_display()})"

    def outcome_text(self) -> str:
        """The result or the error in the active language when the job gave it in words,
        else as written."""
        if outcomes.is_outcome(self.outcome):
            return outcomes.text(self.outcome)
        return self.error or self.result


class BackgroundRun(models.Model):
    """A run a user asked for, written by a background task: queued → running → done or
    failed (the subclass's ``state``, changed only by its services), ``progress_done`` of
    ``progress_total`` as the task goes."""

    state: models.CharField[str, str]  # each subclass: queued, running, done, failed

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    error = models.TextField(_("error"), blank=True)
    # The background task's id (django-tasks), to find its row in the queue.
    task_id = models.CharField(max_length=64, blank=True)
    submission_key = models.UUIDField(unique=True, null=True, blank=True)
    created_at = models.DateTimeField(_("asked for"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def in_progress(self) -> bool:
        return self.state in (RunState.QUEUED, RunState.RUNNING)

    @property
    def percent(self) -> int:
        if not self.progress_total:
            return 100 if self.state == RunState.DONE else 0
        return round(100 * self.progress_done / self.progress_total)


def background_run_constraints(prefix: str) -> list[models.BaseConstraint]:
    """The constraints every background run keeps, named ``<prefix>progress_within_total``,
    ``<prefix>failed_says_why`` and ``<prefix>finished_has_its_time``."""
    return [
        models.CheckConstraint(
            condition=Q(progress_done__lte=F("progress_total")),
            name=f"{prefix}progress_within_total",
        ),
        models.CheckConstraint(
            condition=~Q(state="failed") | ~Q(error=""), name=f"{prefix}failed_says_why"
        ),
        models.CheckConstraint(
            condition=Q(state__in=["queued", "running"]) | Q(finished_at__isnull=False),
            name=f"{prefix}finished_has_its_time",
        ),
    ]
