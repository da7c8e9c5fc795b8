"""The archive export of a case (arkistointipaketti): every signed document of the case —
its PDF, its national structure (Sosmeta) as JSON and the metadata an archive needs — in
one ZIP with a manifest of SHA-256 sums, written by a background task (``tasks.py``).

The row is the export's state machine: queued → running → done or failed, changed only by
``services.py``; ``progress_done`` of ``progress_total`` documents as the task goes. The
ZIP lies in the attachments storage (never served by the web server) under a random name;
it is downloaded only through ``views.archive_export_download`` (the senior official's
rule, a disclosure-log row each time).
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from monia.jobs.models import BackgroundRun, background_run_constraints


class ExportState(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Being written")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class ArchiveExport(BackgroundRun):
    """One archive package of one case, as asked for by a senior official."""

    case = models.ForeignKey(
        "casework.Case", on_delete=models.PROTECT, related_name="archive_exports"
    )
    state = models.CharField(
        _("state"), max_length=10, choices=ExportState.choices, default=ExportState.QUEUED
    )
    # The package in the attachments storage: a random name, nothing of the child in it.
    stored_name = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField(null=True, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("archive export")
        verbose_name_plural = _("archive exports")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["case", "created_at"], name="archive_case_time_idx")]
        constraints = [
            *background_run_constraints("archive_"),
            models.CheckConstraint(
                condition=~Q(state="done") | (~Q(stored_name="") & ~Q(sha256="")),
                name="archive_done_has_its_file",
            ),
        ]

    def __str__(self) -> str:
        return f"archive export {self.pk} of case {self.case_id} ({self.state})"
