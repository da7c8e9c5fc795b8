"""The URL × persona walk for the expert by experience (issue 16): as such an expert never
sees client data. Every URL pattern of Monia is opened as the expert; only their own pages,
the development network's and their own account's answer; every case, person, team, intake,
search, partner and portal URL answers 404 — with real objects for the case and portal URLs
(the same helpers as access/tests/test_url_rules.py)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import get_resolver, reverse

from monia.access.tests.test_url_rules import (
    CASE_URLS,
    PORTAL_CASE_URLS,
    _kwargs,
    _portal_kwargs,
    _routes,
)
from monia.access.url_rules import NAMESPACE_RULES, URL_RULES, Rule
from monia.conftest import PASSWORD, CaseWorld

pytestmark = pytest.mark.django_db

# What an expert by experience may open: the network's pages (each app decides inside), their
# own assignments, their own account (password, second factor), the public pages.
OPEN_TO_EXPERT = {Rule.PUBLIC, Rule.FIRST_FACTOR, Rule.DEVELOP, Rule.EXPERT_SELF}
# Rule STAFF is "any logged-in user, shown only what the policy allows": the front page sends
# the expert on to /develop/; their own account's pages answer.
OWN_ACCOUNT = {"security", "password_change", "mfa_device_remove"}


def _expert_client() -> Client:
    client = Client()
    assert client.login(username="expert_by_experience", password=PASSWORD)
    return client


def _answer(client: Client, path: str) -> Any:
    response = client.get(path)
    if response.status_code == 405:  # a view that only writes: post nothing to it
        response = client.post(path, {})
    return response


def _client_words() -> list[str]:
    """Every client's names and identity code in the database: none may reach the expert."""
    from monia.people.models import Person

    words: list[str] = []
    for person in Person.objects.all():
        words += [person.first_names, person.last_name, person.identity_code or ""]
    return [w for w in words if len(w) > 2]


def test_an_expert_by_experience_gets_404_on_every_url_not_theirs(
    expert_by_experience: Any, case_a: CaseWorld
) -> None:
    client = _expert_client()
    words = _client_words()
    assert words
    checked: list[str] = []
    wrong: list[tuple[str, str, int]] = []
    for namespace, name, path in _routes(get_resolver().url_patterns):
        rule = NAMESPACE_RULES.get(namespace or "") or URL_RULES.get(name)
        if rule in OPEN_TO_EXPERT or name in OWN_ACCOUNT or name in ("dashboard", "logout"):
            continue
        response = _answer(client, path)
        status = response.status_code
        if rule == Rule.ADMIN_SITE:
            # Django's admin: its own login page, every other page sends there.
            expected = {200} if name == "login" else {302}
        elif rule in (Rule.STAFF, Rule.API):
            # "Any logged-in user, shown only what the policy allows" (e.g. an empty
            # caseload, an empty list of deadlines), or the API's refusal of an empty body.
            expected = {200, 302, 400, 401, 403, 404}
            text = response.content.decode("utf-8", "replace")
            if any(w in text for w in words):
                wrong.append((name, path, -status))  # client data shown: never
        else:
            expected = {404}
        if status not in expected:
            wrong.append((name, path, status))
        checked.append(name)
    assert wrong == [], "\n".join(map(str, wrong))
    assert len(checked) > 150
    assert {"case_detail", "client_search", "intake_new", "portal_home", "partner_home"} <= set(
        checked
    )


def test_the_experts_front_page_is_the_development_network(expert_by_experience: Any) -> None:
    response = _expert_client().get("/")
    assert response.status_code == 302 and response["Location"] == reverse("develop")


def test_every_case_url_answers_the_expert_404_for_a_real_case(
    expert_by_experience: Any, case_a: CaseWorld
) -> None:
    client = _expert_client()
    for name in CASE_URLS:
        url = reverse(name, kwargs=_kwargs(name, case_a))
        assert _answer(client, url).status_code == 404, name


def test_every_portal_url_answers_the_expert_404_for_a_real_matter(
    expert_by_experience: Any, portal_world: Any
) -> None:
    client = _expert_client()
    for name in PORTAL_CASE_URLS:
        url = reverse(name, kwargs=_portal_kwargs(name, portal_world.young_case))
        assert _answer(client, url).status_code == 404, name
