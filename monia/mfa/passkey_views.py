"""The passkey ceremonies' JSON endpoints: django-otp-webauthn's views, bound to Monia's
second-factor rules. Monia's own script (static/mfa/passkey.js) calls them; the package's
templates and script are not used.

Registration: a first passkey with the password alone (enrolment), another one only in a
session that passed the second factor. Either way a registered passkey passes the second
factor for this session (the user just proved they hold it). Authentication: the logged-in
user's own passkeys only (passwordless login is off), then the session has passed it.
"""

from __future__ import annotations

from typing import Any, cast

from django.http import HttpRequest, HttpResponse
from django_otp import login as otp_login
from django_otp_webauthn import views as webauthn_views

from monia.accounts import second_factor
from monia.accounts.models import User
from monia.mfa import access, selectors, services, session


class _RegistrationRule:
    request: HttpRequest

    def user_is_mfa_enrolled(self, user: Any) -> bool:
        """The package refuses registration to a user "enrolled and not verified"; Monia's
        is_done() decides "verified" (a single sign-on may have passed it, too)."""
        return not access.may_register_before_factor(
            has_device=selectors.has_device(user), done=second_factor.is_done(self.request)
        )


class PasskeyRegisterBegin(_RegistrationRule, webauthn_views.BeginCredentialRegistrationView):
    pass


class PasskeyRegisterComplete(_RegistrationRule, webauthn_views.CompleteCredentialRegistrationView):
    def post(self, *args: Any, **kwargs: Any) -> HttpResponse:
        response: HttpResponse = super().post(*args, **kwargs)  # raises on any failure
        user = cast("User", self.request.user)
        services.passkey_added(user=user)
        session.devices_changed(self.request, user)
        if not second_factor.is_done(self.request):
            session.passed(self.request, "webauthn")
        return response


class PasskeyAuthBegin(webauthn_views.BeginCredentialAuthenticationView):
    pass


class PasskeyAuthComplete(webauthn_views.CompleteCredentialAuthenticationView):
    def complete_auth(self, device: Any) -> None:
        """The user is logged in with their password; the passkey is theirs (the helper
        refused anyone else's): the session has passed the second factor."""
        otp_login(self.request, device)
        session.passed(self.request, "webauthn")
