"""The expert group's pages. Group pages are county-scoped through the selectors; case
pages go through ``policy.case_get_for_user``; every named child shown is logged."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms as django_forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from monia.access import policy
from monia.access.policy import Action
from monia.access.purposes import Purpose
from monia.experts import forms, selectors, services
from monia.ui.errors import saved_by

GET_POST = require_http_methods(["GET", "POST"])


def _submit(
    request: HttpRequest,
    form: django_forms.Form,
    call: Callable[[dict[str, Any]], object],
    *,
    success: str,
    case_id: int,
) -> HttpResponse | None:
    """On a valid POST call the service and go to the case's timeline; else None."""
    if not saved_by(request, form, call):
        return None
    messages.success(request, success)
    return redirect("case_timeline", case_id=case_id)


@login_required
@require_GET
def expert_groups(request: HttpRequest) -> HttpResponse:
    county_id = selectors.county_of_staff(policy.user_of(request))
    return render(
        request,
        "experts/groups.html",
        {
            "groups": selectors.groups_for_county(county_id),
            "sessions": selectors.sessions_for_county(county_id),
        },
    )


@login_required
@require_GET
def expert_session(request: HttpRequest, session_id: int) -> HttpResponse:
    user = policy.user_of(request)
    session = selectors.session_get_for_user(user, session_id)
    rows = selectors.session_rows(user, session)
    policy.log_case_list(user, [r.case for r in rows if r.named], purpose=Purpose.EXPERT_SESSION)
    return render(
        request,
        "experts/session.html",
        {"session": session, "rows": rows, "members": session.group.members.filter(active=True)},
    )


@login_required
@GET_POST
def expert_case_new(request: HttpRequest, case_id: int) -> HttpResponse:
    """The worker presents the case to a session of the group (LsL 14 §)."""
    user = policy.user_of(request)
    case = policy.case_get_for_user(
        user, case_id, purpose=Purpose.EXPERT_CASE_NEW, action=Action.DECIDE
    )
    sessions = selectors.presentable_sessions(case.county_id, today=timezone.localdate())
    form = forms.ExpertCaseForm(
        request.POST if request.method == "POST" else None, sessions=sessions
    )
    done = _submit(
        request,
        form,
        lambda data: services.expert_case_present(user=user, case=case, **data),
        success=_("The case was put on the expert group's session."),
        case_id=case.pk,
    )
    return done or render(
        request,
        "experts/case_new.html",
        {
            "case": case,
            "form": form,
            "has_sessions": sessions.exists(),
            "consultations": selectors.consultations_for_case(case),
            "may_record": policy.may(user, Action.RECORD, case),
        },
    )


@login_required
@GET_POST
def expert_statement(request: HttpRequest, case_id: int, expert_case_id: int) -> HttpResponse:
    """Record the group's statement on the case; it is shown on the case's timeline."""
    user = policy.user_of(request)
    case = policy.case_get_for_user(
        user, case_id, purpose=Purpose.EXPERT_STATEMENT, action=Action.RECORD
    )
    expert_case = get_object_or_404(
        case.expert_consultations.select_related("session__group"), pk=expert_case_id
    )
    expert_case.case = case
    form = forms.StatementForm(
        request.POST if request.method == "POST" else None,
        initial=forms.StatementForm.initial_for(
            expert_case.statement, expert_case.statement_given_on
        ),
    )
    done = _submit(
        request,
        form,
        lambda data: services.expert_statement_record(user=user, expert_case=expert_case, **data),
        success=_("The expert group's statement was recorded."),
        case_id=case.pk,
    )
    return done or render(
        request, "experts/statement.html", {"case": case, "ec": expert_case, "form": form}
    )
