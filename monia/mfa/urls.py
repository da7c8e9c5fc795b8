"""The staff second factor and the user's Security page (rules: access/url_rules.py)."""

from django.urls import path
from django.views.decorators.http import require_POST

from monia.mfa import passkey_views, views

urlpatterns = [
    path("login/second-step/", views.second_step, name="mfa_second_step"),
    path("login/second-factor/", views.totp_enrol, name="mfa_totp_enrol"),
    path(
        "login/passkey/register/begin/",
        require_POST(passkey_views.PasskeyRegisterBegin.as_view()),
        name="mfa_passkey_register_begin",
    ),
    path(
        "login/passkey/register/complete/",
        require_POST(passkey_views.PasskeyRegisterComplete.as_view()),
        name="mfa_passkey_register_complete",
    ),
    path(
        "login/passkey/begin/",
        require_POST(passkey_views.PasskeyAuthBegin.as_view()),
        name="mfa_passkey_auth_begin",
    ),
    path(
        "login/passkey/complete/",
        require_POST(passkey_views.PasskeyAuthComplete.as_view()),
        name="mfa_passkey_auth_complete",
    ),
    path("account/security/", views.security, name="security"),
    path("account/security/remove/", views.device_remove, name="mfa_device_remove"),
]
