"""The systemic model's fidelity, observed (issue 16): a team's last twelve months as a
chart with its table, or the county's teams side by side for the senior official and the
development coordinator. Counts only: no family is named, so nothing is logged as a read of
client data (systemic/fidelity_selectors.py says how each figure is counted)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from monia.access import policy
from monia.systemic import fidelity_selectors as fidelity
from monia.ui.charts import line_chart


def _chart_series(rows: list[fidelity.FidelityMonth]) -> list[tuple[str, list[int]]]:
    """Each figure in per cent; a month with nothing to count draws at 0 (the table: —)."""
    return [
        (_("Weekly meetings held"), [m.meetings.percent or 0 for m in rows]),
        (_("Family therapist present"), [m.therapist.percent or 0 for m in rows]),
        (_("Families with a hypothesis"), [m.hypotheses.percent or 0 for m in rows]),
        (_("Genograms updated"), [m.genograms.percent or 0 for m in rows]),
        (_("Open cases discussed"), [m.shared.percent or 0 for m in rows]),
    ]


@login_required
@require_GET
def systemic_fidelity(request: HttpRequest) -> HttpResponse:
    user = policy.user_of(request)
    requested = request.GET.get("team", "")
    if not (requested.isascii() and requested.isdigit() and len(requested) < 10):
        requested = ""
    team = fidelity.fidelity_team_for(user, requested)
    today = timezone.localdate()
    if team is None:
        teams = fidelity.county_teams(user)
        return render(
            request,
            "systemic/fidelity_county.html",
            {"rows": fidelity.county_year(teams, today=today)},
        )
    rows = fidelity.fidelity_by_team([team.pk], today=today)[team.pk]
    chart = line_chart(_chart_series(rows), [m.label for m in rows], top=100)
    return render(
        request,
        "systemic/fidelity.html",
        {"team": team, "rows": rows, "chart": chart, "overview": fidelity.may_oversee(user)},
    )
