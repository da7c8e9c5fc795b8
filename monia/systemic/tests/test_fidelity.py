"""The systemic model's fidelity, observed (issue 16): counted from the team's closed
meetings, shown as a chart with its table to the team, the senior official and the
development coordinator, in a fixed number of queries; no family is named."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from monia.accounts.models import Role
from monia.conftest import CaseWorld, child_create, days_ago, login, make_user, notification
from monia.systemic import fidelity_selectors as fidelity
from monia.systemic import services
from monia.systemic.models import (
    AgendaItem,
    AttendanceStatus,
    DiagramKind,
    DiagramSnapshot,
    MeetingAttendance,
    MeetingStatus,
    TeamMeeting,
)

pytestmark = pytest.mark.django_db


def _held(world: Any, user: Any, day: datetime.date, cases: list[Any]) -> TeamMeeting:
    meeting = TeamMeeting.objects.create(
        team=world.team_a1, held_on=day, status=MeetingStatus.CLOSED, opened_by=user
    )
    for i, case in enumerate(cases, start=1):
        AgendaItem.objects.create(meeting=meeting, case=case, position=i, discussed=True)
    return meeting


def _world(case_a: CaseWorld, world: Any, worker_a: Any) -> tuple[TeamMeeting, Any]:
    """A meeting today: the family therapist present, two families discussed, one with a
    hypothesis made at the meeting and a genogram saved."""
    other = child_create(world.county_a, first="Toinen", number=931)
    notification(worker_a, other, world.team_a1, at=days_ago(3))
    other_case = world.team_a1.cases.exclude(pk=case_a.case.pk).get()
    therapist = make_user("terapeutti", Role.FAMILY_THERAPIST, world.county_a, world.team_a1)
    meeting = _held(world, worker_a, timezone.localdate(), [case_a.case, other_case])
    MeetingAttendance.objects.create(
        meeting=meeting, member=therapist, status=AttendanceStatus.PRESENT
    )
    services.hypothesis_add(
        user=worker_a, case=case_a.case, statement="Isän poismuutto", meeting=meeting
    )
    DiagramSnapshot.objects.create(case=case_a.case, kind=DiagramKind.GENOGRAM, data={"p": [1]})
    return meeting, other_case


def test_the_month_counts_meetings_therapist_hypotheses_genograms_and_shared_cases(
    case_a: CaseWorld, world: Any, worker_a: Any
) -> None:
    _world(case_a, world, worker_a)
    today = timezone.localdate()
    rows = fidelity.fidelity_by_team([world.team_a1.pk], today=today)[world.team_a1.pk]
    assert len(rows) == 12 and rows[-1].month == today.replace(day=1)
    now = rows[-1]
    assert now.meetings.part == 1
    assert (now.therapist.part, now.therapist.whole) == (1, 1)
    assert (now.hypotheses.part, now.hypotheses.whole) == (1, 2)
    assert (now.genograms.part, now.genograms.whole) == (1, 2)
    assert now.shared.part == 2 and now.shared.whole >= 2
    assert all(m.meetings.part == 0 for m in rows[:-1])


def test_a_team_meeting_every_sunday_held_every_weekly_meeting(world: Any, worker_a: Any) -> None:
    """November 2026 has five Sundays: a team that met on each held 5 of 5 (the page said
    "5 (4)", more meetings than weeks); October 2026 has four Sundays: 4 of 4."""
    sundays = [datetime.date(2026, 10, d) for d in (4, 11, 18, 25)]
    sundays += [datetime.date(2026, 11, d) for d in (1, 8, 15, 22, 29)]
    for day in sundays:
        _held(world, worker_a, day, [])
    rows = fidelity.fidelity_by_team([world.team_a1.pk], today=datetime.date(2026, 12, 6))
    by_month = {m.month: m.meetings for m in rows[world.team_a1.pk]}
    assert by_month[datetime.date(2026, 11, 1)] == fidelity.Ratio(5, 5)
    assert by_month[datetime.date(2026, 10, 1)] == fidelity.Ratio(4, 4)
    assert by_month[datetime.date(2026, 12, 1)] == fidelity.Ratio(0, 1)  # one Sunday so far
    assert by_month[datetime.date(2026, 9, 1)].whole == 4  # none held: four Sundays


def test_an_unchanged_genogram_is_not_an_update(
    case_a: CaseWorld, world: Any, worker_a: Any
) -> None:
    old = DiagramSnapshot.objects.create(
        case=case_a.case, kind=DiagramKind.GENOGRAM, data={"p": [1]}
    )
    DiagramSnapshot.objects.filter(pk=old.pk).update(taken_at=days_ago(60))
    _world(case_a, world, worker_a)  # the same genogram saved again today
    today = timezone.localdate()
    now = fidelity.fidelity_by_team([world.team_a1.pk], today=today)[world.team_a1.pk][-1]
    assert now.genograms.part == 0


def test_a_genogram_updated_where_the_family_was_discussed_counts_after_the_case_moves(
    case_a: CaseWorld, world: Any, worker_a: Any
) -> None:
    """The month belongs to the team whose meeting discussed the family: moving the case to
    another team later does not take the genogram's update out of that team's month."""
    _world(case_a, world, worker_a)
    case_a.case.team = world.team_a2
    case_a.case.save(update_fields=["team"])
    today = timezone.localdate()
    now = fidelity.fidelity_by_team([world.team_a1.pk], today=today)[world.team_a1.pk][-1]
    assert (now.genograms.part, now.genograms.whole) == (1, 2)


def test_the_team_sees_a_chart_and_its_table_without_names(
    case_a: CaseWorld, world: Any, worker_a: Any
) -> None:
    _world(case_a, world, worker_a)
    html = login("worker_a", "en").get(reverse("systemic_fidelity")).content.decode()
    assert "<svg" in html and "<table" in html and "<polyline" in html
    assert case_a.case.child.last_name not in html


def test_the_page_runs_a_fixed_number_of_queries(
    case_a: CaseWorld, world: Any, worker_a: Any, django_assert_num_queries: Any
) -> None:
    client = login("worker_a")
    url = reverse("systemic_fidelity")
    client.get(url)
    with django_assert_num_queries(8) as small:  # session, user, team, 4 counts, bell
        client.get(url)
    _world(case_a, world, worker_a)
    with django_assert_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


def test_who_may_see_the_fidelity(
    world: Any,
    worker_a: Any,
    other_team: Any,
    senior_a: Any,
    developer_a: Any,
    partner: Any,
    expert_by_experience: Any,
    other_county: Any,
) -> None:
    team_url = reverse("systemic_fidelity") + f"?team={world.team_a1.pk}"
    for allowed in ("worker_a", "senior_a", "developer_a"):
        assert login(allowed).get(team_url).status_code == 200, allowed
    overview = login("developer_a", "en").get(reverse("systemic_fidelity")).content.decode()
    assert world.team_a1.name in overview and world.team_a2.name in overview
    # A member of another team sees their own team whatever they ask for.
    page = login("other_team", "en").get(team_url).content.decode()
    # The page's own words only: the teams are named "A1" and "A2", which a random CSRF
    # token elsewhere on the page can contain.
    mine = page[page.index("<main") : page.index("</main>")]
    assert world.team_a2.name in mine and world.team_a1.name not in mine
    other = reverse("systemic_fidelity") + f"?team={world.team_b1.pk}"
    assert login("developer_a").get(other).status_code == 404
    for refused in ("partner", "expert_by_experience"):
        assert login(refused).get(team_url).status_code == 404, refused


def test_a_family_therapist_who_sent_apologies_was_not_present(
    case_a: CaseWorld, world: Any, worker_a: Any
) -> None:
    therapist = make_user("terapeutti", Role.FAMILY_THERAPIST, world.county_a, world.team_a1)
    meeting = _held(world, worker_a, timezone.localdate(), [case_a.case])
    MeetingAttendance.objects.create(
        meeting=meeting, member=therapist, status=AttendanceStatus.APOLOGISED
    )
    MeetingAttendance.objects.create(
        meeting=meeting, member=worker_a, status=AttendanceStatus.PRESENT
    )
    today = timezone.localdate()
    now = fidelity.fidelity_by_team([world.team_a1.pk], today=today)[world.team_a1.pk][-1]
    assert (now.therapist.part, now.therapist.whole) == (0, 1)
    assert now.hypotheses.part == 0 and now.genograms.part == 0
