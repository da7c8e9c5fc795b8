"""Staff: an assessment's contribution requests; partners: their task list and one task."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from monia.access import policy
from monia.access.policy import Action
from monia.access.purposes import Purpose
from monia.attachments import selectors as attachment_selectors
from monia.attachments.responses import attachment_response
from monia.contrib import access as contrib_access
from monia.contrib import selectors, services
from monia.contrib.action_cards import card_for
from monia.contrib.forms import RequestForm, StatementForm
from monia.ui.errors import apply_errors

GET_POST = require_http_methods(["GET", "POST"])


@login_required
@GET_POST
def assessment_contributions(
    request: HttpRequest, case_id: int, assessment_id: int
) -> HttpResponse:
    """CASE_VIEW sees the requests and statements; CASE_DECIDE may also invite (POST)."""
    user = policy.user_of(request)
    action = Action.DECIDE if request.method == "POST" else Action.VIEW
    case = policy.case_get_for_user(
        user, case_id, purpose=Purpose.ASSESSMENT_CONTRIBUTIONS, action=action
    )
    assessment = get_object_or_404(case.assessments, pk=assessment_id)
    may_invite = policy.may(user, Action.DECIDE, case) and assessment.completed_on is None
    form = RequestForm(case.county_id, request.POST if request.method == "POST" else None)
    if request.method == "POST" and may_invite and form.is_valid():
        try:
            services.request_create(user=user, assessment=assessment, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            messages.success(request, _("The partner was invited to contribute."))
            return redirect(
                "assessment_contributions", case_id=case.pk, assessment_id=assessment.pk
            )
    rows = selectors.requests_for_assessment(assessment, today=timezone.localdate())
    context = {"case": case, "assessment": assessment, "rows": rows, "form": form}
    context["files"] = attachment_selectors.files_of("contribution", [r.request.pk for r in rows])
    return render(
        request, "contrib/assessment_contributions.html", {**context, "may_invite": may_invite}
    )


@login_required
@require_GET
def partner_contributions(request: HttpRequest) -> HttpResponse:
    user = policy.user_of(request)
    requests = contrib_access.contributions_for_partner(user, purpose=Purpose.CONTRIBUTION_LIST)
    rows = selectors.tasks_for_partner(requests, today=timezone.localdate())
    return render(request, "contrib/partner_list.html", {"rows": rows})


@login_required
@GET_POST
def partner_contribution(request: HttpRequest, request_id: int) -> HttpResponse:
    user = policy.user_of(request)
    req = contrib_access.contribution_get_for_partner(
        user, request_id, purpose=Purpose.CONTRIBUTION_TASK
    )
    posted = request.method == "POST"
    form = StatementForm(request.POST if posted else None, request.FILES if posted else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.statement_submit(user=user, request_id=req.pk, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            messages.success(request, _("Thank you. Your statement was sent."))
            return redirect("partner_contributions")
    context = {
        "req": req,
        "child": req.assessment.case.child,
        "card": card_for(req.organisation.sector),
        "form": form,
        "overdue": req.submitted_at is None and req.due_on < timezone.localdate(),
        "open": req.submitted_at is None and req.assessment.completed_on is None,
        "files": attachment_selectors.shown(
            attachment_selectors.files_of("contribution", [req.pk])[req.pk],
            lambda a: reverse("partner_contribution_attachment", args=[req.pk, a.pk]),
        ),
    }
    return render(request, "contrib/partner_task.html", context)


@login_required
@require_GET
def partner_contribution_attachment(
    request: HttpRequest, request_id: int, attachment_id: int
) -> FileResponse:
    """A file sent with the organisation's own statement: the partner rule, one disclosure
    row; any other file 404."""
    user = policy.user_of(request)
    req = contrib_access.contribution_get_for_partner(
        user, request_id, purpose=Purpose.CONTRIBUTION_ATTACHMENT
    )
    found = attachment_selectors.attachment_of("contribution", req.pk, attachment_id)
    if found is None:
        raise policy.NotFound
    return attachment_response(found)
