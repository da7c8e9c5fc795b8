"""Consultation pages. Staff reach the case through policy.case_get_for_user; partners
reach a consultation through consult.access.partner_consultation_get (named reads logged)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from monia.access import policy
from monia.access.policy import Action
from monia.access.purposes import Purpose
from monia.consult import access as consult_access
from monia.consult import forms, selectors, services
from monia.ui.errors import apply_errors

GET_POST = require_http_methods(["GET", "POST"])


@login_required
@GET_POST
def case_consultations(request: HttpRequest, case_id: int) -> HttpResponse:
    """The case's consultations; those who decide may ask a new one here."""
    user = policy.user_of(request)
    deciding = request.method == "POST"
    action = Action.DECIDE if deciding else Action.VIEW
    case = policy.case_get_for_user(
        user, case_id, purpose=Purpose.CASE_CONSULTATIONS, action=action
    )
    may_ask = policy.may(user, Action.DECIDE, case)
    form = forms.AskForm(case, request.POST if deciding else None) if may_ask else None
    if form is not None and deciding and form.is_valid():
        try:
            services.consultation_ask(user=user, case=case, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            messages.success(request, _("The question was sent."))
            return redirect("case_consultations", case_id=case.pk)
    today = timezone.localdate()
    items = [(c, selectors.is_overdue(c, today)) for c in selectors.consultations_for_case(case)]
    return render(
        request,
        "consult/case_consultations.html",
        {"case": case, "items": items, "form": form},
    )


@login_required
@require_GET
def partner_consultations(request: HttpRequest) -> HttpResponse:
    user = policy.user_of(request)
    items = consult_access.partner_consultations_list(user, purpose=Purpose.PARTNER_CONSULTATIONS)
    return render(request, "consult/partner_inbox.html", {"items": items})


@login_required
@GET_POST
def partner_consultation(request: HttpRequest, consultation_id: int) -> HttpResponse:
    user = policy.user_of(request)
    c = consult_access.partner_consultation_get(
        user, consultation_id, purpose=Purpose.PARTNER_CONSULTATION
    )
    form = forms.AnswerForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.consultation_answer(user=user, consultation=c, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            messages.success(request, _("The answer was sent."))
            return redirect("partner_consultations")
    return render(request, "consult/partner_consultation.html", {"c": c, "form": form})
