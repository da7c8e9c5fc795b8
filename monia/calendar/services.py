"""Writes of the calendar feed: make a new secret address, or turn the feed off."""

from __future__ import annotations

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from monia.accounts.models import User
from monia.calendar.models import CalendarFeed


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def feed_token_create(*, user: User) -> str:
    """A new secret for the user's feed (the old address stops working); the secret is
    returned once, only its hash is kept."""
    token = secrets.token_urlsafe(32)
    CalendarFeed.objects.filter(user=user).delete()
    CalendarFeed.objects.create(user=user, token_hash=token_hash(token))
    return token


@transaction.atomic
def feed_revoke(*, user: User) -> None:
    CalendarFeed.objects.filter(user=user).delete()


def feed_read_mark(feed: CalendarFeed) -> None:
    """When the feed was last fetched: the user sees whether a calendar still reads it."""
    CalendarFeed.objects.filter(pk=feed.pk).update(last_read_at=timezone.now())
