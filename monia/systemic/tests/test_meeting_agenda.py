"""The weekly meeting's short agenda, the "more" list, ordering in one step, attendance,
when a meeting may be closed and which day the form proposes (issue 10, items 8 and 18)."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from monia.accounts.models import Role
from monia.conftest import CaseWorld, World, child_create, days_ago, make_user, notification
from monia.conftest import login as _login
from monia.systemic import selectors, services
from monia.systemic.models import (
    AgendaReason,
    AttendanceStatus,
    MeetingStatus,
    TeamMeeting,
)

TODAY = timezone.localdate

PRESENT, APOLOGISED, ABSENT = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.APOLOGISED,
    AttendanceStatus.ABSENT,
)


def _families(world: World, worker: Any, n: int, *, start: int = 960) -> list[Any]:
    """``n`` new intakes awaiting the 7-day decision, the oldest first."""
    cases = []
    for i in range(n):
        child = child_create(world.county_a, first=f"Lapsi{i:02d}", number=start + i)
        cases.append(notification(worker, child, world.team_a1, at=days_ago(n - i)).case)
    return cases


def _open(user: Any, world: World, **kwargs: Any) -> TeamMeeting:
    return services.meeting_open(user=user, team=world.team_a1, held_on=TODAY(), **kwargs)


def _everyone(meeting: TeamMeeting, **overrides: str) -> dict[int, str]:
    """Every member present, except those named by username."""
    members = selectors.meeting_members(meeting)
    return {m.pk: overrides.get(m.username, PRESENT) for m in members}


# --- A short agenda by priority -------------------------------------------------------------


def test_the_proposed_agenda_holds_the_most_pressing_families_up_to_the_setting(
    world: World, worker_a: Any, teammate_a: Any, settings: Any
) -> None:
    settings.MONIA_MEETING_AGENDA_SIZE = 3
    cases = _families(world, worker_a, 6)
    services.flag_raise(user=teammate_a, case=cases[-1], reason="Isä muutti pois.")
    meeting = _open(worker_a, world)
    items = list(meeting.items.order_by("position"))
    assert [it.position for it in items] == [1, 2, 3]
    assert items[0].case_id == cases[-1].pk  # the flagged family first
    assert items[0].reasons[0] == AgendaReason.FLAGGED
    assert [it.case_id for it in items[1:]] == [cases[0].pk, cases[1].pk]  # oldest intakes


def test_the_size_chosen_when_opening_wins_over_the_setting(world: World, worker_a: Any) -> None:
    _families(world, worker_a, 4)
    assert _open(worker_a, world, agenda_size=2).items.count() == 2
    with pytest.raises(ValidationError) as exc:
        services.meeting_open(
            user=worker_a,
            team=world.team_a1,
            held_on=TODAY() + datetime.timedelta(1),
            agenda_size=0,
        )
    assert "agenda_size" in exc.value.message_dict


def test_the_default_size_is_eight(world: World, worker_a: Any) -> None:
    _families(world, worker_a, 10)
    assert _open(worker_a, world).items.count() == 8


def test_the_rest_of_the_proposal_is_offered_as_more_and_added_with_its_reasons(
    world: World, worker_a: Any, teammate_a: Any
) -> None:
    cases = _families(world, worker_a, 4)
    meeting = _open(worker_a, world, agenda_size=2)
    candidates = selectors.agenda_candidates(
        team=world.team_a1, today=TODAY(), on_agenda=selectors.agenda_case_ids(meeting)
    )
    assert [r.case.pk for r in candidates.more] == [cases[2].pk, cases[3].pk]

    client = _login("teammate_a")
    page = client.get(reverse("meeting_detail", args=[meeting.pk])).content.decode()
    assert "Lapsi02 Esimerkki" in page
    response = client.post(
        reverse("meeting_detail", args=[meeting.pk]), {"action": "add", "case": cases[3].pk}
    )
    assert response.status_code == 302
    added = meeting.items.get(case=cases[3])
    assert added.position == 3
    assert added.reasons == [AgendaReason.DECISION_PENDING, AgendaReason.NOT_DISCUSSED]


def test_a_family_chosen_by_the_team_is_marked_as_added(world: World, worker_a: Any) -> None:
    cases = _families(world, worker_a, 2)
    meeting = _open(worker_a, world, agenda_size=1)
    assert services.agenda_add(meeting=meeting, case=cases[1]).reasons == [AgendaReason.ADDED]


# --- Ordering in one step -------------------------------------------------------------------


def test_the_whole_agenda_is_reordered_in_one_post(world: World, worker_a: Any) -> None:
    _families(world, worker_a, 4)
    meeting = _open(worker_a, world)
    items = list(meeting.items.order_by("position"))
    data = {f"place_{it.pk}": str(len(items) - i) for i, it in enumerate(items)}  # reversed
    response = _login("worker_a").post(reverse("meeting_agenda_order", args=[meeting.pk]), data)
    assert response.status_code == 302
    order = list(meeting.items.order_by("position").values_list("pk", flat=True))
    assert order == [it.pk for it in reversed(items)]


def test_moving_one_family_needs_one_number_changed(world: World, worker_a: Any) -> None:
    _families(world, worker_a, 4)
    meeting = _open(worker_a, world)
    a, b, c, d = meeting.items.order_by("position")
    services.agenda_reorder(meeting=meeting, positions={a.pk: 1, b.pk: 2, c.pk: 3, d.pk: 1})
    order = list(meeting.items.order_by("position").values_list("pk", "position"))
    assert order == [(d.pk, 1), (a.pk, 2), (b.pk, 3), (c.pk, 4)]
    services.agenda_reorder(meeting=meeting, positions={d.pk: 99})  # others keep their place
    assert list(meeting.items.order_by("position").values_list("pk", flat=True)) == [
        a.pk,
        b.pk,
        c.pk,
        d.pk,
    ]


def test_a_bad_place_number_is_refused_with_what_was_typed_kept(
    world: World, worker_a: Any
) -> None:
    _families(world, worker_a, 2)
    meeting = _open(worker_a, world)
    first, second = meeting.items.order_by("position")
    response = _login("worker_a").post(
        reverse("meeting_agenda_order", args=[meeting.pk]),
        {f"place_{first.pk}": "0", f"place_{second.pk}": "7"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert f'name="place_{second.pk}" value="7"' in html
    assert list(meeting.items.order_by("position").values_list("pk", flat=True)) == [
        first.pk,
        second.pk,
    ]


# --- Attendance -----------------------------------------------------------------------------


def test_opening_a_meeting_marks_nobody_present(
    case_a: CaseWorld, world: World, worker_a: Any
) -> None:
    meeting = _open(worker_a, world)
    attendance = selectors.meeting_attendance(meeting)
    assert not attendance.recorded and attendance.present == []


def test_attendance_records_present_apologies_absent_and_guests(
    world: World, worker_a: Any, teammate_a: Any, family_worker_a: Any
) -> None:
    meeting = _open(worker_a, world)
    statuses = _everyone(meeting, teammate_a=APOLOGISED, family_worker_a=ABSENT)
    services.meeting_attendance_record(
        user=worker_a,
        meeting=meeting,
        statuses=statuses,
        guests=" Ulla Ulkoinen \n\nUlla Ulkoinen\n",
    )
    attendance = selectors.meeting_attendance(meeting)
    assert attendance.recorded
    assert attendance.present == [worker_a.display_name]
    assert attendance.apologised == [teammate_a.display_name]
    assert attendance.absent == [family_worker_a.display_name]
    assert attendance.guests == ["Ulla Ulkoinen"]


def test_every_member_must_be_marked_and_someone_present(
    world: World, worker_a: Any, teammate_a: Any
) -> None:
    meeting = _open(worker_a, world)
    with pytest.raises(ValidationError) as exc:
        services.meeting_attendance_record(
            user=worker_a, meeting=meeting, statuses={worker_a.pk: PRESENT}
        )
    assert f"member_{teammate_a.pk}" in exc.value.message_dict
    nobody = {m.pk: ABSENT for m in selectors.meeting_members(meeting)}
    with pytest.raises(ValidationError):
        services.meeting_attendance_record(user=worker_a, meeting=meeting, statuses=nobody)
    assert not selectors.meeting_attendance(meeting).recorded


def test_someone_outside_the_team_is_written_as_a_guest(
    world: World, worker_a: Any, other_team: Any
) -> None:
    meeting = _open(worker_a, world)
    with pytest.raises(ValidationError):
        services.meeting_attendance_record(
            user=worker_a, meeting=meeting, statuses=_everyone(meeting) | {other_team.pk: PRESENT}
        )


def test_the_attendance_form_keeps_what_was_marked_when_one_is_missing(
    world: World, worker_a: Any, teammate_a: Any
) -> None:
    meeting = _open(worker_a, world)
    url = reverse("meeting_attendance", args=[meeting.pk])
    client = _login("teammate_a")
    response = client.post(url, {f"member_{worker_a.pk}": APOLOGISED, "guests": "Ulla Ulkoinen"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html and "Ulla Ulkoinen" in html
    checked = re.search(
        rf'<input[^>]*name="member_{worker_a.pk}"[^>]*value="apologised"[^>]*>', html
    )
    assert checked and "checked" in checked[0]
    response = client.post(
        url, {f"member_{worker_a.pk}": APOLOGISED, f"member_{teammate_a.pk}": PRESENT}
    )
    assert response.status_code == 302
    assert selectors.meeting_attendance(meeting).apologised == [worker_a.display_name]


def test_a_coordinator_records_the_attendance(world: World, worker_a: Any) -> None:
    coordinator = make_user("coordinator", Role.TEAM_COORDINATOR, world.county_a, world.team_a1)
    meeting = _open(worker_a, world)
    statuses = {f"member_{pk}": s for pk, s in _everyone(meeting).items()}
    response = _login("coordinator").post(
        reverse("meeting_attendance", args=[meeting.pk]), statuses
    )
    assert response.status_code == 302
    assert coordinator.display_name in selectors.meeting_attendance(meeting).present


# --- Closing --------------------------------------------------------------------------------


def test_closing_requires_the_attendance(world: World, worker_a: Any) -> None:
    meeting = _open(worker_a, world)
    with translation.override("fi"), pytest.raises(ValidationError) as exc:
        services.meeting_close(user=worker_a, meeting=meeting)
    assert exc.value.messages == ["Kirjaa läsnäolijat ennen kuin päätät kokouksen."]
    services.meeting_attendance_record(user=worker_a, meeting=meeting, statuses=_everyone(meeting))
    services.meeting_close(user=worker_a, meeting=meeting)
    assert meeting.status == MeetingStatus.CLOSED


def test_a_meeting_dated_in_the_future_cannot_be_closed_today(world: World, worker_a: Any) -> None:
    held_on = TODAY() + datetime.timedelta(days=3)
    meeting = services.meeting_open(user=worker_a, team=world.team_a1, held_on=held_on)
    services.meeting_attendance_record(user=worker_a, meeting=meeting, statuses=_everyone(meeting))
    with translation.override("fi"), pytest.raises(ValidationError) as exc:
        services.meeting_close(user=worker_a, meeting=meeting)
    assert f"{held_on.day}.{held_on.month}.{held_on.year}" in exc.value.messages[0]
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PLANNED
    services.meeting_close(user=worker_a, meeting=meeting, today=held_on)
    assert meeting.status == MeetingStatus.CLOSED


def test_the_page_says_why_a_meeting_cannot_be_closed_and_refuses_a_forced_close(
    world: World, worker_a: Any
) -> None:
    held_on = TODAY() + datetime.timedelta(days=3)
    meeting = services.meeting_open(user=worker_a, team=world.team_a1, held_on=held_on)
    client = _login("worker_a")
    page = client.get(reverse("meeting_detail", args=[meeting.pk])).content.decode()
    assert reverse("meeting_close", args=[meeting.pk]) not in page
    with translation.override("fi"):
        blockers = services.meeting_close_errors(meeting, today=TODAY())
    assert len(blockers) == 2 and all(b in page for b in blockers)
    response = client.post(reverse("meeting_close", args=[meeting.pk]))
    assert response.status_code == 200
    assert 'class="error-summary"' in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PLANNED


# --- The day the form proposes --------------------------------------------------------------


def _held(world: World, worker: Any, *days: datetime.date) -> None:
    for day in days:
        TeamMeeting.objects.create(
            team=world.team_a1, held_on=day, opened_by=worker, status=MeetingStatus.CLOSED
        )


def test_without_meetings_the_next_working_day_is_proposed(world: World) -> None:
    saturday = datetime.date(2026, 12, 5)
    assert selectors.meeting_default_date(team=world.team_a1, today=saturday) == datetime.date(
        2026, 12, 7
    )
    monday = datetime.date(2026, 12, 7)
    assert selectors.meeting_default_date(team=world.team_a1, today=monday) == monday


def test_the_teams_usual_weekday_is_proposed_and_a_holiday_moves_it(
    world: World, worker_a: Any
) -> None:
    wednesdays = [datetime.date(2026, 12, 2) - datetime.timedelta(weeks=w) for w in range(4)]
    _held(world, worker_a, *wednesdays, datetime.date(2026, 12, 5))  # one Saturday by mistake
    team = world.team_a1
    assert selectors.meeting_default_date(team=team, today=datetime.date(2026, 12, 5)) == (
        datetime.date(2026, 12, 9)
    )
    # Epiphany, Wednesday 6.1.2027, is a public holiday: the meeting moves to Thursday.
    assert selectors.meeting_default_date(team=team, today=datetime.date(2027, 1, 4)) == (
        datetime.date(2027, 1, 7)
    )


def test_a_day_that_already_has_a_meeting_is_not_proposed(world: World, worker_a: Any) -> None:
    tuesday = datetime.date(2027, 3, 2)
    _held(world, worker_a, tuesday - datetime.timedelta(weeks=1), tuesday)
    assert selectors.meeting_default_date(team=world.team_a1, today=tuesday) == (
        tuesday + datetime.timedelta(weeks=1)
    )


def test_the_meeting_form_proposes_a_working_day_and_the_agenda_size(
    world: World, worker_a: Any
) -> None:
    from monia import deadlines

    html = _login("worker_a").get(reverse("meetings")).content.decode()
    proposed = selectors.meeting_default_date(team=world.team_a1, today=TODAY())
    assert deadlines.is_working_day(proposed)
    assert f'value="{proposed.isoformat()}"' in html
    assert 'name="agenda_size" value="8"' in html


def test_a_closed_meeting_shows_and_logs_only_its_agenda(world: World, worker_a: Any) -> None:
    from monia.access.models import AccessLog
    from monia.access.purposes import Purpose

    cases = _families(world, worker_a, 3)
    meeting = _open(worker_a, world, agenda_size=1)
    services.meeting_attendance_record(user=worker_a, meeting=meeting, statuses=_everyone(meeting))
    services.meeting_close(user=worker_a, meeting=meeting)
    client = _login("worker_a")
    assert client.get(reverse("meeting_detail", args=[meeting.pk])).status_code == 200
    logged = AccessLog.objects.filter(purpose=Purpose.MEETING_AGENDA)
    assert set(logged.values_list("case_id", flat=True)) == {cases[0].pk}
    url = reverse("meeting_detail", args=[meeting.pk])
    assert client.post(url, {"action": "add", "case": cases[2].pk}).status_code == 302
    assert meeting.items.count() == 1


@pytest.mark.parametrize("persona", ["other_team", "other_county", "admin", "partner"])
@pytest.mark.parametrize("name", ["meeting_agenda_order", "meeting_attendance", "meeting_close"])
def test_outsiders_get_404_from_the_meeting_writes(
    name: str, persona: str, world: World, worker_a: Any, request: pytest.FixtureRequest
) -> None:
    request.getfixturevalue(persona)
    meeting = _open(worker_a, world)
    client = _login(persona)
    assert client.post(reverse(name, args=[meeting.pk]), {}).status_code == 404
    assert client.get(reverse(name, args=[meeting.pk])).status_code in {404, 405}


@pytest.mark.parametrize("name", ["meeting_agenda_order", "meeting_attendance", "meeting_close"])
def test_the_senior_official_reaches_the_meeting_writes(
    name: str, world: World, worker_a: Any, senior_a: Any
) -> None:
    meeting = _open(worker_a, world)
    response = _login("senior_a").post(reverse(name, args=[meeting.pk]), {})
    assert response.status_code in {200, 302}
