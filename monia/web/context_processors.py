"""The main menu of every staff and partner page: which items ``policy.menu_for`` decides,
the words are here; and the header's client search, for those who may search. No query
(the rules read only the user's own fields)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from monia.access import policy, search_rule

LABELS: dict[str, Promise] = {
    "dashboard": _("Dashboard"),
    "calendar": _("My week"),
    "intake_new": _("New intake"),
    "caseboard": _("Team"),
    "teams": _("Teams"),
    "caseload": _("Caseload"),
    "statistics": _("Statistics"),
    "expert_groups": _("Expert group"),
    "admin:index": _("Administration"),
    "partner_home": _("Cases shared with me"),
    "partner_contributions": _("Contribution requests"),
    "partner_consultations": _("Consultations"),
    "partner_network_meetings": _("Network meetings"),
    "portal_home": _("My matters"),
    "develop": _("Development"),
}


# An item that also stands for the pages it leads to under another address: the team
# chooser's item is current on each team's caseboard and meetings (under /team/).
ALSO_CURRENT_UNDER: dict[str, tuple[str, ...]] = {"teams": ("caseboard",)}


@dataclass(frozen=True)
class MenuItem:
    url: str
    label: Promise
    current: bool


def main_menu(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"main_menu": [], "header_search": ""}
    items = []
    for name in policy.menu_for(policy.user_of(request)):
        url = reverse(name)
        under = [url, *(reverse(n) for n in ALSO_CURRENT_UNDER.get(name, ()))]
        here = request.path == url or any(u != "/" and request.path.startswith(u) for u in under)
        items.append(MenuItem(url=url, label=LABELS[name], current=here))
    return {"main_menu": items, "header_search": _header_search(request)}


def _header_search(request: HttpRequest) -> str:
    """The search page's URL for the header's "Find a client", or "" when the user has no
    search (``search_rule.may_search_clients``) or is on the search page (its own box)."""
    url = reverse("client_search")
    if request.path == url or not search_rule.may_search_clients(policy.user_of(request)):
        return ""
    return url
