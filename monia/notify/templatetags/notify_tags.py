from __future__ import annotations

from django import template

from monia.accounts.models import User
from monia.notify import selectors

register = template.Library()


@register.simple_tag
def unread_notifications(user: User) -> int:
    """One COUNT query for the header's bell."""
    return selectors.unread_count(user=user)
