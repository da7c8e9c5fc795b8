"""SECRET_KEY can be rotated without logging everyone out at once: the earlier key stays in
SECRET_KEY_FALLBACKS until the sessions and signed tokens made with it have ended
(docs/security.md, "Rotating keys")."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import pytest

from monia.conftest import login
from monia.enotify import gate

OLD = "old-key-" + "x" * 50
NEW = "new-key-" + "y" * 50


def test_the_fallback_keys_are_read_from_the_environment() -> None:
    env = {**os.environ, "SECRET_KEY": NEW, "SECRET_KEY_FALLBACKS": f"{OLD}, older-key"}
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.SECRET_KEY, s.SECRET_KEY_FALLBACKS]))"
    )
    out = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert json.loads(out.stdout.strip().splitlines()[-1]) == [NEW, [OLD, "older-key"]]
    env.pop("SECRET_KEY_FALLBACKS")
    out = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert json.loads(out.stdout.strip().splitlines()[-1]) == [NEW, []]


@pytest.mark.django_db
def test_a_session_from_before_the_rotation_lasts_while_the_old_key_is_a_fallback(
    settings: Any, worker_a: Any, teammate_a: Any
) -> None:
    settings.SECRET_KEY = OLD
    active, away = login("worker_a"), login("teammate_a")
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = NEW, [OLD]
    assert active.get("/").status_code == 200  # and the session moves to the new key
    settings.SECRET_KEY_FALLBACKS = []  # the old key dropped
    assert active.get("/").status_code == 200
    response = away.get("/")  # a session not used meanwhile ends
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_a_signed_form_token_from_before_the_rotation_verifies_only_with_the_fallback(
    settings: Any,
) -> None:
    settings.SECRET_KEY = OLD
    token = gate.form_token_issue()
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = NEW, [OLD]
    assert gate.form_session_of(token) != ""
    settings.SECRET_KEY_FALLBACKS = []
    assert gate.form_session_of(token) == ""
