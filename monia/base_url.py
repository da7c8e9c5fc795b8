"""The address users reach Monia at (``MONIA_BASE_URL``) and what follows from it: the
passkeys' relying party and origin (WebAuthn), and the address of a development server
started on an ``--addrport`` (``rundemo``). Pure Python: settings.py reads it before
Django is set up, and ``rundemo`` again once its address is known."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

# A server on every address (runserver's "0" is 0.0.0.0) is reached on this machine here.
EVERY_ADDRESS = {"0": "127.0.0.1", "0.0.0.0": "127.0.0.1", "[::]": "[::1]"}  # noqa: S104


def passkey_party(base_url: str) -> tuple[str, str]:
    """(relying party id, origin) of the passkeys at ``base_url``: its host over HTTPS.
    Browsers allow passkeys without HTTPS only at http://localhost, and never at an IP
    address: a plain-HTTP base URL (the demo's http://127.0.0.1:8000) gives
    http://localhost on the same port."""
    base = urlsplit(base_url)
    host = base.hostname or "localhost"
    if base.scheme != "https" or host.replace(".", "").isdigit() or ":" in host:
        return "localhost", f"http://localhost{f':{base.port}' if base.port else ''}"
    return host, f"https://{base.netloc}"


def passkey_settings(base_url: str, environ: Mapping[str, str]) -> tuple[str, list[str]]:
    """``OTP_WEBAUTHN_RP_ID`` and ``OTP_WEBAUTHN_ALLOWED_ORIGINS``: MONIA_WEBAUTHN_RP_ID
    and MONIA_WEBAUTHN_ORIGINS (comma-separated) when set, else as ``passkey_party``."""
    rp_id, origin = passkey_party(base_url)
    origins = [o.strip() for o in environ.get("MONIA_WEBAUTHN_ORIGINS", "").split(",")]
    return environ.get("MONIA_WEBAUTHN_RP_ID", "") or rp_id, [o for o in origins if o] or [origin]


def served_at(addrport: str) -> str:
    """The base URL of a development server started on ``addrport``, in runserver's forms:
    "8015", "127.0.0.1:8015", "localhost:8015", "[::1]:8015"; a server on every address
    ("0.0.0.0:8015") is reached at 127.0.0.1."""
    host, _, port = addrport.rpartition(":")
    if not port.isdigit():
        raise ValueError(f"not an address and port: {addrport!r}")
    host = EVERY_ADDRESS.get(host, host) or "127.0.0.1"
    return f"http://{host}:{port}"
