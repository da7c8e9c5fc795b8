"""Hostile input is answered with a clear error, never a server error (issue 11, item 8)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from monia.accounts.models import User
from monia.conftest import CaseWorld, login

pytestmark = pytest.mark.django_db


def _client(user: User) -> Client:
    client = login(user.username)
    client.raise_request_exception = False
    return client


def test_nul_in_the_intake_search_is_refused_with_a_message(worker_a: User) -> None:
    response = _client(worker_a).post(reverse("intake_new"), {"search": "1", "q": "Ai\x00no"})
    assert response.status_code == 200
    assert "q" in response.context["section"].choice.errors


def test_nul_in_the_intake_search_of_a_first_get_is_refused(worker_a: User) -> None:
    response = _client(worker_a).get(reverse("intake_new"), {"q": "\x00"})
    assert response.status_code == 200


def test_nul_in_the_child_identify_search_is_refused(worker_a: User, case_a: CaseWorld) -> None:
    url = reverse("child_identify", args=[case_a.case.pk])
    response = _client(worker_a).post(url, {"search": "1", "q": "x\x00", "reason": "r"})
    assert response.status_code in (200, 404)


def test_a_team_that_is_not_a_number_is_a_404(senior_a: User, worker_a: User) -> None:
    assert _client(senior_a).get("/team/?team=abc").status_code == 404
    assert _client(worker_a).get("/team/?team=abc").status_code == 200
    assert _client(senior_a).get("/team/?team=%C2%B2").status_code == 404


def test_a_caseload_date_out_of_range_gets_a_message(senior_a: User) -> None:
    response = _client(senior_a).get("/caseload/?on=0001-01-01")
    assert response.status_code == 200
    assert "on" in response.context["form"].errors
