"""Who belongs to the development network (issue 16: events and trainings, developer groups,
experts by experience, peer support, evaluation), and who coordinates it.

The network never opens client data. Its members are the county's staff, partner
professionals, experts by experience and the development coordinators; the two roles of
the network (``Role.DEVELOPMENT_COORDINATOR``, ``Role.EXPERT_BY_EXPERIENCE``) are neither
staff nor clients to the staff rule (``policy.CASEWORK_ROLES`` does not hold them), so every
case, person and portal URL answers them 404 (``access/tests/test_url_rules.py`` walks them).
Portal clients take part through the portal (their own pages: rule PORTAL). What a member
may do inside an app is decided in that app's ``access.py``; these are the shared facts.
Reads only the user's own fields: no query.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from monia.accounts.models import Role

if TYPE_CHECKING:
    from monia.accounts.models import User

# Staff whose work the network is for; administrators run the system, not its development.
_NOT_MEMBERS = frozenset({Role.CLIENT, Role.ADMINISTRATOR})
# The network's members who are not the county's staff.
_NOT_STAFF = _NOT_MEMBERS | {Role.PARTNER, Role.EXPERT_BY_EXPERIENCE}
# The same rules as roles, for a query over many users (feedback's "Ask now" audiences):
# ``is_network_member`` and ``is_county_staff`` admit an active user with a role here.
NETWORK_MEMBER_ROLES = frozenset(Role.values) - _NOT_MEMBERS
COUNTY_STAFF_ROLES = frozenset(Role.values) - _NOT_STAFF


def _active(user: User) -> bool:
    return bool(user.is_authenticated and user.is_active)


def is_network_member(user: User) -> bool:
    """Opens the development network's page (/develop/) and what each app offers members."""
    return _active(user) and user.role in Role.values and user.role not in _NOT_MEMBERS


def is_development_coordinator(user: User) -> bool:
    """Publishes events, keeps the register of experts by experience and their fees, runs the
    developer groups and defines questionnaires — for the county (``user.county_id``)."""
    return _active(user) and user.role == Role.DEVELOPMENT_COORDINATOR and bool(user.county_id)


def is_expert_by_experience(user: User) -> bool:
    """An expert by experience: their own register entry and assignments, the events open to
    them, their developer groups; never client data."""
    return _active(user) and user.role == Role.EXPERT_BY_EXPERIENCE


def is_county_staff(user: User) -> bool:
    """Staff of a county in the network (incl. the coordinators and the senior official):
    e.g. training records and the team's share trained."""
    return is_network_member(user) and bool(user.county_id) and user.role not in _NOT_STAFF
