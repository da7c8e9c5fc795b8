"""The yearly statistics of 2024 from the database, on a fixture counted by hand.

Notifications (Helsinki days): N1 at 1.1.2024 00:30 (31.12.2023 22:30 UTC, phone) and
1.6.2024 (electronic); N2 on 3.3.2024 (phone) and at 1.1.2025 00:30 (31.12.2024 22:30 UTC:
next year); siblings N3 and N4 on 5.5.2024 (written form).
-> 4 children, 5 notifications: phone 2 (2 children), electronic 1, form 2 (2 children).

Clients (age on 31.12.2024):
- C1 client since 1.6.2023 (10: 7–12), not new;
- C2 client from 1.3.2024 (2: 0–2), new;
- C3 client 2022–1.2.2023, again from 1.5.2024 (16: 16–17): a client in 2023, not new;
- C4 client 2020–31.12.2022, again from 1.2.2024 (13: 13–15): new;
- C5 client until 31.12.2023: not a client in 2024;
- A1 (19: 18–20) in family care 2019–1.2.2023, in aftercare since 2.2.2023;
- P1 (7: 7–12) placed in an emergency 1.2.–1.3.2024, then home (no form recorded);
- P2 (14: 13–15) new client 10.1.2024, care order and institutional care from 1.4.2024;
- P3 (15: 13–15) care order and family care 2018–30.6.2024.
-> all 8 (0–2: 1, 7–12: 2, 13–15: 3, 16–17: 1, 18–20: 1); new 3 (0–2: 1, 13–15: 2);
emergency 1; new care orders 1; in care during 2, on 31.12. 1; placed during 3 (family 1,
institutional 1, not recorded 1), on 31.12. 1 (institutional); aftercare 1.
County B holds a child in care of its own: never counted.
"""

from __future__ import annotations

import datetime
import io
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from monia.access.models import AccessLog
from monia.conftest import World, login
from monia.reporting import yearly_selectors as selectors
from monia.reporting.tests.stats_fixtures import D, case, child, measure, notify

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


@pytest.fixture
def year_world(world: World, worker_a: Any) -> dict[str, Any]:
    a, t = world.county_a, world.team_a1
    by = worker_a

    def c(name: str, born: datetime.date, client: Any = None, closed: bool = False) -> Any:
        return case(a, t, child(a, name, born), client=client, closed=closed)

    n1, n2 = c("N1", D(2012, 1, 1)), c("N2", D(2013, 1, 1))
    n3, n4 = c("N3", D(2014, 1, 1)), c("N4", D(2016, 1, 1))
    notify(n1, datetime.datetime(2023, 12, 31, 22, 30, tzinfo=UTC), "phone", by=by)
    notify(n1, datetime.datetime(2024, 6, 1, 10, tzinfo=UTC), "electronic", by=by)
    notify(n2, datetime.datetime(2024, 3, 3, 10, tzinfo=UTC), "phone", by=by)
    notify(n2, datetime.datetime(2024, 12, 31, 22, 30, tzinfo=UTC), "phone", by=by)
    for sibling in (n3, n4):
        notify(sibling, datetime.datetime(2024, 5, 5, 10, tzinfo=UTC), "form", by=by)
    c1 = c("C1", D(2014, 6, 1), (D(2023, 6, 1), None))
    c2 = c("C2", D(2022, 1, 1), (D(2024, 3, 1), None))
    c3_old = case(
        a, t, child(a, "C3", D(2008, 1, 1)), client=(D(2022, 1, 1), D(2023, 2, 1)), closed=True
    )
    c3 = case(a, t, c3_old.child, client=(D(2024, 5, 1), None))
    c4_old = case(
        a, t, child(a, "C4", D(2011, 7, 1)), client=(D(2020, 1, 1), D(2022, 12, 31)), closed=True
    )
    c4 = case(a, t, c4_old.child, client=(D(2024, 2, 1), None))
    c("C5", D(2015, 1, 1), (D(2022, 1, 1), D(2023, 12, 31)), closed=True)
    a1 = c("A1", D(2005, 2, 2), (D(2019, 1, 1), None))
    measure(a1, "substitute_care", D(2019, 1, 1), D(2023, 2, 1), form="family_care", by=by)
    measure(a1, "aftercare", D(2023, 2, 2), by=by)
    p1 = c("P1", D(2017, 3, 3), (D(2023, 1, 1), None))
    measure(p1, "emergency_placement", D(2024, 2, 1), D(2024, 3, 1), by=by)
    p2 = c("P2", D(2010, 10, 10), (D(2024, 1, 10), None))
    measure(p2, "care_order", D(2024, 4, 1), form="institutional_care", by=by)
    measure(p2, "substitute_care", D(2024, 4, 1), form="institutional_care", by=by)
    p3 = c("P3", D(2009, 9, 9), (D(2018, 1, 1), None))
    measure(p3, "care_order", D(2018, 1, 1), D(2024, 6, 30), form="family_care", by=by)
    measure(p3, "substitute_care", D(2018, 1, 1), D(2024, 6, 30), form="family_care", by=by)
    b = case(
        world.county_b,
        world.team_b1,
        child(world.county_b, "B", D(2012, 1, 1)),
        client=(D(2023, 1, 1), None),
    )
    measure(b, "care_order", D(2024, 2, 1), form="family_care", by=by)
    return {
        "n1": n1,
        "n2": n2,
        "c2": c2,
        "c4": c4,
        "c3": c3,
        "c1": c1,
        "p1": p1,
        "p2": p2,
        "p3": p3,
        "a1": a1,
    }


