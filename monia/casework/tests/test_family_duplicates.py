"""A family member who may be in the register already is not recorded twice: the identity
code's person is used, the likely duplicates (born the same day, a similar name) are
offered to choose from or to confirm a different person, and a person already in the
family is told so and added once. What the page shows of the persons found is only their
name and date of birth, each logged."""

from __future__ import annotations

import datetime
import re
import uuid
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from monia.access.models import AccessLog
from monia.casework import family_services, services
from monia.casework.models import ChronologyEvent
from monia.conftest import CaseWorld, child_create
from monia.conftest import login as _login
from monia.people import hetu
from monia.people.models import Person, Relationship
from monia.people.services import SimilarPersons, person_create, relationship_create

BORN = datetime.date(1980, 3, 14)


@pytest.fixture
def pekka(world: Any) -> Person:
    """A father in the register, not yet in case_a's family: another child's parent."""
    person = person_create(
        county=world.county_a,
        first_names="Pekka Juhani",
        last_name="Virtanen",
        identity_code=hetu.make_synthetic(BORN, 955),
        municipality="Jyväskylä",
        address="Salainen tie 7",
    )
    other = child_create(world.county_a, first="Onni", last="Toinenlapsi", number=961)
    relationship_create(from_person=person, to_person=other, kind="biological_parent")
    return person


def _add(case_a: CaseWorld, worker_a: Any, **details: Any) -> family_services.FamilyMemberAdded:
    values: dict[str, Any] = {"kind": "biological_parent", "first_names": "", "last_name": ""}
    values.update(details)
    return services.family_member_add(user=worker_a, case=case_a.case, **values)


def _ties(case_a: CaseWorld) -> int:
    return Relationship.objects.filter(to_person=case_a.case.child).count()


# --- The service ------------------------------------------------------------------------


def test_an_identity_code_in_the_register_adds_that_person_and_creates_nobody(
    case_a: CaseWorld, worker_a: Any, pekka: Person
) -> None:
    persons = Person.objects.count()
    added = _add(
        case_a,
        worker_a,
        first_names="Pekka",
        last_name="Virtanen",
        identity_code=pekka.identity_code,
        gender="male",
    )
    assert added.person == pekka and added.from_register
    assert Person.objects.count() == persons
    assert Relationship.objects.filter(from_person=pekka, to_person=case_a.case.child).exists()


def test_an_identity_code_under_another_name_asks_to_check_it_and_creates_nobody(
    case_a: CaseWorld, worker_a: Any, pekka: Person
) -> None:
    persons, ties = Person.objects.count(), _ties(case_a)
    for confirmed_different in (False, True):  # never a second person with the same code
        with pytest.raises(SimilarPersons) as exc:
            _add(
                case_a,
                worker_a,
                first_names="Ville",
                last_name="Toinen",
                identity_code=pekka.identity_code,
                check_similar=not confirmed_different,
            )
        assert exc.value.persons == [pekka]
        assert "identity_code" in exc.value.message_dict
    assert (Person.objects.count(), _ties(case_a)) == (persons, ties)
    chosen = _add(
        case_a,
        worker_a,
        first_names="Ville",
        last_name="Toinen",
        identity_code=pekka.identity_code,
        existing_id=pekka.pk,
    )
    assert chosen.person == pekka and Person.objects.count() == persons


def test_a_similar_name_born_the_same_day_is_offered_before_anyone_is_created(
    case_a: CaseWorld, worker_a: Any, pekka: Person
) -> None:
    persons = Person.objects.count()
    typo = {"first_names": "Pekka", "last_name": "Virtane", "birth_date": BORN}
    with pytest.raises(SimilarPersons) as exc:
        _add(case_a, worker_a, **typo)
    assert exc.value.persons == [pekka] and "person" in exc.value.message_dict
    assert (
        Person.objects.count() == persons
        and not case_a.case.events.filter(kind="family_member_added").exists()
    )
    added = _add(case_a, worker_a, **typo, existing_id=pekka.pk)
    assert added.person == pekka and added.from_register
    assert Person.objects.count() == persons


def test_a_different_person_confirmed_is_created_despite_the_likeness(
    case_a: CaseWorld, worker_a: Any, pekka: Person
) -> None:
    added = _add(
        case_a,
        worker_a,
        first_names="Pekka",
        last_name="Virtane",
        birth_date=BORN,
        check_similar=False,
    )
    assert added.person != pekka and not added.from_register
    assert Person.objects.filter(last_name="Virtane", birth_date=BORN).count() == 1


