"""Property test: hostile text in every field of every form page and of the API, sent as
the persona who may use the page, never gives a server error and never half-saves an
intake (issue 11, item 8).

Each page is opened with GET; every field named inside its POST forms is then filled with
one hostile value (NUL and other control characters, very long text, odd unicode, SQL- and
HTML-looking text, impossible dates) and posted to the form's action. The query strings
the pages read (``q``, ``team``, ``on``, …) get the same values. Bounded: a few examples
per page, no deadline, so the suite stays fast.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from monia.access.tests.test_url_rules import CASE_URLS, _kwargs
from monia.api.tests.test_api import NEW_CHILD, _client, _notification, _post
from monia.casework.models import Intake
from monia.conftest import CaseWorld, World, login

pytestmark = pytest.mark.django_db

HOSTILE_TEXT = st.one_of(
    st.sampled_from(
        [
            "\x00",
            "Aino\x00Esimerkki",
            "\x1b[2J\x07\x08",
            "\u202eevil\u202c",
            "0001-01-01",
            "9999-12-31T23:59",
            "1700-01-01T00:00:00+02:00",
            "-1",
            "²",
            "99999999999999999999999",
            "' OR 1=1; DROP TABLE casework_case; --",
            "<script>alert(1)</script>",
            "{{ request }}{% debug %}",
            "%00%0d%0a",
            "x" * 25_000,
            "ﷺ" * 300,
            "🧒🏽" * 100,
        ]
    ),
    st.text(max_size=40),
)


def _known(test: Any) -> Any:
    """The four causes of 500s the probe found, always tried besides the drawn examples."""
    for value in ("\x00", "0001-01-01", "abc", "²"):
        test = example(value=value)(test)
    return test


HOSTILE = settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)

# The query-string parameters Monia's pages read.
QUERY_PARAMETERS = (
    "q", "team", "on", "page", "version", "lang", "snapshot", "meeting", "municipality", "person",
    "stage", "due", "sort", "others_page",
)  # fmt: skip


class _Forms(HTMLParser):
    """The POST forms of a page: (action, the names of their fields)."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[tuple[str, set[str]]] = []
        self._open: tuple[str, set[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag == "form" and (attr.get("method") or "").lower() == "post":
            self._open = (attr.get("action") or "", set())
        elif self._open is not None and tag in ("input", "textarea", "select", "button"):
            name = attr.get("name")
            if name and name != "csrfmiddlewaretoken":
                self._open[1].add(name)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self._open is not None:
            self.forms.append(self._open)
            self._open = None


def post_forms(client: Client, url: str) -> list[tuple[str, set[str]]]:
    response = client.get(url)
    assert response.status_code < 500, url
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return []
    parser = _Forms()
    parser.feed(response.content.decode())
    return [(action or url, names) for action, names in parser.forms if names]


def assert_survives(client: Client, url: str, value: str) -> None:
    """The page's query strings and every field of its POST forms, all hostile."""
    query = dict.fromkeys(QUERY_PARAMETERS, value[:2000])
    response = client.get(url, query)
    assert response.status_code < 500, (url, "GET", value[:40])
    for action, names in post_forms(client, url):
        intakes = Intake.objects.count()
        response = client.post(action, dict.fromkeys(names, value))
        assert response.status_code < 500, (action, sorted(names), value[:40])
        if response.status_code == 200:  # re-rendered with messages: nothing half-saved
            assert Intake.objects.count() == intakes, action


def _loud(client: Client) -> Client:
    client.raise_request_exception = True  # a 500 fails with its traceback
    return client


_CASE_URLS: dict[tuple[str, int], str] = {}


@pytest.mark.parametrize("name", CASE_URLS)
@HOSTILE
@_known
@given(value=HOSTILE_TEXT)
def test_case_pages_survive_hostile_input(name: str, case_a: CaseWorld, value: str) -> None:
    key = (name, case_a.case.pk)
    if key not in _CASE_URLS:  # once per test: the arguments create records of the case
        _CASE_URLS[key] = reverse(name, kwargs=_kwargs(name, case_a))
    url = _CASE_URLS[key]
    assert_survives(_loud(login("worker_a")), url, value)


STAFF_PAGES = [
    ("worker_a", "intake_new"),
    ("worker_a", "dashboard"),
    ("senior_a", "dashboard"),
    ("worker_a", "client_search"),
    ("senior_a", "client_search"),
    ("worker_a", "enotify_queue"),
    ("worker_a", "caseboard"),
    ("worker_a", "meetings"),
    ("senior_a", "caseboard"),
    ("senior_a", "caseload"),
    ("senior_a", "participation_indicators"),
    ("coordinator_a", "meetings"),
]


@pytest.mark.parametrize(("persona", "name"), STAFF_PAGES)
@HOSTILE
@_known
@given(value=HOSTILE_TEXT)
def test_staff_pages_survive_hostile_input(
    persona: str, name: str, request: pytest.FixtureRequest, case_a: CaseWorld, value: str
) -> None:
    request.getfixturevalue(persona)
    assert_survives(_loud(login(persona)), reverse(name), value)


@HOSTILE
@_known
@given(value=HOSTILE_TEXT)
def test_the_public_e_notification_survives_hostile_input(world: World, value: str) -> None:
    url = reverse("enotify_form", kwargs={"county_code": world.county_a.code})
    assert_survives(_loud(Client()), url, value)
    assert_survives(_loud(Client()), reverse("enotify_counties"), value)


API_TEXT_FIELDS = (
    "content",
    "notifier_name",
    "notifier_organisation",
    "notifier_phone",
    "notifier_email",
    "received_at",
    "kind",
    "channel",
    "notifier_type",
    "notifier_sector",
    "family_informed",
)
API_CHILD_FIELDS = tuple(NEW_CHILD) + ("birth_date", "expected_birth_date", "gender")


@HOSTILE
@given(
    field=st.sampled_from(API_TEXT_FIELDS + tuple(f"child.{f}" for f in API_CHILD_FIELDS)),
    value=st.one_of(HOSTILE_TEXT, st.integers(), st.none(), st.just([]), st.just({})),
)
def test_every_api_field_survives_hostile_input(worker_a: Any, field: str, value: Any) -> None:
    data = _notification(child=dict(NEW_CHILD))
    if field.startswith("child."):
        data["child"][field.removeprefix("child.")] = value
    else:
        data[field] = value
    before = Intake.objects.count()
    response = _post(_client(worker_a), data)
    assert response.status_code in (201, 400, 422), (field, response.content[:300])
    if response.status_code != 201:
        assert Intake.objects.count() == before
        assert "errors" in response.json() or "detail" in response.json()
