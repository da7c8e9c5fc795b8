"""Reports that run as background tasks (reporting/thl_tasks.py).

``ThlCompareRun``: THL's half-year processing times of every county side by side, as only
aggregates may cross a county line (counts under 5 suppressed). The row is the run's state
machine: queued → running → done or failed, changed only by ``thl_services.py``;
``progress_done`` of ``progress_total`` counties as the task goes; the finished table waits
on the row (``rows``) until its user downloads it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class RunState(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Being counted")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class ThlCompareRun(models.Model):
    """The counties' half-year processing times, asked for by a senior official."""

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    county = models.ForeignKey("teams.County", on_delete=models.PROTECT, related_name="+")
    period_start = models.DateField(_("period starts"))
    period_end = models.DateField(_("period ends"))
    state = models.CharField(
        _("state"), max_length=10, choices=RunState.choices, default=RunState.QUEUED
    )
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    # One row per county: [name, matters, on time, late, completed, on time, late, open and
    # overdue], each count already suppressed (None: under 5).
    rows = models.JSONField(default=list, blank=True)
    error = models.TextField(_("error"), blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    submission_key = models.UUIDField(unique=True, null=True, blank=True)
    created_at = models.DateTimeField(_("asked for"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("comparison of counties")
        verbose_name_plural = _("comparisons of counties")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["requested_by", "created_at"], name="thl_run_user_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress_done__lte=F("progress_total")),
                name="thl_run_progress_within_total",
            ),
            models.CheckConstraint(
                condition=~Q(state="failed") | ~Q(error=""), name="thl_run_failed_says_why"
            ),
            models.CheckConstraint(
                condition=Q(state__in=["queued", "running"]) | Q(finished_at__isnull=False),
                name="thl_run_finished_has_its_time",
            ),
            models.CheckConstraint(
                condition=Q(period_start__lte=F("period_end")), name="thl_run_period_in_order"
            ),
        ]

    def __str__(self) -> str:
        return f"THL comparison {self.pk} ({self.state})"

    @property
    def in_progress(self) -> bool:
        return self.state in (RunState.QUEUED, RunState.RUNNING)

    @property
    def percent(self) -> int:
        if not self.progress_total:
            return 100 if self.state == RunState.DONE else 0
        return round(100 * self.progress_done / self.progress_total)
