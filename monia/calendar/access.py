"""The feed's rule: the secret in the address is the credential. A wrong, revoked or old
secret, or an account that may no longer work with cases, answers 404."""

from __future__ import annotations

from django.http import Http404

from monia.access import policy
from monia.accounts.models import User
from monia.calendar.models import CalendarFeed
from monia.calendar.services import token_hash


def feed_get(token: str) -> CalendarFeed:
    if not token or len(token) > 100:
        raise Http404
    feed = CalendarFeed.objects.select_related("user").filter(token_hash=token_hash(token)).first()
    if feed is None or "calendar" not in policy.menu_for(feed.user):
        raise Http404
    return feed


def feed_of(user: User) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(user=user).first()
