"""Who may decide on access rights: the rule beside the data it guards.

An administrator is an active account with the administrator role and Django's superuser
flag (the database allows the flag to no other role). A request is approved by another
administrator: neither the one who asked nor the person it concerns.
"""

from __future__ import annotations

from monia.accounts.models import Role, User
from monia.rights.models import RightsChange


def is_administrator(user: User) -> bool:
    return bool(user.is_active and user.is_superuser and user.role == Role.ADMINISTRATOR)


def may_approve(user: User, change: RightsChange) -> bool:
    return is_administrator(user) and user.pk not in (change.requested_by_id, change.subject_id)
