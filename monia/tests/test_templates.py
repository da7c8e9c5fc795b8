"""Template source rules that Django does not enforce itself."""

from __future__ import annotations

from pathlib import Path

MONIA = Path(__file__).resolve().parents[1]


def test_a_one_line_comment_ends_on_its_own_line() -> None:
    """Django's ``{# … #}`` comment is one line only: one that runs onto the next line is not
    a comment at all and is printed on the page (a client once read a developer's note on
    her portal page). Longer comments are ``{% comment %} … {% endcomment %}``."""
    unclosed = [
        f"{path.relative_to(MONIA)}:{number}"
        for path in sorted([*MONIA.rglob("*.html"), *MONIA.rglob("*.txt")])
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if "{#" in line and "#}" not in line[line.index("{#") :]
    ]
    assert unclosed == []
