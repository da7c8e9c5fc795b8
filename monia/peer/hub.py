"""The links this app offers on the development network's page (/develop/), for one user:
only links the user may open (web/develop_views.py gathers every app's)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from monia.accounts.models import User
from monia.peer import access
from monia.ui.hub import HubLink


def links(user: User) -> list[HubLink]:
    if not access.may_use(user):
        return []
    return [
        HubLink(
            section=_("Peer support"),
            label=_("Peer groups"),
            url_name="peer_groups",
            description=_("Peer groups for systemic team workers, parents and young people."),
        )
    ]
