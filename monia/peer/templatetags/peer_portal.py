"""The peer groups on the portal's front page (portal_home/peer.html): the open groups for
this client and their own groups."""

from __future__ import annotations

from typing import Any

from django import template

from monia.peer import selectors
from monia.portal import access as portal_access

register = template.Library()


@register.inclusion_tag("peer/_portal_home.html", takes_context=True)
def peer_portal_offer(context: template.Context) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not portal_access.is_client(user):
        return {"groups": []}
    return {"groups": selectors.portal_groups(user), "mine": selectors.my_memberships(user)}
