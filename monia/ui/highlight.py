"""Search hits marked in a text, safely: PostgreSQL's ``ts_headline`` wraps each hit in
two marker characters, and ``marked`` turns the text into HTML with every character of
it escaped and only the markers made ``<mark>`` elements.

The markers are control characters, which Monia's forms refuse in stored text
(``fields.validate_printable``); a stray one could only toggle the marking — the result
is always balanced, escaped HTML.
"""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

START = "\x02"  # STX: where a hit starts
STOP = "\x03"  # ETX: where it stops
_MARKERS = re.compile(f"([{START}{STOP}])")


def marked(text: str) -> SafeString:
    """``text`` as HTML: escaped, with the hits between the markers in ``<mark>``."""
    out: list[str] = []
    inside = False
    for part in _MARKERS.split(text):
        if part in (START, STOP):
            if (part == START) != inside:
                out.append("<mark>" if part == START else "</mark>")
                inside = not inside
            continue
        out.append(str(escape(part)))
    if inside:
        out.append("</mark>")
    return mark_safe("".join(out))  # noqa: S308 - every part above is escaped
