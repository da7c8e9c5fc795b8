"""Links between the pages of a long list that keep the list's filters and sorting."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def page_query(context: dict[str, Any], param: str, number: int) -> str:
    """The current query string with ``param`` set to ``number``: "?q=…&page=2"."""
    query = context["request"].GET.copy()
    query[param] = str(number)
    return "?" + query.urlencode()
