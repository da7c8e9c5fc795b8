"""The team's shared space: caseboard, weekly meetings, reflections, flags, tasks.

Team pages go through ``policy.team_get_for_user``; anything about one family also
through ``policy.case_get_for_user``. Lists log every child they show.
"""

from __future__ import annotations

from typing import Any

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
from monia.accounts.models import User
from monia.systemic import forms, selectors, services
from monia.systemic.models import AgendaItem, MeetingStatus, TeamMeeting
from monia.ui.errors import apply_errors

GET_POST = require_http_methods(["GET", "POST"])


def _my_team(request: HttpRequest) -> tuple[User, Any]:
    user = policy.user_of(request)
    team_id = request.GET.get("team") if user.role == "senior_official" else user.team_id
    return user, policy.team_get_for_user(user, team_id)  # type: ignore[arg-type]


def _meeting(user: User, meeting_id: int) -> TeamMeeting:
    meeting = TeamMeeting.objects.select_related("team").filter(pk=meeting_id).first()
    if meeting is None:
        raise policy.NotFound
    policy.team_get_for_user(user, meeting.team_id)
    return meeting


@login_required
@require_GET
def caseboard(request: HttpRequest) -> HttpResponse:
    user, team = _my_team(request)
    rows = selectors.caseboard(team=team, today=timezone.localdate())
    policy.log_case_list(user, [r.case for r in rows], purpose="caseboard")
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
    meeting = _meeting(user, meeting_id)
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
        user, [it.case for it in items] + [r.case for r in board], purpose="meeting_agenda"
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
                policy.user_of(request), add_form.cleaned_data["case"], purpose="meeting_agenda_add"
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
def meeting_item(request: HttpRequest, meeting_id: int, item_id: int) -> HttpResponse:
    """One family at the meeting: reflection, hypotheses, next steps."""
    user = policy.user_of(request)
    meeting = _meeting(user, meeting_id)
    item: AgendaItem = get_object_or_404(meeting.items, pk=item_id)
    case = policy.case_get_for_user(
        user, item.case_id, purpose="meeting_reflection", action=Action.RECORD
    )
    reflection = getattr(item, "reflection", None)
    action = request.POST.get("action") if request.method == "POST" else None
    initial = {f: getattr(reflection, f) for f in services.REFLECTION_FIELDS} if reflection else {}
    initial["lock_version"] = reflection.lock_version if reflection else 0
    owners = User.objects.filter(county_id=case.county_id, team_id=case.team_id, is_active=True)
    reflection_form = forms.ReflectionForm(
        request.POST if action == "reflection" else None, initial=initial
    )
    hypothesis_form = forms.HypothesisForm(
        request.POST if action == "hypothesis" else None, prefix="new"
    )
    step_form = forms.NextStepForm(
        request.POST if action == "step" else None,
        owners=owners,
        initial={"owner": case.designated_worker_id},
    )
    bound = {"reflection": reflection_form, "hypothesis": hypothesis_form, "step": step_form}.get(
        action or ""
    )
    if bound is not None and bound.is_valid():
        try:
            _item_action(
                action or "",
                user=user,
                meeting=meeting,
                item=item,
                case=case,
                data=dict(bound.cleaned_data),
            )
        except ValidationError as exc:
            apply_errors(exc, bound)
        else:
            messages.success(request, _("Saved."))
            return redirect("meeting_item", meeting_id=meeting.pk, item_id=item.pk)
    if action == "revise":
        hypothesis = get_object_or_404(case.hypotheses, pk=request.POST.get("hypothesis"))
        revise = forms.HypothesisForm(request.POST, prefix=f"h{hypothesis.pk}")
        if revise.is_valid():
            services.hypothesis_update(
                user=user, hypothesis=hypothesis, meeting=meeting, **revise.cleaned_data
            )
            return redirect("meeting_item", meeting_id=meeting.pk, item_id=item.pk)
    hypotheses = list(selectors.hypotheses_for(case))
    revise_forms = [
        (
            h,
            forms.HypothesisForm(
                prefix=f"h{h.pk}",
                initial={
                    "statement": h.statement,
                    "supports": h.supports,
                    "test": h.test,
                    "status": h.status,
                },
            ),
        )
        for h in hypotheses
    ]
    return render(
        request,
        "systemic/meeting_item.html",
        {
            "meeting": meeting,
            "item": item,
            "case": case,
            "reflection_form": reflection_form,
            "hypothesis_form": hypothesis_form,
            "step_form": step_form,
            "revise_forms": revise_forms,
            "steps": case.next_steps.select_related("owner"),
            "is_open": meeting.status == MeetingStatus.PLANNED,
        },
    )


def _item_action(
    action: str,
    *,
    user: User,
    meeting: TeamMeeting,
    item: AgendaItem,
    case: Any,
    data: dict[str, Any],
) -> None:
    if action == "reflection":
        lock_version = data.pop("lock_version")
        services.reflection_save(user=user, item=item, data=data, lock_version=lock_version)
    elif action == "hypothesis":
        data.pop("status", None)
        services.hypothesis_add(user=user, case=case, meeting=meeting, **data)
    elif action == "step":
        services.next_step_add(user=user, case=case, meeting=meeting, **data)


@login_required
@GET_POST
def case_flag(request: HttpRequest, case_id: int) -> HttpResponse:
    user = policy.user_of(request)
    case = policy.case_get_for_user(user, case_id, purpose="case_flag", action=Action.RECORD)
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
    step = policy.task_get_for_owner(user, task_id)
    services.next_step_done(user=user, step=step)
    messages.success(request, _("The task is marked done."))
    return redirect("dashboard")
