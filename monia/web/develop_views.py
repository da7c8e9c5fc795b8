"""The development network's page (/develop/, issue 16): what each of its apps offers the
user, grouped by section. Each app decides its own links (``<app>/hub.py``: only links the
user may open); this page only gathers them. No client data."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import render
from django.views.decorators.http import require_GET

from monia.access import develop_rule, policy
from monia.access.policy import NotFound
from monia.devgroups import hub as devgroups_hub
from monia.events import hub as events_hub
from monia.experience import hub as experience_hub
from monia.feedback import hub as feedback_hub
from monia.peer import hub as peer_hub
from monia.training import hub as training_hub
from monia.ui.hub import HubLink

# The order of the page's sections.
HUBS = (events_hub, training_hub, devgroups_hub, peer_hub, experience_hub, feedback_hub)


def hub_sections(links: list[HubLink]) -> list[tuple[str, list[HubLink]]]:
    """The links grouped under their section headings, in the order first offered."""
    sections: dict[str, list[HubLink]] = {}
    for link in links:
        sections.setdefault(str(link.section), []).append(link)
    return list(sections.items())


@login_required
@require_GET
def develop(request: HttpRequest) -> HttpResponseBase:
    user = policy.user_of(request)
    if not develop_rule.is_network_member(user):
        raise NotFound
    links = [link for hub in HUBS for link in hub.links(user)]
    return render(request, "web/develop.html", {"sections": hub_sections(links)})
