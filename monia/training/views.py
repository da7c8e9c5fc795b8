"""The pages of the training records: my training, a team's, the county's, recording.
Thin: the rules are training/access.py (404 for anyone else), reads selectors.py, writes
services.py. No client data is read here, so nothing is logged."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from monia.access import policy
from monia.training import access, charts, selectors, services
from monia.training.forms import ModuleForm, TrainingRecordForm
from monia.ui.errors import apply_errors


@login_required
@require_GET
def training_mine(request: HttpRequest) -> HttpResponse:
    user = policy.user_of(request)
    access.require(access.may_read_own(user))
    records = selectors.own_records(user)
    return render(
        request,
        "training/mine.html",
        {
            "records": records,
            "hours": selectors.own_hours(records),
            "trained": selectors.is_trained(user, records),
            "may_see_team": user.team_id is not None,
        },
    )


@login_required
@require_GET
def training_team(request: HttpRequest, team_id: int) -> HttpResponse:
    user = policy.user_of(request)
    team = access.team_get_for_user(user, team_id)
    rows = selectors.team_members(team)
    share = selectors.Share(sum(r.trained for r in rows), len(rows))
    return render(
        request,
        "training/team.html",
        {"team": team, "rows": rows, "share": share, "may_oversee": access.may_oversee(user)},
    )


@login_required
@require_GET
def training_county(request: HttpRequest) -> HttpResponse:
    user = policy.user_of(request)
    access.require(access.may_oversee(user))
    shares = selectors.county_shares(user.county_id)
    return render(
        request,
        "training/county.html",
        {
            "shares": shares,
            "total": selectors.county_total(shares),
            "chart": charts.share_chart(shares),
            "hours": selectors.county_hours(user.county_id),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def training_record(request: HttpRequest) -> HttpResponse:
    user = policy.user_of(request)
    access.require(access.may_oversee(user))
    form = TrainingRecordForm(
        request.POST if request.method == "POST" else None,
        members=selectors.staff_choices(user.county_id),
        modules=selectors.modules_for(user.county_id),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.training_record(
                recorder=user,
                member_id=data["member"],
                module_id=data["module"],
                completed_on=data["completed_on"],
                hours=data["hours"],
                provider=data["provider"],
            )
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            messages.success(request, _("The training was recorded."))
            return redirect("training_record")
    return render(
        request,
        "training/record.html",
        {"form": form, "recent": selectors.recent_records(user.county_id)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def training_module_new(request: HttpRequest) -> HttpResponse:
    """A module of the county's own, beside the shared catalogue."""
    user = policy.user_of(request)
    access.require(access.may_oversee(user))
    form = ModuleForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.module_add(recorder=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            messages.success(request, _("The module was added."))
            return redirect("training_record")
    modules = selectors.modules_for(user.county_id) if user.county_id else []
    return render(request, "training/module_new.html", {"form": form, "modules": modules})
