"""Staff single sign-on's pages: the start (to the provider), the callback (from it), the
failure page, and the staff logout, which ends the provider's session too when it can.

The library's views do the protocol (state, nonce, PKCE); these subclasses take the
provider's endpoints from oidc_provider, turn every failure into a page in the user's
language instead of an error, and finish a login as Monia does (account language,
second factor stated by the provider). oidc_urls.py answers 404 while single sign-on is off.
"""

from __future__ import annotations

import logging
from typing import Any

import jwt
import requests
from django.conf import settings
from django.contrib import auth
from django.contrib.auth import views as auth_views
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from monia.accounts import oidc, oidc_provider, second_factor
from monia.accounts.language import remember_account_language
from monia.accounts.models import User

logger = logging.getLogger(__name__)

# What a broken, hostile or absent provider (or a forged callback) can raise on the way.
FAILURES = (
    SuspiciousOperation,
    jwt.PyJWTError,
    requests.RequestException,
    oidc_provider.ProviderUnavailable,
    KeyError,
    ValueError,
    TypeError,
)


def login_failed(request: HttpRequest, *, unavailable: bool = False) -> HttpResponse:
    """Nobody is logged in. A person the provider identified but who has no staff account
    linked here is told so; a provider that cannot be reached, too; any other failure
    (state, nonce, signature, audience, lifetime) gets one message, no details."""
    context = {
        "no_account": getattr(request, "monia_oidc_no_account", False),
        "unavailable": unavailable,
    }
    status = 503 if unavailable else 403
    return render(request, "accounts/oidc_failed.html", context, status=status)


class AuthenticateView(OIDCAuthenticationRequestView):
    """To the provider's authorization endpoint with state, nonce and a PKCE challenge; a
    safe ``next`` (this site only) is kept for after the login."""

    def __init__(self, **kwargs: Any) -> None:
        View.__init__(self, **kwargs)  # the library's reads settings the provider gives here

    def get(self, request: HttpRequest) -> HttpResponse:
        try:
            op = oidc_provider.provider()
        except oidc_provider.ProviderUnavailable:
            logger.warning("Single sign-on: the provider could not be reached", exc_info=True)
            return login_failed(request, unavailable=True)
        self.OIDC_OP_AUTH_ENDPOINT = op.authorization_endpoint
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        response: HttpResponse = super().get(request)
        return response


class CallbackView(OIDCAuthenticationCallbackView):
    """The provider's answer: checks the state, exchanges the code (with the PKCE verifier),
    checks the ID token and the nonce (oidc.StaffOIDCBackend), logs the user in."""

    user: User

    def get(self, request: HttpRequest) -> HttpResponse:
        if request.GET.get("error"):
            # Cancelled or refused at the provider: the state is spent, nobody logged out.
            states = request.session.get("oidc_states") or {}
            if states.pop(request.GET.get("state", ""), None) is not None:
                request.session.modified = True
            return login_failed(request)
        try:
            response: HttpResponse = super().get(request)
        except FAILURES:
            logger.warning("Single sign-on refused", exc_info=True)
            return login_failed(request)
        return response

    def login_failure(self) -> HttpResponse:
        return login_failed(self.request)

    def login_success(self) -> HttpResponse:
        # A new session key whoever was logged in before (login() cycles it).
        auth.login(self.request, self.user)
        if settings.MONIA_OIDC_TRUST_MFA and getattr(self.request, "monia_oidc_mfa", False):
            second_factor.mark_done(self.request, "sso")
        return remember_account_language(HttpResponseRedirect(self.success_url), self.user)

    @property
    def success_url(self) -> str:
        wanted = self.request.session.pop("oidc_login_next", None)
        if wanted and url_has_allowed_host_and_scheme(
            wanted, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        ):
            return str(wanted)
        return resolve_url(settings.LOGIN_REDIRECT_URL)


class StaffLogoutView(auth_views.LogoutView):
    """Staff logout: ends the Monia session; after single sign-on, the browser goes on to
    the provider's end session endpoint, which returns it to the login page."""

    next_page = "login"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        at_provider = oidc.end_session_url(request)  # read before the session ends
        response: HttpResponse = super().post(request, *args, **kwargs)
        return HttpResponseRedirect(at_provider) if at_provider else response
