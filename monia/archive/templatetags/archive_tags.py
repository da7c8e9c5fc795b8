"""The archive's link on the case page, decided here so casework never imports a higher
app: the page's view has already opened the case through the policy (logged)."""

from __future__ import annotations

from django import template

from monia.accounts.models import User
from monia.archive import access
from monia.casework.models import Case

register = template.Library()


@register.simple_tag
def may_archive(case: Case, user: User) -> bool:
    """Whether the case page offers the archive export: the county's senior official."""
    return access.may_export(user, case)
