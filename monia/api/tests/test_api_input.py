"""The API refuses hostile or implausible input with a 422 naming the field, writes
RFC 3339 times, keeps its documentation for staff and answers JSON everywhere
(issue 11, items 8, 13 and 15)."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from monia.accounts.models import User
from monia.api.api import rfc3339_time
from monia.api.tests.test_api import API, NEW_CHILD, _client, _notification, _post
from monia.casework.intake_services import INTAKE_CONTENT_MAX_LENGTH
from monia.casework.models import Intake
from monia.conftest import login

pytestmark = pytest.mark.django_db

RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


def _refused(response: Any, field: str) -> None:
    assert response.status_code == 422, response.content
    assert field in response.json()["errors"], response.json()
    assert not Intake.objects.exists()


def test_a_nul_byte_in_the_content_is_refused_naming_the_field(worker_a: User) -> None:
    response = _post(_client(worker_a), _notification(child=NEW_CHILD, content="Huoli\x00"))
    _refused(response, "content")
    assert "NUL" in response.json()["errors"]["content"][0]


def test_control_characters_in_the_child_s_name_are_refused(worker_a: User) -> None:
    child = {**NEW_CHILD, "last_name": "Esi\x07merkki"}
    _refused(_post(_client(worker_a), _notification(child=child)), "child.last_name")


def test_tabs_and_line_breaks_are_text(worker_a: User) -> None:
    response = _post(_client(worker_a), _notification(child=NEW_CHILD, content="a\r\n\tb"))
    assert response.status_code == 201


def test_an_intake_received_in_1700_is_refused(worker_a: User) -> None:
    data = _notification(child=NEW_CHILD, received_at="1700-01-01T10:00:00+02:00")
    _refused(_post(_client(worker_a), data), "received_at")


def test_an_intake_received_before_the_act_was_in_force_is_refused(worker_a: User) -> None:
    data = _notification(child=NEW_CHILD, received_at="2007-12-31T10:00:00+02:00")
    _refused(_post(_client(worker_a), data), "received_at")


def test_an_intake_received_tomorrow_is_refused(worker_a: User) -> None:
    tomorrow = (timezone.now() + datetime.timedelta(days=1)).isoformat()
    _refused(
        _post(_client(worker_a), _notification(child=NEW_CHILD, received_at=tomorrow)),
        "received_at",
    )


def test_content_longer_than_the_cap_is_refused(worker_a: User) -> None:
    long = "x" * (INTAKE_CONTENT_MAX_LENGTH + 1)
    _refused(_post(_client(worker_a), _notification(child=NEW_CHILD, content=long)), "content")


def test_two_megabytes_of_content_are_refused(worker_a: User) -> None:
    huge = "x" * 2_000_000
    _refused(_post(_client(worker_a), _notification(child=NEW_CHILD, content=huge)), "content")


def test_content_at_the_cap_is_recorded(worker_a: User) -> None:
    full = "x" * INTAKE_CONTENT_MAX_LENGTH
    assert _post(_client(worker_a), _notification(child=NEW_CHILD, content=full)).status_code == 201


def test_a_received_time_is_written_in_rfc_3339(worker_a: User) -> None:
    response = _post(_client(worker_a), _notification(child=NEW_CHILD))
    assert response.status_code == 201
    assert RFC3339.match(response.json()["received_at"])


def test_a_time_of_helsinki_mean_time_is_given_in_utc() -> None:
    old = datetime.datetime(1900, 1, 1, 12, tzinfo=datetime.UTC)
    assert rfc3339_time(old).utcoffset() == datetime.timedelta(0)
    new = datetime.datetime(2026, 1, 1, 12, tzinfo=datetime.UTC)
    assert rfc3339_time(new).utcoffset() == datetime.timedelta(hours=2)


def test_a_body_that_is_not_json_is_a_json_400(worker_a: User) -> None:
    response = _client(worker_a).post(
        f"{API}/notifications", "{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert "detail" in response.json()


# --- Documentation and unknown paths (item 15) ---------------------------------


def test_the_docs_send_an_anonymous_visitor_to_log_in() -> None:
    for path in ("docs", "openapi.json"):
        response = Client().get(f"{API}/{path}")
        assert response.status_code == 302, path
        assert "/login/" in response["Location"]


def test_the_docs_are_not_for_partners(partner: User) -> None:
    assert login(partner.username).get(f"{API}/docs").status_code == 404
    assert login(partner.username).get(f"{API}/openapi.json").status_code == 404


def test_staff_read_the_docs(worker_a: User) -> None:
    assert login(worker_a.username).get(f"{API}/docs").status_code == 200


def test_the_schema_documents_the_error_answers(worker_a: User) -> None:
    paths = login(worker_a.username).get(f"{API}/openapi.json").json()["paths"]
    post = paths["/api/v1/notifications"]["post"]["responses"]
    assert {"400", "401", "404", "422"} <= set(post)
    assert {"401", "422"} <= set(paths["/api/v1/deadlines/mine"]["get"]["responses"])
    assert {"401", "404"} <= set(paths["/api/v1/cases/{case_id}"]["get"]["responses"])


@pytest.mark.parametrize("path", ["nothing", "cases/abc", "cases/1/x", "deadlines", "x/y/z"])
def test_an_unknown_api_path_is_a_json_404(worker_a: User, path: str) -> None:
    for client in (Client(), _client(worker_a)):
        response = client.get(f"{API}/{path}")
        assert response.status_code == 404
        assert response["Content-Type"].startswith("application/json")
        assert response.json() == {"detail": "Not Found"}
