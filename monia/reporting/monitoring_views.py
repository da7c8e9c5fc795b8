"""Self-monitoring, live (omavalvonta): the figures of the county or one team, and the
children behind each one. Who sees which scope: ``reporting/access.py``; 404 otherwise."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from monia.access import policy
from monia.access.purposes import Purpose
from monia.accounts.models import User
from monia.dbrouter import reads_from_replica
from monia.reporting import access
from monia.reporting import monitoring_selectors as selectors
from monia.ui.fields import MoniaForm


class TeamForm(MoniaForm):
    """A senior official's choice of one team of her county, or all of them (GET)."""

    team = forms.ChoiceField(label=_("Team"), required=False)

    def __init__(self, data: Any = None, *, teams: list[Any]) -> None:
        super().__init__(data)
        choices = [(str(t.pk), t.display_name) for t in teams]
        self.fields["team"].choices = [("", _("All teams")), *choices]


def scope_from_request(request: HttpRequest) -> tuple[User, access.Scope, TeamForm | None]:
    """The scope asked for: a senior official chooses in the form (a bad choice is shown as
    the form's error, and the county is counted); anyone else gets their team, or 404."""
    user = policy.user_of(request)
    teams = access.teams_to_choose(user)
    if not teams:
        return user, access.team_scope_get(user, request.GET.get("team")), None
    form = TeamForm(request.GET or None, teams=teams)
    team_id = form.cleaned_data.get("team") if form.is_valid() else None
    return user, access.team_scope_get(user, team_id), form


def team_query(scope: access.Scope) -> str:
    return f"team={scope.team.pk}" if scope.team else ""


@login_required
@require_GET
@reads_from_replica
def statistics_monitoring(request: HttpRequest) -> HttpResponse:
    user, scope, form = scope_from_request(request)
    result = selectors.monitoring(scope, today=timezone.localdate())
    county_view = policy.caseload_scope(user) == (scope.county.pk, None)
    return render(
        request,
        "reporting/monitoring.html",
        {
            "scope": scope,
            "form": form,
            "result": result,
            "team_query": team_query(scope),
            "show_workers": county_view,
        },
    )


@login_required
@require_GET
def statistics_monitoring_children(request: HttpRequest, figure: str) -> HttpResponse:
    user, scope, _form = scope_from_request(request)
    found = selectors.monitoring(scope, today=timezone.localdate()).figure(figure)
    if found is None:
        raise Http404
    cases = access.children_behind(user, found.case_ids, purpose=Purpose.STATISTICS_CHILDREN)
    return render(
        request,
        "reporting/monitoring_children.html",
        {"scope": scope, "figure": found, "cases": cases, "team_query": team_query(scope)},
    )
