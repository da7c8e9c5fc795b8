"""The statistics home: the sections the user's scope allows (reporting/access.py)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from monia.access import policy
from monia.reporting import access
from monia.reporting.sections import SECTIONS


@login_required
@require_GET
def statistics_home(request: HttpRequest) -> HttpResponse:
    user = policy.user_of(request)
    scope = access.team_scope_get(user, None)
    sections = [s for s in SECTIONS if scope.whole_county or not s.county_only]
    return render(request, "reporting/home.html", {"scope": scope, "sections": sections})
