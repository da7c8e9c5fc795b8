"""A county as a page in the reader's language names it (``teams.selectors``)."""

from __future__ import annotations

from django import template

from monia.teams import selectors
from monia.teams.models import County

register = template.Library()


@register.filter
def county_line(county: County, language: str) -> str:
    """``{{ case.county|county_line:LANGUAGE_CODE }}``: a document's heading line."""
    return selectors.county_line(county, language)
