"""Every read of client data writes an access-log row in the same transaction."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import transaction
from django.urls import reverse

from monia.access import policy
from monia.access.models import AccessLog, Basis
from monia.conftest import CaseWorld, login


def test_case_page_logs_who_whose_which_view_and_basis(
    case_a: CaseWorld, worker_a: Any, teammate_a: Any
) -> None:
    login("worker_a").get(reverse("case_detail", args=[case_a.case.pk]))
    login("teammate_a").get(reverse("case_chronology", args=[case_a.case.pk]))
    rows = list(
        AccessLog.objects.order_by("pk").values_list(
            "user__username", "person_id", "purpose", "basis"
        )
    )
    assert rows == [
        ("worker_a", case_a.case.child_id, "case_detail", Basis.DESIGNATED_WORKER),
        ("teammate_a", case_a.case.child_id, "case_chronology", Basis.TEAM_MEMBER),
    ]


def test_refused_read_writes_no_log_row(case_a: CaseWorld, other_team: Any) -> None:
    assert login("other_team").get(reverse("case_detail", args=[case_a.case.pk])).status_code == 404
    assert not AccessLog.objects.exists()


def test_log_row_rolls_back_with_its_read(case_a: CaseWorld, worker_a: Any) -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        policy.case_get_for_user(worker_a, case_a.case.pk, purpose="case_detail")
        assert AccessLog.objects.count() == 1
        raise RuntimeError
    assert AccessLog.objects.count() == 0


def test_dashboard_logs_each_child_shown(case_a: CaseWorld, worker_a: Any) -> None:
    login("worker_a").get(reverse("dashboard"))
    assert list(AccessLog.objects.values_list("person_id", "purpose")) == [
        (case_a.case.child_id, "dashboard")
    ]


def test_administrator_sees_no_client_data(case_a: CaseWorld, admin: Any) -> None:
    assert policy.cases_visible_to(admin).count() == 0
    response = login("admin").get(reverse("dashboard"))
    assert case_a.case.child.last_name not in response.content.decode()


def test_other_county_sees_nothing_even_as_senior(case_a: CaseWorld, world: Any) -> None:
    from monia.conftest import make_user

    senior_b = make_user("senior_b", "senior_official", world.county_b, None)
    assert policy.case_basis(senior_b, case_a.case) is None
    assert policy.cases_visible_to(senior_b).count() == 0


def test_family_worker_records_but_does_not_decide(case_a: CaseWorld, family_worker_a: Any) -> None:
    assert policy.may(family_worker_a, policy.Action.RECORD, case_a.case)
    assert not policy.may(family_worker_a, policy.Action.DECIDE, case_a.case)


def test_person_search_logs_the_persons_shown(case_a: CaseWorld, teammate_a: Any) -> None:
    response = login("teammate_a").get(reverse("intake_new"), {"q": "Esimerkki"})
    assert "Aino Esimerkki" in response.content.decode()
    assert set(AccessLog.objects.values_list("basis", flat=True)) == {Basis.INTAKE_REGISTRATION}


def test_person_search_never_crosses_county_lines(case_a: CaseWorld, other_county: Any) -> None:
    response = login("other_county").get(reverse("intake_new"), {"q": "Esimerkki"})
    assert "Aino" not in response.content.decode()


def test_a_read_with_an_unknown_purpose_is_refused_before_anything_is_read(
    case_a: CaseWorld, worker_a: Any
) -> None:
    with pytest.raises(ValueError, match="not a valid Purpose"):
        policy.case_get_for_user(worker_a, case_a.case.pk, purpose="curiosity")
    assert not AccessLog.objects.exists()


def test_every_purpose_has_words_a_client_reads_in_finnish_and_swedish() -> None:
    from django.utils.translation import override

    from monia.access.purposes import Purpose, purpose_label

    for language in ("fi", "sv"):
        with override(language):
            for purpose in Purpose:
                label = purpose_label(purpose)
                assert label and label != purpose.value
    with override("en"):
        assert purpose_label("retired_view") == "The main facts of the child's matter"
