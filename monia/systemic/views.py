"""The team's shared space: caseboard, weekly meetings, reflections, flags, tasks.

Team pages go through ``policy.team_get_for_user``; anything about one family also
through ``policy.case_get_for_user``. Lists log every child they show.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from monia.access import policy
from monia.access.policy import Action
from monia.access.purposes import Purpose
from monia.accounts.models import User
from monia.systemic import forms, selectors, services
from monia.systemic.models import MeetingStatus, TeamMeeting
from monia.teams.models import Team
from monia.ui.errors import apply_errors

GET_POST = require_http_methods(["GET", "POST"])


def _my_team(request: HttpRequest) -> tuple[User, Team]:
    user = policy.user_of(request)
    return user, policy.team_chosen_by_user(user, request.GET.get("team"))


@login_required
@require_GET
def caseboard(request: HttpRequest) -> HttpResponse:
    user, team = _my_team(request)
    rows = selectors.caseboard(team=team, today=timezone.localdate())
    policy.log_case_list(user, [r.case for r in rows], purpose=Purpose.CASEBOARD)
    return render(
        request,
        "systemic/caseboard.html",
        {"team": team, "rows": rows, "flag_form": forms.FlagForm()},
    )


@login_required
@GET_POST
def meetings(request: HttpRequest) -> HttpResponse:
    user, team = _my_team(request)
    form = forms.MeetingOpenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_open(user=user, team=team, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            messages.success(request, _("The meeting was opened with a proposed agenda."))
            return redirect("meeting_detail", meeting_id=meeting.pk)
    return render(
        request,
        "systemic/meetings.html",
        {
            "team": team,
            "form": form,
            "meetings": team.meetings.order_by("-held_on")[:30],
        },
    )


@login_required
@GET_POST
def meeting_detail(request: HttpRequest, meeting_id: int) -> HttpResponse:
    """The agenda: reorder, remove, add a family; open each family's reflection."""
    user = policy.user_of(request)
    meeting = policy.meeting_get_for_user(user, meeting_id)
    items = selectors.meeting_items(meeting)
    on_agenda = {it.case_id for it in items}
    board = selectors.caseboard(team=meeting.team, today=timezone.localdate())
    choices = [(r.case.pk, r.case.child.full_name) for r in board if r.case.pk not in on_agenda]
    add_form = forms.AgendaAddForm(
        request.POST if request.POST.get("action") == "add" else None, choices=choices
    )
    if request.method == "POST":
        try:
            _agenda_action(request, meeting, add_form)
        except ValidationError as exc:
            apply_errors(exc, add_form)
        else:
            if not add_form.errors:
                return redirect("meeting_detail", meeting_id=meeting.pk)
    policy.log_case_list(
        user, [it.case for it in items] + [r.case for r in board], purpose=Purpose.MEETING_AGENDA
    )
    return render(
        request,
        "systemic/meeting_detail.html",
        {
            "meeting": meeting,
            "items": items,
            "add_form": add_form,
            "is_open": meeting.status == MeetingStatus.PLANNED,
        },
    )


def _agenda_action(
    request: HttpRequest, meeting: TeamMeeting, add_form: forms.AgendaAddForm
) -> None:
    action = request.POST.get("action")
    if action == "add":
        if add_form.is_valid():
            case = policy.case_get_for_user(
                policy.user_of(request),
                add_form.cleaned_data["case"],
                purpose=Purpose.MEETING_AGENDA_ADD,
            )
            services.agenda_add(meeting=meeting, case=case)
        return
    if action == "close":
        services.meeting_close(user=policy.user_of(request), meeting=meeting)
        messages.success(request, _("The meeting was closed."))
        return
    item = get_object_or_404(meeting.items, pk=request.POST.get("item"))
    if action == "up":
        services.agenda_move(item=item, by=-1)
    elif action == "down":
        services.agenda_move(item=item, by=1)
    elif action == "remove":
        services.agenda_remove(item=item)


@login_required
@GET_POST
def case_flag(request: HttpRequest, case_id: int) -> HttpResponse:
    user = policy.user_of(request)
    case = policy.case_get_for_user(user, case_id, purpose=Purpose.CASE_FLAG, action=Action.RECORD)
    form = forms.FlagForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.flag_raise(user=user, case=case, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            messages.success(request, _("The family is flagged for the team's next meeting."))
            return redirect("case_detail", case_id=case.pk)
    return render(request, "systemic/case_flag.html", {"case": case, "form": form})


@login_required
@require_POST
def task_done(request: HttpRequest, task_id: int) -> HttpResponse:
    user = policy.user_of(request)
    step = selectors.task_get_for_owner(user, task_id)
    services.next_step_done(user=user, step=step)
    messages.success(request, _("The task is marked done."))
    return redirect("dashboard")
