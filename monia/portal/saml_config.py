"""The SAML 2.0 service-provider configuration for clients' strong electronic identification
(vahva sähköinen tunnistaminen, Suomi.fi-tunnistus), read from the environment.

Imported by monia/settings.py, so it imports nothing of Django's models or pysaml2 at
module level. docs/identification.md tells how to connect Monia to Suomi.fi.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured

BINDING_HTTP_REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
BINDING_HTTP_POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"
NAMEID_FORMAT_TRANSIENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient"
SIG_RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
DIGEST_SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256"
XMLSEC_BINARY = "/usr/bin/xmlsec1"
# OID names -> friendly names (nationalIdentificationNumber, givenName, sn, displayName).
ATTRIBUTE_MAP_DIR = Path(__file__).resolve().parent / "saml_attributemaps"


def saml_config(
    *,
    base_url: str,
    idp_metadata: str,
    key_file: str,
    cert_file: str,
    idp_metadata_cert: str = "",
    authn_context: list[str] | None = None,
) -> dict[str, Any]:
    """pysaml2's SP configuration: entity id and endpoints under ``base_url``/saml2/.

    Requests are signed and assertions must be signed (Suomi.fi requires both); the one key
    pair also decrypts encrypted assertions. ``authn_context`` lists the accepted levels of
    assurance, e.g. ``http://ftn.ficora.fi/2017/loa3``; empty leaves it to the IdP.
    """
    base = base_url.rstrip("/")
    sp: dict[str, Any] = {
        "name": "Monia",
        "name_id_format": NAMEID_FORMAT_TRANSIENT,
        "endpoints": {
            "assertion_consumer_service": [(f"{base}/saml2/acs/", BINDING_HTTP_POST)],
            "single_logout_service": [
                (f"{base}/saml2/ls/", BINDING_HTTP_REDIRECT),
                (f"{base}/saml2/ls/post/", BINDING_HTTP_POST),
            ],
        },
        "authn_requests_signed": True,
        "logout_requests_signed": True,
        "want_assertions_signed": True,
        # The signed assertion carries the identity; a signature on the envelope is optional.
        "want_response_signed": False,
        "allow_unsolicited": False,
    }
    if authn_context:
        sp["requested_authn_context"] = {
            "authn_context_class_ref": authn_context,
            "comparison": "exact",
        }
    return {
        "entityid": f"{base}/saml2/metadata/",
        "xmlsec_binary": XMLSEC_BINARY,
        "attribute_map_dir": str(ATTRIBUTE_MAP_DIR),
        "allow_unknown_attributes": False,
        "service": {"sp": sp},
        "metadata": _metadata_source(idp_metadata, idp_metadata_cert),
        "key_file": key_file,
        "cert_file": cert_file,
        "encryption_keypairs": [{"key_file": key_file, "cert_file": cert_file}],
        "signing_algorithm": SIG_RSA_SHA256,
        "digest_algorithm": DIGEST_SHA256,
        "accepted_time_diff": 60,
    }


def _metadata_source(location: str, cert: str) -> dict[str, Any]:
    if location.startswith(("https://", "http://")):
        remote: dict[str, str] = {"url": location}
        if cert:
            remote["cert"] = cert  # the metadata's signature is checked against it
        return {"remote": [remote]}
    return {"local": [location]}


def saml_config_from_env(*, base_url: str) -> dict[str, Any]:
    """The configuration from MONIA_SAML_* variables; fails loudly when one is missing."""
    metadata = _required("MONIA_SAML_IDP_METADATA")
    key_file, cert_file = _required("MONIA_SAML_SP_KEY"), _required("MONIA_SAML_SP_CERT")
    local = [key_file, cert_file]
    if not metadata.startswith(("https://", "http://")):
        local.append(metadata)
    for path in local:
        if not Path(path).is_file():
            raise ImproperlyConfigured(f"SAML file not found: {path}")
    if not Path(XMLSEC_BINARY).exists():
        raise ImproperlyConfigured(f"SAML needs xmlsec1 at {XMLSEC_BINARY} (apt install xmlsec1)")
    contexts = os.environ.get("MONIA_SAML_AUTHN_CONTEXT", "")
    return saml_config(
        base_url=base_url,
        idp_metadata=metadata,
        key_file=key_file,
        cert_file=cert_file,
        idp_metadata_cert=os.environ.get("MONIA_SAML_IDP_METADATA_CERT", ""),
        authn_context=[c.strip() for c in contexts.split(",") if c.strip()],
    )


def _required(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"MONIA_SAML_ENABLED=true needs {name}")
    return value


# Century signs of 1800-2099 (hetu.CENTURY_SIGNS); a word boundary keeps longer numbers out.
_IDENTITY_CODE = re.compile(r"\b\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]\b")


class RedactIdentityCodes(logging.Filter):
    """pysaml2 and djangosaml2 log whole assertions and attribute values on failures; an
    identity code must not reach the logs, so the formatted message is redacted."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = _IDENTITY_CODE.sub("[identity code]", message)
        if redacted != message:
            record.msg, record.args = redacted, None
        if record.exc_info and not record.exc_text:
            # The formatter prints exc_text when it is set: the traceback, redacted.
            trace = logging.Formatter().formatException(record.exc_info)
            record.exc_text = _IDENTITY_CODE.sub("[identity code]", trace)
        return True
