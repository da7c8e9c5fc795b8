"""The genogram and ecomap pages: who may see and change them, the downloads, the saved
versions, and a query count that does not grow with the family."""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from monia.access.models import AccessLog
from monia.accounts.models import Role, User
from monia.conftest import World, days_ago, make_user, notification
from monia.people.services import relationship_create
from monia.systemic import diagram_services
from monia.systemic.models import DiagramSnapshot, EmotionalTie, NetworkTie, TeamMeeting
from monia.systemic.tests.test_genogram import Family, blended_family, person

PAGES = ["genogram", "genogram_svg", "genogram_pdf", "ecomap", "ecomap_svg", "ecomap_pdf"]
FORMS = [
    "emotional_tie_new",
    "genogram_snapshot_new",
    "network_tie_new",
    "network_tie_end",
    "ecomap_snapshot_new",
]


@pytest.fixture
def family(world: World, worker_a: User) -> Family:
    return blended_family(world, worker_a)


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def url(name: str, family: Family, **query: Any) -> str:
    base = reverse(name, kwargs={"case_id": family.case.pk})
    return base + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


@pytest.mark.parametrize("name", PAGES + FORMS)
def test_other_team_gets_404(name: str, family: Family, other_team: User) -> None:
    client = client_for(other_team)
    assert client.get(url(name, family)).status_code == 404
    if name in FORMS:
        assert client.post(url(name, family), {}).status_code == 404


@pytest.mark.parametrize("name", PAGES)
def test_other_county_gets_404(name: str, family: Family, other_county: User) -> None:
    assert client_for(other_county).get(url(name, family)).status_code == 404


def test_a_team_coordinator_sees_the_genogram_but_cannot_change_it(
    family: Family, world: World
) -> None:
    coordinator = make_user("coordinator", Role.TEAM_COORDINATOR, world.county_a, world.team_a1)
    client = client_for(coordinator)
    page = client.get(url("genogram", family))
    assert page.status_code == 200
    assert reverse("emotional_tie_new", kwargs={"case_id": family.case.pk}) not in page.text
    assert client.post(url("genogram_snapshot_new", family)).status_code == 404


def test_the_genogram_page_shows_the_figure_and_its_data_table(
    family: Family, teammate_a: User
) -> None:
    page = client_for(teammate_a).get(url("genogram", family))
    assert page.status_code == 200
    html = page.text
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="genogram" role="img"' in html
    assert "<table" in html and "Helmi Esimerkki" in html and gettext("Conflictual") in html
    assert reverse("family_member_new", kwargs={"case_id": family.case.pk}) in html
    # The figure is drawn on the server and carries no script; the page's only scripts are
    # Monia's own static files (the Content-Security-Policy allows no inline script).
    figure = html[html.index("<svg") : html.index("</svg>")]
    assert "<script" not in figure
    assert re.findall(r"<script(?![^>]*\ssrc=)", html) == []
    log = AccessLog.objects.filter(user=teammate_a, case=family.case, purpose="genogram")
    assert log.count() == 1


def test_the_svg_download_is_an_attachment_and_valid_xml(family: Family, worker_a: User) -> None:
    response = client_for(worker_a).get(url("genogram_svg", family))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    assert response["Content-Disposition"].startswith("attachment;")
    assert "Esimerkki" not in response["Content-Disposition"]  # no names in file names
    root = ET.fromstring(response.content)  # noqa: S314 - our own output
    assert root.get("role") == "img"


@pytest.mark.parametrize("name", ["genogram_pdf", "ecomap_pdf"])
def test_the_pdf_download_is_a_pdf(name: str, family: Family, worker_a: User) -> None:
    diagram_services.network_tie_add(
        user=worker_a,
        case=family.case,
        name="Koulu",
        kind="school",
        strength="strong",
        quality="supportive",
    )
    response = client_for(worker_a).get(url(name, family))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response.content.startswith(b"%PDF")


