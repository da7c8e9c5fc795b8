"""The team's shared space: the team chooser, caseboard, weekly meetings, reflections,
flags, tasks.

Team pages go through ``policy.team_get_for_user``; anything about one family also
through ``policy.case_get_for_user``. Lists log every child they show.
"""

from __future__ import annotations

from typing import Any

from django import forms as django_forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
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
from monia.training.selectors import team_share_trained
from monia.ui.errors import apply_errors
from monia.ui.rows import id_url

GET_POST = require_http_methods(["GET", "POST"])


def _my_team(request: HttpRequest) -> tuple[User, Team]:
    user = policy.user_of(request)
    requested = request.GET.get("team", "")
    # Only a plain number names a team ("abc", "²" or a NUL byte name none: 404 to a senior
    # official, the own team to everyone else).
    if not (requested.isascii() and requested.isdigit() and len(requested) < 10):
        requested = ""
    return user, policy.team_chosen_by_user(user, requested)


@login_required
@require_GET
def teams(request: HttpRequest) -> HttpResponse:
    """The team chooser: each team the user may open, with its caseboard and meetings."""
    user = policy.user_of(request)
    return render(request, "systemic/teams.html", {"teams": selectors.teams_to_choose(user=user)})


@login_required
@require_GET
def caseboard(request: HttpRequest) -> HttpResponse:
    user, team = _my_team(request)
    board = selectors.caseboard_page(
        team=team, today=timezone.localdate(), number=request.GET.get("page")
    )
    policy.log_case_list(user, [r.case for r in board.rows], purpose=Purpose.CASEBOARD)
    return render(
        request,
        "systemic/caseboard.html",
        {
            "team": team,
            "rows": board.rows,
            "page": board.page,
            "flag_form": forms.FlagForm(),
            "case_url": id_url("case_detail"),  # once for the page's rows
            "trained": team_share_trained(team),  # the model needs a trained team: 1 query
        },
    )


@login_required
@GET_POST
def meetings(request: HttpRequest) -> HttpResponse:
    user, team = _my_team(request)
    default_day = selectors.meeting_default_date(team=team, today=timezone.localdate())
    form = forms.MeetingOpenForm(request.POST or None, initial={"held_on": default_day})
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


def _meeting_page(
    request: HttpRequest,
    user: User,
    meeting: TeamMeeting,
    *,
    bound: dict[str, django_forms.Form] | None = None,
) -> HttpResponse:
    """The meeting's page: attendance, the agenda in order, the families that may still be
    added, closing. ``bound`` holds a form that failed, shown with what was typed."""
    bound = bound or {}
    today = timezone.localdate()
    items = selectors.meeting_items(meeting)
    attendance = selectors.meeting_attendance(meeting)
    is_open = meeting.status == MeetingStatus.PLANNED
    context: dict[str, Any] = {
        "meeting": meeting,
        "items": items,
        "is_open": is_open,
        "attendance": attendance,
        "close_form": bound.get("close"),
    }
    shown = [it.case for it in items]
    if is_open:  # the families that may still be added are offered only while open
        candidates = selectors.agenda_candidates(
            team=meeting.team, today=today, on_agenda={it.case_id for it in items}
        )
        shown += [r.case for r in candidates.rows]
        context |= {
            "more": candidates.more,
            "order_form": bound.get("order") or forms.AgendaOrderForm(items=items),
            "add_form": bound.get("add") or _add_form(candidates.others),
            "attendance_form": bound.get("attendance")
            or forms.AttendanceForm(
                members=selectors.meeting_members(meeting), statuses=attendance.statuses
            ),
            "close_blockers": services.meeting_close_errors(meeting, today=today),
        }
    policy.log_case_list(user, shown, purpose=Purpose.MEETING_AGENDA)
    return render(request, "systemic/meeting_detail.html", context)


