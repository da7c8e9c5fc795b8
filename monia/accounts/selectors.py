"""Reads of staff accounts."""

from __future__ import annotations

from django.db.models import QuerySet

from monia.accounts.models import Role, User


def user_by_oidc_subject(subject: str) -> User | None:
    """The account single sign-on has linked to this subject, whatever its role or state
    (the caller refuses clients and inactive accounts)."""
    return User.objects.filter(oidc_subject=subject).first()


def staff_to_link_for_oidc(*, email: str = "", username: str = "") -> QuerySet[User]:
    """Active staff accounts not yet linked to single sign-on with this e-mail address or
    username (case-insensitive). A portal client is never one of them."""
    found = User.objects.filter(is_active=True, oidc_subject__isnull=True).exclude(role=Role.CLIENT)
    if email:
        return found.filter(email__iexact=email)
    if username:
        return found.filter(username__iexact=username)
    return found.none()


def active_staff_user(user_id: str | int) -> User | None:
    """An active account that is not a portal client, by its id."""
    try:
        return User.objects.exclude(role=Role.CLIENT).get(pk=user_id, is_active=True)
    except (User.DoesNotExist, ValueError, TypeError):
        return None
