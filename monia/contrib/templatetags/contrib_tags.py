"""The line on the case page's assessment block (statements received, with the link), and
the partner's open requests on her front page (``network/partner_home.html``)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from monia.access.purposes import Purpose
from monia.contrib import access as contrib_access
from monia.contrib import selectors

register = template.Library()


@register.inclusion_tag("contrib/_assessment_line.html")
def contributions_line(case: Any, assessment: Any) -> dict[str, Any]:
    return {"case": case, "assessment": assessment, **selectors.statement_counts(assessment)}


@register.inclusion_tag("contrib/_partner_open.html", takes_context=True)
def partner_open_contributions(context: dict[str, Any]) -> dict[str, Any]:
    """The partner's front page: statement requests still waiting for her (each child's
    name shown is a disclosure, logged by the read)."""
    user = context["request"].user
    requests = contrib_access.contributions_for_partner(
        user, purpose=Purpose.CONTRIBUTION_LIST, open_only=True
    )
    return {"rows": selectors.tasks_for_partner(requests, today=timezone.localdate())}
