"""Reads for consultations. Case and partner access is decided in monia.access.policy."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet
from django.utils import timezone

from monia.casework.models import Case
from monia.consult.models import Consultation
from monia.network.models import Organisation


def consultations_for_case(case: Case) -> list[Consultation]:
    return list(
        Consultation.objects.filter(case=case).select_related(
            "organisation", "partner", "asked_by", "answered_by"
        )
    )


def is_overdue(c: Consultation, today: datetime.date | None = None) -> bool:
    return c.answered_at is None and c.answer_due < (today or timezone.localdate())


def organisations_for_case(case: Case) -> QuerySet[Organisation]:
    return Organisation.objects.filter(county_id=case.county_id, active=True)
