"""The fields of a staff account that grant access, read, compared and told in words.

The role, county, team and organisation decide which clients' data a user reaches
(``access/policy.py``); ``is_active``, ``is_staff`` and ``is_superuser`` whether they log in
and reach the admin; ``groups`` and ``user_permissions`` Django's permissions; and the
e-mail address is where a password link goes and the single sign-on subject says whose login
at the county's identity provider opens the account — changing either to one's own would be
a way in.
A change of any of them passes four eyes (``services.py``) — unless it only takes away.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext as _

from monia.accounts.models import Role, User
from monia.network.models import Organisation
from monia.teams.models import County, Team

SCALAR = (
    "role",
    "county",
    "team",
    "organisation",
    "is_active",
    "is_staff",
    "is_superuser",
    "email",
    "oidc_subject",
)
MANY = ("groups", "user_permissions")
FIELDS = SCALAR + MANY
FOREIGN = frozenset({"county", "team", "organisation"})
FLAGS = frozenset({"is_active", "is_staff", "is_superuser"})

# An account before its first approval: it reaches nothing and cannot log in.
NO_RIGHTS: dict[str, Any] = {
    "role": "",
    "county": None,
    "team": None,
    "organisation": None,
    "is_active": False,
    "is_staff": False,
    "is_superuser": False,
    "email": "",
    "oidc_subject": None,
    "groups": [],
    "user_permissions": [],
}


def value_of(user: User, field: str) -> Any:
    """The field's value as stored in a request: an id for a relation, a sorted id list
    for groups and permissions."""
    if field in FOREIGN:
        return getattr(user, f"{field}_id")
    if field in MANY:
        return sorted(getattr(user, field).values_list("pk", flat=True)) if user.pk else []
    return getattr(user, field)


def rights_of(user: User, fields: tuple[str, ...] | list[str] = FIELDS) -> dict[str, Any]:
    return {field: value_of(user, field) for field in fields}


def set_scalar(user: User, field: str, value: Any) -> None:
    setattr(user, f"{field}_id" if field in FOREIGN else field, value)


def is_removal(field: str, old: Any, new: Any) -> bool:
    """Whether the change only takes a right away: it may be made at once (still logged
    and notified). A role, an e-mail address or a new team is never only a removal."""
    if field in FLAGS:
        return old is True and new is False
    if field in FOREIGN:
        return old is not None and new is None
    if field in MANY:
        return set(new) < set(old)
    if field == "oidc_subject":  # unlinked from single sign-on
        return bool(old) and not new
    return False


def problems(state: dict[str, Any]) -> dict[str, str]:
    """What is wrong with an account's rights as a whole, by field (empty: nothing)."""
    found: dict[str, str] = {}
    if state.get("role") == Role.CLIENT:
        found["role"] = _("Portal clients log in through identification; choose a staff role.")
    if state.get("is_superuser") and state.get("role") != Role.ADMINISTRATOR:
        found["is_superuser"] = _("Only an administrator can be a superuser.")
    team_id, county_id = state.get("team"), state.get("county")
    if team_id is not None:
        team_county = Team.objects.filter(pk=team_id).values_list("county_id", flat=True).first()
        if team_county != county_id:
            found["team"] = _("The team must belong to the staff member's county.")
    return found


def label(field: str) -> str:
    return str(User._meta.get_field(field).verbose_name)


def _names(model: Any, ids: list[int]) -> str:
    return ", ".join(str(o) for o in model.objects.filter(pk__in=ids)) or "–"


def describe(field: str, value: Any) -> str:
    """A value of a request in words, as the approving administrator reads it."""
    if value is None or value == "" or value == []:
        return "–"
    if field in FLAGS:
        return _("yes") if value else _("no")
    if field == "role":
        return str(Role(value).label) if value in Role.values else str(value)
    relations: dict[str, Any] = {
        "county": County,
        "team": Team,
        "organisation": Organisation,
        "groups": Group,
        "user_permissions": Permission,
    }
    if field in relations:
        return _names(relations[field], value if isinstance(value, list) else [value])
    return str(value)


def describe_changes(changes: dict[str, dict[str, Any]]) -> list[tuple[str, str, str]]:
    """(field label, old, new) for each field of a request, in the order of FIELDS."""
    return [
        (label(f), describe(f, changes[f]["old"]), describe(f, changes[f]["new"]))
        for f in FIELDS
        if f in changes
    ]
