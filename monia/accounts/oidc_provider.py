"""Where the county's OpenID Connect provider is: its endpoints, named in the environment or
read from its discovery document (``<issuer>/.well-known/openid-configuration``).

Discovery happens at the first single sign-on and is kept for an hour, not at start-up:
a Monia started while the provider is away still serves password logins. settings.py
calls ``check_settings`` when MONIA_OIDC_ENABLED is on, so this module imports nothing of
Django's models. docs/staff-sso.md tells how a county connects its provider.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from typing import Any
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

DISCOVERY_PATH = "/.well-known/openid-configuration"
SIGNING_ALGORITHM = "RS256"
_REFRESH_SECONDS = 60 * 60
_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


class ProviderUnavailable(Exception):
    """The provider's discovery document could not be read or does not fit."""


@dataclasses.dataclass(frozen=True)
class Provider:
    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str
    userinfo_endpoint: str = ""
    end_session_endpoint: str = ""


def is_secure_url(url: str) -> bool:
    """https, or plain http to this machine only (the tests' local provider)."""
    parts = urlsplit(url)
    if parts.scheme == "https":
        return bool(parts.hostname)
    return parts.scheme == "http" and parts.hostname in _LOOPBACK


def check_settings(*, issuer: str, client_id: str, client_secret: str) -> None:
    """Called by settings.py when single sign-on is on: fails loudly on what is missing."""
    for name, value in (
        ("MONIA_OIDC_ISSUER", issuer),
        ("MONIA_OIDC_CLIENT_ID", client_id),
        ("MONIA_OIDC_CLIENT_SECRET", client_secret),
    ):
        if not value:
            raise ImproperlyConfigured(f"MONIA_OIDC_ENABLED=true needs {name}")
    if not is_secure_url(issuer):
        raise ImproperlyConfigured("MONIA_OIDC_ISSUER must be an https:// address")


def _explicit() -> Provider:
    return Provider(
        issuer=settings.MONIA_OIDC_ISSUER,
        authorization_endpoint=settings.OIDC_OP_AUTHORIZATION_ENDPOINT,
        token_endpoint=settings.OIDC_OP_TOKEN_ENDPOINT,
        jwks_uri=settings.OIDC_OP_JWKS_ENDPOINT,
        userinfo_endpoint=settings.OIDC_OP_USER_ENDPOINT,
        end_session_endpoint=settings.MONIA_OIDC_END_SESSION_ENDPOINT,
    )


_cache: dict[str, tuple[float, dict[str, Any]]] = {}
_lock = threading.Lock()


def provider() -> Provider:
    """The endpoints: each one named in the environment wins over the discovery document,
    which is read only when a required one (authorization, token, JWKS) is not named."""
    explicit = _explicit()
    if explicit.authorization_endpoint and explicit.token_endpoint and explicit.jwks_uri:
        found = explicit
    else:
        document = _discovery(explicit.issuer)
        found = Provider(
            **{
                field.name: getattr(explicit, field.name) or str(document.get(field.name) or "")
                for field in dataclasses.fields(Provider)
            }
        )
    for field in dataclasses.fields(Provider):
        url = getattr(found, field.name)
        if field.name != "issuer" and url and not is_secure_url(url):
            raise ProviderUnavailable(f"{field.name} is not an https:// address")
    if not (found.authorization_endpoint and found.token_endpoint and found.jwks_uri):
        raise ProviderUnavailable("the provider names no authorization, token or JWKS endpoint")
    return found


def _discovery(issuer: str) -> dict[str, Any]:
    with _lock:
        cached = _cache.get(issuer)
        if cached and time.monotonic() - cached[0] < _REFRESH_SECONDS:
            return cached[1]
    try:
        answer = requests.get(issuer.rstrip("/") + DISCOVERY_PATH, timeout=settings.OIDC_TIMEOUT)
        answer.raise_for_status()
        document = answer.json()
    except (requests.RequestException, ValueError) as exc:
        raise ProviderUnavailable(f"discovery failed: {exc}") from exc
    if not isinstance(document, dict):
        raise ProviderUnavailable("the discovery document is not a JSON object")
    # OpenID Connect Discovery 1.0 § 4.3: the document must name the issuer it was read from.
    if document.get("issuer") != issuer:
        raise ProviderUnavailable("the discovery document names another issuer")
    algorithms = document.get("id_token_signing_alg_values_supported") or [SIGNING_ALGORITHM]
    if SIGNING_ALGORITHM not in algorithms:
        raise ProviderUnavailable(f"the provider does not sign ID tokens with {SIGNING_ALGORITHM}")
    with _lock:
        _cache.clear()
        _cache[issuer] = (time.monotonic(), document)
    return document
