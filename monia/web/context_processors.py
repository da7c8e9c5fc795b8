"""The main menu of every staff and partner page: which items ``policy.menu_for`` decides,
the words are here. No query (the policy reads only the user's own fields)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from monia.access import policy

LABELS: dict[str, Promise] = {
    "dashboard": _("Dashboard"),
    "calendar": _("My week"),
    "intake_new": _("New intake"),
    "caseboard": _("Team"),
    "caseload": _("Caseload"),
    "participation_indicators": _("Participation"),
    "expert_groups": _("Expert group"),
    "admin:index": _("Administration"),
    "partner_home": _("Cases shared with me"),
    "partner_contributions": _("Contribution requests"),
    "partner_consultations": _("Consultations"),
    "partner_network_meetings": _("Network meetings"),
    "portal_home": _("My matters"),
}


@dataclass(frozen=True)
class MenuItem:
    url: str
    label: Promise
    current: bool


def main_menu(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"main_menu": []}
    items = []
    for name in policy.menu_for(policy.user_of(request)):
        url = reverse(name)
        here = request.path == url or (url != "/" and request.path.startswith(url))
        items.append(MenuItem(url=url, label=LABELS[name], current=here))
    return {"main_menu": items}
