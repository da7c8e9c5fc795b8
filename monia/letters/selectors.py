"""Reads of the letters of one case; the caller reached the case through the policy."""

from __future__ import annotations

from django.db.models import QuerySet

from monia.casework.models import Case, Intake, ServiceNeedsAssessment
from monia.letters.models import Letter
from monia.netmeet.models import MeetingStatus, NetworkMeeting


def letters_for_case(case: Case) -> QuerySet[Letter]:
    return case.letters.select_related("recipient", "created_by")


def letter_of_case(case: Case, letter_id: int) -> Letter | None:
    return letters_for_case(case).filter(pk=letter_id).first()


def intakes_of_case(case: Case) -> QuerySet[Intake]:
    return case.intakes.select_related("assessment").order_by("-received_at")


def assessments_done(case: Case) -> QuerySet[ServiceNeedsAssessment]:
    return case.assessments.filter(completed_on__isnull=False).order_by("-completed_on", "-pk")


def meetings_planned(case: Case) -> QuerySet[NetworkMeeting]:
    return NetworkMeeting.objects.filter(case=case, status=MeetingStatus.PLANNED).order_by(
        "held_at"
    )
