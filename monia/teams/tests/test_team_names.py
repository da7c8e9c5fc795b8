"""A team is named in Finnish and, when its Swedish or English name is written, in Swedish
or English: a Swedish-speaking worker reads the Swedish name (the case page, the lists, the
search's "contact team X"), an English-speaking one the English, a Finnish-speaking one the
Finnish; a team without a name in the reader's language is named in Finnish. The county
likewise."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from monia.casework.models import Case
from monia.conftest import World, child_create, days_ago, login, notification
from monia.teams.models import Team

pytestmark = pytest.mark.django_db


def _named_in_swedish(world: World) -> None:
    world.team_a1.name_sv = "Barnskydd A1"
    world.team_a1.save(update_fields=["name_sv"])
    world.team_a2.name_sv = "Barnskydd A2"
    world.team_a2.save(update_fields=["name_sv"])


def _cases(world: World, worker_a: Any, other_team: Any) -> tuple[Case, Case]:
    """A case of the worker's own team A1 and one of team A2, the other team."""
    own = child_create(world.county_a, first="Aino", last="Esimerkki", number=931)
    other = child_create(world.county_a, first="Onni", last="Muualla", number=932)
    return (
        notification(worker_a, own, world.team_a1, at=days_ago(3)).case,
        notification(other_team, other, world.team_a2, at=days_ago(3)).case,
    )


def _pages(client: Client, own: Case, other: Case) -> tuple[str, str, str]:
    """The case page, the dashboard and the search for the other team's child."""
    case_page = client.get(reverse("case_detail", args=[own.pk]))
    dashboard = client.get(reverse("dashboard"))
    search = client.get(reverse("client_search"), {"q": other.child.identity_code})
    assert case_page.status_code == dashboard.status_code == search.status_code == 200
    return case_page.content.decode(), dashboard.content.decode(), search.content.decode()


def test_a_swedish_speaking_worker_reads_the_teams_swedish_names(
    world: World, worker_a: Any, other_team: Any
) -> None:
    _named_in_swedish(world)
    own, other = _cases(world, worker_a, other_team)
    case_page, dashboard, search = _pages(login("worker_a", "sv"), own, other)
    assert "<dd>Barnskydd A1</dd>" in case_page
    assert "<td>Barnskydd A1</td>" in dashboard
    assert "det finns ett ärende; kontakta team Barnskydd A2." in search
    assert "<dd>A1</dd>" not in case_page and "<td>A1</td>" not in dashboard


def test_a_finnish_speaking_worker_reads_the_teams_finnish_names(
    world: World, worker_a: Any, other_team: Any
) -> None:
    _named_in_swedish(world)
    own, other = _cases(world, worker_a, other_team)
    case_page, dashboard, search = _pages(login("worker_a", "fi"), own, other)
    assert "<dd>A1</dd>" in case_page
    assert "<td>A1</td>" in dashboard
    assert "asia on olemassa; ota yhteyttä tiimiin A2." in search
    assert "Barnskydd" not in case_page + dashboard + search


def test_a_team_without_a_swedish_name_is_named_in_finnish_to_a_swedish_speaking_worker(
    world: World, worker_a: Any, other_team: Any
) -> None:
    own, other = _cases(world, worker_a, other_team)
    case_page, dashboard, search = _pages(login("worker_a", "sv"), own, other)
    assert "<dd>A1</dd>" in case_page
    assert "<td>A1</td>" in dashboard
    assert "det finns ett ärende; kontakta team A2." in search


def test_an_english_speaking_worker_reads_the_finnish_name_as_of_the_county(
    world: World, worker_a: Any, other_team: Any
) -> None:
    _named_in_swedish(world)
    own, other = _cases(world, worker_a, other_team)
    case_page, _dashboard, search = _pages(login("worker_a", "en"), own, other)
    assert "<dd>A1</dd>" in case_page
    assert "a matter exists; contact team A2." in search


