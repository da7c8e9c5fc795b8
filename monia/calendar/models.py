"""The worker's calendar feed: one secret address per user for Outlook (iCalendar).

Only a hash of the secret is kept, so a copy of the database opens no feed; the user turns
the feed off (the row is deleted) or makes a new address (the old one stops working).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class CalendarFeed(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_read_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"calendar feed of {self.user_id}"
