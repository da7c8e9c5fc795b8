"""THL's pages (reporting/thl_views.py): who may open them, the drill-down through the
policy and logged, the files parse back, the comparison of counties as a background task."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from monia.access.models import AccessLog
from monia.conftest import World, login, make_user
from monia.reporting import thl_services
from monia.reporting.models import RunState, ThlCompareRun
from monia.reporting.tests.thl_world import END, START, ThlWorld, thl_world

pytestmark = pytest.mark.django_db
PERIOD = {"period": START.isoformat()}


@pytest.fixture
def tw(world: World, worker_a: Any) -> ThlWorld:
    return thl_world(world, worker_a)


def test_the_senior_official_sees_the_figures_with_their_rules(
    tw: ThlWorld, senior_a: Any, django_assert_max_num_queries: Any
) -> None:
    client = login("senior_a", language="fi")
    with django_assert_max_num_queries(14):
        page = client.get(reverse("thl_processing_times"), PERIOD)
    assert page.status_code == 200
    times = page.context["times"]
    assert (times.seven_day.matters, times.seven_day.late) == (3, 2)
    assert [r.label for r in page.context["by_municipality"]] == ["Iisalmi", "Kuopio"]
    assert {r.label for r in page.context["by_team"]} == {"A1", "A2"}
    assert "figure=seven_day_late" in page.content.decode()
    assert "<svg" in page.content.decode()


def test_the_page_defaults_to_the_latest_finished_half_year_and_survives_bad_input(
    tw: ThlWorld, senior_a: Any
) -> None:
    client = login("senior_a")
    assert client.get(reverse("thl_processing_times")).status_code == 200
    page = client.get(reverse("thl_processing_times"), {"period": "1999-13-40", "team": "x"})
    assert page.status_code == 200
    assert page.context["form"].errors


def test_the_query_count_does_not_grow_with_the_data(
    tw: ThlWorld, world: World, worker_a: Any, senior_a: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from monia.conftest import child_create, notification
    from monia.reporting.tests.thl_world import at

    client = login("senior_a")

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            client.get(reverse("thl_processing_times"), PERIOD)
        return len(ctx.captured_queries)

    first = count()
    for i in range(4):
        child = child_create(world.county_a, first=f"Uusi{i}", number=920 + i)
        notification(worker_a, child, world.team_a2, at=at(2025, 7, 1 + i))
    assert count() == first


@pytest.mark.parametrize(
    "persona", ["worker_a", "coordinator_a", "admin", "partner", "other_county"]
)
def test_others_get_404(persona: str, tw: ThlWorld, request: pytest.FixtureRequest) -> None:
    request.getfixturevalue(persona)
    client = login(persona)
    for name, args in [
        ("thl_processing_times", []),
        ("thl_children", []),
        ("thl_export", ["csv"]),
        ("thl_compare", []),
    ]:
        query = {**PERIOD, "figure": "seven_day_late"}
        assert client.get(reverse(name, args=args), query).status_code == 404, name


def test_the_children_behind_a_count_are_listed_and_the_read_is_logged(
    tw: ThlWorld, senior_a: Any
) -> None:
    before = AccessLog.objects.count()
    page = login("senior_a").get(
        reverse("thl_children"), {**PERIOD, "figure": "seven_day_late", "municipality": "Iisalmi"}
    )
    assert page.status_code == 200
    assert {c.pk for c in page.context["cases"]} == {
        tw.intakes["oona"].case_id,
        tw.intakes["satu"].case_id,
    }
    assert AccessLog.objects.count() > before


def test_a_protected_child_is_counted_but_not_listed_by_municipality(
    tw: ThlWorld, senior_a: Any
) -> None:
    """A list of one municipality's children would tell where a child under
    non-disclosure lives: counted in the figure, left off the list, the page says so."""
    protected = tw.intakes["oona"].case.child
    protected.non_disclosure, protected.non_disclosure_since = True, START
    protected.non_disclosure_marked_by = senior_a
    protected.save(
        update_fields=["non_disclosure", "non_disclosure_since", "non_disclosure_marked_by"]
    )
    query = {**PERIOD, "figure": "seven_day_late"}
    by_place = login("senior_a", language="en").get(
        reverse("thl_children"), {**query, "municipality": "Iisalmi"}
    )
    assert [c.pk for c in by_place.context["cases"]] == [tw.intakes["satu"].case_id]
    assert by_place.context["count"] == 2 and by_place.context["withheld"] == 1
    assert "not listed by municipality" in by_place.content.decode()
    whole = login("senior_a").get(reverse("thl_children"), query)
    assert tw.intakes["oona"].case_id in {c.pk for c in whole.context["cases"]}


def test_the_children_list_of_one_team_row(tw: ThlWorld, world: World, senior_a: Any) -> None:
    page = login("senior_a").get(
        reverse("thl_children"),
        {**PERIOD, "figure": "seven_day_late", "row_team": world.team_a2.pk},
    )
    assert [c.pk for c in page.context["cases"]] == [tw.intakes["satu"].case_id]


def test_a_swedish_reader_reads_the_team_rows_by_their_swedish_names(
    tw: ThlWorld, world: World, senior_a: Any
) -> None:
    world.team_a2.name_sv = "Barnskydd A2"
    world.team_a2.save(update_fields=["name_sv"])
    client = login("senior_a", language="sv")
    page = client.get(reverse("thl_processing_times"), PERIOD)
    assert {(r.label, r.key) for r in page.context["by_team"]} == {
        ("A1", str(world.team_a1.pk)),  # no Swedish name: the Finnish one
        ("Barnskydd A2", str(world.team_a2.pk)),  # the link names the team as the records do
    }
    query = {**PERIOD, "figure": "seven_day_late", "row_team": world.team_a2.pk}
    children = client.get(reverse("thl_children"), query)
    assert [c.pk for c in children.context["cases"]] == [tw.intakes["satu"].case_id]
    assert " · Barnskydd A2</p>" in children.content.decode()


def test_a_team_rows_link_still_opens_its_children_after_the_team_is_renamed(
    tw: ThlWorld, world: World, senior_a: Any
) -> None:
    client = login("senior_a", language="fi")
    page = client.get(reverse("thl_processing_times"), PERIOD)
    link = next(r.key for r in page.context["by_team"] if r.label == "A2")
    world.team_a2.name = "Lastensuojelu Iisalmi"
    world.team_a2.save(update_fields=["name"])
    query = {**PERIOD, "figure": "seven_day_late", "row_team": link}
    children = client.get(reverse("thl_children"), query)
    assert [c.pk for c in children.context["cases"]] == [tw.intakes["satu"].case_id]
    assert " · Lastensuojelu Iisalmi</p>" in children.content.decode()


def test_a_bad_figure_is_not_found(tw: ThlWorld, senior_a: Any) -> None:
    page = login("senior_a").get(reverse("thl_children"), {**PERIOD, "figure": "nonsense"})
    assert page.status_code == 404


def test_the_files_parse_back_in_thls_shape(tw: ThlWorld, senior_a: Any) -> None:
    client = login("senior_a", language="fi")
    text = client.get(reverse("thl_export", args=["csv"]), PERIOD).content.decode("utf-8-sig")
    lines = [line.split(";") for line in text.splitlines()]
    assert lines[1] == ["Iisalmi", "2", "0", "2", "1", "0", "1"]
    assert lines[2] == ["Kuopio", "1", "1", "0", "1", "1", "0"]
    assert lines[3][1:] == ["3", "1", "2", "2", "1", "1"]
    raw = client.get(reverse("thl_export", args=["xlsx"]), PERIOD).content
    sheet = load_workbook(io.BytesIO(raw)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert rows[0] == ("Iisalmi", 2, 0, 2, 1, 0, 1)


def test_the_comparison_of_counties_runs_in_the_background_and_suppresses_small_counts(
    tw: ThlWorld, senior_a: Any
) -> None:
    run = thl_services.thl_compare_request(user=senior_a, start=START, end=END)
    assert run.state == RunState.QUEUED and run.task_id
    run = thl_services.thl_compare_build(run_id=run.pk)
    assert run.state == RunState.DONE and run.progress_done == run.progress_total == 2
    a = next(r for r in run.rows if r[0] == "Alue A")
    assert a == ["Alue A", None, None, None, None, None, None, None]  # 3, 1, 2 … all < 5
    client = login("senior_a")
    page = client.get(reverse("thl_compare"))
    assert page.status_code == 200 and not page.context["in_progress"]
    text = client.get(reverse("thl_compare_file", args=[run.pk, "csv"])).content.decode("utf-8-sig")
    assert text.splitlines()[1].startswith("Alue A;;;")


def test_the_compare_page_starts_one_run_per_form(tw: ThlWorld, senior_a: Any) -> None:
    client = login("senior_a")
    form = client.get(reverse("thl_compare")).context["form"]
    key = form.initial["submission_key"]
    data = {"period": START.isoformat(), "submission_key": key}
    assert client.post(reverse("thl_compare"), data).status_code == 302
    client.post(reverse("thl_compare"), data)
    assert ThlCompareRun.objects.count() == 1
    page = client.get(reverse("thl_compare"))
    assert page.context["in_progress"] and b"<progress" in page.content


def test_another_officials_form_key_is_refused(tw: ThlWorld, senior_a: Any, world: World) -> None:
    """A form session's key belongs to whoever first sent it: another senior official
    sending it is told so on the page, and no second comparison is asked for."""
    make_user("senior_a2", "senior_official", world.county_a, None)
    data = {"period": START.isoformat(), "submission_key": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"}
    assert login("senior_a").post(reverse("thl_compare"), data).status_code == 302
    response = login("senior_a2", "en").post(reverse("thl_compare"), data)
    assert response.status_code == 200
    assert "This form was sent already. Open a new form." in response.content.decode()
    assert ThlCompareRun.objects.get().requested_by == senior_a


def test_another_users_comparison_file_is_not_found(
    tw: ThlWorld, senior_a: Any, worker_a: Any
) -> None:
    run = thl_services.thl_compare_request(user=senior_a, start=START, end=END)
    thl_services.thl_compare_build(run_id=run.pk)
    assert (
        login("worker_a").get(reverse("thl_compare_file", args=[run.pk, "csv"])).status_code == 404
    )
