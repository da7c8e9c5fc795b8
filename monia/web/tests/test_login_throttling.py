"""Login throttling (django-axes through web/throttle.py): per account and per address, a
cool-off and never a permanent lock; the answer is the login page, 429, username kept."""

from __future__ import annotations

import datetime
from typing import Any

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.test import Client
from django.urls import reverse

from monia.access.testing import as_owner
from monia.conftest import PASSWORD
from monia.web import throttle

OFFICE = "192.0.2.10"
ELSEWHERE = "198.51.100.20"


def _post(client: Client, username: str, password: str, address: str = OFFICE) -> Any:
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def _logged_in(client: Client) -> bool:
    return client.get(reverse("dashboard")).status_code == 200


def _cool_off_passes() -> None:
    """The clock moves past the cool-off (the attempt rows are dated back)."""
    cool_off = datetime.timedelta(minutes=settings.MONIA_LOGIN_COOLOFF_MINUTES + 1)
    for attempt in AccessAttempt.objects.all():
        AccessAttempt.objects.filter(pk=attempt.pk).update(
            attempt_time=attempt.attempt_time - cool_off
        )


def test_thirty_wrong_passwords_then_the_right_one_does_not_log_in_until_the_cool_off(
    login_throttling: None, worker_a: Any
) -> None:
    client = Client()
    statuses = [_post(client, "worker_a", f"guess {i}").status_code for i in range(30)]
    assert statuses[: settings.MONIA_LOGIN_FAILURES_PER_ACCOUNT - 1] == [200] * 9
    assert set(statuses[settings.MONIA_LOGIN_FAILURES_PER_ACCOUNT - 1 :]) == {429}

    right = _post(client, "worker_a", PASSWORD)
    assert right.status_code == 429
    assert not _logged_in(client)
    # Hammering during the lock did not lengthen it: after the cool-off the right one works.
    _cool_off_passes()
    assert _post(client, "worker_a", PASSWORD).status_code == 302
    assert _logged_in(client)


def test_the_lockout_page_keeps_the_username_and_says_why_in_the_users_language(
    login_throttling: None, worker_a: Any
) -> None:
    for language, words in (
        ("fi", "Liian monta epäonnistunutta kirjautumista"),
        ("sv", "För många misslyckade inloggningar"),
        ("en", "Too many failed logins"),
    ):
        client = Client()
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        for i in range(settings.MONIA_LOGIN_FAILURES_PER_ACCOUNT):
            response = _post(client, "worker_a", f"guess {i}")
        assert response.status_code == 429
        page = response.content.decode()
        assert words in page, language
        assert 'value="worker_a"' in page  # what was typed is kept
        assert 'name="password"' in page  # the form is there for after the pause
        AccessAttempt.objects.all().delete()


def test_a_locked_account_does_not_stop_other_accounts_nor_colleagues_at_the_same_address(
    login_throttling: None, worker_a: Any, teammate_a: Any, senior_a: Any
) -> None:
    for i in range(30):
        _post(Client(), "worker_a", f"guess {i}")
    elsewhere = Client()
    assert _post(elsewhere, "teammate_a", PASSWORD, ELSEWHERE).status_code == 302
    # The office's address has 30 failures, under its own limit: a colleague there is fine.
    colleague = Client()
    assert _post(colleague, "senior_a", PASSWORD, OFFICE).status_code == 302
    # The locked account is locked from everywhere (a password guesser moves addresses).
    assert _post(Client(), "worker_a", PASSWORD, ELSEWHERE).status_code == 429


def test_one_address_trying_many_accounts_is_locked_for_every_account(
    login_throttling: None, worker_a: Any, teammate_a: Any
) -> None:
    for i in range(settings.MONIA_LOGIN_FAILURES_PER_ADDRESS):
        _post(Client(), f"someone{i}", "Kesä2026!", OFFICE)  # one guess per account
    assert _post(Client(), "worker_a", PASSWORD, OFFICE).status_code == 429
    assert _post(Client(), "teammate_a", PASSWORD, ELSEWHERE).status_code == 302
    _cool_off_passes()
    assert _post(Client(), "worker_a", PASSWORD, OFFICE).status_code == 302


def test_throttling_keeps_only_what_the_count_needs(login_throttling: None, worker_a: Any) -> None:
    _post(Client(), "worker_a", "my secret guess")
    attempt = AccessAttempt.objects.get()
    assert attempt.username == "worker_a" and attempt.ip_address == OFFICE
    assert "my secret guess" not in attempt.post_data
    assert "worker_a" not in attempt.post_data
    # No log of successful logins, none of failures beyond the count.
    _post(Client(), "worker_a", PASSWORD)
    with as_owner():  # the application's role may not even read axes's unused logs
        assert not AccessLog.objects.exists()
        assert not AccessFailureLog.objects.exists()
    assert settings.AXES_ENABLE_ACCESS_FAILURE_LOG is False


def test_only_password_logins_are_counted() -> None:
    """A portal client's SAML assertion and a single sign-on answer carry no password: their
    identity provider throttles its own logins."""
    assert throttle.not_a_password_login(None, {"session_info": {}})  # type: ignore[arg-type]
    assert not throttle.not_a_password_login(None, {"username": "a", "password": "b"})  # type: ignore[arg-type]


def test_the_address_is_the_connection_not_a_forwarded_header(rf: Any) -> None:
    request = rf.get("/", REMOTE_ADDR=OFFICE, HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert throttle.client_address(request) == OFFICE
