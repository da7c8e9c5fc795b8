"""The test harness itself: the ``browser`` marker and the compiled translations."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

from django.utils import translation

from monia.conftest import BROWSER_FIXTURES, stale_translations

ROOT = Path(__file__).resolve().parents[2]
BROWSER_DIR = ROOT / "monia" / "tests" / "browser"


def _tests_driving_chromium() -> set[str]:
    """Node ids (without parameters) of every test that asks for a browser fixture or lives
    in monia/tests/browser, read from the source rather than from the hook under test."""
    ids = set()
    for path in (ROOT / "monia").rglob("test_*.py"):
        module = path.relative_to(ROOT).as_posix()
        in_browser_dir = BROWSER_DIR in path.parents
        tree = ast.parse(path.read_text())
        scopes: list[tuple[str, list[ast.stmt]]] = [("", tree.body)]
        scopes += [(f"{n.name}::", n.body) for n in tree.body if isinstance(n, ast.ClassDef)]
        for prefix, body in scopes:
            for node in body:
                if isinstance(node, ast.FunctionDef) and node.name.startswith("test"):
                    params = {a.arg for a in node.args.args + node.args.kwonlyargs}
                    if in_browser_dir or params & BROWSER_FIXTURES:
                        ids.add(f"{module}::{prefix}{node.name}")
    return ids


def _collected(marker_expression: str) -> set[str]:
    result = subprocess.run(  # noqa: S603 - our own interpreter and fixed arguments
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-m", marker_expression, "monia"],
        cwd=ROOT,
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return {line.split("[")[0] for line in result.stdout.splitlines() if "::" in line}


def test_browser_marker_selects_exactly_the_chromium_tests() -> None:
    expected = _tests_driving_chromium()
    # Outside monia/tests/browser too: the SAML walkthrough borrows the fixture.
    assert any(i.startswith("monia/portal/tests/test_saml_browser.py::") for i in expected)
    assert _collected("browser") == expected
    rest = _collected("not browser")
    assert rest, "the rest of the suite was not collected"
    assert not rest & expected


def test_translations_are_compiled_for_the_session() -> None:
    assert stale_translations() == []
    with translation.override("fi"):
        assert translation.gettext("Log in") == "Kirjaudu sisään"
