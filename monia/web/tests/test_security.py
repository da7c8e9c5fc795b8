"""Security around every response (monia/web/security.py, docs/security.md): no-store
caching, the Content-Security-Policy, HTTPS in production, idle and absolute session ends,
request ids and JSON logs, health and readiness, and a 503 when the database is away."""

from __future__ import annotations

import io
import json
import logging
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from unittest import mock

from django.conf import settings
from django.db import OperationalError
from django.urls import reverse

from monia.accounts.models import User
from monia.accounts.services import api_token_create
from monia.conftest import PortalWorld, login, portal_client
from monia.web.security import JsonFormatter, RequestIdFilter, SessionTimeoutMiddleware

MONIA = Path(__file__).resolve().parents[2]


# 9. Request id, JSON logs, health and readiness -----------------------------------------


def test_every_response_has_its_own_request_id(db: None) -> None:
    from django.test import Client

    first = Client().get(reverse("login"))
    second = Client().get(reverse("login"))
    assert re.fullmatch(r"[0-9a-f]{32}", first["X-Request-ID"])
    assert first["X-Request-ID"] != second["X-Request-ID"]


def test_production_logs_are_json_on_stdout_with_django_errors() -> None:
    assert settings.LOGGING["handlers"]["console"]["formatter"] == "json"
    assert settings.LOGGING["handlers"]["console"]["stream"] == "ext://sys.stdout"
    assert settings.LOGGING["loggers"]["django"]["handlers"] == ["console"]
    assert settings.LOGGING["root"]["handlers"] == ["console"]


def test_server_error_is_logged_as_json_with_traceback_and_request_id_but_no_client_data(
    worker_a: User,
) -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    django_request = logging.getLogger("django.request")
    django_request.addHandler(handler)
    client = login("worker_a")
    client.raise_request_exception = False
    try:
        with mock.patch(
            "django.contrib.sessions.backends.db.SessionStore.load",
            side_effect=RuntimeError("boom"),
        ):
            response = client.post(
                reverse("dashboard") + "?q=Aino+Esimerkki", {"secret": "Aino Esimerkki"}
            )
    finally:
        django_request.removeHandler(handler)
    assert response.status_code == 500
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    error = next(line for line in lines if line["level"] == "ERROR")
    assert error["request_id"] == response["X-Request-ID"]
    assert "RuntimeError: boom" in error["traceback"]
    assert error["status"] == 500
    assert "Esimerkki" not in stream.getvalue()


def test_a_5xx_answer_logged_after_the_middlewares_keeps_the_request_id(db: None) -> None:
    from django.test import Client

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    django_request = logging.getLogger("django.request")
    django_request.addHandler(handler)
    try:
        with mock.patch(
            "django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("x")
        ):
            response = Client().get(reverse("readyz"))
    finally:
        django_request.removeHandler(handler)
    record = json.loads(stream.getvalue().splitlines()[-1])
    assert record["status"] == 503
    assert record["request_id"] == response["X-Request-ID"]


def test_healthz_answers_without_login_or_database(db: None) -> None:
    from django.test import Client

    with mock.patch("django.db.backends.utils.CursorWrapper.execute") as execute:
        response = Client().get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    execute.assert_not_called()


def test_readyz_tells_whether_the_database_answers(db: None) -> None:
    from django.test import Client

    assert Client().get(reverse("readyz")).json() == {"status": "ok"}
    with mock.patch(
        "django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("down")
    ):
        response = Client().get(reverse("readyz"))
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}


# 14. An unreachable database answers 503 and the app recovers ---------------------------


def test_unreachable_database_answers_503_with_a_plain_message_and_recovers(
    worker_a: User,
) -> None:
    client = login("worker_a")
    client.raise_request_exception = False
    with mock.patch(
        "django.contrib.sessions.backends.db.SessionStore.load",
        side_effect=OperationalError("connection refused"),
    ):
        response = client.get(reverse("dashboard"))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert "Monia ei juuri nyt tavoita tietojaan" in page  # Finnish, the default language
    assert "connection refused" not in page
    # The database is back: the same session goes on with no restart.
    assert client.get(reverse("dashboard")).status_code == 200


def test_database_failure_inside_a_view_answers_503(db: None) -> None:
    from django.test import Client

    client = Client(HTTP_ACCEPT_LANGUAGE="en", raise_request_exception=False)
    with mock.patch("monia.web.views.LoginView.get", side_effect=OperationalError("server closed")):
        response = client.get(reverse("login"))
    assert response.status_code == 503
    assert "Monia cannot reach its data right now" in response.content.decode()


# 4. Cache-Control: no-store -------------------------------------------------------------