def _add_form(rows: list[selectors.BoardRow], data: Any = None) -> forms.AgendaAddForm:
    """The page's list holds the families not proposed (those proposed have their own
    buttons); a POST from either is checked against every family not on the agenda."""
    rows = sorted(rows, key=lambda r: (r.case.child.last_name, r.case.child.first_names))
    return forms.AgendaAddForm(data, choices=[(r.case.pk, r.case.child.full_name) for r in rows])


@login_required
@GET_POST
def meeting_detail(request: HttpRequest, meeting_id: int) -> HttpResponse:
    """The meeting's page; a POST adds a family to the agenda or removes one."""
    user = policy.user_of(request)
    posted = request.method == "POST"
    meeting = policy.meeting_get_for_user(user, meeting_id, to_run=posted)
    if not posted:
        return _meeting_page(request, user, meeting)
    if request.POST.get("action") == "remove":
        item = get_object_or_404(meeting.items, pk=request.POST.get("item"))
        try:
            services.agenda_remove(item=item)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect("meeting_detail", meeting_id=meeting.pk)
    if meeting.status != MeetingStatus.PLANNED:
        messages.error(request, _("The meeting is closed; its record can no longer change."))
        return redirect("meeting_detail", meeting_id=meeting.pk)
    candidates = selectors.agenda_candidates(
        team=meeting.team, today=timezone.localdate(), on_agenda=selectors.agenda_case_ids(meeting)
    )
    form = _add_form(candidates.rows, request.POST)
    if form.is_valid():
        case = policy.case_get_for_user(
            user, form.cleaned_data["case"], purpose=Purpose.MEETING_AGENDA_ADD
        )
        proposed = next((r.reasons for r in candidates.more if r.case.pk == case.pk), None)
        try:
            services.agenda_add(meeting=meeting, case=case, reasons=proposed)
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            return redirect(reverse("meeting_detail", args=[meeting.pk]) + "#agenda-h")
    return _meeting_page(request, user, meeting, bound={"add": form})


@login_required
@require_POST
def meeting_agenda_order(request: HttpRequest, meeting_id: int) -> HttpResponse:
    """The whole agenda's order in one step: a place number for every family."""
    user = policy.user_of(request)
    meeting = policy.meeting_get_for_user(user, meeting_id, to_run=True)
    form = forms.AgendaOrderForm(request.POST, items=selectors.meeting_items(meeting))
    if form.is_valid():
        try:
            services.agenda_reorder(meeting=meeting, positions=form.positions())
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            messages.success(request, _("The order of the agenda was saved."))
            return redirect(reverse("meeting_detail", args=[meeting.pk]) + "#agenda-h")
    return _meeting_page(request, user, meeting, bound={"order": form})


@login_required
@require_POST
def meeting_attendance(request: HttpRequest, meeting_id: int) -> HttpResponse:
    """Who took part: each member present, sent apologies or absent; guests by name."""
    user = policy.user_of(request)
    meeting = policy.meeting_get_for_user(user, meeting_id, to_run=True)
    attendance = selectors.meeting_attendance(meeting)
    form = forms.AttendanceForm(
        request.POST, members=selectors.meeting_members(meeting), statuses=attendance.statuses
    )
    if form.is_valid():
        try:
            services.meeting_attendance_record(
                user=user,
                meeting=meeting,
                statuses=form.statuses(),
                guests=form.cleaned_data["guests"],
            )
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            messages.success(request, _("The attendance was recorded."))
            return redirect(reverse("meeting_detail", args=[meeting.pk]) + "#attendance-h")
    return _meeting_page(request, user, meeting, bound={"attendance": form})


@login_required
@require_POST
def meeting_close(request: HttpRequest, meeting_id: int) -> HttpResponse:
    user = policy.user_of(request)
    meeting = policy.meeting_get_for_user(user, meeting_id, to_run=True)
    form = django_forms.Form(request.POST)
    form.is_valid()
    try:
        services.meeting_close(user=user, meeting=meeting)
    except ValidationError as exc:
        apply_errors(exc, form)
        return _meeting_page(request, user, meeting, bound={"close": form})
    messages.success(request, _("The meeting was closed."))
    return redirect("meeting_detail", meeting_id=meeting.pk)


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
