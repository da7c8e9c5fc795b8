"""The links this app offers on the development network's page (/develop/), for one user:
only links the user may open (web/develop_views.py gathers every app's)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from monia.accounts.models import User
from monia.events import access
from monia.ui.hub import HubLink

SECTION = _("Events and trainings")


def links(user: User) -> list[HubLink]:
    found = []
    if access.may_open_events(user):
        found.append(
            HubLink(
                section=SECTION,
                label=_("Events"),
                url_name="events_list",
                description=_("Trainings, meetings and info sessions open to you."),
            )
        )
    if access.may_manage(user):
        found.append(HubLink(section=SECTION, label=_("New event"), url_name="event_new"))
    return found
