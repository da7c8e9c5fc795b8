"""Reads of the archive exports; the caller has opened the case through ``access``."""

from __future__ import annotations

from django.db.models import QuerySet

from monia.archive.models import ArchiveExport
from monia.casework.models import Case


def exports_of_case(case: Case) -> QuerySet[ArchiveExport]:
    """The case's exports, newest first, with who asked for each (one query)."""
    return ArchiveExport.objects.filter(case=case).select_related("requested_by")


def any_in_progress(exports: list[ArchiveExport]) -> bool:
    """Whether the page should refresh itself: an export is waiting or being written."""
    return any(e.in_progress for e in exports)
