"""Helpers for the second factor's tests: logins pass only the password (real_second_factor)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from monia.conftest import PASSWORD


@pytest.fixture(autouse=True)
def _second_factor_as_a_user_passes_it(real_second_factor: None) -> None:
    """Every test here logs in with the password only; the second factor is its subject."""


def password_login(username: str) -> Client:
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    return client


def app_for(user: Any) -> Any:
    """A confirmed authenticator app for the user, its secret known to the test."""
    from monia.mfa import services

    return services.totp_device_create(
        user=user, key_hex=services.totp_secret_new(), name="Puhelin"
    )
