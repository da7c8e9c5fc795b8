"""The framework defaults and small rules that docs/asvs.md counts on, each asserted here so
a changed setting or a new module that breaks one fails a test (issue 11, the ASVS 4.0.3
mapping)."""

from __future__ import annotations

import ast
import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.conf import global_settings, settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client

import monia.settings as monia_settings
from monia.conftest import PASSWORD, login
from monia.web.security import JsonFormatter

MONIA = Path(__file__).resolve().parents[2]


def _code_modules() -> list[Path]:
    return [
        path
        for path in MONIA.rglob("*.py")
        if "tests" not in path.parts and "migrations" not in path.parts
    ]


def _settings_in_subprocess(names: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SECURE_", "DEBUG", "SECRET_KEY", "SESSION_", "MONIA_ALLOW"))
    }
    clean.update(env)
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        f"print(json.dumps([getattr(s, n) for n in {names!r}]))"
    )
    return subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], env=clean, capture_output=True, text=True, check=False
    )


def _values(result: subprocess.CompletedProcess[str]) -> list[Any]:
    assert result.returncode == 0, result.stderr
    values: list[Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return values


# --- V2.4 Passwords at rest ------------------------------------------------------------


def test_passwords_are_stored_with_salted_pbkdf2_of_at_least_600000_rounds() -> None:
    assert not hasattr(monia_settings, "PASSWORD_HASHERS")  # Django's default list
    assert global_settings.PASSWORD_HASHERS[0].endswith(".PBKDF2PasswordHasher")
    hasher = PBKDF2PasswordHasher()
    assert hasher.iterations >= 600_000
    first, second = hasher.encode("secret", hasher.salt()), hasher.encode("secret", hasher.salt())
    algorithm, _rounds, salt, _hash = first.split("$")
    assert algorithm == "pbkdf2_sha256" and len(salt) >= 22  # 22 of 62 letters: > 128 bits
    assert first != second  # each password its own salt


# --- V3 Sessions -------------------------------------------------------------------------


@pytest.mark.django_db
def test_login_gives_a_new_random_session_key(worker_a: Any) -> None:
    before = SessionStore()
    before["planted"] = True
    before.save()
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = before.session_key
    client.post("/login/", {"username": "worker_a", "password": PASSWORD})
    after = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert after != before.session_key
    assert re.fullmatch(r"[a-z0-9]{32}", after)  # 32 of 36 symbols: about 165 bits
    assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_logout_ends_the_session_on_the_server(worker_a: Any) -> None:
    client = login("worker_a")
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    client.post("/logout/")
    replay = Client()
    replay.cookies[settings.SESSION_COOKIE_NAME] = key  # the old cookie, kept by an attacker
    response = replay.get("/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")


@pytest.mark.django_db
def test_the_session_cookie_is_httponly_and_samesite(worker_a: Any) -> None:
    client = Client()
    client.post("/login/", {"username": "worker_a", "password": PASSWORD})
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"] is True and cookie["samesite"] == "Lax"


def test_in_production_session_and_csrf_cookies_are_secure_only() -> None:
    names = ["SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY"]
    production = _settings_in_subprocess(names, DEBUG="false", SECRET_KEY="k" * 50)
    assert _values(production) == [True, True, True]


# --- V14.3 Configuration -------------------------------------------------------------------


def test_debug_is_off_unless_asked_and_production_refuses_the_development_key() -> None:
    assert _values(_settings_in_subprocess(["DEBUG"], SECRET_KEY="k" * 50)) == [False]
    refused = _settings_in_subprocess(["DEBUG"])
    assert refused.returncode != 0 and "Set SECRET_KEY" in refused.stderr


# --- V6.2.5 Algorithms ------------------------------------------------------------------------


def test_saml_signs_with_rsa_sha256_and_sha256_digests() -> None:
    from monia.portal.saml_config import saml_config

    config = saml_config(
        base_url="https://monia.example.fi", idp_metadata="idp.xml", key_file="k", cert_file="c"
    )
    assert config["signing_algorithm"] == "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
    assert config["digest_algorithm"] == "http://www.w3.org/2001/04/xmlenc#sha256"
    assert config["service"]["sp"]["want_assertions_signed"] is True


# --- V14.4 and V14.5 Headers --------------------------------------------------------------


@pytest.mark.django_db
def test_every_answer_names_its_type_and_forbids_sniffing_framing_and_referrers() -> None:
    for path, content_type in (
        ("/login/", "text/html; charset=utf-8"),
        ("/api/v1/cases/1", "application/json; charset=utf-8"),
    ):
        response = Client().get(path)
        assert response["Content-Type"] == content_type, path
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Frame-Options"] == "DENY"
        assert "Server" not in response and "X-Powered-By" not in response


@pytest.mark.django_db
def test_no_answer_lets_another_origin_read_it() -> None:
    for method in ("get", "options"):
        response = getattr(Client(), method)("/api/v1/cases/1", HTTP_ORIGIN="https://evil.example")
        assert "Access-Control-Allow-Origin" not in response


# --- V4.1.2 and V5.1.2 What a form may set ---------------------------------------------------

RIGHTS = {"is_staff", "is_superuser", "groups", "user_permissions"}
USER_ATTRIBUTES = RIGHTS | {"role", "county", "team", "is_active", "password"}


def _assigned(body: list[ast.stmt]) -> dict[str, ast.expr]:
    names: dict[str, ast.expr] = {}
    for item in body:
        if isinstance(item, ast.Assign):
            names |= {t.id: item.value for t in item.targets if isinstance(t, ast.Name)}
        elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name) and item.value:
            names[item.target.id] = item.value
    return names


