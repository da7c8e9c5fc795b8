"""The line on the case page's assessment block: statements received, with the link."""

from __future__ import annotations

from typing import Any

from django import template

from monia.contrib import selectors

register = template.Library()


@register.inclusion_tag("contrib/_assessment_line.html")
def contributions_line(case: Any, assessment: Any) -> dict[str, Any]:
    return {"case": case, "assessment": assessment, **selectors.statement_counts(assessment)}
