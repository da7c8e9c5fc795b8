"""The links this app offers on the development network's page (/develop/), for one user:
only links the user may open (web/develop_views.py gathers every app's)."""

from __future__ import annotations

from monia.accounts.models import User
from monia.ui.hub import HubLink


def links(user: User) -> list[HubLink]:
    return []
