"""Retention metadata per service task (domain.md § 4.3, Kansallisarkisto's retention
table): child welfare until two years after the client's death, social services for
families with children 30 years from the closing; each archived document says which,
and the day it ends once that is known."""

from __future__ import annotations

import datetime
import io
import json
import zipfile
from typing import Any

import pytest
from django.utils import timezone

from monia.archive import services
from monia.archive.package import RETENTION, retention
from monia.attachments.services import storage
from monia.casework.models import Case, ServiceTask
from monia.conftest import CaseWorld

pytestmark = pytest.mark.django_db


def _plan_metadata(case_a: CaseWorld, senior: Any) -> dict[str, Any]:
    export = services.archive_export_request(user=senior, case_id=case_a.case.pk)
    export = services.archive_export_build(export_id=export.pk)
    with storage().open(export.stored_name, "rb") as handle:
        package = zipfile.ZipFile(io.BytesIO(handle.read()))
    plan = case_a.case.plans.get(status="approved")
    return json.loads(package.read(f"client-plan-{plan.pk}/metadata.json"))


def test_every_service_task_has_a_retention_and_its_names_in_finnish_and_swedish() -> None:
    for task in ServiceTask:
        assert RETENTION[task]["fi"] and RETENTION[task]["sv"]
        case = Case(service_task=task)
        assert case.service_task_in("fi") and case.service_task_in("sv")
        assert case.service_task_in("fi") != case.service_task_in("sv")  # translated, not English


def test_a_family_social_services_document_is_kept_30_years_not_for_life(
    case_a: CaseWorld, senior_a: Any
) -> None:
    Case.objects.filter(pk=case_a.case.pk).update(service_task=ServiceTask.FAMILY_SOCIAL_SERVICES)
    meta = _plan_metadata(case_a, senior_a)

    assert meta["service_task"] == {
        "code": "lapsiperheiden_sosiaalipalvelut",
        "fi": "Lapsiperheiden sosiaalipalvelut",
        "sv": "Socialservice för barnfamiljer",
    }
    assert meta["retention"]["code"] == "closed_plus_30_years"
    assert meta["retention"]["ends_on"] is None  # the case is open: kept


def test_a_child_welfare_document_is_kept_while_the_client_lives(
    case_a: CaseWorld, senior_a: Any
) -> None:
    meta = _plan_metadata(case_a, senior_a)

    assert meta["retention"]["code"] == "client_death_plus_2_years"
    assert meta["retention"]["ends_on"] is None


def test_child_welfare_retention_ends_two_years_after_the_death(case_a: CaseWorld) -> None:
    case = case_a.case
    case.child.deceased_on = datetime.date(2025, 3, 14)

    assert retention(case)["ends_on"] == "2027-03-14"


def test_a_death_on_29_february_keeps_the_documents_to_the_end_of_february(
    case_a: CaseWorld,
) -> None:
    case = case_a.case
    case.child.deceased_on = datetime.date(2024, 2, 29)

    assert retention(case)["ends_on"] == "2026-02-28"


def test_family_social_services_retention_ends_30_years_after_the_closing_day(
    case_a: CaseWorld,
) -> None:
    case = case_a.case
    case.service_task = ServiceTask.FAMILY_SOCIAL_SERVICES
    # At 23.30 UTC on 31 December it is already 1 January in Finland: the closing day
    # is the county's (Europe/Helsinki), not UTC's.
    case.closed_at = datetime.datetime(2025, 12, 31, 23, 30, tzinfo=datetime.UTC).astimezone(
        timezone.get_default_timezone()
    )
    case.child.deceased_on = datetime.date(2026, 1, 5)  # not the period of this task

    assert retention(case)["ends_on"] == "2056-01-01"


def test_a_service_task_without_a_retention_fails_the_export_instead_of_guessing(
    case_a: CaseWorld,
) -> None:
    case = case_a.case
    case.service_task = "perheoikeudelliset_palvelut"

    with pytest.raises(KeyError):
        retention(case)
