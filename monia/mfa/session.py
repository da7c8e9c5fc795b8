"""What the session remembers about the second factor, besides the contract module
``monia.accounts.second_factor`` (whether it was passed, and how)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from monia.accounts import second_factor
from monia.accounts.models import User
from monia.mfa import access, selectors

# Whether the user had a confirmed device, as found at login and kept up to date by the
# pages that add and remove one: the middleware asks no query on every request.
HAS_DEVICE_KEY = "monia_mfa_has_device"
# The secret of a TOTP device being set up, until its first code confirms it.
PENDING_TOTP_KEY = "monia_mfa_pending_totp"


def login_starts_without_second_factor(
    sender: Any, request: HttpRequest | None, user: User, **kwargs: Any
) -> None:
    """``user_logged_in``: a new login has passed no second factor yet (Django keeps the
    session's data when the same user logs in again); whether the user has a device is
    read once here."""
    if request is None or not hasattr(request, "session"):
        return
    request.session.pop(second_factor.SESSION_KEY, None)
    request.session.pop(PENDING_TOTP_KEY, None)
    if access.is_portal_client(user):
        request.session.pop(HAS_DEVICE_KEY, None)
        return
    request.session[HAS_DEVICE_KEY] = selectors.has_device(user)


def has_device(request: HttpRequest, user: User) -> bool:
    known = request.session.get(HAS_DEVICE_KEY)
    if known is None:  # a session from before this key existed
        known = request.session[HAS_DEVICE_KEY] = selectors.has_device(user)
    return bool(known)


def devices_changed(request: HttpRequest, user: User) -> None:
    request.session[HAS_DEVICE_KEY] = selectors.has_device(user)


def passed(request: HttpRequest, how: str) -> None:
    """The factor was checked: mark the session (a new session key, as at login)."""
    second_factor.mark_done(request, how)
    request.session.cycle_key()
