"""`rundemo --addrport` elsewhere than :8000: the links in the demo's e-mails, its
passkeys' origin and the origins trusted to post forms follow the address it serves on,
unless the environment sets them (which wins); the workers beside it inherit the same."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import pytest

from monia.web.management.commands import rundemo

VARIABLES = (
    "MONIA_BASE_URL",
    "CSRF_TRUSTED_ORIGINS",
    "MONIA_WEBAUTHN_RP_ID",
    "MONIA_WEBAUTHN_ORIGINS",
)


def test_a_demo_on_another_port_derives_its_addresses_from_it() -> None:
    assert rundemo.demo_addresses("127.0.0.1:8015", {}) == {
        "MONIA_BASE_URL": "http://127.0.0.1:8015",
        "CSRF_TRUSTED_ORIGINS": "http://127.0.0.1:8015,http://localhost:8015",
    }
    assert rundemo.demo_addresses("8016", {})["MONIA_BASE_URL"] == "http://127.0.0.1:8016"


def test_an_address_set_in_the_environment_wins() -> None:
    environ = {"MONIA_BASE_URL": "https://demo.example", "CSRF_TRUSTED_ORIGINS": ""}
    assert rundemo.demo_addresses("127.0.0.1:8015", environ) == {
        "CSRF_TRUSTED_ORIGINS": "http://127.0.0.1:8015,http://localhost:8015",  # "" is unset
    }
    everything = {name: "set" for name in ("MONIA_BASE_URL", "CSRF_TRUSTED_ORIGINS")}
    assert rundemo.demo_addresses("127.0.0.1:8015", everything) == {}


def test_the_passkeys_follow_the_base_url_unless_their_own_variables_are_set(
    settings: Any,
) -> None:
    settings.MONIA_BASE_URL = "http://127.0.0.1:8000"
    settings.OTP_WEBAUTHN_RP_ID = "localhost"
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = ["http://localhost:8000"]
    environ = {"MONIA_WEBAUTHN_ORIGINS": "http://localhost:9000"}
    rundemo.addresses_apply({"MONIA_BASE_URL": "http://127.0.0.1:8015"}, environ)
    assert environ["MONIA_BASE_URL"] == "http://127.0.0.1:8015"  # for the workers
    assert settings.MONIA_BASE_URL == "http://127.0.0.1:8015"
    assert settings.OTP_WEBAUTHN_RP_ID == "localhost"
    assert settings.OTP_WEBAUTHN_ALLOWED_ORIGINS == ["http://localhost:9000"]


@pytest.fixture
def unset_addresses(monkeypatch: pytest.MonkeyPatch, settings: Any, tmp_path: Path) -> None:
    """None of the address variables set; each restored after the test, as are the
    settings the command changes."""
    settings.STATIC_ROOT = str(tmp_path / "static")
    for name in VARIABLES:
        monkeypatch.setenv(name, "")  # remembered, so that teardown restores it
        monkeypatch.delenv(name)
    settings.MONIA_BASE_URL = "http://127.0.0.1:8000"
    settings.OTP_WEBAUTHN_RP_ID = "localhost"
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = ["http://localhost:8000"]
    settings.CSRF_TRUSTED_ORIGINS = ["http://127.0.0.1:8000"]


def test_rundemo_on_port_8015_links_e_mails_passkeys_and_forms_to_8015(
    unset_addresses: None, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    commands: list[tuple[Any, ...]] = []
    monkeypatch.setattr(rundemo, "call_command", lambda *args, **kw: commands.append(args))
    monkeypatch.setattr(rundemo, "background_helpers", list)  # no workers started
    monkeypatch.setattr(rundemo.signal, "signal", lambda *args: None)
    out = io.StringIO()
    rundemo.Command(stdout=out).handle(addrport="127.0.0.1:8015")
    assert ("runserver", "127.0.0.1:8015") in commands
    assert settings.MONIA_BASE_URL == "http://127.0.0.1:8015"
    assert os.environ["MONIA_BASE_URL"] == "http://127.0.0.1:8015"  # the workers' too
    assert settings.OTP_WEBAUTHN_RP_ID == "localhost"
    assert settings.OTP_WEBAUTHN_ALLOWED_ORIGINS == ["http://localhost:8015"]
    assert settings.CSRF_TRUSTED_ORIGINS == ["http://127.0.0.1:8015", "http://localhost:8015"]
    printed = out.getvalue()
    assert "Monia is at http://127.0.0.1:8015/" in printed
    assert "Passkeys work at http://localhost:8015/ only" in printed
    assert ":8000" not in printed


def test_rundemo_keeps_a_base_url_the_environment_sets(
    unset_addresses: None, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MONIA_BASE_URL", "https://demo.example")
    settings.MONIA_BASE_URL = "https://demo.example"
    monkeypatch.setattr(rundemo, "call_command", lambda *args, **kw: None)
    monkeypatch.setattr(rundemo, "background_helpers", list)
    monkeypatch.setattr(rundemo.signal, "signal", lambda *args: None)
    rundemo.Command(stdout=io.StringIO()).handle(addrport="127.0.0.1:8015")
    assert settings.MONIA_BASE_URL == "https://demo.example"
    assert os.environ["MONIA_BASE_URL"] == "https://demo.example"
    assert settings.OTP_WEBAUTHN_ALLOWED_ORIGINS == ["http://localhost:8000"]  # as read
