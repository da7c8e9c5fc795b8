"""Reads for the diagram pages. The caller has already passed the access policy for the
case; each function runs one query whatever the family's size."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from monia.casework.models import Case
from monia.systemic.models import DiagramSnapshot, NetworkTie


def snapshots_for(case: Case, *, kind: str) -> QuerySet[DiagramSnapshot]:
    """The stored versions of one diagram, newest first, without their data."""
    return (
        DiagramSnapshot.objects.filter(case=case, kind=kind)
        .select_related("meeting")
        .defer("data")
        .order_by("-taken_at", "-pk")
    )


def snapshot_get(case: Case, *, kind: str, snapshot_id: str | int) -> DiagramSnapshot:
    """One stored version of the case's diagram; 404 for anything else."""
    try:
        pk = int(snapshot_id)
    except (TypeError, ValueError) as exc:
        raise Http404 from exc
    snapshot = DiagramSnapshot.objects.filter(case=case, kind=kind, pk=pk).first()
    if snapshot is None:
        raise Http404
    return snapshot


def open_network_ties(case: Case) -> QuerySet[NetworkTie]:
    return case.network_ties.filter(ended_on__isnull=True).order_by("kind", "created_at", "pk")


def network_tie_get(case: Case, tie_id: str | int) -> NetworkTie:
    try:
        pk = int(tie_id)
    except (TypeError, ValueError) as exc:
        raise Http404 from exc
    tie = case.network_ties.filter(pk=pk).first()
    if tie is None:
        raise Http404
    return tie
