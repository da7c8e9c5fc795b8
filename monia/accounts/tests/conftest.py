"""Fixtures of the accounts tests: a local OpenID Connect provider (tests/oidc_op.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from monia.accounts.tests.oidc_op import OpenIDProvider, new_key

CLIENT_ID = "monia-test-client"
CLIENT_SECRET = "test-only-client-secret-never-use-it-anywhere"
TEST_CLIENT_CALLBACK = "http://testserver/oidc/callback/"


@pytest.fixture(scope="session")
def oidc_key() -> rsa.RSAPrivateKey:
    """The provider's signing key, generated once per test run."""
    return new_key()


def _turn_on(settings: Any, op: OpenIDProvider) -> None:
    settings.MONIA_OIDC_ENABLED = True
    settings.MONIA_OIDC_ISSUER = op.issuer
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    settings.MONIA_OIDC_LABEL = "Testikunnan tunnus"
    settings.MONIA_OIDC_TRUST_MFA = True
    settings.MONIA_OIDC_MFA_ACR = []
    settings.MONIA_OIDC_LINK_CLAIM = "email"


@pytest.fixture
def oidc_op(settings: Any, oidc_key: rsa.RSAPrivateKey) -> Iterator[OpenIDProvider]:
    """The provider running and Monia (Django's test client, http://testserver) its client,
    with the endpoints read from the provider's discovery document."""
    op = OpenIDProvider(
        key=oidc_key,
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        redirect_uris=[TEST_CLIENT_CALLBACK],
    )
    _turn_on(settings, op)
    op.start()
    yield op
    op.stop()


@pytest.fixture
def oidc_op_live(
    settings: Any, oidc_key: rsa.RSAPrivateKey, live_server: Any
) -> Iterator[OpenIDProvider]:
    """The provider for a real browser and the live server; both are named "localhost"."""
    op = OpenIDProvider(
        key=oidc_key,
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        redirect_uris=[f"{live_server.url}/oidc/callback/"],
        host="localhost",
    )
    _turn_on(settings, op)
    settings.SESSION_COOKIE_SECURE = False  # the live server speaks plain HTTP
    # The logout form posts to Monia, which redirects to the provider: form-action allows it.
    settings.MONIA_CSP_FORM_ACTION = op.url
    op.start()
    yield op
    op.stop()
