"""The partner's coming network meetings on her front page (``network/partner_home.html``)."""

from __future__ import annotations

from typing import Any

from django import template

from monia.access.purposes import Purpose
from monia.netmeet import access as netmeet_access
from monia.netmeet import selectors

register = template.Library()


@register.inclusion_tag("netmeet/_partner_coming.html", takes_context=True)
def partner_coming_meetings(context: dict[str, Any]) -> dict[str, Any]:
    """Meetings she is invited to that are still ahead; each child's first name shown is a
    disclosure, logged by the read."""
    user = context["request"].user
    meetings = netmeet_access.partner_network_meetings_list(
        user, purpose=Purpose.NETWORK_MEETING_LIST, coming_only=True
    )
    return {"rows": [(m, selectors.child_first_name(m)) for m in meetings]}
