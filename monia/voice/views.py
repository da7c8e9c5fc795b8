"""My voice and "Were you heard?" in the portal; the participation indicators for staff.
Thin: the policy opens each matter (logged), selectors read, services write."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from monia.access import policy
from monia.access.purposes import Purpose
from monia.netmeet.models import MeetingStatus, NetworkMeeting
from monia.portal import selectors as portal_selectors
from monia.portal.access import PortalCase
from monia.portal.views import portal_case_of, render_portal_page
from monia.ui.errors import apply_errors
from monia.voice import charts, selectors, services
from monia.voice.forms import HeardForm, VoiceForm

GET_POST = require_http_methods(["GET", "POST"])


def _voice_meeting(request: HttpRequest, pc: PortalCase) -> NetworkMeeting | None:
    """The planned meeting chosen with ?meeting=; another case's or a held one is 404."""
    meeting_id = request.GET.get("meeting")
    if not meeting_id:
        return None
    meeting = selectors.meeting_of_case(pc.case, meeting_id, status=MeetingStatus.PLANNED)
    if meeting is None or meeting.pk in portal_selectors.hidden_meeting_ids(pc):
        raise policy.NotFound
    return meeting


@login_required(login_url="portal_login")
@GET_POST
def portal_voice(request: HttpRequest, case_id: int) -> HttpResponse:
    """My voice: picture scales and free text before a meeting (nuoren ääni)."""
    user = policy.user_of(request)
    pc = portal_case_of(request, case_id, purpose=Purpose.PORTAL_VOICE)
    if request.method == "POST" and "private_entry" in request.POST:
        return _ask_private(request, pc)
    meeting = _voice_meeting(request, pc)
    form = VoiceForm(request.POST if request.method == "POST" else None, kind=pc.kind)
    if request.method == "POST" and form.is_valid():
        try:
            services.voice_entry_give(
                user=user,
                portal_case=pc,
                meeting=meeting,
                answers=form.cleaned_data,
                submission_key=form.cleaned_data["submission_key"],
            )
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            messages.success(request, _("Thank you! The workers read this before the meeting."))
            return redirect(request.get_full_path())
    return render_portal_page(
        request,
        "voice/portal_voice.html",
        pc,
        form=form,
        meeting=meeting,
        next_meeting=None if meeting else _next_planned(pc),
        earlier=selectors.entries_by_author(pc.case, author=user),
        held=[
            h
            for h in selectors.recent_held_meetings(pc.case, author=user)
            if h.meeting.pk not in portal_selectors.hidden_meeting_ids(pc)
        ],
    )


def _ask_private(request: HttpRequest, pc: PortalCase) -> HttpResponse:
    """The young person asks that the guardians do not hear one of their answers (the
    small form beside each earlier answer on the My voice page)."""
    try:
        services.voice_restriction_request(
            user=policy.user_of(request), portal_case=pc, entry_id=request.POST["private_entry"]
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("You asked. Your worker will decide and tell you."))
    return redirect(reverse("portal_voice", args=[pc.case.pk]) + "#earlier-h")


def _next_planned(pc: PortalCase) -> NetworkMeeting | None:
    upcoming = portal_selectors.visible_upcoming_meetings(pc)
    return upcoming[0] if upcoming else None


@login_required(login_url="portal_login")
@GET_POST
def portal_heard(request: HttpRequest, case_id: int, meeting_id: int) -> HttpResponse:
    """Were you heard? One answer per held meeting; answering again changes it."""
    user = policy.user_of(request)
    pc = portal_case_of(request, case_id, purpose=Purpose.PORTAL_HEARD)
    meeting = selectors.meeting_of_case(pc.case, meeting_id, status=MeetingStatus.HELD)
    if meeting is None or meeting.pk in portal_selectors.hidden_meeting_ids(pc):
        raise policy.NotFound
    answer = selectors.heard_answer(meeting, author=user)
    initial = {"score": answer.score, "comment": answer.comment} if answer else None
    form = HeardForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.heard_feedback_save(
                user=user, portal_case=pc, meeting=meeting, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            messages.success(request, _("Thank you for your answer!"))
            return redirect(reverse("portal_voice", args=[pc.case.pk]) + "#heard-h")
    return render_portal_page(
        request, "voice/portal_heard.html", pc, form=form, meeting=meeting, answer=answer
    )


@login_required
@require_GET
def participation_indicators(request: HttpRequest) -> HttpResponse:
    """Development indicators of participation: counts and means only, no client data.
    A senior official sees the county, others their team (policy.caseload_scope)."""
    scope = policy.caseload_scope(policy.user_of(request))
    if scope is None:
        raise policy.NotFound
    county_id, team_id = scope
    rows = selectors.participation_by_month(
        county_id=county_id, team_id=team_id, until=timezone.localdate()
    )
    return render(
        request,
        "voice/participation_indicators.html",
        {
            "rows": rows,
            "whole_county": team_id is None,
            "counts_chart": charts.counts_chart(rows),
            "share_chart": charts.share_chart(rows),
        },
    )
