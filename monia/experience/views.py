"""The register of experts by experience: the coordinator's register, assignments and payroll
export; the expert's own assignments; the staff's search for a speaker or a working pair.
Every decision of who may is in access.py; no client data anywhere."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from monia.access import policy
from monia.experience import access, export, forms, selectors, services
from monia.ui.errors import apply_errors, posted, saved_by

GET_POST = require_http_methods(["GET", "POST"])


@login_required
@require_GET
def experience_register(request: HttpRequest) -> HttpResponse:
    county_id = access.require_coordinator(policy.user_of(request))
    experts = selectors.register_for_county(county_id)
    return render(request, "experience/register.html", {"experts": experts})


@login_required
@GET_POST
def experience_expert_new(request: HttpRequest) -> HttpResponse:
    user = policy.user_of(request)
    county_id = access.require_coordinator(user)
    form = forms.ExpertForm(posted(request), users=selectors.linkable_users(county_id))
    saved: list[Any] = []
    if saved_by(
        request,
        form,
        lambda data: saved.append(services.expert_save(county=user.county, data=data)),
    ):
        messages.success(request, _("The expert was added to the register."))
        return redirect("experience_expert", expert_id=saved[0].pk)
    return render(request, "experience/expert_form.html", {"form": form, "entry": None})


@login_required
@GET_POST
def experience_expert_edit(request: HttpRequest, expert_id: int) -> HttpResponse:
    user = policy.user_of(request)
    entry = access.expert_for_coordinator(user, selectors.expert_get(expert_id))
    form = forms.ExpertForm(
        posted(request),
        initial=forms.ExpertForm.initial_for(entry),
        users=selectors.linkable_users(entry.county_id, keep=entry.user_id),
    )
    if saved_by(
        request,
        form,
        lambda data: services.expert_save(county=user.county, data=data, entry=entry),
    ):
        messages.success(request, _("The register entry was saved."))
        return redirect("experience_expert", expert_id=entry.pk)
    return render(request, "experience/expert_form.html", {"form": form, "entry": entry})


@login_required
@GET_POST
def experience_expert(request: HttpRequest, expert_id: int) -> HttpResponse:
    """The coordinator's page of one expert: the entry, tax cards and assignments. A POST
    notes a tax card."""
    user = policy.user_of(request)
    entry = access.expert_for_coordinator(user, selectors.expert_get(expert_id))
    form = forms.TaxCardForm(posted(request), initial={"year": timezone.localdate().year})
    if saved_by(
        request,
        form,
        lambda data: services.tax_card_note(user=user, expert=entry, year=data["year"]),
    ):
        messages.success(request, _("The tax card note was saved."))
        return redirect("experience_expert", expert_id=entry.pk)
    return render(
        request,
        "experience/expert.html",
        {
            "entry": entry,
            "form": form,
            "tax_years": selectors.tax_card_years(entry),
            "assignments": selectors.assignments_of(entry),
        },
    )


def _assignment_form(request: HttpRequest, user: Any, entry: Any, assignment: Any) -> HttpResponse:
    form = forms.AssignmentForm(
        posted(request),
        initial=forms.AssignmentForm.initial_for(assignment),
        workers=selectors.pair_workers(entry.county_id),
    )
    if saved_by(
        request,
        form,
        lambda data: services.assignment_save(
            user=user, expert=entry, data=data, assignment=assignment
        ),
    ):
        messages.success(request, _("The assignment was saved."))
        return redirect("experience_expert", expert_id=entry.pk)
    return render(
        request,
        "experience/assignment_form.html",
        {"form": form, "entry": entry, "assignment": assignment},
    )


@login_required
@GET_POST
def experience_assignment_new(request: HttpRequest, expert_id: int) -> HttpResponse:
    user = policy.user_of(request)
    entry = access.expert_for_coordinator(user, selectors.expert_get(expert_id))
    return _assignment_form(request, user, entry, None)


@login_required
@GET_POST
def experience_assignment_edit(request: HttpRequest, assignment_id: int) -> HttpResponse:
    user = policy.user_of(request)
    assignment = access.assignment_for_coordinator(user, selectors.assignment_get(assignment_id))
    return _assignment_form(request, user, assignment.expert, assignment)


@login_required
@require_GET
def experience_mine(request: HttpRequest) -> HttpResponse:
    """The expert's own entry and assignments."""
    user = policy.user_of(request)
    access.require_expert(user)
    entry = selectors.expert_of_user(user)
    return render(
        request,
        "experience/mine.html",
        {
            "entry": entry,
            "assignments": selectors.assignments_of(entry) if entry else [],
            "tax_years": selectors.tax_card_years(entry) if entry else [],
        },
    )


@login_required
@require_POST
def experience_fee_decline(request: HttpRequest, assignment_id: int) -> HttpResponse:
    user = policy.user_of(request)
    assignment = access.assignment_for_expert(user, selectors.assignment_get(assignment_id))
    try:
        services.fee_decline(user=user, assignment=assignment)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("You declined the fee. Your costs are still reimbursed."))
    return redirect("experience_mine")


@login_required
@require_GET
def experience_find(request: HttpRequest) -> HttpResponse:
    """Staff find a speaker or a working pair: the public part of the register only."""
    user = policy.user_of(request)
    county_id = access.require_finder(user)
    return render(
        request,
        "experience/find.html",
        {
            "experts": selectors.public_register(county_id),
            "pairs": selectors.pairs_of_worker(user),
        },
    )


@login_required
@require_GET
def experience_payroll(request: HttpRequest) -> HttpResponse:
    """Pick a month: its rows as payroll will get them, and the exports made."""
    county_id = access.require_coordinator(policy.user_of(request))
    form = forms.MonthForm(
        request.GET or None, initial=forms.MonthForm.initial_for(timezone.localdate())
    )
    month = form.cleaned_data["month"] if form.is_valid() else form.initial["month"]
    rows = list(selectors.payroll_rows(county_id, month))
    return render(
        request,
        "experience/payroll.html",
        {
            "form": form,
            "month": month,
            "rows": rows,
            "totals": selectors.totals(rows),
            "exported": selectors.month_exported(county_id, month),
            "exports": selectors.exports_for_county(county_id),
        },
    )


@login_required
@require_POST
def experience_payroll_export(request: HttpRequest) -> HttpResponse:
    """The month's file for payroll; the first export marks the rows with the month."""
    user = policy.user_of(request)
    county_id = access.require_coordinator(user)
    form = forms.MonthForm(request.POST)
    if form.is_valid():
        try:
            rows = services.payroll_export(
                user=user, county_id=county_id, month=form.cleaned_data["month"]
            )
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            return export.download(
                rows, form.cleaned_data["month"], form.cleaned_data["file_format"]
            )
    return render(
        request,
        "experience/payroll.html",
        {
            "form": form,
            "month": None,
            "rows": [],
            "totals": None,
            "exported": False,
            "exports": selectors.exports_for_county(county_id),
        },
        status=400,
    )
