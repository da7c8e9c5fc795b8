"""Whether this session's login passed a second factor, and how.

One session key says it, whoever checked the factor: a TOTP code or a passkey checked by
Monia ("otp", "webauthn"), or the county's identity provider when the user logged in with
OpenID Connect and the provider said it used more than one factor ("sso").
"""

from __future__ import annotations

from django.http import HttpRequest

SESSION_KEY = "monia_second_factor"
HOW = frozenset({"otp", "webauthn", "sso"})


def mark_done(request: HttpRequest, how: str) -> None:
    """Record in the session that this login passed a second factor (call after login())."""
    if how not in HOW:
        raise ValueError(f"unknown second factor {how!r}")
    request.session[SESSION_KEY] = how


def is_done(request: HttpRequest) -> bool:
    return request.session.get(SESSION_KEY) in HOW