def test_an_english_speaking_worker_reads_the_teams_and_the_countys_english_names(
    world: World, worker_a: Any, other_team: Any
) -> None:
    _named_in_swedish(world)
    world.team_a1.name_en = "Child welfare A1"
    world.team_a1.save(update_fields=["name_en"])
    world.team_a2.name_en = "Child welfare A2"
    world.team_a2.save(update_fields=["name_en"])
    world.county_a.name_en = "Wellbeing services county of A"
    world.county_a.save(update_fields=["name_en"])
    own, other = _cases(world, worker_a, other_team)
    case_page, dashboard, search = _pages(login("worker_a", "en"), own, other)
    assert "<dd>Child welfare A1</dd>" in case_page
    assert " · Wellbeing services county of A</dd>" in case_page
    assert "<td>Child welfare A1</td>" in dashboard
    assert "a matter exists; contact team Child welfare A2." in search
    assert "Barnskydd" not in case_page + dashboard + search
    # The Finnish and Swedish pages keep their own names.
    finnish, *_ = _pages(login("worker_a", "fi"), own, other)
    swedish, *_ = _pages(login("worker_a", "sv"), own, other)
    assert "<dd>A1</dd>" in finnish and "<dd>Barnskydd A1</dd>" in swedish
    assert "Child welfare" not in finnish + swedish


def test_the_intake_form_offers_the_teams_in_the_workers_language(
    world: World, worker_a: Any
) -> None:
    _named_in_swedish(world)
    swedish = login("worker_a", "sv").get(reverse("intake_new")).content.decode()
    finnish = login("worker_a", "fi").get(reverse("intake_new")).content.decode()
    assert ">Barnskydd A1</option>" in swedish and ">Barnskydd A2</option>" in swedish
    assert ">A1</option>" in finnish and "Barnskydd" not in finnish


def test_a_document_names_the_team_in_its_own_language(world: World) -> None:
    _named_in_swedish(world)
    team = world.team_a1
    assert team.localized_name("sv") == "Barnskydd A1"
    assert team.localized_name("sv-fi") == "Barnskydd A1"
    assert team.localized_name("fi") == team.localized_name("en") == "A1"
    assert world.team_b1.localized_name("sv") == "B1"  # no Swedish name: the Finnish one


def test_two_teams_of_a_county_may_not_share_a_written_swedish_name(world: World) -> None:
    _named_in_swedish(world)
    Team.objects.create(county=world.county_a, name="A3")  # no Swedish name: allowed
    Team.objects.create(county=world.county_b, name="B2", name_sv="Barnskydd A1")
    with pytest.raises(IntegrityError), transaction.atomic():
        Team.objects.create(county=world.county_a, name="A4", name_sv="Barnskydd A1")


def test_two_teams_of_a_county_may_not_share_a_written_english_name(world: World) -> None:
    Team.objects.create(county=world.county_a, name="A3", name_en="Child welfare")
    Team.objects.create(county=world.county_a, name="A4")  # no English name: allowed
    Team.objects.create(county=world.county_b, name="B2", name_en="Child welfare")
    with pytest.raises(IntegrityError), transaction.atomic():
        Team.objects.create(county=world.county_a, name="A5", name_en="Child welfare")


def test_the_county_is_named_in_the_readers_language_on_the_case_page(
    world: World, worker_a: Any, other_team: Any
) -> None:
    """The county, as the team, through its one ``display_name`` (the service task's line)."""
    world.county_a.name_fi, world.county_a.name_sv = "Esimerkin hyvinvointialue", "Exempel välf"
    world.county_a.save(update_fields=["name_fi", "name_sv"])
    own, other = _cases(world, worker_a, other_team)
    swedish, *_ = _pages(login("worker_a", "sv"), own, other)
    finnish, *_ = _pages(login("worker_a", "fi"), own, other)
    assert " · Exempel välf</dd>" in swedish and "Esimerkin hyvinvointialue" not in swedish
    assert " · Esimerkin hyvinvointialue</dd>" in finnish and "Exempel välf" not in finnish


def test_a_document_names_the_county_and_municipality_by_the_same_rule_as_a_team(
    world: World,
) -> None:
    from monia.teams.models import Municipality

    county = world.county_a
    county.name_sv = "Område A"
    municipality = Municipality(county=county, name_fi="Kunta", name_sv="Kommun")
    for thing, fi, sv in ((county, county.name_fi, "Område A"), (municipality, "Kunta", "Kommun")):
        assert thing.localized_name("sv") == thing.localized_name("sv-fi") == sv
        assert thing.localized_name("fi") == thing.localized_name("en") == fi
    county.name_sv = " "
    assert county.localized_name("sv") == county.name_fi
