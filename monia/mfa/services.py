"""Writes: set up, check and remove a user's second-factor devices.

TOTP (RFC 6238, the authenticator apps): 30-second codes of six digits, one step of clock
drift either way. django-otp refuses a code already used (``last_t``) and makes each wrong
code in a row cost twice the wait of the one before (``OTP_TOTP_THROTTLE_FACTOR``).
"""

from __future__ import annotations

import base64
import binascii
import datetime
import time
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex
from django_otp_webauthn.models import WebAuthnCredential

from monia.accounts.models import User
from monia.mfa import selectors
from monia.notify.services import email_send

STEP = 30
DIGITS = 6
TOLERANCE = 1
# A set-up confirmed again this soon after it added the app is the same one, sent again.
ENROL_REPEAT = datetime.timedelta(minutes=5)

# What the user is told by e-mail when a device is added to or removed from their account:
# if it was not them, their password is known to someone (ASVS V2.5.5).
DEVICE_ADDED = gettext_noop("A second factor was added to your Monia account.")
DEVICE_REMOVED = gettext_noop("A second factor was removed from your Monia account.")
EMAIL_TEMPLATE = "notify/email_account_notice.txt"  # shared with monia/rights


def _tell(user: User, message: str) -> None:
    """E-mail the user (on commit, in their language, a link to their Security page)."""
    email_send(
        recipients=[(user.email, user.working_language)],
        message=message,
        link=reverse("security"),
        template=EMAIL_TEMPLATE,
    )


def totp_secret_new() -> str:
    """A new secret (160 bits, as hex: how django-otp stores it)."""
    return random_hex(20)


def totp_secret_text(key_hex: str) -> str:
    """The secret as an app asks it typed: base32, in groups of four."""
    text = base64.b32encode(binascii.unhexlify(key_hex)).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def totp_uri(user: User, key_hex: str) -> str:
    """The ``otpauth://`` address a QR code carries to the app."""
    issuer = settings.OTP_TOTP_ISSUER.replace(":", "")
    label = quote(f"{issuer}:{user.get_username()}")
    params = {
        "secret": totp_secret_text(key_hex).replace(" ", ""),
        "issuer": issuer,
        "algorithm": "SHA1",
        "digits": DIGITS,
        "period": STEP,
    }
    return f"otpauth://totp/{label}?{urlencode(params, quote_via=quote)}"


def totp_code_now(key_hex: str) -> str:
    """The code an app shows now (for the demo's published secret and for tests)."""
    totp = TOTP(binascii.unhexlify(key_hex), step=STEP, digits=DIGITS)
    return f"{totp.token():0{DIGITS}d}"


def totp_enrol(*, user: User, key_hex: str, code: str, name: str) -> TOTPDevice | None:
    """Confirm a new app with its first code: the device is stored only then, already past
    that code (it cannot be used a second time). None when the code is not right. The
    confirmation sent again answers with the app it added: a double click (the same
    secret), or "Back" and confirm (the page shows a new secret by then; the code is the
    one that confirmed the app just added)."""
    now = time.time()
    with transaction.atomic():
        User.objects.select_for_update().filter(pk=user.pk).first()  # one set-up at a time
        totp = _totp(key_hex, now)
        if not totp.verify(int(code), tolerance=TOLERANCE):
            return _confirmed_just_now(user, code, now)
        added = TOTPDevice.objects.filter(user=user, key=key_hex, confirmed=True).first()
        if added is not None:
            return added
        device = TOTPDevice.objects.create(
            user=user,
            name=name or _("Authenticator app"),
            key=key_hex,
            step=STEP,
            digits=DIGITS,
            tolerance=TOLERANCE,
            drift=totp.drift,
            last_t=totp.t(),
            confirmed=True,
        )
        _tell(user, DEVICE_ADDED)
        return device


def _totp(key_hex: str, now: float) -> TOTP:
    totp = TOTP(binascii.unhexlify(key_hex), step=STEP, digits=DIGITS)
    totp.time = now
    return totp


def _confirmed_just_now(user: User, code: str, now: float) -> TOTPDevice | None:
    """The user's app added in the last minutes whose confirming code ``code`` is (its
    step is the last one used: a login would have refused it as used)."""
    since = timezone.now() - ENROL_REPEAT
    for device in TOTPDevice.objects.filter(user=user, confirmed=True, created_at__gte=since):
        totp = _totp(device.key, now)
        if totp.verify(int(code), tolerance=TOLERANCE) and totp.t() == device.last_t:
            return device
    return None


def passkey_added(*, user: User) -> None:
    """A passkey was registered (the package stored it): the user is told."""
    _tell(user, DEVICE_ADDED)


def totp_device_create(*, user: User, key_hex: str, name: str) -> TOTPDevice:
    """A confirmed app with a known secret (the demo's published one)."""
    return TOTPDevice.objects.create(
        user=user, name=name, key=key_hex, step=STEP, digits=DIGITS, confirmed=True
    )


@dataclass(frozen=True)
class CodeCheck:
    device: TOTPDevice | None  # the app whose code it was
    wait_seconds: int = 0  # > 0: too many wrong codes; nothing was checked


def totp_check(*, user: User, code: str) -> CodeCheck:
    """Check a code against the user's apps (a used code and a throttled app refuse)."""
    wait = 0
    with transaction.atomic():
        devices = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True)
        for device in devices.order_by("pk"):
            allowed, info = device.verify_is_allowed()
            if not allowed:
                until = (info or {}).get("locked_until")
                if until is not None:
                    seconds = int((until - timezone.now()).total_seconds()) + 1
                    wait = max(wait, seconds, 1)
                continue
            if device.verify_token(code):
                return CodeCheck(device)
    return CodeCheck(None, wait)


def device_remove(*, user: User, kind: str, pk: int, required: bool) -> None:
    """Remove one of the user's own devices; never the last one when the role needs one."""
    model = TOTPDevice if kind == selectors.TOTP else WebAuthnCredential
    with transaction.atomic():
        # Every device of the user locked: two removals at once cannot both see "one more".
        apps = list(TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True))
        keys = list(
            WebAuthnCredential.objects.select_for_update().filter(user=user, confirmed=True)
        )
        device = model.objects.filter(user=user, pk=pk).first()
        if device is None:
            raise ValidationError(_("That device is no longer there."))
        if required and len(apps) + len(keys) <= 1:
            raise ValidationError(
                _(
                    "Your role needs a second factor: add another one before you remove "
                    "your last one."
                )
            )
        device.delete()
        _tell(user, DEVICE_REMOVED)


def device_reset(*, device: TOTPDevice | WebAuthnCredential) -> None:
    """An administrator removes a user's lost device in the admin site (the user then sets
    up a new one at the next login); the user is told."""
    with transaction.atomic():
        user = device.user
        device.delete()
        _tell(user, DEVICE_REMOVED)
