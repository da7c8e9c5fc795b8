"""The worker's side of the portal for one case: what the family sees, the plan in plain
words, portal access of a child under 12, documents hidden from a guardian, and the
child's safety alerts."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from monia.access import policy
from monia.access.policy import Action
from monia.portal import access as portal_access
from monia.portal import selectors, services
from monia.portal.forms import HandleAlertForm, HideDocumentForm, PlainPlanForm
from monia.ui.errors import apply_errors


@login_required
@require_http_methods(["GET", "POST"])
def case_portal(request: HttpRequest, case_id: int) -> HttpResponse:
    user = policy.user_of(request)
    action = Action.VIEW
    intent = request.POST.get("intent", "")
    if request.method == "POST":
        action = Action.DECIDE if intent in ("hide", "show", "child_access") else Action.RECORD
    case = policy.case_get_for_user(user, case_id, purpose="case_portal", action=action)
    documents = selectors.portal_documents(case)
    guardians = selectors.case_guardians(case)
    doc_choices = [(d.key, f"{d.title} ({d.on:%-d.%-m.%Y})") for d in documents]
    guardian_choices = [(str(g.pk), g.full_name) for g in guardians]
    plain = selectors.plain_plan(case)
    plain_form = PlainPlanForm(initial={"text": plain.text if plain else ""})
    hide_form = HideDocumentForm(documents=doc_choices, guardians=guardian_choices)
    alert_form = HandleAlertForm()
    alert_error_for: int | None = None
    if request.method == "POST":
        try:
            if intent == "plain":
                plain_form = PlainPlanForm(request.POST)
                if plain_form.is_valid():
                    services.plain_plan_save(
                        user=user, case=case, text=plain_form.cleaned_data["text"]
                    )
                    messages.success(request, _("The plan in plain words was saved."))
                    return redirect("case_portal", case_id=case.pk)
            elif intent == "hide":
                hide_form = HideDocumentForm(
                    request.POST, documents=doc_choices, guardians=guardian_choices
                )
                if hide_form.is_valid():
                    guardian = next(
                        g for g in guardians if str(g.pk) == hide_form.cleaned_data["guardian"]
                    )
                    services.document_hide(
                        user=user,
                        case=case,
                        document_key=hide_form.cleaned_data["document"],
                        guardian=guardian,
                        reason=hide_form.cleaned_data["reason"],
                    )
                    messages.success(request, _("The document is now hidden from the guardian."))
                    return redirect("case_portal", case_id=case.pk)
            elif intent == "show":
                services.document_show(
                    user=user,
                    case=case,
                    restriction_id=int(request.POST.get("restriction", "0") or 0),
                )
                messages.success(request, _("The guardian sees the document again."))
                return redirect("case_portal", case_id=case.pk)
            elif intent == "child_access":
                services.child_portal_access_set(
                    user=user, case=case, allowed=request.POST.get("allowed") == "1"
                )
                messages.success(request, _("The child's portal access was changed."))
                return redirect("case_portal", case_id=case.pk)
            elif intent == "handle_alert":
                alert_form = HandleAlertForm(request.POST)
                alert_error_for = int(request.POST.get("alert", "0") or 0)
                if alert_form.is_valid():
                    services.safety_alert_handle(
                        user=user,
                        case=case,
                        alert_id=alert_error_for,
                        note=alert_form.cleaned_data["note"],
                    )
                    messages.success(request, _("The alert was marked handled."))
                    return redirect("case_portal", case_id=case.pk)
        except ValidationError as exc:
            target = {"plain": plain_form, "hide": hide_form, "handle_alert": alert_form}.get(
                intent, plain_form
            )
            apply_errors(exc, target)
    age = portal_access.age_on(case.child.birth_date, timezone.localdate())
    return render(
        request,
        "portal/staff_case_portal.html",
        {
            "case": case,
            "plain_form": plain_form,
            "hide_form": hide_form,
            "alert_form": alert_form,
            "alert_error_for": alert_error_for,
            "restrictions": selectors.guardian_restrictions(case, documents),
            "alerts": selectors.case_safety_alerts(case),
            "guardians": guardians,
            "documents": documents,
            "child_age": age,
            "min_age": portal_access.PORTAL_MIN_AGE,
            "child_access": selectors.child_portal_allowed(case),
            "may_decide": policy.may(user, Action.DECIDE, case),
            "may_record": policy.may(user, Action.RECORD, case),
        },
    )