def test_an_emotional_tie_is_added_from_the_page(family: Family, family_worker_a: User) -> None:
    client = client_for(family_worker_a)
    response = client.post(
        url("emotional_tie_new", family),
        {"person_a": family.aino.pk, "person_b": family.helmi.pk, "quality": "very_close"},
    )
    assert response.status_code == 302
    assert response["Location"] == url("genogram", family)
    tie = EmotionalTie.objects.get(case=family.case, quality="very_close")
    assert (tie.person_a_id, tie.person_b_id, tie.recorded_by) == (
        family.aino.pk,
        family.helmi.pk,
        family_worker_a,
    )
    assert 'data-quality="very_close"' in client.get(url("genogram", family)).text


def test_a_tie_to_oneself_is_refused_with_the_form_kept(family: Family, worker_a: User) -> None:
    response = client_for(worker_a).post(
        url("emotional_tie_new", family),
        {"person_a": family.aino.pk, "person_b": family.aino.pk, "quality": "close"},
    )
    assert response.status_code == 200
    assert "error-summary" in response.text
    assert not EmotionalTie.objects.filter(quality="close").exists()


def test_a_version_saved_again_after_back_is_saved_once(family: Family, worker_a: User) -> None:
    """ "Save a version" sent again with its key ("Back" and save, a double click) from the
    diagram's page or its confirmation page saves one version and answers as saved; a
    page opened anew saves a new one."""
    client = client_for(worker_a)
    saved = DiagramSnapshot.objects.filter(case=family.case, kind="ecomap")
    for n, page in enumerate(["ecomap", "ecomap_snapshot_new"], start=1):
        html = client.get(url(page, family)).text
        key = re.search(r'name="submission_key" value="([0-9a-f-]+)"', html)
        assert key is not None
        for _ in range(2):
            response = client.post(url("ecomap_snapshot_new", family), {"submission_key": key[1]})
            assert response.status_code == 302
        assert "Versio tallennettiin." in client.get(response["Location"]).text
        assert saved.count() == n


def test_a_saved_version_shows_the_family_as_it_was(
    family: Family, worker_a: User, world: World
) -> None:
    client = client_for(worker_a)
    assert client.post(url("genogram_snapshot_new", family)).status_code == 302
    snapshot = DiagramSnapshot.objects.get(case=family.case, kind="genogram")
    newborn = person(world, "Venla", "female", 2024)
    relationship_create(from_person=family.maija, to_person=newborn, kind="biological_parent")
    relationship_create(from_person=family.jari, to_person=newborn, kind="biological_parent")

    now = client.get(url("genogram", family)).text
    then = client.get(url("genogram", family, snapshot=snapshot.pk)).text
    assert f'data-person-id="{newborn.pk}"' in now
    assert f'data-person-id="{newborn.pk}"' not in then
    assert "Venla" not in then and "Leo Esimerkki" in then
    old_svg = client.get(url("genogram_svg", family, snapshot=snapshot.pk)).content.decode()
    assert f'data-person-id="{newborn.pk}"' not in old_svg


def test_the_version_taken_when_a_meeting_closes_is_listed_by_its_date(
    family: Family, worker_a: User, world: World
) -> None:
    meeting = TeamMeeting.objects.create(
        team=world.team_a1, held_on=datetime.date(2026, 3, 12), opened_by=worker_a
    )
    diagram_services.diagram_snapshot_take(case=family.case, meeting=meeting)
    assert set(DiagramSnapshot.objects.values_list("kind", flat=True)) == {"genogram", "ecomap"}
    html = client_for(worker_a).get(url("genogram", family)).text
    with translation.override("fi"):
        expected = gettext("as it stood at the meeting of %(d)s") % {"d": "12.3.2026"}
    assert expected in html


def test_a_version_of_another_case_is_404(family: Family, worker_a: User, world: World) -> None:
    child = person(world, "Muu", "male", 2010)
    other_case = notification(worker_a, child, world.team_a1, at=days_ago(1)).case
    (other,) = diagram_services.diagram_snapshot_take(case=other_case, kinds=["genogram"])
    client = client_for(worker_a)
    assert client.get(url("genogram", family, snapshot=other.pk)).status_code == 404
    assert client.get(url("genogram", family, snapshot="x")).status_code == 404


