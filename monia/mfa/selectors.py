"""Reads: a user's second-factor devices (TOTP apps and passkeys)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from monia.accounts.models import User

TOTP = "totp"
PASSKEY = "passkey"


@dataclass(frozen=True)
class DeviceRow:
    kind: str  # TOTP or PASSKEY
    pk: int
    name: str
    created_at: datetime.datetime | None
    last_used_at: datetime.datetime | None


def totp_devices(user: User) -> list[TOTPDevice]:
    return list(TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk"))


def passkeys(user: User) -> list[WebAuthnCredential]:
    return list(WebAuthnCredential.objects.filter(user=user, confirmed=True).order_by("pk"))


def devices_of(user: User) -> list[DeviceRow]:
    """The user's confirmed devices: apps first, then passkeys, each oldest first."""
    rows = [DeviceRow(TOTP, d.pk, d.name, d.created_at, d.last_used_at) for d in totp_devices(user)]
    rows += [DeviceRow(PASSKEY, d.pk, d.name, d.created_at, d.last_used_at) for d in passkeys(user)]
    return rows


def has_device(user: User) -> bool:
    return (
        TOTPDevice.objects.filter(user=user, confirmed=True).exists()
        or WebAuthnCredential.objects.filter(user=user, confirmed=True).exists()
    )


def has_totp(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def has_passkey(user: User) -> bool:
    return WebAuthnCredential.objects.filter(user=user, confirmed=True).exists()
