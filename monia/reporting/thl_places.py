"""Where each child behind THL's figures is counted: the municipality and team of the
matter, for opening one row of a table down to its children
(thl_selectors.figure_children). A list by municipality leaves out a child under
non-disclosure (access.children_behind_by_place). Pure, like thl.py."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any

from monia.reporting.thl import Notification, ProcessingTimes


def places_of(
    times: ProcessingTimes, records: Iterable[Notification]
) -> dict[Any, tuple[str, Hashable | None]]:
    """Each child's (municipality, team) as the figures count them: the matter's, else the
    first notification's; the team as the figures key it (``thl_selectors.TeamKey``)."""
    places: dict[Any, tuple[str, Hashable | None]] = {}
    for n in sorted(records, key=lambda n: n.received_at):
        places.setdefault(n.child, (n.municipality, n.team))
    for m in times.matters:
        places[m.child] = (m.municipality, m.team)
    return places