def test_someone_with_another_identity_code_is_not_offered(
    case_a: CaseWorld, worker_a: Any, pekka: Person
) -> None:
    twin = hetu.make_synthetic(BORN, 957)
    added = _add(case_a, worker_a, first_names="Pekka", last_name="Virtanen", identity_code=twin)
    assert added.person != pekka and added.person.identity_code == twin


def test_a_person_chosen_who_was_not_found_for_the_details_is_refused(
    case_a: CaseWorld, worker_a: Any, pekka: Person, world: Any
) -> None:
    """A person's id posted by hand ties nobody to the child: only one found for what was
    typed (the same name and date of birth, or the identity code) may be chosen."""
    stranger = child_create(world.county_a, first="Vieras", last="Henkilö", number=962)
    with pytest.raises(ValidationError) as exc:
        _add(case_a, worker_a, first_names="Kalle", last_name="Uusi", existing_id=stranger.pk)
    assert "person" in exc.value.message_dict
    with pytest.raises(SimilarPersons) as similar:
        _add(
            case_a,
            worker_a,
            first_names="Pekka",
            last_name="Virtanen",
            birth_date=BORN,
            existing_id=stranger.pk,
        )
    assert similar.value.persons == [pekka]
    assert not Relationship.objects.filter(from_person=stranger).exists()


def test_a_person_already_in_the_family_is_told_and_nothing_is_added(
    case_a: CaseWorld, worker_a: Any
) -> None:
    mother = Person.objects.get(ties_from__to_person=case_a.case.child)
    events, ties = ChronologyEvent.objects.count(), _ties(case_a)
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        _add(
            case_a,
            worker_a,
            first_names="Maija",
            last_name="Esimerkki",
            identity_code=mother.identity_code,
            kind="guardian",
        )
    assert exc.value.messages == [
        "Maija Esimerkki is already in this child's family: nothing was added."
    ]
    assert (ChronologyEvent.objects.count(), _ties(case_a)) == (events, ties)


def test_the_child_is_not_added_to_their_own_family(case_a: CaseWorld, worker_a: Any) -> None:
    child = case_a.case.child
    with pytest.raises(ValidationError):
        _add(
            case_a,
            worker_a,
            first_names=child.first_names,
            last_name=child.last_name,
            identity_code=child.identity_code,
            kind="sibling",
        )
    assert not Relationship.objects.filter(from_person=child, to_person=child).exists()


def test_the_same_names_without_a_birth_date_are_not_added_twice(
    case_a: CaseWorld, worker_a: Any
) -> None:
    _add(case_a, worker_a, first_names="Kalle", last_name="Uusi", kind="step_parent")
    with pytest.raises(ValidationError):
        _add(case_a, worker_a, first_names="Kalle", last_name="Uusi", kind="step_parent")
    assert Person.objects.filter(first_names="Kalle", last_name="Uusi").count() == 1


def test_the_same_form_sent_again_records_once_and_says_recorded(
    case_a: CaseWorld, worker_a: Any
) -> None:
    key = uuid.uuid4()
    first = _add(case_a, worker_a, first_names="Kalle", last_name="Uusi", submission_key=key)
    again = _add(case_a, worker_a, first_names="Kalle", last_name="Uusi", submission_key=key)
    assert first.person == again.person
    assert Person.objects.filter(last_name="Uusi").count() == 1
    assert case_a.case.events.filter(kind="family_member_added").count() == 1


# --- The page ---------------------------------------------------------------------------