def _literal(node: ast.expr | None) -> Any:
    try:
        return ast.literal_eval(node) if node is not None else ()
    except ValueError:  # a name: another form's fields, checked where they are written
        return ()


def test_no_form_lets_a_user_set_a_role_or_a_right_nor_takes_every_field() -> None:
    """Only the admin site (the administrator's tool) edits a user's role, county, team or
    rights; no form of Monia takes all of a model's fields."""
    offenders = []
    for path in _code_modules():
        if path.name == "admin.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef):
                continue
            where = f"{path.relative_to(MONIA)}:{node.lineno} {node.name}"
            assigned = _assigned(node.body)
            if node.name == "Meta":
                fields = _literal(assigned.get("fields"))
                model = ast.unparse(assigned["model"]) if "model" in assigned else ""
                if fields == "__all__" or (model == "User" and USER_ATTRIBUTES & set(fields)):
                    offenders.append(where)
            elif any("Form" in ast.unparse(base) for base in node.bases):
                if RIGHTS & set(assigned):
                    offenders.append(where)
    assert offenders == []


# --- V5.2.5, V6.3.1, V8.2.2 Code that is not there -------------------------------------------


def test_no_template_is_compiled_from_text_at_run_time() -> None:
    compiled = re.compile(r"\bfrom_string\(|\bengines\[|[^a-zA-Z]Template\(")
    offenders = [
        str(path.relative_to(MONIA))
        for path in _code_modules()
        if compiled.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_random_numbers_come_from_the_secrets_module() -> None:
    """``random`` is predictable; only the demo's made-up data may use it (with a seed)."""
    uses_random = re.compile(r"^\s*(import random|from random import)", re.M)
    allowed = {"people/hetu.py"}  # random_synthetic(rng, …): the demo's synthetic codes
    offenders = [
        str(path.relative_to(MONIA))
        for path in _code_modules()
        if uses_random.search(path.read_text(encoding="utf-8"))
        and "demo" not in path.relative_to(MONIA).parts
        and str(path.relative_to(MONIA)) not in allowed
    ]
    assert offenders == []


def test_no_script_keeps_anything_in_the_browsers_storage() -> None:
    storage = re.compile(r"localStorage|sessionStorage|indexedDB|document\.cookie")
    scripts = list(MONIA.rglob("static/**/*.js"))
    assert scripts  # the enhancement scripts exist and are read
    assert [s.name for s in scripts if storage.search(s.read_text(encoding="utf-8"))] == []


# --- V7.3.1 Log injection ---------------------------------------------------------------------


def test_a_forged_line_break_stays_inside_one_json_log_record() -> None:
    forged = 'name\n{"level": "INFO", "message": "admin logged out"}'
    record = logging.LogRecord("monia", logging.WARNING, __file__, 1, forged, None, None)
    line = JsonFormatter().format(record)
    assert "\n" not in line and json.loads(line)["message"] == forged


# --- V5.3.3 Output escaping -------------------------------------------------------------------


@pytest.mark.django_db
def test_markup_in_a_record_is_shown_as_text(case_a: Any, worker_a: Any) -> None:
    from django.urls import reverse

    from monia.people.models import Person

    Person.objects.filter(pk=case_a.case.child_id).update(
        last_name='<script>alert(1)</script><img src=x onerror="alert(2)">'
    )
    html = login("worker_a").get(reverse("case_detail", args=[case_a.case.pk])).text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert" not in html and "<img src=x" not in html
