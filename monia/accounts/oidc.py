"""Staff single sign-on with the county's OpenID Connect provider (mozilla-django-oidc).

The authorization code flow with PKCE, state and nonce (the library's views, oidc_views.py).
This backend checks the ID token more strictly than the library does (its signature with
the provider's JWKS, RS256 only, issuer, audience and authorized party, expiry), then finds
the staff account the token's subject (``sub``) is linked to. It never creates an account:
rights are granted in Monia. An account not linked yet is linked at its first single
sign-on by a verified e-mail address (or the claim MONIA_OIDC_LINK_CLAIM names), once;
after that only the subject counts. Portal clients and inactive accounts are refused.
docs/staff-sso.md describes the choices.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlencode

import jwt
from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest
from django.urls import reverse
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from monia.accounts import oidc_provider, selectors, services
from monia.accounts.models import Role, User

logger = logging.getLogger(__name__)

# Kept for the logout at the provider (id_token_hint); a session key name, not a secret.
ID_TOKEN_SESSION_KEY = "oidc_id_token"  # noqa: S105
REQUIRED_CLAIMS = ["exp", "iat", "iss", "aud", "sub"]
CLOCK_SKEW_SECONDS = 60

# Authentication method references (RFC 8176) by kind of factor: a login that used two
# kinds (e.g. a password and a one-time code, or a smart card and its PIN) is multi-factor.
KNOWLEDGE = frozenset({"pwd", "pin", "kba"})
POSSESSION = frozenset({"otp", "hwk", "swk", "sms", "tel", "sc", "pop"})
INHERENCE = frozenset({"fpt", "face", "iris", "retina", "vbm"})


def mfa_stated(claims: Mapping[str, Any], *, mfa_acr: Iterable[str] = ()) -> bool:
    """Whether the ID token says the provider checked more than one factor: ``amr``
    contains "mfa" or factors of two kinds, or ``acr`` is one of the configured values."""
    amr = claims.get("amr")
    methods = {amr} if isinstance(amr, str) else set(amr) if isinstance(amr, list) else set()
    methods = {m for m in methods if isinstance(m, str)}
    if "mfa" in methods:
        return True
    if sum(1 for kind in (KNOWLEDGE, POSSESSION, INHERENCE) if methods & kind) >= 2:
        return True
    acr = claims.get("acr")
    return isinstance(acr, str) and acr in set(mfa_acr)


def _is_true(value: Any) -> bool:
    return value is True or value == "true"  # some providers send the string


class StaffOIDCBackend(OIDCAuthenticationBackend):
    """Authenticates a member of staff on a verified ID token; everything else: None."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Django builds every backend for every login, password logins too: the library's
        # constructor reads the provider's settings, so nothing is read here.
        self.UserModel = User

    def authenticate(self, request: HttpRequest | None, **kwargs: Any) -> User | None:
        # Only the callback (oidc_views.CallbackView) passes the PKCE code_verifier.
        if request is None or not settings.MONIA_OIDC_ENABLED or "code_verifier" not in kwargs:
            return None
        op = oidc_provider.provider()
        self.issuer = op.issuer
        self.OIDC_OP_TOKEN_ENDPOINT = op.token_endpoint
        self.OIDC_OP_USER_ENDPOINT = op.userinfo_endpoint
        self.OIDC_OP_JWKS_ENDPOINT = op.jwks_uri
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        self.OIDC_RP_CLIENT_SECRET = settings.OIDC_RP_CLIENT_SECRET
        self.OIDC_RP_SIGN_ALGO = oidc_provider.SIGNING_ALGORITHM
        self.OIDC_RP_IDP_SIGN_KEY = None
        self.keep_id_token = bool(op.end_session_endpoint)
        user: User | None = super().authenticate(request, **kwargs)
        return user

    def get_user(self, user_id: Any) -> User | None:
        """The session's user while the account stays active staff (the library's own
        get_user would keep a deactivated account's session alive)."""
        return selectors.active_staff_user(user_id)

    def _verify_jws(self, payload: str, key: Any) -> dict[str, Any]:
        """The ID token's signature, algorithm, issuer, audience, authorized party and
        lifetime (the library checks only the signature and the algorithm)."""
        if jwt.get_unverified_header(payload).get("alg") != oidc_provider.SIGNING_ALGORITHM:
            raise SuspiciousOperation("ID token not signed with RS256")
        try:
            claims: dict[str, Any] = jwt.decode(
                payload,
                key,
                algorithms=[oidc_provider.SIGNING_ALGORITHM],
                audience=self.OIDC_RP_CLIENT_ID,
                issuer=self.issuer,
                leeway=CLOCK_SKEW_SECONDS,
                options={"require": REQUIRED_CLAIMS},
            )
        except jwt.PyJWTError as exc:
            raise SuspiciousOperation(f"ID token refused: {exc}") from exc
        audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
        azp = claims.get("azp")
        if (len(audiences) > 1 or azp is not None) and azp != self.OIDC_RP_CLIENT_ID:
            raise SuspiciousOperation("ID token issued to another party (azp)")
        if not isinstance(claims["sub"], str) or not claims["sub"]:
            raise SuspiciousOperation("ID token without a subject")
        return claims

    def store_tokens(self, access_token: str, id_token: str) -> None:
        if self.keep_id_token:
            self.request.session[ID_TOKEN_SESSION_KEY] = id_token

    def get_userinfo(self, access_token: str, id_token: str, payload: dict[str, Any]) -> Any:
        """The userinfo endpoint's claims, which must be about the ID token's subject
        (OpenID Connect Core § 5.3.2); none when the provider has no such endpoint."""
        if not self.OIDC_OP_USER_ENDPOINT:
            return {}
        claims = super().get_userinfo(access_token, id_token, payload)
        if not isinstance(claims, dict) or claims.get("sub") != payload["sub"]:
            raise SuspiciousOperation("userinfo is about another subject")
        return claims

    def get_or_create_user(
        self, access_token: str, id_token: str, payload: dict[str, Any]
    ) -> User | None:
        subject = payload["sub"]
        user = selectors.user_by_oidc_subject(subject)
        if user is None:
            user = self._link(subject, access_token, id_token, payload)
        if user is None or user.role == Role.CLIENT or not user.is_active:
            logger.warning("Single sign-on refused: no active staff account for the subject")
            self.request.monia_oidc_no_account = True
            return None
        self.request.monia_oidc_mfa = mfa_stated(payload, mfa_acr=settings.MONIA_OIDC_MFA_ACR)
        return user

    def _link(
        self, subject: str, access_token: str, id_token: str, payload: dict[str, Any]
    ) -> User | None:
        """The first single sign-on of an account: found by the link claim (the ID token's
        own, else the userinfo's), only when exactly one unlinked active staff account has
        it; an e-mail address counts only when the provider says it is verified."""
        claim = settings.MONIA_OIDC_LINK_CLAIM
        if not claim:
            return None  # administrators set the subject on the account
        claims = {**self.get_userinfo(access_token, id_token, payload), **payload}
        value = claims.get(claim)
        if not isinstance(value, str) or not value.strip():
            return None
        if claim == "email":
            if not _is_true(claims.get("email_verified")):
                logger.warning("Single sign-on refused: the e-mail address is not verified")
                return None
            candidates = selectors.staff_to_link_for_oidc(email=value.strip())
        else:
            candidates = selectors.staff_to_link_for_oidc(username=value.strip())
        found = list(candidates[:2])
        if len(found) != 1:
            return None
        user = found[0]
        if user.role == Role.CLIENT or not user.is_active:
            return None
        if not services.user_oidc_subject_link(user=user, subject=subject):
            return None
        logger.info("Single sign-on linked account %s to its subject", user.pk)
        return user


def end_session_url(request: HttpRequest) -> str | None:
    """Where to send the browser to end the session at the provider too (RP-initiated
    logout), when the user logged in with single sign-on and the provider has an end
    session endpoint; it returns the browser to the login page. Call before logout()."""
    id_token = request.session.get(ID_TOKEN_SESSION_KEY)
    if not settings.MONIA_OIDC_ENABLED or not id_token:
        return None
    try:
        endpoint = oidc_provider.provider().end_session_endpoint
    except oidc_provider.ProviderUnavailable:
        logger.warning("Single sign-on: the provider is away; logged out of Monia only")
        return None
    if not endpoint:
        return None
    query = urlencode(
        {
            "id_token_hint": id_token,
            "client_id": settings.OIDC_RP_CLIENT_ID,
            "post_logout_redirect_uri": request.build_absolute_uri(reverse("login")),
        }
    )
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"
