"""Find a client from the header (issue 12): typo- and accent-tolerant names, identity codes
with any century sign and dates of birth among the cases the user may open; of another
team's child only "a matter exists; contact team X", and only for an identifying term;
every row shown logged; a query too short answered in the user's language, kept in the box."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from monia.access.models import AccessLog, Basis
from monia.casework import case_services
from monia.casework.models import Case
from monia.conftest import CaseWorld, World, child_create, days_ago, login, notification
from monia.people import hetu

pytestmark = pytest.mark.django_db

URL = reverse("client_search")


def _client_of(
    world: World, user: Any, *, first: str, last: str, number: int, team: Any = None, years: int = 9
) -> Case:
    child = child_create(world.county_a, first=first, last=last, number=number, years=years)
    return notification(user, child, team or world.team_a1, at=days_ago(3)).case


def _search(client: Client, q: str, **extra: str) -> str:
    response = client.get(URL, {"q": q, **extra})
    assert response.status_code == 200
    return response.content.decode()


def _logged(purpose: str = "client_search") -> list[tuple[int, str]]:
    return list(
        AccessLog.objects.filter(purpose=purpose).order_by("pk").values_list("person_id", "basis")
    )


def test_a_worker_finds_her_teams_child_by_a_misspelt_name_and_opens_the_case(
    world: World, worker_a: Any, teammate_a: Any
) -> None:
    case = _client_of(world, worker_a, first="Aino", last="Virtanen", number=911)
    _client_of(world, worker_a, first="Eino", last="Korhonen", number=912)
    case_services.designated_worker_assign(
        user=worker_a, case=case, worker=teammate_a, on=timezone.localdate()
    )
    html = _search(login("worker_a", "en"), "Virtannen")
    assert "Aino Virtanen" in html and "Korhonen" not in html
    assert reverse("case_detail", args=[case.pk]) in html
    row = html.split("Aino Virtanen</a>")[1].split("</tr>")[0]
    assert ">Intake<" in row and ">A1<" in row and "Teammate_A Testinen" in row
    assert _logged() == [(case.child_id, Basis.TEAM_MEMBER)]


def test_accents_and_case_do_not_matter_either_way(world: World, worker_a: Any) -> None:
    nordic = _client_of(world, worker_a, first="Åsa", last="Söderström", number=913)
    plain = _client_of(world, worker_a, first="Elias", last="Makinen", number=914)
    client = login("worker_a", "en")
    assert "Åsa Söderström" in _search(client, "soderstrom")
    assert "Åsa Söderström" in _search(client, "ASA SÖDERSTRÖM")
    assert "Elias Makinen" in _search(client, "Mäkinen")
    assert {p for p, _ in _logged()} == {nordic.child_id, plain.child_id}


def test_names_in_any_order_and_part_of_a_name_find_the_child(world: World, worker_a: Any) -> None:
    _client_of(world, worker_a, first="Anna-Liisa Maria", last="Virtanen", number=915)
    client = login("worker_a", "en")
    assert "Anna-Liisa Maria Virtanen" in _search(client, "Virtanen Liisa")
    assert "Anna-Liisa Maria Virtanen" in _search(client, "Virt")


def test_an_identity_code_finds_the_child_whatever_its_century_sign(
    world: World, worker_a: Any
) -> None:
    case = _client_of(world, worker_a, first="Aino", last="Esimerkki", number=916)
    code = case.child.identity_code
    assert code[6] == "A"  # born in the 2000s
    other_sign = hetu.make_synthetic(case.child.birth_date, 916, century_variant=2)
    assert other_sign != code and hetu.canonical(other_sign) == hetu.canonical(code)
    client = login("worker_a", "en")
    for typed in (code, code.lower(), other_sign, f"  {other_sign}  "):
        assert "Aino Esimerkki" in _search(client, typed), typed


def test_a_date_of_birth_finds_the_children_born_that_day(world: World, worker_a: Any) -> None:
    case = _client_of(world, worker_a, first="Aino", last="Esimerkki", number=917)
    born = case.child.birth_date
    client = login("worker_a", "en")
    assert "Aino Esimerkki</a>" in _search(client, f"{born.day}.{born.month}.{born.year}")
    assert "Aino Esimerkki</a>" in _search(client, born.isoformat())
    assert "Aino Esimerkki</a>" not in _search(client, f"{born.day}.{born.month}.{born.year - 1}")


def test_another_teams_child_is_not_found_by_a_part_of_the_name(
    world: World, worker_a: Any, other_team: Any
) -> None:
    _client_of(world, other_team, first="Onni", last="Muualla", number=918, team=world.team_a2)
    for q in ("Muualla", "Onni Muualla", "Onni Muuala"):
        html = _search(login("worker_a", "en"), q).split("<main")[1]
        assert "Muualla" not in html.replace(f'value="{q}"', "")
        assert "a matter exists" not in html
    assert _logged() == []


def test_another_teams_child_found_by_identity_code_shows_only_whom_to_contact(
    world: World, worker_a: Any, other_team: Any
) -> None:
    case = _client_of(
        world, other_team, first="Onni", last="Muualla", number=919, team=world.team_a2
    )
    html = _search(login("worker_a", "en"), case.child.identity_code)
    assert "a matter exists; contact team A2." in html
    assert reverse("case_detail", args=[case.pk]) not in html
    assert "Intake" not in html and "Other_Team" not in html  # no stage, no worker
    assert _logged() == [(case.child_id, Basis.CLIENT_SEARCH)]
    row = AccessLog.objects.get(purpose="client_search")
    assert row.case_id == case.pk and row.user.username == "worker_a"


def test_another_teams_child_needs_the_full_name_typed_exactly_with_the_birth_date(
    world: World, worker_a: Any, other_team: Any
) -> None:
    case = _client_of(
        world, other_team, first="Onni Olavi", last="Mäkelä", number=920, team=world.team_a2
    )
    born = f"{case.child.birth_date:%d.%m.%Y}"
    client = login("worker_a", "en")
    assert "a matter exists; contact team A2." in _search(client, f"Onni Makela {born}")
    assert "a matter exists; contact team A2." in _search(client, f"mäkelä olavi {born}")
    for q in (f"Onni Makel {born}", f"Onni {born}", f"Onni Mäkelä Virtanen {born}", born):
        assert "a matter exists" not in _search(client, q), q
    assert _logged() == [(case.child_id, Basis.CLIENT_SEARCH)] * 2


def test_another_countys_child_is_never_told_of(
    world: World, worker_a: Any, other_county: Any
) -> None:
    child = child_create(world.county_b, first="Onni", last="Muualla", number=921)
    notification(other_county, child, world.team_b1, at=days_ago(3))
    html = _search(login("worker_a", "en"), child.identity_code)
    assert "Muualla" not in html and "a matter exists" not in html
    assert "No client found among the cases you may open." in html


def test_the_senior_official_finds_the_countys_children_by_name(
    world: World, worker_a: Any, other_team: Any, senior_a: Any, other_county: Any
) -> None:
    ours = _client_of(world, worker_a, first="Aino", last="Virtanen", number=922)
    theirs = _client_of(
        world, other_team, first="Onni", last="Virtanen", number=923, team=world.team_a2
    )
    elsewhere = child_create(world.county_b, first="Eino", last="Virtanen", number=924)
    notification(other_county, elsewhere, world.team_b1, at=days_ago(3))
    html = _search(login("senior_a", "en"), "virtanen")
    assert "Aino Virtanen" in html and "Onni Virtanen" in html and "Eino" not in html
    assert sorted(_logged()) == sorted(
        [(ours.child_id, Basis.SENIOR_OFFICIAL), (theirs.child_id, Basis.SENIOR_OFFICIAL)]
    )


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Type at least 3 letters of a name, an identity code or a date of birth."),
        ("fi", "Kirjoita vähintään 3 kirjainta nimestä, henkilötunnus tai syntymäaika."),
        ("sv", "Skriv minst 3 bokstäver av ett namn, en personbeteckning eller ett födelsedatum."),
    ],
)
def test_a_one_letter_search_says_how_to_search_in_the_users_language_and_shows_no_one(
    case_a: CaseWorld, language: str, message: str
) -> None:
    response = login("worker_a", language).get(URL, {"q": "A"})
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'value="A"' in html  # the query stays in the box
    assert 'aria-invalid="true"' in html
    assert case_a.case.child.full_name not in html
    assert _logged() == []


@pytest.mark.parametrize(
    ("q", "message"),
    [
        ("010115A901X", "This identity code is not valid."),
        ("31.2.2016", "Write the date of birth as d.m.yyyy"),
        ("1.1.1066", "Write the date of birth as d.m.yyyy"),
        ("Aino Eeva Emilia Sofia Maria Esimerkki 1.2.2016", "Search with at most 6 words"),
        ("", "Type a name, an identity code or a date of birth."),
    ],
)
def test_a_search_that_cannot_be_run_says_why_and_keeps_the_query(
    case_a: CaseWorld, q: str, message: str
) -> None:
    html = _search(login("worker_a", "en"), q)
    assert message in html
    assert f'value="{q}"' in html or not q
    assert _logged() == []


def test_hostile_input_never_fails_and_shows_no_one(case_a: CaseWorld) -> None:
    client = login("worker_a", "en")
    for q in ("\x00", "Aino\x00", "%", "_", "' OR 1=1 --", "x" * 5000, "🧒🏽" * 40, "a.b.c"):
        response = client.get(URL, {"q": q, "page": q})
        assert response.status_code == 200, q
        assert f"{case_a.case.child.full_name}</a>" not in response.content.decode()


@pytest.mark.parametrize("persona", ["admin", "partner"])
def test_who_has_no_search_gets_404_and_no_box(
    case_a: CaseWorld, persona: str, request: pytest.FixtureRequest
) -> None:
    request.getfixturevalue(persona)
    client = login(persona)
    assert client.get(URL, {"q": case_a.case.child.identity_code}).status_code == 404
    front = client.get("/", follow=True).content.decode()
    assert 'id="header-q"' not in front
    assert _logged() == []


def test_a_portal_client_gets_404(portal_world: Any) -> None:
    from monia.conftest import portal_client

    client = portal_client(portal_world.guardian)
    assert client.get(URL, {"q": "Aino"}).status_code == 404


def test_an_anonymous_visitor_is_sent_to_log_in(db: None) -> None:
    response = Client().get(URL, {"q": "Aino"})
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_header_offers_the_search_on_staff_pages_but_not_on_the_search_page(
    case_a: CaseWorld,
) -> None:
    client = login("worker_a", "en")
    for url in ("/", reverse("caseload"), reverse("case_detail", args=[case_a.case.pk])):
        html = client.get(url).content.decode()
        assert 'role="search"' in html and 'id="header-q"' in html, url
        assert f'action="{URL}"' in html and f'href="{URL}"' in html, url
    page = client.get(URL).content.decode()
    assert 'id="header-q"' not in page and 'id="id_q"' in page


def _many(world: World, worker_a: Any, n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        _client_of(world, worker_a, first=f"Lapsi{i:02d}", last="Virtanen", number=930 + i)


def test_results_come_a_page_at_a_time_and_only_the_page_shown_is_logged(
    world: World, worker_a: Any
) -> None:
    _many(world, worker_a, 23)
    client = login("worker_a", "en")
    first = _search(client, "Virtanen")
    assert "23 cases found" in first and "Page 1 of 2" in first
    assert first.count("Virtanen</a>") == 20
    assert "?q=Virtanen&amp;page=2" in first
    assert len(_logged()) == 20
    second = _search(client, "Virtanen", page="2")
    assert second.count("Virtanen</a>") == 3 and 'value="Virtanen"' in second
    assert len(_logged()) == 23
    assert _search(client, "Virtanen", page="99").count("Virtanen</a>") == 3  # the last page


def test_the_search_costs_the_same_queries_for_3_results_as_for_20(
    world: World, worker_a: Any, other_team: Any, django_assert_num_queries: Any
) -> None:
    other = _client_of(
        world, other_team, first="Onni", last="Muualla", number=960, team=world.team_a2
    )
    _many(world, worker_a, 3)
    client = login("worker_a", "en")
    code = other.child.identity_code
    _search(client, "Virtanen")  # one-time caches (session, translations)
    with django_assert_num_queries(8) as small:
        assert _search(client, "Virtanen").count("Virtanen</a>") == 3
    with django_assert_num_queries(8):  # an identity code: the matters instead of the words
        assert "a matter exists" in _search(client, code)
    _many(world, worker_a, 17, start=3)
    with django_assert_num_queries(8) as large:
        assert _search(client, "Virtanen").count("Virtanen</a>") == 20
    assert len(large.captured_queries) == len(small.captured_queries)


def test_a_letter_missing_or_wrong_in_a_name_still_finds_the_child(
    world: World, worker_a: Any
) -> None:
    _client_of(world, worker_a, first="Eino", last="Korhonen", number=963)
    _client_of(world, worker_a, first="Aino", last="Virtanen", number=964)
    client = login("worker_a", "en")
    assert "Eino Korhonen</a>" in _search(client, "Korhnen")
    assert "Aino Virtanen</a>" in _search(client, "Virtamen")
    assert "Aino Virtanen</a>" in _search(client, "ainno virtanen")
    assert "Eino Korhonen</a>" not in _search(client, "Virtanen")


def test_a_short_surname_mistyped_by_one_letter_finds_the_child_and_no_one_else(
    world: World, worker_a: Any
) -> None:
    _client_of(world, worker_a, first="Aino", last="Nylund", number=966)
    _client_of(world, worker_a, first="Eino", last="Niemi", number=967)
    _client_of(world, worker_a, first="Elsa", last="Mäki", number=968)
    _client_of(world, worker_a, first="Åsa", last="Linders", number=969)
    client = login("worker_a", "en")
    for typed, meant in [
        ("Nylnd", "Aino Nylund"),  # a letter dropped
        ("Nyulnd", "Aino Nylund"),  # two letters swapped
        ("Mäkl", "Elsa Mäki"),  # a letter wrong
        ("makl", "Elsa Mäki"),  # and no dots
        ("Lindrs", "Åsa Linders"),
        ("Aion Nylund", "Aino Nylund"),  # a first name's letters swapped
        ("Elas Mäki", "Elsa Mäki"),
    ]:
        html = _search(client, typed)
        assert f"{meant}</a>" in html, typed
        assert "1 case found" in html, typed
    assert "Niemi</a>" not in _search(client, "Nylnd")


def test_a_word_two_letters_off_finds_no_one_and_asks_to_check_the_spelling(
    world: World, worker_a: Any
) -> None:
    _client_of(world, worker_a, first="Aino", last="Nylund", number=966)
    html = _search(login("worker_a", "en"), "Nlnd")
    assert "Nylund</a>" not in html
    assert "No client found among the cases you may open." in html
    assert "Check the spelling." in html


def test_a_corrected_name_is_found_misspelt_at_once(world: World, worker_a: Any) -> None:
    from monia.people.services import person_correct

    case = _client_of(world, worker_a, first="Aino", last="Esimerkki", number=965)
    person_correct(
        user=worker_a,
        person=case.child,
        values={"last_name": "Sjöström"},
        reason="Nimi muuttui.",
    )
    html = _search(login("worker_a", "en"), "Sjostrom Aino")
    assert "Aino Sjöström</a>" in html
