"""Reads for notifications: always the user's own."""

from __future__ import annotations

from django.db.models import QuerySet

from monia.accounts.models import User
from monia.network.models import Organisation
from monia.notify.models import Notification

LIST_LIMIT = 100


def notifications_for_user(*, user: User) -> list[Notification]:
    return list(Notification.objects.filter(user=user)[:LIST_LIMIT])


def unread_count(*, user: User) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def notification_get_for_user(*, user: User, notification_id: int) -> Notification | None:
    """Another user's notification answers like a missing one."""
    return Notification.objects.filter(pk=notification_id, user=user).first()


def organisation_partners(*, organisation: Organisation) -> QuerySet[User]:
    """The active partner professionals of an organisation."""
    return User.objects.filter(organisation=organisation, role="partner", is_active=True)
