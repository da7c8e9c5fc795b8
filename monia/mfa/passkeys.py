"""Passkeys (WebAuthn) through django-otp-webauthn: Monia's names for them."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp_webauthn.helpers import WebAuthnHelper

from monia.ui.rows import day_month_year


class PasskeyHelper(WebAuthnHelper):
    """The package's helper; a new passkey is named by the day it was added, written
    d.m.yyyy as every date in Monia (English's SHORT_DATE_FORMAT would be m/d/Y)."""

    def create_credential(self, user: Any, *args: Any, **kwargs: Any) -> Any:
        device = super().create_credential(user, *args, **kwargs)
        day = day_month_year(timezone.localdate())
        device.name = _("Passkey added %(day)s") % {"day": day}
        return device