def test_the_figures_of_the_year_match_the_hand_count(
    year_world: dict[str, Any], world: World
) -> None:
    report = selectors.yearly_report(county_id=world.county_a.pk, year=2024)
    c = report.children
    assert (c["notified"], report.notifications, report.per_child) == (4, 5, 1.2)
    assert [(r.channel, r.notifications, r.children) for r in report.channels] == [
        ("electronic", 1, 1),
        ("form", 2, 2),
        ("phone", 2, 2),
    ]
    assert (c["community_all"], c["community_new"]) == (8, 3)
    assert [(key, new, all_) for key, _label, new, all_ in report.age_rows()] == [
        ("0-2", 1, 1),
        ("3-6", 0, 0),
        ("7-12", 0, 2),
        ("13-15", 2, 3),
        ("16-17", 0, 1),
        ("18-20", 0, 1),
        ("21-", 0, 0),
    ]
    assert (c["emergency"], c["care_order_new"], c["in_care_year"], c["in_care_end"]) == (
        1,
        1,
        2,
        1,
    )
    assert (c["placed_year"], c["placed_end"], c["aftercare"]) == (3, 1, 1)
    assert report.placed_by_form == {
        "placed_year": {"family_care": 1, "institutional_care": 1, "": 1},
        "placed_end": {"institutional_care": 1},
    }


def test_each_figure_names_the_cases_behind_it(year_world: dict[str, Any], world: World) -> None:
    def ids(figure: str) -> set[int] | None:
        found = selectors.figure_cases(county_id=world.county_a.pk, year=2024, figure=figure)
        return None if found is None else set(found)

    w = year_world
    assert ids("community_new") == {w["c2"].pk, w["c4"].pk, w["p2"].pk}
    assert ids("notified:phone") == {w["n1"].pk, w["n2"].pk}
    assert ids("placed_year:") == {w["p1"].pk}
    assert ids("placed_end:institutional_care") == {w["p2"].pk}
    assert ids("in_care_year") == {w["p2"].pk, w["p3"].pk}
    assert ids("aftercare") == {w["a1"].pk}
    assert ids("community_all:7-12") == {w["c1"].pk, w["p1"].pk}
    assert ids("nonsense") is None and ids("notified:pigeon") is None


