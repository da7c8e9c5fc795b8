"""Reads for access rights: administrators, the request waiting for an account, the user a
password link names."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.http import urlsafe_base64_decode

from monia.accounts.models import Role, User
from monia.rights.models import ChangeStatus, RightsChange


def administrators(*, exclude: tuple[int | None, ...] = ()) -> list[User]:
    """The active administrators, but those named."""
    return list(
        User.objects.filter(role=Role.ADMINISTRATOR, is_superuser=True, is_active=True)
        .exclude(pk__in=[pk for pk in exclude if pk is not None])
        .order_by("username")
    )


def active_administrator_count() -> int:
    return User.objects.filter(role=Role.ADMINISTRATOR, is_active=True).count()


def pending_change_for(user: User) -> RightsChange | None:
    return RightsChange.objects.filter(subject=user, status=ChangeStatus.PENDING).first()


def user_for_password_link(uidb64: str) -> User | None:
    """The account a password link names: only an active staff account (a link sent
    before a deactivation no longer works; portal clients have no password)."""
    try:
        pk = int(urlsafe_base64_decode(uidb64).decode())
    except (TypeError, ValueError, OverflowError, UnicodeDecodeError, ValidationError):
        return None
    return User.objects.filter(pk=pk, is_active=True).exclude(role=Role.CLIENT).first()