def test_network_ties_are_added_and_ended_from_the_pages(family: Family, worker_a: User) -> None:
    client = client_for(worker_a)
    response = client.post(
        url("network_tie_new", family),
        {"name": "Partio", "kind": "hobby", "strength": "weak", "quality": "supportive"},
    )
    assert response.status_code == 302
    tie = NetworkTie.objects.get(case=family.case)
    page = client.get(url("ecomap", family)).text
    assert f'data-tie-id="{tie.pk}"' in page
    response = client.post(
        url("network_tie_end", family),
        {"tie": tie.pk, "ended_on": timezone.localdate().isoformat()},
    )
    assert response.status_code == 302
    tie.refresh_from_db()
    assert tie.ended_on == timezone.localdate()
    assert f'class="tie" data-tie-id="{tie.pk}"' not in client.get(url("ecomap", family)).text


def test_a_tie_of_another_case_cannot_be_ended(
    family: Family, worker_a: User, world: World
) -> None:
    child = person(world, "Muu", "male", 2010)
    other_case = notification(worker_a, child, world.team_a1, at=days_ago(1)).case
    tie = diagram_services.network_tie_add(
        user=worker_a, case=other_case, name="X", kind="other", strength="weak", quality="mixed"
    )
    response = client_for(worker_a).post(
        url("network_tie_end", family),
        {"tie": tie.pk, "ended_on": timezone.localdate().isoformat()},
    )
    assert response.status_code == 200  # not one of this case's ties: the form says so
    tie.refresh_from_db()
    assert tie.ended_on is None


def small_family(world: World, user: User) -> Any:
    child = person(world, "Pieni", "female", 2018)
    case = notification(user, child, world.team_a1, at=days_ago(2)).case
    mother, father = person(world, "Äiti", "female", 1990), person(world, "Isä", "male", 1988)
    grandma = person(world, "Mummi", "female", 1960)
    relationship_create(from_person=mother, to_person=child, kind="biological_parent")
    relationship_create(from_person=father, to_person=child, kind="biological_parent")
    relationship_create(from_person=grandma, to_person=mother, kind="biological_parent")
    return case


def grow(family: Family, world: World, user: User) -> None:
    """Aunts with partners and children on both sides, and another emotional tie."""
    for side, parent in (("m", family.maija), ("p", family.pekka)):
        grandparent = person(world, f"Iso{side}", "male", 1955)
        relationship_create(from_person=grandparent, to_person=parent, kind="biological_parent")
        for i in range(3):
            aunt = person(world, f"Täti{side}{i}", "female", 1982 + i)
            relationship_create(from_person=grandparent, to_person=aunt, kind="biological_parent")
            partner = person(world, f"Puoliso{side}{i}", "male", 1980 + i)
            relationship_create(from_person=aunt, to_person=partner, kind="partner")
            for j in range(2):
                cousin = person(world, f"Serkku{side}{i}{j}", "male", 2010 + j)
                relationship_create(from_person=aunt, to_person=cousin, kind="biological_parent")
    diagram_services.emotional_tie_add(
        user=user,
        case=family.case,
        person_a_id=family.aino.pk,
        person_b_id=family.helmi.pk,
        quality="close",
    )


def test_the_genogram_page_query_count_does_not_grow_with_the_family(
    world: World, worker_a: User, django_assert_max_num_queries: Any
) -> None:
    client = client_for(worker_a)
    small = small_family(world, worker_a)
    client.get(reverse("genogram", kwargs={"case_id": small.pk}))  # warm the session
    with CaptureQueriesContext(connection) as small_queries:
        assert client.get(reverse("genogram", kwargs={"case_id": small.pk})).status_code == 200
    large = blended_family(world, worker_a)
    grow(large, world, worker_a)
    with django_assert_max_num_queries(len(small_queries)):
        response = client.get(url("genogram", large))
    assert response.status_code == 200
    # twice the small family's people and more; cousins lie beyond the three steps drawn
    assert response.text.count('class="person"') == 16