def test_the_senior_official_opens_the_page_and_the_children_behind_a_figure_logged(
    year_world: dict[str, Any], senior_a: Any
) -> None:
    client = login("senior_a", language="fi")
    page = client.get(reverse("statistics_yearly"), {"year": "2024"})
    assert page.status_code == 200
    assert "figure=community_new:13-15" in page.content.decode()
    before = AccessLog.objects.count()
    listed = client.get(
        reverse("statistics_yearly_children"), {"year": "2024", "figure": "emergency"}
    )
    assert list(listed.context["cases"]) == [year_world["p1"]]
    assert AccessLog.objects.count() == before + 1
    assert (
        client.get(
            reverse("statistics_yearly_children"), {"year": "2024", "figure": "x"}
        ).status_code
        == 404
    )


def test_the_notifications_of_the_year_are_child_welfare_notifications_in_every_language(
    year_world: dict[str, Any], senior_a: Any
) -> None:
    """The row and column of the year's notifications say "Ilmoitukset" / "Anmälningar":
    they said "Viestit" / "Aviseringar", the header's word for Monia's own messages."""
    for language, words, wrong in (
        ("fi", "Ilmoitukset", "Viestit"),
        ("sv", "Anmälningar", "Aviseringar"),
    ):
        client = login("senior_a", language=language)
        html = client.get(reverse("statistics_yearly"), {"year": "2024"}).content.decode()
        main = html[html.index("<main") :]
        assert f'<th scope="row">{words}</th>' in main, language
        assert f'<th scope="col">{words}</th>' in main, language
        assert wrong not in main, language
        export = reverse("statistics_yearly_export")
        text = client.get(export, {"year": "2024", "format": "csv"}).content.decode("utf-8-sig")
        assert wrong not in text and words in text, language


def test_a_bad_year_gives_a_message_and_last_year(senior_a: Any) -> None:
    page = login("senior_a", language="en").get(reverse("statistics_yearly"), {"year": "1850"})
    assert page.status_code == 200 and page.context["form"].errors["year"]
    assert page.context["year"] == timezone.localdate().year - 1


@pytest.mark.parametrize(
    "persona", ["worker_a", "coordinator_a", "admin", "partner", "other_county"]
)
@pytest.mark.parametrize(
    "url", ["statistics_yearly", "statistics_yearly_export", "statistics_yearly_children"]
)
def test_everyone_but_the_senior_official_gets_404(
    persona: str, url: str, world: World, request: pytest.FixtureRequest
) -> None:
    request.getfixturevalue(persona)
    assert (
        login(persona).get(reverse(url), {"year": "2024", "figure": "notified"}).status_code == 404
    )


def test_the_exports_parse_back(year_world: dict[str, Any], senior_a: Any) -> None:
    client = login("senior_a", language="en")
    url = reverse("statistics_yearly_export")
    text = client.get(url, {"year": "2024", "format": "csv"}).content.decode("utf-8-sig")
    rows = [line.split(";") for line in text.splitlines()]
    assert rows[0] == ["Table", "Row", "Column", "Value"]
    assert ["Summary", "Children with notifications", "Children", "4"] in rows
    assert ["Community care by age", "13–15", "New clients", "2"] in rows
    book = load_workbook(io.BytesIO(client.get(url, {"year": "2024", "format": "xlsx"}).content))
    assert book.sheetnames == [
        "Summary",
        "Notifications",
        "Community care by age",
        "Placements by form",
    ]
    forms = list(book["Placements by form"].iter_rows(min_row=2, values_only=True))
    assert ("Institutional care", 1, 1) in forms


def test_the_page_reads_a_bounded_number_of_queries_whatever_the_data(
    year_world: dict[str, Any],
    world: World,
    senior_a: Any,
    worker_a: Any,
    django_assert_max_num_queries: Any,
) -> None:
    client = login("senior_a", language="fi")
    with django_assert_max_num_queries(12):
        assert client.get(reverse("statistics_yearly"), {"year": "2024"}).status_code == 200
    for i in range(15):
        made = case(
            world.county_a,
            world.team_a1,
            child(world.county_a, f"L{i}", D(2012, 1, 1)),
            client=(D(2024, 1, 1), None),
        )
        measure(made, "substitute_care", D(2024, 2, 1), form="family_care", by=worker_a)
        notify(made, datetime.datetime(2024, 1, 5, 10, tzinfo=UTC), "phone", by=worker_a)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("statistics_yearly"), {"year": "2024"}).status_code == 200
