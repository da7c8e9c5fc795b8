"""Reports that run as background tasks (reporting/thl_tasks.py).

``ThlCompareRun``: THL's half-year processing times of every county side by side, as only
aggregates may cross a county line (counts under 5 suppressed). The row is the run's state
machine: queued → running → done or failed, changed only by ``thl_services.py``;
``progress_done`` of ``progress_total`` counties as the task goes; the finished table waits
on the row (``rows``) until its user downloads it.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from monia.jobs.models import BackgroundRun, background_run_constraints


class RunState(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Being counted")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class ThlCompareRun(BackgroundRun):
    """The counties' half-year processing times, asked for by a senior official."""

    county = models.ForeignKey("teams.County", on_delete=models.PROTECT, related_name="+")
    period_start = models.DateField(_("period starts"))
    period_end = models.DateField(_("period ends"))
    state = models.CharField(
        _("state"), max_length=10, choices=RunState.choices, default=RunState.QUEUED
    )
    # One row per county: [name, matters, on time, late, completed, on time, late, open and
    # overdue], each count already suppressed (None: under 5).
    rows = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("comparison of counties")
        verbose_name_plural = _("comparisons of counties")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["requested_by", "created_at"], name="thl_run_user_idx")]
        constraints = [
            *background_run_constraints("thl_run_"),
            models.CheckConstraint(
                condition=Q(period_start__lte=F("period_end")), name="thl_run_period_in_order"
            ),
        ]

    def __str__(self) -> str:
        return f"THL comparison {self.pk} ({self.state})"
