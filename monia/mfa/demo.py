"""The demo's authenticator: one published secret for the demo's senior officials and
administrator (seeded by monia/demo), so anyone can try every persona.

Shown only with ``MONIA_DEMO_DATABASE`` on, and only to a user whose app has this secret:
on the second step the page tells the code the app would show now.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from monia.accounts.models import User
from monia.mfa import selectors, services

# Published with the demo on purpose, like its password: demo accounts only.
# 20 bytes, "Monia demo: 2 steps."; in an app: JVXW 42LB EBSG K3LP HIQD EIDT ORSX A4ZO.
DEMO_TOTP_KEY = "4d6f6e69612064656d6f3a20322073746570732e"
DEMO_DEVICE_NAME = "Demo authenticator"


@dataclass(frozen=True)
class DemoHint:
    secret: str
    code: str


def hint_for(user: User) -> DemoHint | None:
    if not settings.MONIA_DEMO_DATABASE:
        return None
    if not any(d.key == DEMO_TOTP_KEY for d in selectors.totp_devices(user)):
        return None
    return DemoHint(
        secret=services.totp_secret_text(DEMO_TOTP_KEY),
        code=services.totp_code_now(DEMO_TOTP_KEY),
    )


def demo_authenticator_give(user: User) -> None:
    """The demo's seeding: this user's app is the demo's published one."""
    services.totp_device_create(user=user, key_hex=DEMO_TOTP_KEY, name=DEMO_DEVICE_NAME)
