"""The demo's development network (issue 16): events, training records, developer groups,
peer support, experts by experience and feedback — one module per app, built after the
county's families (the network reads no client data, but the fidelity figures and the
questionnaires after meetings follow what the casework recorded)."""

from __future__ import annotations

import datetime

from monia.demo import (
    dev_devgroups,
    dev_events,
    dev_experience,
    dev_feedback,
    dev_peer,
    dev_training,
)
from monia.demo.names import StaffSpec
from monia.teams.models import County

# The network's own accounts in Central Finland (the demo's county in Finnish): its
# coordinator and an expert by experience. Kept apart from names.STAFF, whose lists the
# demo's draws follow.
NETWORK_STAFF = {
    "keski-suomi": (
        StaffSpec("kaarina", "Kaarina", "Rautio", "development_coordinator", None, "Kehittäjä"),
        StaffSpec("eeva", "Eeva", "Laine", "expert_by_experience", None, "Kokemusasiantuntija"),
    ),
}

BUILDERS = (dev_training, dev_experience, dev_devgroups, dev_events, dev_peer, dev_feedback)


def development_build(*, county: County, today: datetime.date) -> None:
    for builder in BUILDERS:
        builder.build(county=county, today=today)
