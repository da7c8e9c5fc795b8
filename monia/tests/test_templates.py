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


def test_a_page_title_holds_words_only() -> None:
    """The browser reads ``<title>`` as plain text: a tag put in a title block is shown in
    the tab as its source and never runs (the portal's "I don't feel safe" once carried its
    double-submit script there)."""
    import re

    title_block = re.compile(r"{%\s*block title\s*%}(.*?){%\s*endblock", re.DOTALL)
    tagged = [
        str(path.relative_to(MONIA))
        for path in sorted(MONIA.rglob("*.html"))
        for block in title_block.findall(path.read_text(encoding="utf-8"))
        if "<" in block
    ]
    assert tagged == []
