"""The dashboard's counts say what they count."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from monia.conftest import CaseWorld, login


def test_senior_officials_dashboard_counts_the_countys_cases_not_a_team(
    case_a: CaseWorld, senior_a: Any
) -> None:
    page = login("senior_a").get(reverse("dashboard")).content.decode()
    assert "hyvinvointialueen muut asiat" in page
    assert "Hyvinvointialueen muut asiat" in page
    assert "tiimini" not in page.lower()


def test_team_members_dashboard_counts_the_teams_other_cases(
    case_a: CaseWorld, teammate_a: Any
) -> None:
    page = login("teammate_a").get(reverse("dashboard")).content.decode()
    assert "tiimini muut asiat" in page
    assert "hyvinvointialueen muut asiat" not in page


def test_swedish_senior_official_reads_the_county_label(case_a: CaseWorld, senior_a: Any) -> None:
    page = login("senior_a", language="sv").get(reverse("dashboard")).content.decode()
    assert "välfärdsområdets övriga ärenden" in page
