"""The team chooser: a senior official, who may open the shared space of every team of her
county, reaches each team's caseboard and weekly meetings from her menu; a member of one
team goes straight to her own. The team rule (``policy.team_basis``) decides who sees which
team, the selector lists them, and every link the chooser shows answers its reader."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from monia.access import policy
from monia.access.policy import NotFound
from monia.conftest import World, login, make_user
from monia.systemic import selectors
from monia.teams.models import Team
from monia.tests.walk import links_of


def _names(teams: Any) -> list[str]:
    return sorted(t.name for t in teams)


def test_the_senior_official_chooses_among_every_team_of_her_county_only(
    world: World, senior_a: Any, django_assert_num_queries: Any
) -> None:
    with django_assert_num_queries(1):
        teams = selectors.teams_to_choose(user=senior_a)
    assert [t.name for t in teams] == ["A1", "A2"]  # county B's team B1 is not hers


@pytest.mark.parametrize(
    "persona",
    [
        "worker_a",
        "family_worker_a",
        "coordinator_a",
        "other_team",
        "admin",
        "partner",
        "developer_a",
    ],
)
def test_anyone_who_opens_only_her_own_team_has_no_chooser(
    persona: str, request: pytest.FixtureRequest
) -> None:
    user = request.getfixturevalue(persona)
    assert not policy.opens_every_team(user)
    with pytest.raises(NotFound):
        selectors.teams_to_choose(user=user)
    assert login(persona).get(reverse("teams")).status_code == 404


def test_the_rule_lets_only_the_senior_official_open_more_than_her_own_team(
    world: World,
    senior_a: Any,
    worker_a: Any,
    coordinator_a: Any,
    other_team: Any,
    other_county: Any,
    admin: Any,
    partner: Any,
    developer_a: Any,
    expert_by_experience: Any,
) -> None:
    """Of every role, the chooser is for whoever the team rule lets open a team not her
    own: the senior official, for her county's teams."""
    users = [senior_a, worker_a, coordinator_a, other_team, other_county, admin, partner]
    users += [developer_a, expert_by_experience]
    for user in users:
        opened = {t.name for t in Team.objects.all() if policy.team_basis(user, t) is not None}
        own = {user.team.name} if user.team_id else set()
        assert (opened - own != set()) == policy.opens_every_team(user), user.username
    assert [u.username for u in users if policy.opens_every_team(u)] == ["senior_a"]


def test_a_senior_official_who_belongs_to_a_team_still_chooses_among_all(world: World) -> None:
    senior = make_user("senior_a1", "senior_official", world.county_a, world.team_a1)
    assert _names(selectors.teams_to_choose(user=senior)) == ["A1", "A2"]
    assert policy.menu_for(senior).count("teams") == 1
    assert "caseboard" not in policy.menu_for(senior)


def test_every_link_of_the_chooser_answers_the_senior_official(world: World, senior_a: Any) -> None:
    client = login("senior_a", "fi")
    url = reverse("teams")
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    links = [link for link in links_of(html, url) if link.startswith("/team/")]
    expected = {
        f"{reverse(name)}?team={team.pk}"
        for name in ("caseboard", "meetings")
        for team in (world.team_a1, world.team_a2)
    }
    assert set(links) == expected
    for link in links:
        assert client.get(link).status_code == 200, link


def test_the_chooser_page_reads_a_fixed_number_of_queries(
    world: World, senior_a: Any, django_assert_num_queries: Any
) -> None:
    """4, however many teams: the session, the user, the teams, the notification bell."""
    client = login("senior_a")
    client.get(reverse("teams"))  # one-time caches (sessions, translations)
    with django_assert_num_queries(4):
        client.get(reverse("teams"))
    for i in range(5):
        Team.objects.create(county=world.county_a, name=f"A{i + 3}")
    with django_assert_num_queries(4):
        html = client.get(reverse("teams")).content.decode()
    assert "A7" in html


def test_the_senior_officials_menu_leads_to_the_chooser_and_marks_it_on_a_team_page(
    world: World, senior_a: Any
) -> None:
    client = login("senior_a")
    front = client.get(reverse("dashboard")).content.decode()
    assert f'<a href="{reverse("teams")}">' in front
    assert f'<a href="{reverse("caseboard")}"' not in front  # a link that would answer 404
    board = client.get(reverse("caseboard"), {"team": world.team_a2.pk}).content.decode()
    assert f'<a href="{reverse("teams")}" aria-current="page">' in board


def test_a_team_worker_goes_straight_to_her_own_team(world: World, worker_a: Any) -> None:
    client = login("worker_a")
    front = client.get(reverse("dashboard")).content.decode()
    assert f'<a href="{reverse("caseboard")}">' in front
    assert reverse("teams") not in front
    board = client.get(reverse("caseboard")).content.decode()
    assert "A1" in board


def test_a_team_of_another_county_answers_exactly_like_a_missing_one(
    world: World, senior_a: Any
) -> None:
    client = login("senior_a", "en")
    missing = max(Team.objects.values_list("pk", flat=True)) + 1000
    for name in ("caseboard", "meetings"):
        theirs = client.get(reverse(name), {"team": world.team_b1.pk})
        absent = client.get(reverse(name), {"team": missing})
        assert theirs.status_code == absent.status_code == 404
        assert theirs.content == absent.content


@pytest.mark.parametrize(
    ("language", "heading", "lead", "board", "meetings"),
    [
        ("fi", "Tiimit", "Valitse tiimi", "Tilannetaulu", "Viikkokokoukset"),
        ("sv", "Team", "Välj ett team", "Ärendetavla", "Veckomöten"),
        ("en", "Teams", "Choose a team", "Caseboard", "Weekly meetings"),
    ],
)
def test_the_chooser_speaks_the_readers_language(
    world: World,
    senior_a: Any,
    language: str,
    heading: str,
    lead: str,
    board: str,
    meetings: str,
) -> None:
    html = login("senior_a", language).get(reverse("teams")).content.decode()
    assert f"<h1>{heading}</h1>" in html and lead in html
    assert f'{board}<span class="visually-hidden"> – A1</span>' in html
    assert f'{meetings}<span class="visually-hidden"> – A2</span>' in html


def test_a_county_without_teams_says_so(world: World) -> None:
    from monia.teams.models import County

    empty = County.objects.create(
        code="c", name_fi="Alue C", name_sv="Område C", controller="Alue C"
    )
    make_user("senior_empty", "senior_official", empty, None)
    html = login("senior_empty", "fi").get(reverse("teams")).content.decode()
    assert "Hyvinvointialueella ei ole vielä tiimejä." in html
