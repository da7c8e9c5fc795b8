"""The second factor's devices as the admin names them, in the administrator's language:
django-otp names its model "TOTP device" in English only. Proxies, no tables of their own:
the rows are the packages' (``monia/mfa/admin.py`` registers these in their place)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential


class AuthenticatorApp(TOTPDevice):
    class Meta:
        proxy = True
        verbose_name = _("authenticator app")
        verbose_name_plural = _("authenticator apps")


class Passkey(WebAuthnCredential):
    class Meta:
        proxy = True
        verbose_name = _("passkey")
        verbose_name_plural = _("passkeys")
