"""The worker's side of the portal for one case: what the family sees, the plan in plain
words, portal access of a child under 12, documents hidden from a guardian, and the
child's safety alerts. One page, and one view for each thing written on it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from monia.access import policy
from monia.access.policy import Action
from monia.access.purposes import Purpose
from monia.accounts.models import User
from monia.casework.models import Case
from monia.people.models import Person
from monia.portal import access as portal_access
from monia.portal import selectors, services
from monia.portal.forms import HandleAlertForm, HideDocumentForm, PlainPlanForm
from monia.ui.errors import apply_errors


def _open(request: HttpRequest, case_id: int, action: Action) -> tuple[User, Case]:
    user = policy.user_of(request)
    return user, policy.case_get_for_user(user, case_id, purpose=Purpose.CASE_PORTAL, action=action)


def _hide_form(case: Case, data: Any = None) -> tuple[HideDocumentForm, list[Person]]:
    documents = selectors.portal_documents(case)
    guardians = selectors.case_guardians(case)
    form = HideDocumentForm(
        data,
        documents=[(d.key, f"{d.title} ({d.on:%-d.%-m.%Y})") for d in documents],
        guardians=[(str(g.pk), g.full_name) for g in guardians],
    )
    return form, guardians


def _page(
    request: HttpRequest,
    user: User,
    case: Case,
    *,
    bound: dict[str, forms.Form] | None = None,
    alert_error_for: int | None = None,
) -> HttpResponse:
    """The page; ``bound`` holds a form that failed validation, with what was typed."""
    bound = bound or {}
    documents = selectors.portal_documents(case)
    guardians = selectors.case_guardians(case)
    plain = selectors.plain_plan(case)
    return render(
        request,
        "portal/staff_case_portal.html",
        {
            "case": case,
            "plain_form": bound.get("plain")
            or PlainPlanForm(initial={"text": plain.text if plain else ""}),
            "hide_form": bound.get("hide") or _hide_form(case)[0],
            "alert_form": bound.get("alert") or HandleAlertForm(),
            "alert_error_for": alert_error_for,
            "restrictions": selectors.guardian_restrictions(case, documents),
            "alerts": selectors.case_safety_alerts(case),
            "guardians": guardians,
            "documents": documents,
            "child_age": portal_access.age_on(case.child.birth_date, timezone.localdate()),
            "min_age": portal_access.PORTAL_MIN_AGE,
            "child_access": selectors.child_portal_allowed(case),
            "may_decide": policy.may(user, Action.DECIDE, case),
            "may_record": policy.may(user, Action.RECORD, case),
        },
    )


def _done(request: HttpRequest, case: Case, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect("case_portal", case_id=case.pk)


def _refused(request: HttpRequest, case: Case, exc: ValidationError) -> HttpResponse:
    """A one-button change that could not be made: say why, on the page."""
    for message in exc.messages:
        messages.error(request, message)
    return redirect("case_portal", case_id=case.pk)


@login_required
@require_GET
def case_portal(request: HttpRequest, case_id: int) -> HttpResponse:
    user, case = _open(request, case_id, Action.VIEW)
    return _page(request, user, case)


@login_required
@require_POST
def case_portal_plain_plan(request: HttpRequest, case_id: int) -> HttpResponse:
    """The plan in plain words, written by the worker for the family."""
    user, case = _open(request, case_id, Action.RECORD)
    form = PlainPlanForm(request.POST)
    if form.is_valid():
        try:
            services.plain_plan_save(user=user, case=case, text=form.cleaned_data["text"])
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            return _done(request, case, _("The plan in plain words was saved."))
    return _page(request, user, case, bound={"plain": form})


@login_required
@require_POST
def case_portal_document_hide(request: HttpRequest, case_id: int) -> HttpResponse:
    """Hide a document from one guardian where showing it would endanger the child."""
    user, case = _open(request, case_id, Action.DECIDE)
    form, guardians = _hide_form(case, request.POST)
    if form.is_valid():
        guardian = next(g for g in guardians if str(g.pk) == form.cleaned_data["guardian"])
        try:
            services.document_hide(
                user=user,
                case=case,
                document_key=form.cleaned_data["document"],
                guardian=guardian,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            return _done(request, case, _("The document is now hidden from the guardian."))
    return _page(request, user, case, bound={"hide": form})


@login_required
@require_POST
def case_portal_document_show(
    request: HttpRequest, case_id: int, restriction_id: int
) -> HttpResponse:
    user, case = _open(request, case_id, Action.DECIDE)
    try:
        services.document_show(user=user, case=case, restriction_id=restriction_id)
    except ValidationError as exc:
        return _refused(request, case, exc)
    return _done(request, case, _("The guardian sees the document again."))


@login_required
@require_POST
def case_portal_child_access(request: HttpRequest, case_id: int) -> HttpResponse:
    """Let a child under 12 use the portal, or take the permission back."""
    user, case = _open(request, case_id, Action.DECIDE)
    try:
        services.child_portal_access_set(
            user=user, case=case, allowed=request.POST.get("allowed") == "1"
        )
    except ValidationError as exc:
        return _refused(request, case, exc)
    return _done(request, case, _("The child's portal access was changed."))


@login_required
@require_POST
def case_portal_alert_handle(request: HttpRequest, case_id: int, alert_id: int) -> HttpResponse:
    """Record what was done about the child's "I don't feel safe" alert."""
    user, case = _open(request, case_id, Action.RECORD)
    form = HandleAlertForm(request.POST)
    if form.is_valid():
        try:
            services.safety_alert_handle(
                user=user, case=case, alert_id=alert_id, note=form.cleaned_data["note"]
            )
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            return _done(request, case, _("The alert was marked handled."))
    return _page(request, user, case, bound={"alert": form}, alert_error_for=alert_id)
