"""Fixtures of the portal's tests: a local SAML identity provider (tests/saml_idp.py)."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from saml2.config import SPConfig
from saml2.metadata import entity_descriptor

from monia.portal.saml_config import saml_config
from monia.portal.tests.saml_idp import IdentityProvider, make_key_pair


@pytest.fixture(scope="session")
def saml_keys(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """Test-only key pairs of the IdP and the SP, generated once per test run."""
    directory = tmp_path_factory.mktemp("saml-keys")
    return {name: make_key_pair(directory, name) for name in ("idp", "sp")}


@pytest.fixture
def saml_idp(
    settings: Any, tmp_path: Path, live_server: Any, saml_keys: dict[str, tuple[Path, Path]]
) -> Iterator[IdentityProvider]:
    """The test IdP running, and Monia (the live server) its service provider.

    Writes the IdP's and the SP's metadata, each trusting the other, and turns SAML on.
    """
    idp_key, idp_cert = saml_keys["idp"]
    idp = IdentityProvider(tmp_path, key_file=idp_key, cert_file=idp_cert, host="localhost")
    sp_key, sp_cert = saml_keys["sp"]
    config = saml_config(
        base_url=live_server.url,
        idp_metadata=str(idp.metadata_file),
        key_file=str(sp_key),
        cert_file=str(sp_cert),
    )
    sp_metadata = tmp_path / "sp-metadata.xml"
    sp_metadata.write_text(str(entity_descriptor(SPConfig().load(copy.deepcopy(config)))))
    idp.trust(sp_metadata)
    settings.MONIA_SAML_ENABLED = True
    settings.SAML_CONFIG = config
    settings.SESSION_COOKIE_SECURE = False  # the live server speaks plain HTTP
    # The portal's logout posts, then redirects to the IdP: the CSP's form-action allows it.
    settings.MONIA_CSP_FORM_ACTION = idp.url
    idp.start()
    yield idp
    idp.stop()
