"""The response's security around every view: request id, caching, CSP, idle sessions, 503.

Each middleware here decides one thing for every response, so no view can forget it
(docs/security.md has a section per decision and the test that shows it).
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import sys
import time
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from django.conf import settings
from django.contrib.auth import logout
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.views.defaults import server_error

from monia.accounts import unsent

if TYPE_CHECKING:
    from monia.accounts.models import User

GetResponse = Callable[[HttpRequest], HttpResponse]
# The id of the request being answered, for every log record written while it runs.
request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
# A proxy's id is kept only when it looks like an id, never free text that reaches the logs.
_SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class RequestIdMiddleware:
    """One id per request: in the `X-Request-ID` header and in every log record."""

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if _SAFE_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        # Not reset on the way out: Django logs a 5xx answer and runserver its request line
        # after the middlewares have returned, and those records belong to this request too.
        # The next request on this thread sets its own id.
        request_id_var.set(request_id)
        response = self.get_response(request)
        response["X-Request-ID"] = request_id
        return response


_QUERY_STRING = re.compile(r"\?[^\s\"']*")


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id, traceback.

    Only these fields are written: never the request object Django attaches to its
    records (its POST body and query string are client data), and any query string in the
    message (a search page's `?q=…`) is cut away.
    """

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": _QUERY_STRING.sub("?…", record.getMessage()),
            "request_id": getattr(record, "request_id", request_id_var.get()),
        }
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        if record.exc_info:
            entry["traceback"] = _QUERY_STRING.sub("?…", self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        return True


DATABASE_DOWN = (OperationalError, InterfaceError)


def healthz(request: HttpRequest) -> HttpResponse:
    """The process is up: no database, no session read."""
    return JsonResponse({"status": "ok"})


def readyz(request: HttpRequest) -> HttpResponse:
    """Ready to serve: the database answers a trivial query. No client data."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DATABASE_DOWN:
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


def database_unavailable() -> HttpResponse:
    """A plain translated page with no database read: the server is fine, the data is not."""
    response = HttpResponse(render_to_string("web/503.html"), status=503)
    response["Retry-After"] = "30"
    response["Cache-Control"] = "no-store, max-age=0"
    return response


def server_error_view(request: HttpRequest, template_name: str = "500.html") -> HttpResponse:
    """handler500: an unreachable database answers 503, every other error Django's 500.

    Django calls this inside its exception handler, so the exception being answered is the
    current one. Recovery needs nothing here: Django closes a connection that had an error
    at the end of the request, and CONN_HEALTH_CHECKS checks a kept one before reuse, so
    the first request after the database returns opens a fresh connection.
    """
    exc = sys.exc_info()[1]
    if isinstance(exc, DATABASE_DOWN):
        return database_unavailable()
    return server_error(request, template_name)


# What a refused form may show back to its writer: not the token, the second factor or a
# password, and only text worth copying (a choice or a number is quickly chosen again).
_NOT_SHOWN_BACK = re.compile(r"csrf|password|otp|token|code|key", re.IGNORECASE)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: a form sent from a page that had grown too old (another window
    logged in again, the session ended) is refused, nothing is saved, and what was typed
    is shown back to copy, so nothing typed is lost. Never stored by a cache."""
    typed = [
        value
        for name, values in request.POST.lists()
        if not _NOT_SHOWN_BACK.search(name)
        for value in values
        if len(value.strip()) >= 20 or "\n" in value.strip()
    ]
    response = HttpResponse(
        render_to_string("403_csrf.html", {"typed": typed}, request=request), status=403
    )
    response["Cache-Control"] = "no-store, max-age=0"
    return response


class NoStoreMiddleware:
    """A logged-in user's page and every API answer stay out of every cache.

    A child on a shared school computer presses Back after logging out: the browser must
    ask the server again, which now answers the login page. Anonymous public pages (the
    login page, the public e-notification form) and static files keep their caching.
    """

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        logged_in = user is not None and user.is_authenticated
        if logged_in or request.path.startswith("/api/"):
            response["Cache-Control"] = "no-store, max-age=0"
            response["Pragma"] = "no-cache"
        return response


class SessionTimeoutMiddleware:
    """A staff or portal session ends after its idle time or at its absolute end.

    Runs after AuthenticationMiddleware: a session past either limit is logged out before
    any view sees the user, and the view then answers as to anyone not logged in. The last
    activity is written at most once a minute, not on every request.
    """

    STARTED = "monia_session_started"
    SEEN = "monia_session_seen"

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return self.get_response(request)
        ended = self.check(request)
        if ended is None:
            unsent.forget_when_sent(request)
            return self.get_response(request)
        # A form sent after the session ended is kept to send after the next login.
        return unsent.keep(request, self.get_response(request), ended)

    def check(self, request: HttpRequest) -> User | None:
        """Ends the session past either limit: the user it belonged to, or None."""
        now = int(time.time())
        session = request.session
        started = session.get(self.STARTED, now)
        seen = session.get(self.SEEN, now)
        idle = settings.MONIA_SESSION_IDLE_MINUTES * 60
        absolute = settings.MONIA_SESSION_ABSOLUTE_HOURS * 3600
        if now - seen > idle or now - started > absolute:
            user = cast("User", request.user)  # still the user after logout replaces it
            logout(request)
            return user
        if self.STARTED not in session:
            session[self.STARTED] = now
        # Written at most once a minute (a tenth of a shorter idle time): a request after
        # the warning always counts.
        if self.SEEN not in session or now - seen >= min(60, idle // 10):
            session[self.SEEN] = now
        return None


def session_clock_start(sender: object, request: HttpRequest | None, **kwargs: object) -> None:
    """On login (auth's user_logged_in): the session's clocks start now."""
    if request is None or not hasattr(request, "session"):
        return
    now = int(time.time())
    request.session[SessionTimeoutMiddleware.STARTED] = now
    request.session[SessionTimeoutMiddleware.SEEN] = now


def session_idle_seconds(request: HttpRequest) -> dict[str, Any]:
    """Context processor: the idle limit for the warning script (web/session-timeout.js)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"session_idle_seconds": settings.MONIA_SESSION_IDLE_MINUTES * 60}


def content_security_policy() -> str:
    """No inline script anywhere, nothing from another origin, no frames, no plugins.

    Styles allow inline `style=` attributes: bar widths and chart colours are data. Forms
    post to Monia only, and to MONIA_CSP_FORM_ACTION: browsers apply form-action to the
    redirect after a post too, so the portal's logout needs the SAML IdP's origin there.
    """
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            f"form-action 'self' {settings.MONIA_CSP_FORM_ACTION}".strip(),
        ]
    )


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", content_security_policy())
        return response
