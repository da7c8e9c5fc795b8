"""Staff who need a second factor reach only its pages until they pass it.

A logged-in staff member or partner needs one when their role requires it
(``access.factor_required``), when they have a device, and on the admin site always. Until
``monia.accounts.second_factor.is_done`` says the session passed it, every URL whose rule
is neither PUBLIC (login, logout, language switch, health answers, the public notification
form) nor FIRST_FACTOR (the second step, enrolment and their passkey endpoints) answers a
redirect: to the second step when the user has a device, else to enrolment. Static files
never reach Django's URLs in production; they are let through here too.

The JSON API: a personal token is a factor of its own (it is created in a session that
passed the second factor, and it is not the password), so a token call is unaffected. A
session that has not passed it is no session for the API: the API sees an anonymous
caller (401), and its documentation pages redirect like any page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from monia.access.middleware import rule_for
from monia.access.url_rules import Rule
from monia.accounts import second_factor
from monia.accounts.models import User
from monia.mfa import access, session

OPEN_RULES = frozenset({Rule.PUBLIC, Rule.FIRST_FACTOR})
# The API's own pages that a browser opens (Swagger UI and its schema): redirected.
API_PAGES = frozenset({"openapi-view", "openapi-json"})


def second_factor_needed(request: HttpRequest, user: User, *, admin_site: bool) -> str | None:
    """The page to send the user to (second step or enrolment), or None when not needed."""
    if second_factor.is_done(request) or access.is_portal_client(user):
        return None
    has_device = session.has_device(request, user)
    if not (admin_site or has_device or access.factor_required(user)):
        return None
    return "mfa_second_step" if has_device else "mfa_totp_enrol"


class SecondFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any
    ) -> HttpResponse | None:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if request.path_info.startswith("/" + settings.STATIC_URL.lstrip("/")):
            return None
        match = request.resolver_match
        rule = rule_for(match) if match is not None else None
        if rule in OPEN_RULES:
            return None
        target = second_factor_needed(
            request, cast("User", user), admin_site=rule == Rule.ADMIN_SITE
        )
        if target is None:
            return None
        if rule == Rule.API and (match is None or match.url_name not in API_PAGES):
            request.user = AnonymousUser()
            return None
        query = urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(f"{reverse(target)}?{query}")
