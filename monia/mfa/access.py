"""Who must use a second factor, and what a session may do before it passes one.

Roles in ``MONIA_MFA_REQUIRED_ROLES`` ("all": every staff and partner role) must; an
administrator always must (the admin site is theirs); a portal client never does (strong
electronic identification is theirs). Anyone else who added a factor is asked for it too.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from monia.accounts.models import Role, User

ALL = "all"
STAFF_AND_PARTNER_ROLES = frozenset(r.value for r in Role if r != Role.CLIENT)


def required_roles() -> frozenset[str]:
    configured = set(settings.MONIA_MFA_REQUIRED_ROLES)
    roles = STAFF_AND_PARTNER_ROLES if ALL in configured else frozenset(configured)
    return roles | {Role.ADMINISTRATOR.value}


def check_required_roles_setting() -> None:
    """Refuse to start with a role name that is no role: a typo would silently exempt it."""
    unknown = set(settings.MONIA_MFA_REQUIRED_ROLES) - STAFF_AND_PARTNER_ROLES - {ALL}
    if unknown:
        raise ImproperlyConfigured(
            f"MONIA_MFA_REQUIRED_ROLES names no such staff role: {', '.join(sorted(unknown))} "
            f"(roles: {', '.join(sorted(STAFF_AND_PARTNER_ROLES))}, or 'all')"
        )


def is_portal_client(user: User) -> bool:
    return user.role == Role.CLIENT


def factor_required(user: User) -> bool:
    """Whether the user's role must use a second factor."""
    return user.role in required_roles()


def may_register_before_factor(*, has_device: bool, done: bool) -> bool:
    """A first factor may be registered with the password alone (enrolment); another one
    only in a session that passed the factor the user already has — else a stolen password
    would be enough to add the thief's own device."""
    return done or not has_device
