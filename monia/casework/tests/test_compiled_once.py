"""A sub-select compiled once (``list_selectors.compiled_once``) finds the same deadlines and
exceptions as the queryset itself, and a queryset that can match nothing finds none."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from monia.access import policy
from monia.casework import exception_selectors, list_selectors, selectors, stages
from monia.casework.models import Case
from monia.conftest import CaseWorld


def test_a_compiled_sub_select_finds_what_the_queryset_finds(
    case_a: CaseWorld, worker_a: Any
) -> None:
    today = timezone.localdate()
    open_cases = stages.open_cases(policy.cases_visible_to(worker_a))
    once = list_selectors.compiled_once(open_cases)
    assert once is not open_cases
    found = selectors.deadlines_for_cases(open_cases, today=today)
    assert found  # the case's intake awaits its decision
    assert selectors._deadlines_query(once, None, today, 10) == found
    assert exception_selectors.case_exceptions(
        once, today=today
    ) == exception_selectors.case_exceptions(open_cases, today=today)


def test_cases_that_can_match_nothing_have_no_deadlines_or_exceptions(db: Any) -> None:
    today = timezone.localdate()
    nothing = Case.objects.filter(pk__in=[])
    assert list_selectors.compiled_once(nothing) is nothing
    assert selectors.deadlines_for_cases(nothing, today=today) == []
    assert exception_selectors.case_exceptions(nothing, today=today) == []
    assert selectors.deadlines_for_cases(Case.objects.none(), today=today) == []
