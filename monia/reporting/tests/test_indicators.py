"""The development indicators: each month's figures on a world counted by hand, the median
and the 90th percentile, the scopes, the children behind a figure, exports that parse
back, and a bounded number of queries."""

from __future__ import annotations

import datetime
import io
import statistics
from dataclasses import dataclass
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from monia import deadlines
from monia.access.models import AccessLog
from monia.casework.models import Case
from monia.casework.tests.test_exceptions import client_without_plan
from monia.conftest import World, login
from monia.consult.models import Consultation
from monia.contrib.models import ContributionRequest
from monia.netmeet.models import NetworkMeeting, NetworkMeetingInvitee
from monia.network.models import Organisation, Referral
from monia.reporting import access
from monia.reporting import indicator_selectors as ind

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


# --- Median and the 90th percentile -------------------------------------------------------


def test_median_and_percentile_worked_examples() -> None:
    assert ind.median([10, 20, 40, 50]) == 30.0
    assert ind.median([7]) == 7.0 and ind.median([]) is None
    assert ind.percentile(list(range(1, 11)), 90) == 9  # 9 of 10 at or below 9
    assert ind.percentile(list(range(1, 12)), 90) == 10  # ceil(9.9) = 10th value
    assert ind.percentile([50, 10, 40, 20], 90) == 50  # ceil(3.6) = 4th value
    assert ind.percentile([], 90) is None
    assert [ind.share(1, 3), ind.share(2, 3), ind.share(1, 2), ind.share(0, 0)] == [
        33,
        67,
        50,
        None,
    ]


@given(st.lists(st.integers(min_value=0, max_value=400), min_size=1, max_size=60))
def test_the_90th_percentile_is_the_smallest_value_with_nine_in_ten_at_or_below(
    values: list[int],
) -> None:
    p90 = ind.percentile(values, 90)
    assert p90 in values
    assert sum(v <= p90 for v in values) >= 0.9 * len(values)  # type: ignore[operator]
    assert sum(v < p90 for v in values) < 0.9 * len(values)  # type: ignore[operator]
    assert ind.median(values) == float(statistics.median(values))
    assert min(values) <= ind.median(values) <= max(values)  # type: ignore[operator]


def test_month_starts_are_the_last_twelve_months() -> None:
    months = ind.month_starts(datetime.date(2025, 3, 15))
    assert months[0] == datetime.date(2024, 4, 1) and months[-1] == datetime.date(2025, 3, 1)
    assert len(months) == 12


# --- A world counted by hand ----------------------------------------------------------------


@dataclass
class Measured:
    month: datetime.date  # last month: every record below falls in it
    a: Case  # team A1
    b: Case  # team A1
    other: Case  # team A2


def _at(day: datetime.date, hour: int = 12) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=deadlines.HELSINKI)


def _referral(case: Case, org: Organisation, user: Any, first: datetime.date, days: int) -> None:
    need = first - datetime.timedelta(days=days)
    Referral.objects.create(
        case=case,
        organisation=org,
        service="Tuki",
        need_identified_on=need,
        referred_at=_at(need),
        accepted_at=_at(need),
        first_contact_at=_at(first),
        created_by=user,
    )


