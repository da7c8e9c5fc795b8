"""Clients' strong electronic identification over SAML 2.0 (Suomi.fi-tunnistus).

djangosaml2 checks the IdP's signature on the assertion; this backend then takes the
person's identity code (attribute urn:oid:1.2.246.21, nationalIdentificationNumber) and asks
the portal for that person's client account. djangosaml2 never creates or looks up a user
itself. The SP configuration comes from saml_config.py (settings.SAML_CONFIG).
"""

from __future__ import annotations

import copy
import logging
import threading
import time
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from djangosaml2.backends import Saml2Backend
from saml2.config import SPConfig

from monia.accounts.models import User
from monia.people import hetu
from monia.portal.services import client_user_for_identity_code

logger = logging.getLogger(__name__)

IDENTITY_CODE = "nationalIdentificationNumber"  # urn:oid:1.2.246.21
GIVEN_NAME = "givenName"  # urn:oid:2.5.4.42 (Suomi.fi: the calling name)
LAST_NAME = "sn"  # urn:oid:2.5.4.4


def _first(ava: dict[str, list[str]], name: str) -> str:
    values = ava.get(name) or []
    return str(values[0]).strip() if values else ""


class ClientSaml2Backend(Saml2Backend):
    """Authenticates a client of the participation portal on a verified SAML assertion."""

    def authenticate(
        self,
        request: HttpRequest | None,
        session_info: dict[str, Any] | None = None,
        attribute_mapping: dict[str, Any] | None = None,
        create_unknown_user: bool = False,
        assertion_info: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> User | None:
        if not session_info:
            return None  # a password login: the ModelBackend's business
        ava = session_info.get("ava") or {}
        code = _first(ava, IDENTITY_CODE)
        if not hetu.is_valid(code):
            logger.warning("SAML assertion refused: no valid identity code")
            return None
        if not _authn_context_accepted(session_info):
            logger.warning("SAML assertion refused: level of assurance not accepted")
            return None
        user = client_user_for_identity_code(
            hetu.parse(code).value,
            method="saml",
            given_name=_first(ava, GIVEN_NAME),
            last_name=_first(ava, LAST_NAME),
        )
        if user is None or not self.user_can_authenticate(user):
            # Identified, but no portal access: the failure page says so (login_failed).
            if request is not None:
                request.saml_no_portal_access = True  # type: ignore[attr-defined]
            return None
        return user


def _authn_context_accepted(session_info: dict[str, Any]) -> bool:
    """When levels of assurance are configured, the assertion must state one of them."""
    sp = settings.SAML_CONFIG["service"]["sp"]
    accepted = sp.get("requested_authn_context", {}).get("authn_context_class_ref", [])
    if not accepted:
        return True
    stated = {authn_class for authn_class, *_ in session_info.get("authn_info") or []}
    return bool(stated & set(accepted))


def login_failed(
    request: HttpRequest, exception: Exception | None = None, status: int = 403, **kwargs: Any
) -> HttpResponse:
    """The ACS's failure page (SAML_ACS_FAILURE_RESPONSE_FUNCTION): nobody is logged in.

    A person identified but without portal access is told so; any other failure
    (signature, lifetime, replay, no valid identity code) gets one message, no details.
    """
    no_access = getattr(request, "saml_no_portal_access", False)
    return render(request, "saml/login_failed.html", {"no_access": no_access}, status=403)


# djangosaml2's default loader parses the IdP metadata (or fetches it over HTTPS) on every
# request; one SPConfig per configuration is kept for an hour instead.
_METADATA_REFRESH_SECONDS = 60 * 60
_config_cache: dict[str, tuple[float, SPConfig]] = {}
_config_lock = threading.Lock()


def sp_config_loader(request: HttpRequest | None = None) -> SPConfig:
    key = repr(settings.SAML_CONFIG)
    with _config_lock:
        cached = _config_cache.get(key)
        if cached and time.monotonic() - cached[0] < _METADATA_REFRESH_SECONDS:
            return cached[1]
        config = SPConfig()
        config.load(copy.deepcopy(settings.SAML_CONFIG))
        _config_cache.clear()
        _config_cache[key] = (time.monotonic(), config)
        return config