def _typed(**overrides: str) -> dict[str, str]:
    data = {
        "kind": "biological_parent",
        "first_names": "Pekka",
        "last_name": "Virtane",
        "birth_date": BORN.isoformat(),
        "gender": "male",
        "language": "fi",
        "submission_key": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def _choices(html: str) -> set[str]:
    return set(re.findall(r'name="person" value="(\d+)"', html))


def test_the_page_offers_the_likely_duplicate_with_everything_typed_kept(
    case_a: CaseWorld, worker_a: Any, pekka: Person
) -> None:
    client = _login("worker_a", "en")
    url = reverse("family_member_new", args=[case_a.case.pk])
    data = _typed()
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert _choices(html) == {str(pekka.pk)}
    assert "Pekka Juhani Virtanen, 14.3.1980" in html
    assert 'name="create_anyway"' in html
    assert 'value="Virtane"' in html and data["submission_key"] in html
    assert not Person.objects.filter(last_name="Virtane").exists()
    shown = AccessLog.objects.get(person=pekka, purpose="family_member_similar")
    assert (shown.user_id, shown.basis, shown.case_id) == (
        worker_a.pk,
        "designated_worker",
        case_a.case.pk,
    )
    # The worker chooses him: he joins the family, and the page says he was in the register.
    done = client.post(url, {**data, "person": str(pekka.pk)}, follow=True)
    assert "Pekka Juhani Virtanen was in the register already" in done.content.decode()
    assert Relationship.objects.filter(from_person=pekka, to_person=case_a.case.child).exists()


def test_the_page_shows_only_the_name_and_birth_date_of_a_person_found(
    case_a: CaseWorld, worker_a: Any, pekka: Person
) -> None:
    html = (
        _login("worker_a")
        .post(reverse("family_member_new", args=[case_a.case.pk]), _typed())
        .content.decode()
    )
    assert str(pekka.pk) in _choices(html)
    for secret in (pekka.identity_code, "Salainen tie", "Jyväskylä", "Toinenlapsi"):
        assert secret not in html


def test_confirming_a_different_person_on_the_page_records_them(
    case_a: CaseWorld, worker_a: Any, pekka: Person
) -> None:
    response = _login("worker_a").post(
        reverse("family_member_new", args=[case_a.case.pk]), _typed(create_anyway="on")
    )
    assert response.status_code == 302
    assert Person.objects.filter(last_name="Virtane").count() == 1


def test_an_identity_code_under_another_name_is_explained_in_the_users_language(
    case_a: CaseWorld, worker_a: Any, pekka: Person
) -> None:
    shown = set()
    for language in ("fi", "sv", "en"):
        data = _typed(first_names="Ville", last_name="Toinen", birth_date="")
        data["identity_code"] = pekka.identity_code
        html = (
            _login("worker_a", language)
            .post(reverse("family_member_new", args=[case_a.case.pk]), data)
            .content.decode()
            .replace("&#x27;", "'")
        )
        with translation.override(language):
            message = gettext(family_services.CODE_UNDER_ANOTHER_NAME)
        assert message in html, language
        assert _choices(html) == {str(pekka.pk)}
        assert 'name="create_anyway"' not in html  # the code's person is never someone else
        shown.add(message)
    assert len(shown) == 3
    assert Person.objects.filter(identity_code=pekka.identity_code).count() == 1


def test_a_person_already_in_the_family_is_told_on_the_page(
    case_a: CaseWorld, worker_a: Any
) -> None:
    mother = Person.objects.get(ties_from__to_person=case_a.case.child)
    ties = _ties(case_a)
    data = _typed(first_names="Maija", last_name="Esimerkki", birth_date="")
    data["identity_code"] = mother.identity_code
    response = _login("worker_a", "en").post(
        reverse("family_member_new", args=[case_a.case.pk]), data
    )
    html = response.content.decode().replace("&#x27;", "'")
    assert response.status_code == 200
    assert "Maija Esimerkki is already in this child's family: nothing was added." in html
    assert _ties(case_a) == ties


def test_a_likely_duplicate_in_the_family_is_marked_so(case_a: CaseWorld, worker_a: Any) -> None:
    mother = Person.objects.get(ties_from__to_person=case_a.case.child)
    assert mother.birth_date is not None
    data = _typed(first_names="Maija", last_name="Esimerki", birth_date=str(mother.birth_date))
    html = (
        _login("worker_a", "en")
        .post(reverse("family_member_new", args=[case_a.case.pk]), data)
        .content.decode()
        .replace("&#x27;", "'")
    )
    assert _choices(html) == {str(mother.pk)}
    assert "already in this child's family" in html


def test_a_worker_of_another_team_gets_404_and_is_shown_nobody(
    case_a: CaseWorld, other_team: Any, pekka: Person
) -> None:
    response = _login("other_team").post(
        reverse("family_member_new", args=[case_a.case.pk]), _typed()
    )
    assert response.status_code == 404
    assert not AccessLog.objects.filter(person=pekka).exists()


def test_the_page_reads_the_same_number_of_queries_for_more_persons_found(
    case_a: CaseWorld, worker_a: Any, pekka: Person, world: Any
) -> None:
    client = _login("worker_a")
    url = reverse("family_member_new", args=[case_a.case.pk])

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            client.post(url, _typed())
        return len(ctx.captured_queries)

    before = queries()
    for n in range(3):
        person_create(
            county=world.county_a,
            first_names=f"Pekka {n}",
            last_name="Virtanen",
            identity_code=hetu.make_synthetic(BORN, 970 + n),
        )
    html = client.post(url, _typed()).content.decode()
    assert len(_choices(html)) == 4
    assert queries() == before
