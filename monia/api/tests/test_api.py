"""The JSON API under /api/v1: authentication, intake recording, case and deadline reads."""

from __future__ import annotations

import datetime
import io
import itertools
import uuid
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from monia.access.models import AccessLog
from monia.accounts.models import ApiToken, User
from monia.accounts.services import api_token_create
from monia.casework import services
from monia.casework.models import Case, Intake
from monia.conftest import World, login
from monia.people import hetu
from monia.people.models import Person
from monia.people.services import person_create
from monia.teams.models import County, Team

pytestmark = pytest.mark.django_db

API = "/api/v1"
RECEIVED = "2026-03-03T10:00:00+02:00"  # a Tuesday; 7 working days later is Thu 12 March


def _client(user: User) -> Client:
    _token, raw = api_token_create(user=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}", HTTP_ACCEPT_LANGUAGE="en")


_numbers = itertools.cycle(range(900, 1000))


def _child(county: County, *, last: str = "Esimerkki") -> Person:
    birth = datetime.date(2017, 5, 1)
    return person_create(
        county=county,
        first_names="Aino",
        last_name=last,
        identity_code=hetu.make_synthetic(birth, next(_numbers)),
    )


def _intake_for(user: User, child: Person, team: Team) -> Intake:
    return services.intake_record(
        user=user,
        child=child,
        team=team,
        kind="notification",
        channel="phone",
        received_at=timezone.now() - datetime.timedelta(days=1),
        notifier_type="private",
        content="Naapuri on huolissaan.",
    )


def _case_for(worker: User, team: Team, *, last: str = "Esimerkki") -> Case:
    """An open case of ``team`` with a pending intake, ``worker`` as designated worker."""
    assert worker.county is not None
    intake = _intake_for(worker, _child(worker.county, last=last), team)
    return services.designated_worker_assign(
        user=worker, case=intake.case, worker=worker, on=timezone.localdate()
    )


@pytest.fixture
def api_case(world: World, worker_a: User) -> Case:
    return _case_for(worker_a, world.team_a1)


def _notification(**extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": "notification",
        "channel": "phone",
        "received_at": RECEIVED,
        "notifier_type": "obligated",
        "notifier_sector": "school",
        "notifier_name": "Opettaja Olli",
        "notifier_phone": "040 000 0000",
        "family_informed": "yes",
        "content": "Poissaoloja koulusta.",
    }
    data.update(extra)
    return data


NEW_CHILD = {
    "identity_code": "010115A901C",
    "first_names": "Eino",
    "last_name": "Esimerkki",
    "language": "fi",
    "municipality": "Tampere",
}


def _post(client: Client, data: dict[str, Any]) -> Any:
    return client.post(f"{API}/notifications", data, content_type="application/json")


# --- Authentication -----------------------------------------------------------


def test_token_authenticates_the_request(worker_a: User) -> None:
    response = _client(worker_a).get(f"{API}/deadlines/mine")
    assert response.status_code == 200
    assert response.json() == []


def test_revoked_token_gets_401(worker_a: User) -> None:
    client = _client(worker_a)
    ApiToken.objects.filter(user=worker_a).update(revoked_at=timezone.now())
    assert client.get(f"{API}/deadlines/mine").status_code == 401


def test_token_of_deactivated_user_gets_401(worker_a: User) -> None:
    client = _client(worker_a)
    User.objects.filter(pk=worker_a.pk).update(is_active=False)
    assert client.get(f"{API}/deadlines/mine").status_code == 401


def test_unknown_token_gets_401(worker_a: User) -> None:
    client = Client(HTTP_AUTHORIZATION=f"Bearer {ApiToken.new_key()}")
    assert client.get(f"{API}/deadlines/mine").status_code == 401


def test_anonymous_gets_401_everywhere(api_case: Case) -> None:
    client = Client(enforce_csrf_checks=True)
    assert client.get(f"{API}/deadlines/mine").status_code == 401
    assert client.get(f"{API}/cases/{api_case.pk}").status_code == 401
    response = _post(client, _notification(child_id=api_case.child_id))
    assert response.status_code == 401
    assert response.json() == {"detail": "Unauthorized"}


def test_session_works_and_unsafe_methods_need_the_csrf_token(
    worker_a: User, api_case: Case
) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(worker_a)
    assert client.get(f"{API}/cases/{api_case.pk}").status_code == 200
    data = _notification(child_id=api_case.child_id)
    assert _post(client, data).status_code == 403
    secret = "a" * 32
    client.cookies["csrftoken"] = secret
    response = client.post(
        f"{API}/notifications", data, content_type="application/json", HTTP_X_CSRFTOKEN=secret
    )
    assert response.status_code == 201


# --- POST /notifications -----------------------------------------------------


def test_notification_for_new_child_returns_201_and_decision_due(worker_a: User) -> None:
    response = _post(_client(worker_a), _notification(child=NEW_CHILD))
    assert response.status_code == 201
    body = response.json()
    assert body["decision_due"] == "2026-03-12"
    assert body["received_at"] == "2026-03-03T10:00:00+02:00"
    intake = Intake.objects.select_related("case__child").get(pk=body["intake_id"])
    assert body["case_id"] == intake.case_id
    assert intake.case.team_id == worker_a.team_id  # the user's own team by default
    assert intake.case.child.identity_code == "010115A901C"
    assert intake.recorded_by == worker_a


