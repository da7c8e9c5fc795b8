"""The participation indicators: numbers reconciled against the raw rows, scoped to the
user's team or (senior official) county, refused to others, in a fixed number of queries."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from monia.accounts.models import User
from monia.casework.models import Case
from monia.conftest import PortalWorld, World, child_create, days_ago, login, notification
from monia.netmeet.models import NetworkMeeting
from monia.people.models import Person
from monia.voice import selectors
from monia.voice.models import HeardFeedback, VoiceEntry, VoiceKind
from monia.voice.tests.conftest import meeting_make

pytestmark = pytest.mark.django_db


def _answer(meeting: NetworkMeeting, score: int, *, n: int) -> HeardFeedback:
    """An answer by a distinct client account (one answer per meeting and author)."""
    user = User.objects.create(username=f"client-test-{meeting.pk}-{n}", role="client")
    return HeardFeedback.objects.create(
        meeting=meeting,
        author=user,
        author_person=Person.objects.get(pk=meeting.case.child_id),
        kind=VoiceKind.YOUNG_PERSON,
        score=score,
    )


def _voice(case: Case, *, at: datetime.datetime) -> VoiceEntry:
    return VoiceEntry.objects.create(
        case=case,
        author=User.objects.get(username="worker_a"),
        author_person=case.child,
        kind=VoiceKind.YOUNG_PERSON,
        home=4,
        created_at=at,
    )


def _other_team_case(world: World, other_team: User) -> Case:
    child = child_create(world.county_a, first="Toinen", number=940)
    return notification(other_team, child, world.team_a2, at=days_ago(3)).case


def _other_county_case(world: World, other_county: User) -> Case:
    child = child_create(world.county_b, first="Kaukana", number=941)
    return notification(other_county, child, world.team_b1, at=days_ago(3)).case


@pytest.fixture
def data(portal_world: PortalWorld, world: World, other_team: User, other_county: User) -> Any:
    """Team A1: three answers 5, 4, 2 this month and two voice entries; one answer 13
    months ago. Team A2: one answer 1 this month. County B: one answer 5 this month."""
    now = timezone.now()
    this_month = meeting_make(portal_world.young_case, days=-1 / 1440, held=True)
    for n, score in enumerate([5, 4, 2]):
        _answer(this_month, score, n=n)
    _answer(meeting_make(portal_world.young_case, days=-400, held=True), 1, n=9)
    _voice(portal_world.young_case, at=now)
    _voice(portal_world.adult_case, at=now)
    _voice(portal_world.young_case, at=now - datetime.timedelta(days=400))
    _answer(meeting_make(_other_team_case(world, other_team), days=-1 / 1440, held=True), 1, n=0)
    far = _other_county_case(world, other_county)
    _answer(meeting_make(far, days=-1 / 1440, held=True), 5, n=0)
    _voice(far, at=now)
    return this_month


def _rows(user: User) -> list[selectors.MonthRow]:
    from monia.access import policy

    scope = policy.caseload_scope(user)
    assert scope is not None
    return selectors.participation_by_month(
        county_id=scope[0], team_id=scope[1], until=timezone.localdate()
    )


def test_team_numbers_reconcile_with_the_raw_rows(data: NetworkMeeting, worker_a: User) -> None:
    rows = _rows(worker_a)
    assert len(rows) == 12
    month = timezone.localdate(data.held_at).replace(day=1)
    row = next(r for r in rows if r.month == month)
    assert (row.heard_answers, row.heard_mean, row.heard_high_share) == (3, Decimal("3.7"), 67)
    raw = list(HeardFeedback.objects.filter(meeting=data).values_list("score", flat=True))
    assert sorted(raw) == [2, 4, 5]
    assert row.heard_mean == round(Decimal(sum(raw)) / len(raw), 1)
    assert row.heard_high_share == round(100 * sum(s >= 4 for s in raw) / len(raw))
    assert row.voice_entries == 2
    assert sum(r.heard_answers for r in rows) == 3  # 13 months ago and other teams: out
    assert sum(r.voice_entries for r in rows) == 2
    assert all(r.heard_mean is None for r in rows if r.month != month)


def test_a_senior_official_sees_the_whole_county_and_no_other(
    data: NetworkMeeting, senior_a: User
) -> None:
    row = next(r for r in _rows(senior_a) if r.heard_answers)
    assert (row.heard_answers, row.heard_mean, row.heard_high_share) == (4, Decimal("3.0"), 50)
    assert sum(r.voice_entries for r in _rows(senior_a)) == 2


def test_the_page_shows_the_chart_and_the_table(data: NetworkMeeting, worker_a: User) -> None:
    page = login("worker_a", language="en").get(reverse("participation_indicators"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "<svg" in text and "<table" in text
    assert "3.7" in text and "67%" in text  # English: no space before the sign
    assert reverse("statistics") in text  # the nav link to statistics, which lists this page


@pytest.mark.parametrize("persona", ["admin", "partner"])
def test_administrators_and_partners_get_404(
    persona: str, world: World, request: pytest.FixtureRequest
) -> None:
    request.getfixturevalue(persona)
    client = login(persona)
    assert client.get(reverse("participation_indicators")).status_code == 404
    assert reverse("participation_indicators").encode() not in client.get("/").content


def test_a_portal_client_gets_404(portal_world: PortalWorld) -> None:
    from monia.conftest import portal_client

    client = portal_client(portal_world.young)
    assert client.get(reverse("participation_indicators")).status_code == 404


def test_the_selector_runs_two_queries(
    data: NetworkMeeting, worker_a: User, django_assert_num_queries: Any
) -> None:
    with django_assert_num_queries(2):
        _rows(worker_a)


def test_the_page_query_count_does_not_grow_with_the_data(
    portal_world: PortalWorld, worker_a: User
) -> None:
    client = login("worker_a")
    url = reverse("participation_indicators")
    client.get(url)  # warm the session and the translations

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    empty = count()
    for months_back in range(5):
        meeting = meeting_make(portal_world.young_case, days=-30 * months_back - 1, held=True)
        for n in range(3):
            _answer(meeting, 1 + n, n=n)
        _voice(portal_world.young_case, at=meeting.held_at)
    assert count() == empty
