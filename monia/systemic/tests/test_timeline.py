"""The family's timeline: merged sources in date order, the page, the strip, life events."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from monia.access.models import AccessLog
from monia.casework.models import EventKind
from monia.conftest import CaseWorld
from monia.conftest import login as _login
from monia.experts import services as expert_services
from monia.systemic import services, timeline
from monia.systemic.models import LifeEvent

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _url(case_a: CaseWorld, name: str = "case_timeline") -> str:
    return reverse(name, kwargs={"case_id": case_a.case.pk})


@pytest.fixture
def history(case_a: CaseWorld, worker_a: Any, world: Any) -> CaseWorld:
    """case_a with a life event, a meeting where it was discussed and an expert statement."""
    case = case_a.case
    services.life_event_add(
        user=worker_a,
        case=case,
        occurred_on=datetime.date(2015, 6, 1),
        title="Perhe muutti Kuopioon",
        description="Uusi koulu syksyllä",
    )
    meeting = services.meeting_open(user=worker_a, team=case.team, held_on=TODAY)
    item = meeting.items.filter(case=case).first() or services.agenda_add(
        meeting=meeting, case=case
    )
    services.reflection_save(user=worker_a, item=item, data={"worries": "x"}, lock_version=0)
    group = expert_services.expert_group_create(county=world.county_a, name="Asiantuntijaryhmä")
    session = expert_services.expert_session_create(
        group=group, held_on=TODAY - datetime.timedelta(days=3), location="Kuopio"
    )
    presented = expert_services.expert_case_present(
        user=worker_a,
        session=session,
        case=case,
        mode="pseudonymised",
        pseudonym="Tyttö, 9",
        question="Onko sijoitus tarpeen?",
    )
    expert_services.expert_statement_record(
        user=worker_a, expert_case=presented, statement="Avohuolto riittää.", given_on=TODAY
    )
    return case_a


def test_timeline_merges_every_source_in_date_order(history: CaseWorld) -> None:
    entries = timeline.case_timeline(history.case)
    kinds = {e.kind for e in entries}
    assert kinds == {"intake", "record", "life_event", "meeting", "expert"}
    assert [e.sort_key() for e in entries] == sorted(e.sort_key() for e in entries)
    assert entries[0].title == "Perhe muutti Kuopioon"
    assert entries[0].date == datetime.date(2015, 6, 1)
    # the chronology's "intake received" lines are replaced by the intakes themselves
    assert sum(e.kind == "intake" for e in entries) == history.case.intakes.count() == 3
    received = str(EventKind.INTAKE_RECEIVED.label)
    assert not any(e.kind == "record" and e.title == received for e in entries)
    statement = next(e for e in entries if e.title == gettext("Statement of the expert group"))
    assert statement.detail == "Avohuolto riittää." and statement.date == TODAY


def test_chronology_detail_is_shown_in_the_readers_language(history: CaseWorld) -> None:
    with translation.override("en"):
        entries = timeline.case_timeline(history.case)
    decided = [e for e in entries if e.title == "Decision on the intake"]
    assert decided and decided[0].detail == "Start a service-needs assessment"


def test_timeline_reads_a_fixed_number_of_queries(
    history: CaseWorld, worker_a: Any, django_assert_num_queries: Any
) -> None:
    with django_assert_num_queries(6):
        timeline.case_timeline(history.case)
    for i in range(5):
        services.life_event_add(
            user=worker_a, case=history.case, occurred_on=TODAY, title=f"Tapahtuma {i}"
        )
    with django_assert_num_queries(6):
        timeline.case_timeline(history.case)


def test_page_groups_entries_by_year_under_a_strip(history: CaseWorld) -> None:
    html = _login("worker_a").get(_url(history)).content.decode()
    assert '<h2 id="year-2015">2015</h2>' in html
    assert f'<h2 id="year-{TODAY.year}">' in html
    assert html.index("<svg") < html.index('id="year-2015"')
    assert 'role="img" aria-labelledby="strip-caption"' in html
    assert "Perhe muutti Kuopioon" in html and "Avohuolto riittää." in html
    assert reverse("life_event_new", kwargs={"case_id": history.case.pk}) in html


def test_strip_numbers_are_not_localised(history: CaseWorld) -> None:
    client = _login("worker_a")
    client.post(reverse("set_language"), {"language": "fi", "next": "/"})
    html = client.get(_url(history)).content.decode()
    svg = html[html.index("<svg viewBox") : html.index("</svg>")]
    assert re.findall(r'c[xy]="[^"]*"', svg)
    assert not re.findall(r'(?:cx|cy|x|y|x1|x2)="[^"]*,[^"]*"', svg)


def test_page_query_count_does_not_grow(
    history: CaseWorld, worker_a: Any, django_assert_max_num_queries: Any
) -> None:
    client = _login("worker_a")
    with django_assert_max_num_queries(20) as small:
        client.get(_url(history))
    for i in range(10):
        services.life_event_add(
            user=worker_a, case=history.case, occurred_on=TODAY, title=f"Tapahtuma {i}"
        )
    with django_assert_max_num_queries(20) as large:
        assert client.get(_url(history)).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)


def test_reading_the_timeline_is_logged(case_a: CaseWorld, teammate_a: Any) -> None:
    _login("teammate_a").get(_url(case_a))
    assert AccessLog.objects.filter(purpose="case_timeline", case=case_a.case).count() == 1


def test_empty_history_needs_no_strip() -> None:
    assert timeline.strip([]) is None


def test_strip_places_dots_between_the_ends_by_kind(history: CaseWorld) -> None:
    entries = timeline.case_timeline(history.case)
    drawn = timeline.strip(entries)
    assert drawn is not None
    assert len(drawn.dots) == len(entries)
    assert min(d.x for d in drawn.dots) == drawn.left
    assert max(d.x for d in drawn.dots) == drawn.right
    assert len({lane.y for lane in drawn.lanes}) == len(drawn.lanes) == 5
    years = sorted(t.x for t in drawn.ticks if t.anchor == "middle")
    assert "2020" in {t.label for t in drawn.ticks}
    assert all(b - a >= timeline.MIN_TICK_GAP for a, b in zip(years, years[1:], strict=False))


def test_year_labels_thin_out_over_a_long_history() -> None:
    entries = [
        timeline.TimelineEntry(datetime.date(1990, 1, 5), "life_event", "a", "", ""),
        timeline.TimelineEntry(datetime.date(2025, 1, 5), "life_event", "b", "", ""),
    ]
    drawn = timeline.strip(entries)
    assert drawn is not None
    years = sorted(t.x for t in drawn.ticks if t.anchor == "middle")
    assert 3 < len(years) < 35
    assert all(b - a >= timeline.MIN_TICK_GAP for a, b in zip(years, years[1:], strict=False))


def test_one_day_history_is_centred() -> None:
    day = datetime.date(2024, 3, 1)
    entry = timeline.TimelineEntry(day, "life_event", "x", "", "")
    drawn = timeline.strip([entry])
    assert drawn is not None
    assert drawn.dots[0].x == (drawn.left + drawn.right) / 2


@pytest.mark.parametrize("name", ["case_timeline", "life_event_new"])
@pytest.mark.parametrize("persona", ["other_team", "other_county", "admin"])
def test_other_team_gets_404(
    case_a: CaseWorld, name: str, persona: str, request: pytest.FixtureRequest
) -> None:
    request.getfixturevalue(persona)
    assert _login(persona).get(_url(case_a, name)).status_code == 404


def test_life_event_is_added_and_shown_on_the_timeline(
    case_a: CaseWorld, family_worker_a: Any
) -> None:
    client = _login("family_worker_a")
    response = client.post(
        _url(case_a, "life_event_new"),
        {"occurred_on": "2020-02-03", "title": "Pikkusisko syntyi", "description": ""},
    )
    assert response.status_code == 302 and response["Location"] == _url(case_a)
    event = LifeEvent.objects.get(case=case_a.case)
    assert event.recorded_by == family_worker_a and event.occurred_on == datetime.date(2020, 2, 3)
    assert "Pikkusisko syntyi" in client.get(_url(case_a)).content.decode()


def test_life_event_in_the_future_is_refused_and_the_text_kept(case_a: CaseWorld) -> None:
    future = (TODAY + datetime.timedelta(days=3)).isoformat()
    response = _login("worker_a").post(
        _url(case_a, "life_event_new"), {"occurred_on": future, "title": "Muutto"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html and 'value="Muutto"' in html
    assert not LifeEvent.objects.exists()
