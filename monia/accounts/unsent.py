"""What a worker sent after her session had ended is kept, to send after she logs in again.

A worker writes a long note, goes to a meeting, comes back after the idle limit and presses
"Save": the session has ended (web/security.py: SessionTimeoutMiddleware), the view answers
with the login page, and without this what she wrote would be gone. Instead:

1. ``keep`` (called by the middleware on the response of that POST): when the request's
   session ended in this very request and the view answered "log in, then come back
   here" (``login_required``: a redirect whose ``next`` is this very address, whatever
   the login's address: LOGIN_URL, the portal's, a single sign-on's), the form's fields
   are kept in the new, anonymous session, with the user they belonged to and the address
   they were sent to. The POST reached the view, so it passed Django's CSRF check: only a
   form of Monia's own pages is kept.
   Files are not kept (the page says so); nor a form larger than ``MAX_BYTES``.
2. The login page says that what she wrote is kept, and the login goes on to the staff
   ``/login/unsent/`` (web/views.py); a portal client's identification lands on the
   portal's home, which sends her on to ``/portal/unsent/`` (portal/views.py). Django's
   ``login`` keeps an anonymous session's data (a new key); the second factor's pages pass
   ``next`` on.
3. Each shows it, for the same user only, as a form of hidden fields with a fresh CSRF
   token, to the same address, and a "Send" button: the worker sends it herself, and the
   form's own one-time key makes a second send save nothing twice. Someone else logging in
   on the same computer never sees it: it is thrown away. It is thrown away also when it
   is sent (any POST to its address), discarded, or older than ``KEEP_SECONDS``.

The kept fields live in the session row (the server's database), as the session itself
does, never in the browser; a page showing them is never cached (NoStoreMiddleware).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import HttpRequest, HttpResponse, QueryDict
from django.urls import reverse

if TYPE_CHECKING:  # imported by the logging set-up (web/security.py), before the models
    from monia.accounts.models import User

SESSION_KEY = "monia_unsent"
# A form this large is not kept (a client note is a few kilobytes).
MAX_BYTES = 256 * 1024
# Kept this long after the session ended (the worker logs in again within the hour).
KEEP_SECONDS = 60 * 60
# Fields that are not the worker's writing: never shown as "what you wrote".
_NOT_SHOWN = frozenset({"csrfmiddlewaretoken", "submission_key", "version", "next"})
# A value at least this long is shown on the resume page as text she wrote.
_SHOWN_FROM = 20


@dataclass(frozen=True)
class Unsent:
    path: str
    fields: list[tuple[str, str]]
    had_files: bool

    def writing(self) -> list[str]:
        """The longer texts she typed, to recognise the form by."""
        return [
            value
            for name, value in self.fields
            if name not in _NOT_SHOWN and len(value.strip()) >= _SHOWN_FROM
        ]


def _asks_to_log_in(request: HttpRequest, location: str) -> bool:
    """Whether a redirect is the view's "log in, then come back here": Django's
    ``login_required`` (``redirect_to_login``) sends the way back as ``next``, this very
    address (whole, when the login is on another host). The login's own address is not
    looked at, so a changed LOGIN_URL or the portal's login is recognised alike."""
    back = QueryDict(urlsplit(location).query).get(REDIRECT_FIELD_NAME)
    return back is not None and back in (request.get_full_path(), request.build_absolute_uri())


def _on_to_resume(location: str) -> str:
    """The login's address with the staff resume page as the way on after it."""
    parts = urlsplit(location)
    query = QueryDict(parts.query, mutable=True)
    query[REDIRECT_FIELD_NAME] = reverse("unsent_resume")
    return urlunsplit(parts._replace(query=query.urlencode()))


def keep(request: HttpRequest, response: HttpResponse, ended: User) -> HttpResponse:
    """On the answer to a POST whose session (of ``ended``) ended in this request: keep the
    form and send the login on to the resume page. Any other answer is returned as it is."""
    if request.method != "POST" or response.status_code != 302:
        return response
    if not _asks_to_log_in(request, response.get("Location", "")):
        return response
    content_type = request.content_type or ""
    if content_type not in ("application/x-www-form-urlencoded", "multipart/form-data"):
        return response
    fields = [
        (name, value)
        for name, values in request.POST.lists()
        if name != "csrfmiddlewaretoken"
        for value in values
    ]
    if sum(len(n) + len(v) for n, v in fields) > MAX_BYTES:
        return response
    request.session[SESSION_KEY] = {
        "user": ended.pk,
        "path": request.get_full_path(),
        "fields": fields,
        "files": bool(request.FILES),
        "at": int(time.time()),
    }
    from monia.accounts.models import Role

    # The portal's logins (identification, demo) land on the portal's home, which offers it.
    if ended.role != Role.CLIENT:
        response["Location"] = _on_to_resume(response["Location"])
    return response


def waiting(request: HttpRequest) -> bool:
    """The login page: is something kept to send after logging in?"""
    kept = request.session.get(SESSION_KEY)
    return bool(kept) and time.time() - kept.get("at", 0) <= KEEP_SECONDS


def take(request: HttpRequest, user_id: int) -> Unsent | None:
    """What this user sent after her session ended, or None. Kept for another user, or
    too old, it is thrown away."""
    kept: dict[str, Any] | None = request.session.get(SESSION_KEY)
    if not kept:
        return None
    if kept.get("user") != user_id or time.time() - kept.get("at", 0) > KEEP_SECONDS:
        forget(request)
        return None
    return Unsent(
        path=kept["path"],
        fields=[(name, value) for name, value in kept["fields"]],
        had_files=bool(kept.get("files")),
    )


def forget(request: HttpRequest) -> None:
    request.session.pop(SESSION_KEY, None)


def forget_when_sent(request: HttpRequest) -> None:
    """A POST to the kept form's address: it has been sent again (or typed anew)."""
    kept = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    if kept and request.method == "POST" and request.get_full_path() == kept.get("path"):
        forget(request)
