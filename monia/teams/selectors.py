"""Reads of counties and teams (no client data)."""

from __future__ import annotations

from django.db.models import QuerySet

from monia.teams.models import County


def counties() -> QuerySet[County]:
    """Every wellbeing services county of the installation, by Finnish name."""
    return County.objects.order_by("name_fi")
