"""Referral pages: the child's coordinated services, a new referral, the next step.

Thin: each view asks the access policy, calls one service or selector, renders.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from monia.access import policy
from monia.access.policy import Action
from monia.access.purposes import Purpose
from monia.network import referral_selectors as selectors
from monia.network import referral_services as services
from monia.network.referral_forms import AdvanceForm, NextDateForm, ReferralForm
from monia.ui.errors import apply_errors

GET_POST = require_http_methods(["GET", "POST"])


@login_required
@require_GET
def case_referrals(request: HttpRequest, case_id: int) -> HttpResponse:
    """The child's coordinated view: every service around them, and a new referral."""
    user = policy.user_of(request)
    case = policy.case_get_for_user(user, case_id, purpose=Purpose.CASE_REFERRALS)
    can_record = policy.may(user, Action.RECORD, case)
    return render(
        request,
        "network/referrals/case_referrals.html",
        {
            "case": case,
            "rows": selectors.coordinated_services(case, timezone.localdate()),
            "target_days": selectors.target_days(),
            "form": ReferralForm(case) if can_record else None,
            "can_record": can_record,
        },
    )


@login_required
@GET_POST
def referral_new(request: HttpRequest, case_id: int) -> HttpResponse:
    user = policy.user_of(request)
    case = policy.case_get_for_user(
        user, case_id, purpose=Purpose.REFERRAL_NEW, action=Action.RECORD
    )
    form = ReferralForm(case, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.referral_create(user=user, case=case, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            messages.success(request, _("The referral was recorded."))
            return redirect("case_referrals", case_id=case.pk)
    return render(request, "network/referrals/referral_new.html", {"case": case, "form": form})


@login_required
@GET_POST
def referral_advance(request: HttpRequest, case_id: int, referral_id: int) -> HttpResponse:
    """Record the referral's next step with its time, or move its next appointment."""
    user = policy.user_of(request)
    case = policy.case_get_for_user(
        user, case_id, purpose=Purpose.REFERRAL_ADVANCE, action=Action.RECORD
    )
    referral = get_object_or_404(case.referrals.select_related("organisation"), pk=referral_id)
    is_post = request.method == "POST"
    action = request.POST.get("action")
    form = AdvanceForm(referral, request.POST if is_post and action == "advance" else None)
    date_form = NextDateForm(
        request.POST if is_post and action == "next_date" else None,
        initial={"next_date": referral.next_date},
    )
    bound = form if action == "advance" else date_form
    if is_post and bound.is_valid():
        try:
            if bound is form:
                services.referral_advance(referral=referral, user=user, **form.cleaned_data)
            else:
                services.referral_update_next_date(referral=referral, **date_form.cleaned_data)
        except ValidationError as exc:
            apply_errors(exc, bound)
        else:
            messages.success(request, _("The referral was updated."))
            return redirect("case_referrals", case_id=case.pk)
    return render(
        request,
        "network/referrals/referral_advance.html",
        {
            "case": case,
            "referral": referral,
            "wait": selectors.referral_wait(referral, timezone.localdate()),
            "target_days": selectors.target_days(),
            "form": form,
            "date_form": date_form,
        },
    )
