"""A link on the development network's page (/develop/): each app's ``hub.links(user)``
returns those the user may open, and the page groups them by section."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse


@dataclass(frozen=True)
class HubLink:
    section: str  # the heading it stands under (translated by the app that offers it)
    label: str
    url_name: str
    description: str = ""
    kwargs: dict[str, Any] = field(default_factory=dict)
    count: int | None = None  # e.g. open registrations, new assignments

    @property
    def url(self) -> str:
        return reverse(self.url_name, kwargs=self.kwargs or None)
