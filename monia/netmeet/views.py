"""Staff: a case's network meetings, planning and recording them; partners: the
meetings their organisation is invited to."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from monia.access import policy
from monia.access.policy import Action
from monia.access.purposes import Purpose
from monia.attachments import selectors as attachment_selectors
from monia.attachments.forms import AttachmentForm
from monia.attachments.responses import attachment_response
from monia.netmeet import access as netmeet_access
from monia.netmeet import attachment_services, selectors, services
from monia.netmeet.forms import ActionFormSet, InviteeForm, PlanForm, RecordForm, filled_actions
from monia.netmeet.models import MeetingStatus
from monia.ui.errors import apply_errors

GET_POST = require_http_methods(["GET", "POST"])


@login_required
@GET_POST
def case_network_meetings(request: HttpRequest, case_id: int) -> HttpResponse:
    """CASE_VIEW lists the meetings; CASE_RECORD may plan one (POST)."""
    user = policy.user_of(request)
    action = Action.RECORD if request.method == "POST" else Action.VIEW
    case = policy.case_get_for_user(user, case_id, purpose=Purpose.NETWORK_MEETINGS, action=action)
    may_plan = policy.may(user, Action.RECORD, case)
    form = PlanForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        started = timezone.now()
        try:
            meeting = services.meeting_plan(user=user, case=case, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            if meeting.created_at < started:  # the form was sent again: nothing new
                messages.info(
                    request,
                    _(
                        "This meeting was planned already: the form was sent twice. "
                        "Nothing was saved twice."
                    ),
                )
            elif form.cleaned_data["already_held"]:
                messages.success(request, _("Now add who took part and record the meeting."))
            else:
                messages.success(request, _("The network meeting was planned."))
            return redirect("network_meeting_detail", case_id=case.pk, meeting_id=meeting.pk)
    context = {
        "case": case,
        "meetings": selectors.meetings_for_case(case),
        "form": form if may_plan else None,
    }
    return render(request, "netmeet/case_meetings.html", context)


def _post_detail(request: HttpRequest, user: Any, meeting: Any, forms: dict[str, Any]) -> bool:
    """Run the submitted form; True when it was saved."""
    which = request.POST.get("form")
    try:
        if which == "invitee" and forms["invitee"].is_valid():
            services.invitee_add(meeting=meeting, **forms["invitee"].cleaned_data)
            return True
        if which == "record" and forms["record"].is_valid() and forms["actions"].is_valid():
            services.meeting_record(
                user=user,
                meeting=meeting,
                actions=filled_actions(forms["actions"]),  # type: ignore[arg-type]
                **forms["record"].cleaned_data,
            )
            return True
    except ValidationError as exc:
        apply_errors(exc, forms["record"] if which == "record" else forms["invitee"])
    return False


@login_required
@GET_POST
def network_meeting_detail(request: HttpRequest, case_id: int, meeting_id: int) -> HttpResponse:
    """CASE_VIEW reads the meeting; CASE_RECORD invites people and records it (POST)."""
    user = policy.user_of(request)
    action = Action.RECORD if request.method == "POST" else Action.VIEW
    case = policy.case_get_for_user(user, case_id, purpose=Purpose.NETWORK_MEETING, action=action)
    meeting = selectors.meeting_for_case(case, meeting_id)
    if meeting is None:
        raise policy.NotFound
    posted = request.POST if request.method == "POST" else None
    which = request.POST.get("form") if posted else None
    forms = {
        "invitee": InviteeForm(case.county_id, posted if which == "invitee" else None),
        "record": RecordForm(posted if which == "record" else None),
        "actions": ActionFormSet(
            posted if which == "record" else None,
            prefix="actions",
            form_kwargs={"county_id": case.county_id},
        ),
    }
    if which == "record" and meeting.status == MeetingStatus.HELD:
        # "Back" to the form after recording, and record again: the record, not an error.
        messages.info(request, _("The meeting was recorded already: nothing was changed."))
        return redirect("network_meeting_detail", case_id=case.pk, meeting_id=meeting.pk)
    if posted is not None and _post_detail(request, user, meeting, forms):
        messages.success(request, _("Saved."))
        return redirect("network_meeting_detail", case_id=case.pk, meeting_id=meeting.pk)
    editable = policy.may(user, Action.RECORD, case) and meeting.status == MeetingStatus.PLANNED
    context = {
        "case": case,
        "meeting": meeting,
        "editable": editable,
        "held_already": selectors.is_held_already(meeting),
        "files": _files(meeting, staff=True),
        **forms,
    }
    return render(request, "netmeet/meeting_detail.html", context)


@login_required
@require_GET
def partner_network_meetings(request: HttpRequest) -> HttpResponse:
    user = policy.user_of(request)
    meetings = netmeet_access.partner_network_meetings_list(
        user, purpose=Purpose.NETWORK_MEETING_LIST
    )
    rows = [(m, selectors.child_first_name(m)) for m in meetings]
    return render(request, "netmeet/partner_list.html", {"rows": rows})


@login_required
@require_GET
def partner_network_meeting(request: HttpRequest, meeting_id: int) -> HttpResponse:
    user = policy.user_of(request)
    meeting = netmeet_access.partner_network_meeting_get(
        user, meeting_id, purpose=Purpose.NETWORK_MEETING_READ
    )
    held = meeting.status == MeetingStatus.HELD
    context = {
        "meeting": meeting,
        "child_first_name": selectors.child_first_name(meeting),
        "actions": list(meeting.agreed_actions.select_related("owner_organisation"))
        if held
        else [],
        "held": held,
        "files": _files(meeting, staff=False),
    }
    return render(request, "netmeet/partner_meeting.html", context)


def _files(meeting: Any, *, staff: bool) -> list[attachment_selectors.ShownFile]:
    """The meeting's files with the download address of the reader's rule."""
    files = attachment_selectors.files_of("network_meeting", [meeting.pk])[meeting.pk]
    if staff:
        return attachment_selectors.shown(
            files, lambda a: reverse("case_attachment", args=[meeting.case_id, a.pk])
        )
    return attachment_selectors.shown(
        [a for a in files if not a.removed],
        lambda a: reverse("partner_network_meeting_attachment", args=[meeting.pk, a.pk]),
    )


@login_required
@GET_POST
def network_meeting_attachments(
    request: HttpRequest, case_id: int, meeting_id: int
) -> HttpResponse:
    """CASE_VIEW lists the meeting's files; CASE_RECORD adds one, or removes one's own
    while the meeting is planned (POST)."""
    user = policy.user_of(request)
    posted = request.method == "POST"
    action = Action.RECORD if posted else Action.VIEW
    case = policy.case_get_for_user(
        user, case_id, purpose=Purpose.NETWORK_MEETING_ATTACHMENTS, action=action
    )
    meeting = selectors.meeting_for_case(case, meeting_id)
    if meeting is None:
        raise policy.NotFound
    here = reverse("network_meeting_attachments", args=[case.pk, meeting.pk])
    removing = posted and "remove" in request.POST
    form = AttachmentForm(request.POST, request.FILES) if posted and not removing else None
    try:
        if removing:
            raw = request.POST.get("remove", "")
            attachment_services.meeting_attachment_remove(
                user=user, meeting=meeting, attachment_id=int(raw) if raw.isdigit() else 0
            )
            messages.success(request, _("The file was removed."))
            return redirect(here)
        if form is not None and form.is_valid():
            attachment_services.meeting_attachment_add(
                user=user, meeting=meeting, upload=form.cleaned_data["attachment"]
            )
            messages.success(request, _("The file was attached."))
            return redirect(here)
    except ValidationError as exc:
        if form is None:
            messages.error(request, " ".join(exc.messages))
            return redirect(here)
        apply_errors(exc, form)
    context = {
        "case": case,
        "meeting": meeting,
        "files": _files(meeting, staff=True),
        "may_add": policy.may(user, Action.RECORD, case),
        "removable": meeting.status == MeetingStatus.PLANNED,
        "form": form or AttachmentForm(),
    }
    return render(request, "netmeet/meeting_attachments.html", context)


@login_required
@require_GET
def partner_network_meeting_attachment(
    request: HttpRequest, meeting_id: int, attachment_id: int
) -> FileResponse:
    """A file of a meeting the partner's organisation is invited to: one disclosure row."""
    user = policy.user_of(request)
    meeting = netmeet_access.partner_network_meeting_get(
        user, meeting_id, purpose=Purpose.NETWORK_MEETING_ATTACHMENT
    )
    found = attachment_selectors.attachment_of("network_meeting", meeting.pk, attachment_id)
    if found is None:
        raise policy.NotFound
    return attachment_response(found)
