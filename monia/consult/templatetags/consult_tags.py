"""The partner's open consultations on her front page (``network/partner_home.html``)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from monia.access.purposes import Purpose
from monia.consult import access as consult_access
from monia.consult import selectors

register = template.Library()


@register.inclusion_tag("consult/_partner_open.html", takes_context=True)
def partner_open_consultations(context: dict[str, Any]) -> dict[str, Any]:
    """Questions still waiting for her answer; a named child shown is a disclosure, logged."""
    user = context["request"].user
    items = consult_access.partner_consultations_list(user, purpose=Purpose.PARTNER_CONSULTATIONS)
    today = timezone.localdate()
    return {"items": [(c, selectors.is_overdue(c, today)) for c in items]}