def test_notification_for_existing_child_joins_the_open_case(
    worker_a: User, api_case: Case
) -> None:
    response = _post(_client(worker_a), _notification(child_id=api_case.child_id))
    assert response.status_code == 201
    assert response.json()["case_id"] == api_case.pk
    assert api_case.intakes.count() == 2


def test_invalid_identity_code_gets_422_and_saves_nothing(worker_a: User) -> None:
    persons, intakes, cases = Person.objects.count(), Intake.objects.count(), Case.objects.count()
    child = {**NEW_CHILD, "identity_code": "010115A901X"}
    response = _post(_client(worker_a), _notification(child=child))
    assert response.status_code == 422
    assert response.json() == {
        "errors": {
            "child.identity_code": [
                "The identity code's check character does not match: check for a typo."
            ]
        }
    }
    assert (Person.objects.count(), Intake.objects.count(), Case.objects.count()) == (
        persons,
        intakes,
        cases,
    )


def test_intake_rule_broken_gets_422_and_saves_nothing(worker_a: User) -> None:
    """The child is created only if the intake is recorded too: both or neither."""
    persons = Person.objects.count()
    data = _notification(child=NEW_CHILD, notifier_name="", notifier_phone="")
    response = _post(_client(worker_a), data)
    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"notifier_name", "notifier_phone"}
    assert Person.objects.count() == persons


def test_malformed_input_gets_422_in_the_same_shape(worker_a: User, api_case: Case) -> None:
    client = _client(worker_a)
    naive = _post(
        client, _notification(child_id=api_case.child_id, received_at="2026-03-03T10:00:00")
    )
    assert naive.status_code == 422
    assert list(naive.json()["errors"]) == ["received_at"]
    both = _post(client, _notification(child_id=api_case.child_id, child=NEW_CHILD))
    assert both.status_code == 422
    assert both.json() == {
        "errors": {
            "__all__": [
                "Give either child_id (a child in the register) or child (a new child), not both."
            ]
        }
    }
    email = _post(client, _notification(child_id=api_case.child_id, notifier_email="olli@"))
    assert list(email.json()["errors"]) == ["notifier_email"]


def test_team_of_other_county_gets_422(worker_a: User, world: World, api_case: Case) -> None:
    data = _notification(child_id=api_case.child_id, team_id=world.team_b1.pk)
    response = _post(_client(worker_a), data)
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["team_id"]


def test_repeat_with_same_submission_key_records_one_intake(worker_a: User) -> None:
    client = _client(worker_a)
    data = _notification(child=NEW_CHILD, submission_key=str(uuid.uuid4()))
    intakes = Intake.objects.count()
    first, second = _post(client, data), _post(client, data)
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert Intake.objects.count() == intakes + 1


def test_notification_for_child_of_other_county_gets_404(
    other_county: User, api_case: Case
) -> None:
    response = _post(_client(other_county), _notification(child_id=api_case.child_id))
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}
    assert api_case.intakes.count() == 1


def test_notification_by_administrator_gets_404(admin: User) -> None:
    response = _post(_client(admin), _notification(child=NEW_CHILD))
    assert response.status_code == 404
    assert not Person.objects.exists()


def test_notification_into_other_teams_case_does_not_reveal_it(
    other_team: User, api_case: Case
) -> None:
    response = _post(_client(other_team), _notification(child_id=api_case.child_id))
    assert response.status_code == 201
    body = response.json()
    assert body == {
        "intake_id": body["intake_id"],
        "case_id": None,
        "decision_due": None,
        "received_at": None,
    }
    assert Intake.objects.get(pk=body["intake_id"]).case_id == api_case.pk


# --- GET /cases/{id} ----------------------------------------------------------


def test_case_detail_gives_the_case_its_intakes_and_deadlines(
    worker_a: User, api_case: Case
) -> None:
    response = _client(worker_a).get(f"{API}/cases/{api_case.pk}")
    assert response.status_code == 200
    body = response.json()
    intake = api_case.intakes.get()
    assert body["id"] == api_case.pk
    assert body["stage"] == "intake"
    assert body["child"] == {
        "id": api_case.child_id,
        "first_names": "Aino",
        "last_name": "Esimerkki",
        "birth_date": "2017-05-01",
        "non_disclosure": False,
        "municipality": "",
        "address": "",
        "contact_details": [],
    }
    assert body["team"] == {"id": api_case.team_id, "name": "A1", "name_sv": "", "name_en": ""}
    assert body["designated_worker"] == {"id": worker_a.pk, "name": worker_a.display_name}
    assert [i["id"] for i in body["intakes"]] == [intake.pk]
    assert body["intakes"][0]["decision"] is None
    assert body["deadlines"] == [
        {
            "kind": "decision",
            "due": intake.decision_due.isoformat(),
            "status": body["deadlines"][0]["status"],
        }
    ]


