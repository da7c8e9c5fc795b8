"""The links this app offers on the development network's page (/develop/), for one user:
only links the user may open (web/develop_views.py gathers every app's)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from monia.accounts.models import User
from monia.experience import access
from monia.ui.hub import HubLink

SECTION = _("Experts by experience")


def links(user: User) -> list[HubLink]:
    if access.may_keep_register(user):
        return [
            HubLink(SECTION, _("Register of experts by experience"), "experience_register"),
            HubLink(SECTION, _("Fees and costs for payroll"), "experience_payroll"),
        ]
    if access.is_expert(user):
        return [HubLink(SECTION, _("My assignments"), "experience_mine")]
    if access.may_find_experts(user):
        return [HubLink(SECTION, _("Find an expert by experience"), "experience_find")]
    return []