def test_logged_in_staff_page_is_never_stored(worker_a: User) -> None:
    response = login("worker_a").get(reverse("dashboard"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["Pragma"] == "no-cache"


def test_portal_page_is_never_stored(portal_world: PortalWorld) -> None:
    response = portal_client(portal_world.guardian).get(reverse("portal_home"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["Pragma"] == "no-cache"


def test_every_api_answer_is_never_stored(worker_a: User) -> None:
    from django.test import Client

    _token, raw = api_token_create(user=worker_a, name="tests")
    answered = Client(HTTP_AUTHORIZATION=f"Bearer {raw}").get("/api/v1/deadlines/mine")
    refused = Client().get("/api/v1/deadlines/mine")
    assert answered.status_code == 200
    assert refused.status_code == 401
    for response in (answered, refused):
        assert "no-store" in response["Cache-Control"]
        assert response["Pragma"] == "no-cache"


def test_public_enotification_form_may_be_cached(db: None) -> None:
    from django.test import Client

    response = Client().get(reverse("enotify_counties"))
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


# 7. Idle and absolute session end -------------------------------------------------------


def _age_session(client: object, *, idle_minutes: int, started_hours: float = 0) -> None:
    session = client.session  # type: ignore[attr-defined]
    now = int(time.time())
    session[SessionTimeoutMiddleware.SEEN] = now - idle_minutes * 60
    session[SessionTimeoutMiddleware.STARTED] = now - int(started_hours * 3600)
    session.save()


def test_session_defaults_are_thirty_minutes_idle_and_twelve_hours_absolute() -> None:
    assert settings.MONIA_SESSION_IDLE_MINUTES == 30
    assert settings.MONIA_SESSION_ABSOLUTE_HOURS == 12
    assert settings.SESSION_COOKIE_AGE == 12 * 60 * 60


def test_staff_session_ends_after_thirty_idle_minutes(worker_a: User) -> None:
    client = login("worker_a")
    assert client.get(reverse("dashboard")).status_code == 200
    _age_session(client, idle_minutes=31)
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    # Logged out for good: the next request is anonymous too.
    assert client.get(reverse("dashboard")).status_code == 302


def test_staff_session_active_within_the_idle_time_goes_on(worker_a: User) -> None:
    client = login("worker_a")
    _age_session(client, idle_minutes=29, started_hours=2)
    assert client.get(reverse("dashboard")).status_code == 200
    # The request counted as activity: the idle clock started again.
    assert time.time() - client.session[SessionTimeoutMiddleware.SEEN] < 5


def test_stay_logged_in_ping_counts_as_activity_even_with_a_short_idle_time(
    worker_a: User, settings: Any
) -> None:
    settings.MONIA_SESSION_IDLE_MINUTES = 1
    client = login("worker_a")
    session = client.session
    session[SessionTimeoutMiddleware.SEEN] = int(time.time()) - 35
    session.save()
    assert client.get(reverse("healthz")).status_code == 200  # the warning's button
    assert time.time() - client.session[SessionTimeoutMiddleware.SEEN] < 5


def test_session_ends_after_twelve_hours_even_when_active(worker_a: User) -> None:
    client = login("worker_a")
    _age_session(client, idle_minutes=1, started_hours=12.1)
    assert client.get(reverse("dashboard")).status_code == 302


def test_portal_session_ends_after_thirty_idle_minutes(portal_world: PortalWorld) -> None:
    client = portal_client(portal_world.guardian)
    assert client.get(reverse("portal_home")).status_code == 200
    _age_session(client, idle_minutes=31)
    response = client.get(reverse("portal_home"))
    assert response.status_code in (302, 404)
    assert client.get(reverse("portal_home")).status_code in (302, 404)
    assert "_auth_user_id" not in client.session


def test_logged_in_pages_carry_the_idle_warning(worker_a: User, portal_world: PortalWorld) -> None:
    staff = login("worker_a").get(reverse("dashboard")).content.decode()
    portal = portal_client(portal_world.guardian).get(reverse("portal_home")).content.decode()
    for page in (staff, portal):
        assert 'id="session-warning"' in page
        assert 'data-idle="1800"' in page
        assert "web/session-timeout.js" in page


def test_every_layout_names_its_icon_and_the_unsent_text_guard(
    worker_a: User, portal_world: PortalWorld, client: Any
) -> None:
    """A page without an icon makes the browser ask for /favicon.ico: a 404 in the log on
    every page opened. Staff, portal, the public e-notification and the login page name
    the icon that is there, and carry the guard for unsent text (web/unsaved.js)."""
    from django.contrib.staticfiles import finders

    assert finders.find("web/favicon.svg")
    pages = [
        login("worker_a").get(reverse("dashboard")).content.decode(),
        portal_client(portal_world.guardian).get(reverse("portal_home")).content.decode(),
        client.get(reverse("login")).content.decode(),
        client.get(reverse("enotify_counties")).content.decode(),
    ]
    for page in pages:
        assert 'rel="icon"' in page and "web/favicon.svg" in page
        assert "web/unsaved.js" in page


# 6. Content-Security-Policy, HSTS, HTTPS redirect ---------------------------------------


def test_every_page_has_a_strict_content_security_policy(worker_a: User) -> None:
    response = login("worker_a").get(reverse("dashboard"))
    policy = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    assert policy["script-src"] == "'self'"
    assert policy["default-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"


SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)


def test_no_template_has_inline_script_or_event_handler() -> None:
    offenders = []
    for template in sorted(MONIA.rglob("templates/**/*.html")):
        text = template.read_text(encoding="utf-8")
        for attributes in SCRIPT_TAG.findall(text):
            if "src=" not in attributes:
                offenders.append(f"{template}: inline <script>")
        if EVENT_HANDLER.search(text):
            offenders.append(f"{template}: inline event handler")
    assert offenders == []


def _settings_in_subprocess(**env: str) -> dict[str, object]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SECURE_", "DEBUG"))}
    clean.pop("SESSION_COOKIE_SECURE", None)
    clean.update(env)
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS]))"
    )
    out = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], env=clean, capture_output=True, text=True, check=True
    )
    redirect, hsts = json.loads(out.stdout.strip().splitlines()[-1])
    return {"redirect": redirect, "hsts": hsts}


def test_production_settings_redirect_to_https_and_send_hsts() -> None:
    assert _settings_in_subprocess(DEBUG="false") == {"redirect": True, "hsts": 31536000}


def test_development_and_tests_have_no_https_redirect_nor_hsts() -> None:
    assert _settings_in_subprocess(DEBUG="true") == {"redirect": False, "hsts": 0}
    assert _settings_in_subprocess(SESSION_COOKIE_SECURE="false") == {
        "redirect": False,
        "hsts": 0,
    }
    assert settings.SECURE_SSL_REDIRECT is False
