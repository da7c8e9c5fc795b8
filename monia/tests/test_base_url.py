"""monia/base_url.py: the passkeys' relying party follows the address users reach Monia
at, and a development server's address follows its --addrport."""

from __future__ import annotations

import pytest

from monia.base_url import passkey_party, passkey_settings, served_at


@pytest.mark.parametrize(
    ("base", "party"),
    [
        ("http://127.0.0.1:8000", ("localhost", "http://localhost:8000")),
        ("http://127.0.0.1:8015", ("localhost", "http://localhost:8015")),
        ("http://[::1]:8015", ("localhost", "http://localhost:8015")),
        ("http://localhost", ("localhost", "http://localhost")),
        ("https://monia.example", ("monia.example", "https://monia.example")),
        ("https://monia.example:8443/", ("monia.example", "https://monia.example:8443")),
        ("https://10.0.0.5", ("localhost", "http://localhost")),  # never an IP address
    ],
)
def test_passkeys_are_at_the_base_urls_host_or_at_localhost(
    base: str, party: tuple[str, str]
) -> None:
    assert passkey_party(base) == party


def test_the_passkey_variables_win_over_the_base_url() -> None:
    environ = {
        "MONIA_WEBAUTHN_RP_ID": "example.org",
        "MONIA_WEBAUTHN_ORIGINS": "https://a, https://b",
    }
    assert passkey_settings("http://127.0.0.1:8000", environ) == (
        "example.org",
        ["https://a", "https://b"],
    )
    assert passkey_settings("http://127.0.0.1:8000", {"MONIA_WEBAUTHN_RP_ID": ""}) == (
        "localhost",
        ["http://localhost:8000"],
    )


@pytest.mark.parametrize(
    ("addrport", "url"),
    [
        ("127.0.0.1:8015", "http://127.0.0.1:8015"),
        ("8015", "http://127.0.0.1:8015"),
        ("localhost:8015", "http://localhost:8015"),
        ("0.0.0.0:8015", "http://127.0.0.1:8015"),
        ("0:8015", "http://127.0.0.1:8015"),
        ("[::1]:8015", "http://[::1]:8015"),
        ("[::]:8015", "http://[::1]:8015"),
    ],
)
def test_a_development_server_is_reached_at_its_addrport(addrport: str, url: str) -> None:
    assert served_at(addrport) == url


def test_an_addrport_without_a_port_is_refused() -> None:
    with pytest.raises(ValueError, match="not an address and port"):
        served_at("127.0.0.1")
