"""The runs of the schedule (``ScheduledRun``): one row per job and slot, the unique pair
that lets only one scheduler of many enqueue a slot; the row then keeps what happened (when
it started and finished, its short result or its error) for the administrator's page in
Django's admin. No client data: a job's result is a count or a sentence."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


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
        return f"{self.job} {self.slot:%Y-%m-%d %H:%M} ({self.state})"