@pytest.fixture
def measured(world: World, worker_a: Any, other_team: Any, school: Any) -> Measured:
    month = ind.month_starts(TODAY())[-2]
    a = client_without_plan(world, worker_a, number=940)
    b = client_without_plan(world, worker_a, number=941)
    other = client_without_plan(world, worker_a, number=942)
    Case.objects.filter(pk=other.pk).update(team=world.team_a2)
    clinic = Organisation.objects.create(
        county=world.county_a, name="Nuorisoasema", sector="mental_health_substance"
    )
    psychiatry = Organisation.objects.create(
        county=world.county_a, name="Lastenpsykiatria", sector="child_psychiatry"
    )
    day = month.replace(day=10)
    # Time to support, A1: 10, 20, 40 and 50 days → median 30, p90 50, within 30: 2 of 4.
    _referral(a, clinic, worker_a, day, 10)
    _referral(a, psychiatry, worker_a, day, 40)
    _referral(b, clinic, worker_a, day, 20)
    _referral(b, clinic, worker_a, day, 50)
    _referral(b, school, worker_a, day, 90)  # a school: not a mental-health or substance need
    _referral(other, clinic, worker_a, day, 5)  # team A2
    # Assessments completed in the month: a with a partner's statement, b without.
    for case, completed in ((a, 5), (b, 6), (other, 7)):
        case.assessments.update(completed_on=month.replace(day=completed))
    ContributionRequest.objects.create(
        assessment=a.assessments.get(),
        organisation=school,
        basis="lsl_41_request",
        questions="Miten koulu sujuu?",
        due_on=month.replace(day=3),
        requested_by=worker_a,
        requested_at=_at(month.replace(day=1)),
        statement="Hyvin.",
        submitted_at=_at(month.replace(day=2)),
    )
    ContributionRequest.objects.create(  # requested, never submitted: does not count
        assessment=b.assessments.get(),
        organisation=school,
        basis="lsl_41_request",
        questions="Miten koulu sujuu?",
        due_on=month.replace(day=3),
        requested_by=worker_a,
        requested_at=_at(month.replace(day=1)),
    )
    # Network meetings held in the month: a's with a guardian attending, b's with partners
    # only, b's planned one not counted.
    for case, status, family in ((a, "held", True), (b, "held", False), (b, "planned", True)):
        meeting = NetworkMeeting.objects.create(
            case=case,
            held_at=_at(month.replace(day=12)),
            place="Perhekeskus",
            agenda="Kuulumiset",
            organised_by=worker_a,
            status=status,
            **(HELD if status == "held" else {}),
        )
        NetworkMeetingInvitee.objects.create(
            meeting=meeting, organisation=school, role="partner", attends=True
        )
        if family:
            NetworkMeetingInvitee.objects.create(
                meeting=meeting, role="guardian", family_member_name="Maija", attends=True
            )
    # Consultations due on the 10th: answered the 9th (on time), the 12th (late), never (late).
    due = month.replace(day=10)
    for case, answered in ((a, 9), (a, 12), (b, None)):
        Consultation.objects.create(
            case=case,
            organisation=clinic,
            asked_by=worker_a,
            mode="pseudonymised",
            pseudonym="Nuori A",
            question="Miten toimia?",
            asked_at=_at(month.replace(day=1)),
            answer_due=due,
            answer="Näin." if answered else "",
            answered_at=_at(month.replace(day=answered)) if answered else None,
        )
    return Measured(month=month, a=a, b=b, other=other)


HELD = {"minutes": "Sovittiin.", "family_view": "Hyvä.", "child_view": "Kiva."}


def _row(rows: list[Any], month: datetime.date) -> Any:
    return next(r for r in rows if r.month == month)


def test_each_indicator_of_a_team_is_the_hand_counted_one(
    measured: Measured, worker_a: Any
) -> None:
    m = measured
    result = ind.indicators(access.team_scope_get(worker_a, None), today=TODAY())
    support = _row(result.support, m.month)
    assert sorted(support.days) == [10, 20, 40, 50]
    assert (support.median, support.p90, support.hits, support.share) == (30.0, 50, 2, 50)
    assert support.case_ids == {m.a.pk, m.b.pk} and support.miss_ids == {m.a.pk, m.b.pk}
    contrib = _row(result.contributions, m.month)
    assert (contrib.total, contrib.hits, contrib.share) == (2, 1, 50)
    assert contrib.miss_ids == {m.b.pk}
    meetings = _row(result.meetings, m.month)
    assert (meetings.total, meetings.hits, meetings.miss_ids) == (2, 1, {m.b.pk})
    consult = _row(result.consultations, m.month)
    assert (consult.total, consult.hits, consult.share) == (3, 1, 33)
    assert sum(r.total for r in result.support) == 4  # nothing in the other months
    assert len(result.caseload) == 12 and result.caseload[-1].workers == 1
    # Caseloads are the team's workers' (as on the caseload page): worker_a's three children,
    # the one whose case moved to team A2 included.
    assert result.caseload[-1].largest == 3


def test_the_county_adds_the_other_team(measured: Measured, senior_a: Any) -> None:
    result = ind.indicators(access.team_scope_get(senior_a, None), today=TODAY())
    support = _row(result.support, measured.month)
    assert sorted(support.days) == [5, 10, 20, 40, 50]
    assert (support.median, support.p90) == (20.0, 50)
    assert _row(result.contributions, measured.month).total == 3


