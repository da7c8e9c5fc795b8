"""The weekly meeting: proposed agenda, reordering, reflections, hypotheses, next steps."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from monia.conftest import CaseWorld, child_create, days_ago, notification
from monia.conftest import login as _login
from monia.systemic import selectors, services
from monia.systemic.models import AgendaReason, AttendanceStatus, CaseFlag, MeetingStatus

TODAY = timezone.localdate


def _meeting(user: Any, world: Any) -> Any:
    return services.meeting_open(
        user=user, team=world.team_a1, held_on=TODAY() + datetime.timedelta(days=7)
    )


def _close(meeting: Any, user: Any) -> Any:
    """Close the meeting on its own day, with every member marked present."""
    statuses = {m.pk: AttendanceStatus.PRESENT for m in selectors.meeting_members(meeting)}
    services.meeting_attendance_record(user=user, meeting=meeting, statuses=statuses)
    return services.meeting_close(user=user, meeting=meeting, today=meeting.held_on)


def test_agenda_proposes_families_with_their_reasons(
    case_a: CaseWorld, world: Any, worker_a: Any, teammate_a: Any
) -> None:
    quiet = child_create(world.county_a, first="Hiljainen", number=930)
    notification(worker_a, quiet, world.team_a1, at=days_ago(1))
    services.flag_raise(user=teammate_a, case=case_a.case, reason="Isä muuttanut pois.")
    meeting = _meeting(teammate_a, world)
    items = {it.case_id: it.reasons for it in meeting.items.all()}
    assert items[case_a.case.pk][0] == AgendaReason.FLAGGED
    assert AgendaReason.DECISION_PENDING in items[case_a.case.pk]
    assert AgendaReason.NOT_DISCUSSED in items[case_a.case.pk]
    assert list(meeting.items.values_list("position", flat=True)) == [1, 2]


def test_a_family_discussed_recently_is_not_proposed_for_staleness(
    case_a: CaseWorld, world: Any, worker_a: Any
) -> None:
    meeting = _meeting(worker_a, world)
    item = meeting.items.get(case=case_a.case)
    services.reflection_save(user=worker_a, item=item, data={"worries": "x"}, lock_version=0)
    rows = selectors.agenda_proposal(team=world.team_a1, today=TODAY() + datetime.timedelta(days=7))
    reasons = next(r.reasons for r in rows if r.case.pk == case_a.case.pk)
    assert AgendaReason.NOT_DISCUSSED not in reasons


def test_team_reorders_removes_and_adds_items(case_a: CaseWorld, world: Any, worker_a: Any) -> None:
    other = child_create(world.county_a, first="Toinen", number=931)
    notification(worker_a, other, world.team_a1, at=days_ago(1))
    meeting = _meeting(worker_a, world)
    first, second = meeting.items.order_by("position")
    services.agenda_reorder(meeting=meeting, positions={first.pk: 1, second.pk: 1})
    assert list(meeting.items.order_by("position").values_list("pk", flat=True)) == [
        second.pk,
        first.pk,
    ]
    services.agenda_remove(item=second)
    assert list(meeting.items.values_list("position", flat=True)) == [1]
    services.agenda_add(meeting=meeting, case=second.case)
    with pytest.raises(ValidationError):
        services.agenda_add(meeting=meeting, case=second.case)


def test_reflection_saved_by_two_at_once_keeps_both_texts_safe(
    case_a: CaseWorld, world: Any, worker_a: Any, teammate_a: Any
) -> None:
    item = _meeting(worker_a, world).items.get(case=case_a.case)
    services.reflection_save(user=worker_a, item=item, data={"worries": "A"}, lock_version=0)
    with pytest.raises(services.ReflectionConflict):
        services.reflection_save(user=teammate_a, item=item, data={"worries": "B"}, lock_version=0)
    assert item.reflection.worries == "A"


def test_a_reflection_sent_twice_says_you_saved_it_not_someone_else(
    case_a: CaseWorld, world: Any, worker_a: Any, teammate_a: Any
) -> None:
    item = _meeting(worker_a, world).items.get(case=case_a.case)
    services.reflection_save(user=worker_a, item=item, data={"worries": "A"}, lock_version=0)
    with pytest.raises(services.ReflectionConflict) as own:
        services.reflection_save(user=worker_a, item=item, data={"worries": "A"}, lock_version=0)
    assert own.value.messages == [
        gettext(
            "You saved this reflection again after this page was opened: in another window, "
            "or the form was sent twice. Your text is kept below; compare and save again."
        )
    ]
    with pytest.raises(services.ReflectionConflict) as other:
        services.reflection_save(user=teammate_a, item=item, data={"worries": "B"}, lock_version=0)
    assert other.value.messages == [
        gettext(
            "Someone else saved this reflection while you were writing. Your text is kept "
            "below; compare and save again."
        )
    ]


def test_hypotheses_keep_their_history_across_meetings(
    case_a: CaseWorld, world: Any, worker_a: Any
) -> None:
    meeting = _meeting(worker_a, world)
    h = services.hypothesis_add(
        user=worker_a,
        case=case_a.case,
        meeting=meeting,
        statement="Äidin uupumus selittää poissaolot",
        supports="Koulun havainnot",
        test="Kotikäynti aamulla",
    )
    _close(meeting, worker_a)
    later = services.meeting_open(
        user=worker_a, team=world.team_a1, held_on=TODAY() + datetime.timedelta(days=14)
    )
    services.hypothesis_update(
        user=worker_a,
        hypothesis=h,
        meeting=later,
        statement=h.statement,
        supports=h.supports,
        test=h.test,
        status="supported",
    )
    history = list(h.revisions.values_list("meeting_id", "status"))
    assert history == [(meeting.pk, "open"), (later.pk, "supported")]


def test_next_step_owner_must_work_on_the_case(
    case_a: CaseWorld, world: Any, worker_a: Any, other_team: Any, teammate_a: Any
) -> None:
    with pytest.raises(ValidationError) as exc:
        services.next_step_add(
            user=worker_a,
            case=case_a.case,
            description="Soita kouluun",
            owner=other_team,
            due_on=TODAY(),
        )
    assert "owner" in exc.value.message_dict
    step = services.next_step_add(
        user=worker_a,
        case=case_a.case,
        description="Soita kouluun",
        owner=teammate_a,
        due_on=TODAY(),
    )
    html = _login("teammate_a").get(reverse("dashboard")).content.decode()
    assert "Soita kouluun" in html and reverse("task_done", args=[step.pk]) in html


def test_closing_resolves_flags_of_discussed_families(
    case_a: CaseWorld, world: Any, worker_a: Any
) -> None:
    flag = services.flag_raise(user=worker_a, case=case_a.case, reason="Huoli")
    meeting = _meeting(worker_a, world)
    item = meeting.items.get(case=case_a.case)
    services.reflection_save(user=worker_a, item=item, data={"worries": "x"}, lock_version=0)
    _close(meeting, worker_a)
    flag.refresh_from_db()
    assert flag.resolved_in == meeting and meeting.status == MeetingStatus.CLOSED
    with pytest.raises(ValidationError):
        services.reflection_save(user=worker_a, item=item, data={}, lock_version=1)
    assert not CaseFlag.objects.filter(resolved_in__isnull=True).exists()


def test_other_team_cannot_open_the_meeting(
    case_a: CaseWorld, world: Any, worker_a: Any, other_team: Any
) -> None:
    meeting = _meeting(worker_a, world)
    item = meeting.items.first()
    client = _login("other_team")
    assert client.get(reverse("meeting_detail", args=[meeting.pk])).status_code == 404
    assert client.get(reverse("meeting_item", args=[meeting.pk, item.pk])).status_code == 404


def test_caseboard_and_agenda_stay_within_a_query_budget(
    world: Any, worker_a: Any, django_assert_max_num_queries: Any
) -> None:
    client = _login("worker_a")

    def grow(n: int, start: int) -> None:
        for i in range(n):
            child = child_create(world.county_a, first=f"L{start + i}", number=900 + start + i)
            notification(worker_a, child, world.team_a1, at=days_ago(2))

    grow(2, 0)
    meeting = _meeting(worker_a, world)
    with django_assert_max_num_queries(40) as small_board:
        client.get(reverse("caseboard"))
    with django_assert_max_num_queries(40) as small_agenda:
        client.get(reverse("meeting_detail", args=[meeting.pk]))
    grow(15, 10)
    for case_id in list(world.team_a1.cases.values_list("pk", flat=True)):
        if not meeting.items.filter(case_id=case_id).exists():
            services.agenda_add(meeting=meeting, case=world.team_a1.cases.get(pk=case_id))
    with django_assert_max_num_queries(40) as large_board:
        assert client.get(reverse("caseboard")).status_code == 200
    with django_assert_max_num_queries(40) as large_agenda:
        assert client.get(reverse("meeting_detail", args=[meeting.pk])).status_code == 200
    assert len(large_board.captured_queries) == len(small_board.captured_queries)
    assert len(large_agenda.captured_queries) == len(small_agenda.captured_queries)


def test_closing_keeps_the_genogram_as_it_stood(
    case_a: CaseWorld, world: Any, worker_a: Any
) -> None:
    from monia.systemic.models import DiagramSnapshot

    meeting = _meeting(worker_a, world)
    item = meeting.items.get(case=case_a.case)
    services.reflection_save(user=worker_a, item=item, data={"worries": "x"}, lock_version=0)
    _close(meeting, worker_a)
    kinds = set(
        DiagramSnapshot.objects.filter(meeting=meeting, case=case_a.case).values_list(
            "kind", flat=True
        )
    )
    assert kinds == {"genogram", "ecomap"}
