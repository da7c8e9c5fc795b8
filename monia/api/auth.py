"""Who is calling: a personal API token, or a signed-in browser session."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, cast

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from ninja.security import HttpBearer
from ninja.security import SessionAuth as NinjaSessionAuth

from monia.access import policy
from monia.accounts.models import ApiToken, User

TOKEN_PREFIX = "monia_"  # noqa: S105 -- a public marker, not a secret


class TokenAuth(HttpBearer):
    """``Authorization: Bearer monia_…``; only the key's SHA-256 is stored and compared."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        if not token.startswith(TOKEN_PREFIX):
            return None
        found = (
            ApiToken.objects.select_related("user")
            .filter(
                key_hash=ApiToken.hash_key(token), revoked_at__isnull=True, user__is_active=True
            )
            .first()
        )
        return found.user if found is not None else None


class SessionAuth(NinjaSessionAuth):
    """Django's session, with CSRF checked on unsafe methods (as ``ninja.security.django_auth``).

    The CSRF check runs only once a session user is present, so a caller with neither a
    session nor a valid token gets 401 rather than a misleading 403 "CSRF check Failed".
    """

    def _get_key(self, request: HttpRequest) -> Any:
        if not request.user.is_authenticated:
            return None
        return super()._get_key(request)


def user_of(request: HttpRequest) -> User:
    """The authenticated staff member, whichever way they signed in."""
    # Set by TokenAuth or SessionAuth before any endpoint runs; both give a User.
    return cast("User", request.auth)  # type: ignore[attr-defined]


def staff_only_docs(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The API's documentation (``docs``, ``openapi.json``) for signed-in staff only: it maps
    what can be asked of Monia. Anonymous callers are sent to the login page; partners and
    clients, who have no staff pages, get 404 like any staff page."""

    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not user.is_active or policy.front_page_elsewhere(cast("User", user)) is not None:
            raise policy.NotFound
        return view(request, *args, **kwargs)

    return guarded