def test_a_month_is_the_helsinki_month_of_the_first_support(
    measured: Measured, worker_a: Any
) -> None:
    last_day = ind.month_starts(TODAY())[-1] - datetime.timedelta(days=1)  # last month's end
    late_evening = datetime.datetime.combine(
        last_day, datetime.time(23, 30), tzinfo=deadlines.HELSINKI
    )
    Referral.objects.create(
        case=measured.a,
        organisation=Organisation.objects.get(name="Nuorisoasema"),
        service="Ilta",
        need_identified_on=last_day,
        referred_at=late_evening,
        accepted_at=late_evening,
        first_contact_at=late_evening,
        created_by=worker_a,
    )
    result = ind.indicators(access.team_scope_get(worker_a, None), today=TODAY())
    assert 0 in _row(result.support, measured.month).days


def test_the_page_and_the_children_behind_a_figure(
    measured: Measured, world: World, worker_a: Any
) -> None:
    client = login("worker_a", language="fi")
    page = client.get(reverse("statistics_indicators"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "<svg" in html and reverse("participation_indicators") in html
    month = measured.month.strftime("%Y-%m")
    url = reverse("statistics_indicators_children", args=["contributions", month, "no"])
    assert url in html
    before = AccessLog.objects.count()
    listed = client.get(url)
    assert [c.pk for c in listed.context["cases"]] == [measured.b.pk]
    assert AccessLog.objects.count() == before + 1
    bad = reverse("statistics_indicators_children", args=["contributions", "2001-13", "all"])
    assert client.get(bad).status_code == 404
    assert (
        client.get(reverse("statistics_indicators"), {"team": world.team_a2.pk}).status_code == 404
    )


def test_the_page_tells_the_target_in_words_not_a_setting_name(
    measured: Measured, worker_a: Any
) -> None:
    """A worker reads "the target of 30 days", in every language; the name of the setting
    behind it (MONIA_SUPPORT_TARGET_DAYS) is for the administrator's documentation."""
    for language, words in (("fi", "tavoitteen 30 päivää"), ("sv", "målet 30 dagar")):
        html = login("worker_a", language=language).get(reverse("statistics_indicators"))
        text = html.content.decode()
        assert words in text and "MONIA_" not in text, language


@pytest.mark.parametrize("persona", ["other_county", "admin", "partner"])
def test_other_counties_administrators_and_partners_get_404(
    persona: str, measured: Measured, request: pytest.FixtureRequest
) -> None:
    request.getfixturevalue(persona)
    client = login(persona)
    team = {"team": measured.a.team_id}
    assert client.get(reverse("statistics_indicators"), team).status_code == 404
    month = measured.month.strftime("%Y-%m")
    url = reverse("statistics_indicators_children", args=["support", month, "all"])
    assert client.get(url, team).status_code == 404


def test_the_exports_parse_back_to_the_pages_rows(measured: Measured, senior_a: Any) -> None:
    client = login("senior_a", language="fi")
    team = {"team": measured.a.team_id}
    month = measured.month.strftime("%Y-%m")
    book = load_workbook(
        io.BytesIO(client.get(reverse("statistics_indicators"), {"format": "xlsx", **team}).content)
    )
    assert len(book.sheetnames) == 5
    support = [r for r in book.worksheets[0].iter_rows(min_row=2, values_only=True)]
    assert (month, 4, 30.0, 50, 2, 50) in support
    text = client.get(reverse("statistics_indicators"), {"format": "csv", **team}).content
    lines = text.decode("utf-8-sig").splitlines()
    assert any(line.endswith(f";{month};2;1;50") for line in lines)  # the statements' row


def test_the_number_of_queries_does_not_grow_with_the_data(
    measured: Measured,
    world: World,
    worker_a: Any,
    senior_a: Any,
    django_assert_max_num_queries: Any,
) -> None:
    client = login("senior_a")
    url = reverse("statistics_indicators")
    with django_assert_max_num_queries(45):
        client.get(url)
    for n in range(4):
        extra = client_without_plan(world, worker_a, number=950 + n)
        _referral(extra, Organisation.objects.get(name="Nuorisoasema"), worker_a, measured.month, 3)
    with django_assert_max_num_queries(45):
        assert client.get(url).status_code == 200
