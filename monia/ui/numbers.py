"""Numbers as the reader's language writes them. A percentage: Finnish and Swedish put a
space before the sign (Kielitoimisto, Språkrådet), a no-break one so that the sign never
starts a line ("50 %"); English writes none ("50%"). ``percent`` for code that writes text
(a chart's labels), and the filter ``{{ value|percent }}`` for templates
(``{% load numbers %}``: settings.TEMPLATES names this module)."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.conf import settings
from django.utils import formats, translation

NBSP = "\u00a0"
SIGN_CLOSE = frozenset({"en"})  # the languages that write the sign against the number

register = template.Library()


@register.filter
def percent(value: int | float | Decimal | str | None) -> str:
    """``value`` as a percentage in the active language ("" for None); decimals as the
    language writes them ("12,5 %" in Finnish); a missing template variable ("") gives ""."""
    if value is None or value == "":
        return ""
    language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    space = "" if language in SIGN_CLOSE else NBSP
    return f"{formats.localize(value)}{space}%"
