"""The statistics home page's sections: each page of monia/reporting adds its row here.
``county_only``: THL's and the yearly statistics (the senior official); otherwise every
user with a report scope (a senior official for the county or a team, others their team)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Section:
    url_name: str
    title: Promise
    description: Promise
    county_only: bool


SECTIONS: list[Section] = [
    Section(
        "participation_indicators",
        _("Participation"),
        _("How children and parents took part: My voice, meetings, feedback, by month."),
        county_only=False,
    ),
    Section(
        "statistics_monitoring",
        _("Self-monitoring"),
        _(
            "Live: children without a worker or a plan, deadlines overdue, caseloads over the "
            "limit, waits for support."
        ),
        county_only=False,
    ),
    Section(
        "statistics_indicators",
        _("Development indicators"),
        _(
            "Time to mental-health and substance support, partners' statements, family at network "
            "meetings, consultations, caseload: by month."
        ),
        county_only=False,
    ),
]