def test_every_case_read_writes_an_api_access_log_row(worker_a: User, api_case: Case) -> None:
    client = _client(worker_a)
    for _ in range(2):
        assert client.get(f"{API}/cases/{api_case.pk}").status_code == 200
    rows = AccessLog.objects.filter(case=api_case, user=worker_a)
    assert [(r.channel, r.purpose) for r in rows] == [("api", "api_case_detail")] * 2


def test_other_team_gets_404_identical_to_missing_case(other_team: User, api_case: Case) -> None:
    client = _client(other_team)
    forbidden = client.get(f"{API}/cases/{api_case.pk}")
    missing = client.get(f"{API}/cases/{api_case.pk + 1000}")
    assert forbidden.status_code == missing.status_code == 404
    assert forbidden.content == missing.content == b'{"detail": "Not Found"}'
    assert not AccessLog.objects.exists()


@pytest.mark.parametrize("persona", ["other_county", "admin"])
def test_other_county_and_administrator_get_404(
    persona: str, api_case: Case, request: pytest.FixtureRequest
) -> None:
    user = request.getfixturevalue(persona)
    response = _client(user).get(f"{API}/cases/{api_case.pk}")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}


# --- GET /deadlines/mine -----------------------------------------------------


def test_deadlines_mine_lists_my_cases_and_logs_them(
    worker_a: User, api_case: Case, other_team: User, world: World
) -> None:
    teammate_case = _case_for(other_team, world.team_a1, last="Tiimiläinen")
    client = _client(worker_a)
    mine = client.get(f"{API}/deadlines/mine").json()
    assert [(d["case_id"], d["child_name"], d["kind"]) for d in mine] == [
        (api_case.pk, "Aino Esimerkki", "decision")
    ]
    team = client.get(f"{API}/deadlines/mine?scope=team").json()
    assert {d["case_id"] for d in team} == {api_case.pk, teammate_case.pk}
    logged = AccessLog.objects.filter(user=worker_a, purpose="api_deadlines", channel="api")
    assert sorted(logged.values_list("case_id", flat=True)) == sorted(
        [api_case.pk, api_case.pk, teammate_case.pk]
    )


def test_deadlines_mine_query_count_does_not_grow_with_cases(
    worker_a: User,
    world: World,
    django_assert_max_num_queries: Any,
) -> None:
    client = _client(worker_a)
    for n in range(2):
        _case_for(worker_a, world.team_a1, last=f"Lapsi{n}")
    with CaptureQueriesContext(connection) as two:
        assert len(client.get(f"{API}/deadlines/mine").json()) == 2
    for n in range(2, 10):
        _case_for(worker_a, world.team_a1, last=f"Lapsi{n}")
    with django_assert_max_num_queries(len(two.captured_queries)):
        assert len(client.get(f"{API}/deadlines/mine").json()) == 10
    # token, cases, four kinds of deadline, one access-log INSERT, and a savepoint pair
    assert len(two.captured_queries) <= 9


# --- OpenAPI and the token command ---------------------------------------------


def test_openapi_document_lists_the_three_paths(worker_a: User) -> None:
    response = login(worker_a.username).get(f"{API}/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert {"/api/v1/notifications", "/api/v1/cases/{case_id}", "/api/v1/deadlines/mine"} <= set(
        paths
    )
    schemes = response.json()["components"]["securitySchemes"]
    assert schemes["TokenAuth"] == {"type": "http", "scheme": "bearer"}


def test_docs_page_is_served(worker_a: User) -> None:
    assert login(worker_a.username).get(f"{API}/docs").status_code == 200


def test_api_token_create_command_prints_the_key_once(worker_a: User) -> None:
    out = io.StringIO()
    call_command(
        "api_token_create", "worker_a", "--name", "Integraatio", stdout=out, stderr=io.StringIO()
    )
    raw = out.getvalue().strip()
    assert raw.startswith("monia_")
    token = ApiToken.objects.get(user=worker_a)
    assert token.name == "Integraatio"
    assert token.key_hash == ApiToken.hash_key(raw)
    assert raw not in {token.key_hash, token.name}
    response = Client(HTTP_AUTHORIZATION=f"Bearer {raw}").get(f"{API}/deadlines/mine")
    assert response.status_code == 200


def test_api_token_create_command_refuses_an_unknown_user(world: World) -> None:
    with pytest.raises(CommandError, match="No user"):
        call_command("api_token_create", "nobody", "--name", "x", stdout=io.StringIO())
    assert not ApiToken.objects.exists()


@pytest.mark.django_db
def test_a_case_names_its_team_in_swedish_and_english_when_the_team_has_those_names(
    worker_a: User, api_case: Case
) -> None:
    api_case.team.name_sv = "A1 sv"
    api_case.team.name_en = "A1 en"
    api_case.team.save(update_fields=["name_sv", "name_en"])
    body = _client(worker_a).get(f"{API}/cases/{api_case.pk}").json()
    assert body["team"] == {
        "id": api_case.team_id,
        "name": "A1",
        "name_sv": "A1 sv",
        "name_en": "A1 en",
    }
