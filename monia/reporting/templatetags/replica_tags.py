"""``{% data_as_of %}``: on a statistics page read from the read replica, the time its
figures are complete up to (monia/dbrouter.py); nothing on a page read from the primary."""

from __future__ import annotations

from typing import Any

from django import template

from monia import dbrouter

register = template.Library()


@register.inclusion_tag("reporting/_data_as_of.html")
def data_as_of() -> dict[str, Any]:
    return {"as_of": dbrouter.data_as_of()}
