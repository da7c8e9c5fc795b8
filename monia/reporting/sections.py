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
        "statistics_caseload",
        _("Staffing: children per designated social worker"),
        _(
            "THL's half-year staffing statistic on its snapshot day, each worker's caseload "
            "against the limit, and the last three years."
        ),
        county_only=True,
    ),
    Section(
        "statistics_yearly",
        _("Yearly child welfare statistics"),
        _(
            "Notifications, community-care clients by age, placements, care orders and "
            "aftercare over a calendar year."
        ),
        county_only=True,
    ),
    Section(
        "thl_processing_times",
        _("THL processing times"),
        _(
            "The half-year figures THL collects: assessments started within 7 working days "
            "and completed within three months, by municipality and team."
        ),
        county_only=True,
    ),
    Section(
        "thl_compare",
        _("Compare counties"),
        _("Every county's processing times side by side: aggregates only, small counts hidden."),
        county_only=True,
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
