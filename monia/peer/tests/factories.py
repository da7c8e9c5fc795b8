"""A peer group made through the service, for the peer tests."""

from __future__ import annotations

from typing import Any

from monia.peer import services
from monia.peer.models import PeerGroup


def group(world: Any, audience: str, facilitator: Any, **kw: Any) -> PeerGroup:
    """A group of county A for ``audience``, led by ``facilitator``; ``kw`` as the service
    takes them (a name and a meeting time are given when left out)."""
    return services.peer_group_create(
        county=world.county_a,
        audience=audience,
        name=kw.pop("name", f"Ryhmä {audience}"),
        facilitators=[facilitator],
        meets=kw.pop("meets", "Tiistaisin klo 17"),
        **kw,
    )
