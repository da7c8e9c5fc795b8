"""Sharing a case with the network, and the partner's own view of what is shared."""

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
from monia.casework import selectors as casework_selectors
from monia.network import access as network_access
from monia.network import forms, selectors, services
from monia.ui.errors import apply_errors


@login_required
@require_http_methods(["GET", "POST"])
def case_sharing(request: HttpRequest, case_id: int) -> HttpResponse:
    """The grants of a case, its disclosure log (every source), a new grant and withdrawals."""
    user = policy.user_of(request)
    case = policy.case_get_for_user(
        user, case_id, purpose=Purpose.CASE_SHARING, action=Action.DECIDE
    )
    action = request.POST.get("action")
    form = forms.GrantForm(request.POST if action == "grant" else None, county_id=case.county_id)
    if action == "withdraw":
        grant = get_object_or_404(case.sharing_grants, pk=request.POST.get("grant"))
        try:
            services.grant_withdraw(user=user, grant=grant)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The grant ended; the partner no longer sees the case."))
        return redirect("case_sharing", case_id=case.pk)
    if action == "grant" and form.is_valid():
        try:
            services.grant_create(user=user, case=case, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            messages.success(request, _("The partner may now see the chosen parts."))
            return redirect("case_sharing", case_id=case.pk)
    grants = case.sharing_grants.select_related("organisation", "partner").order_by("-created_at")
    log = selectors.disclosures_for_case(case.pk)
    return render(
        request,
        "network/case_sharing.html",
        {
            "case": case,
            "form": form,
            "grants": grants,
            "log": log,
            "today": timezone.localdate(),
        },
    )


@login_required
@require_GET
def partner_home(request: HttpRequest) -> HttpResponse:
    """The cases shared with this partner professional now; each name shown is disclosed."""
    user = policy.user_of(request)
    grants = network_access.partner_grants_list(user, purpose=Purpose.PARTNER_LIST)
    return render(request, "network/partner_home.html", {"grants": grants})


@login_required
@require_GET
def partner_case(request: HttpRequest, case_id: int) -> HttpResponse:
    user = policy.user_of(request)
    case, grants, parts = network_access.partner_case_get(
        user, case_id, purpose=Purpose.PARTNER_CASE
    )
    overview = casework_selectors.case_overview(case, today=timezone.localdate())
    return render(
        request,
        "network/partner_case.html",
        {
            "case": case,
            "grants": grants,
            "parts": parts,
            "o": overview,
        },
    )
