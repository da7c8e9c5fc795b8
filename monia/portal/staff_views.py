"""The worker's side of the portal for one case: the family version of each document (what
the child and the guardians read of it), a young person's requests that a guardian does not
see something, documents hidden from a guardian, portal access of a child under 12, and the
child's safety alerts. One page, and one view for each thing written on it."""

from __future__ import annotations

import dataclasses
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
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
from monia.portal import document_selectors, family_services, safety_selectors, selectors, services
from monia.portal.document_selectors import CaseDocument, suggestion_in_childs_language
from monia.portal.forms import (
    FamilyVersionForm,
    HandleAlertForm,
    HideDocumentForm,
    RequestDecisionForm,
)
from monia.portal.models import FamilyVersion, GuardianRestriction, SafetyAlert
from monia.portal.readability import reads_at_a_childs_level
from monia.ui.errors import apply_errors


def _open(request: HttpRequest, case_id: int, action: Action) -> tuple[User, Case]:
    user = policy.user_of(request)
    return user, policy.case_get_for_user(user, case_id, purpose=Purpose.CASE_PORTAL, action=action)


def _hide_form(
    documents: list[CaseDocument], guardians: list[Person], data: Any = None
) -> HideDocumentForm:
    return HideDocumentForm(
        data,
        documents=[(d.key, d.named) for d in documents],
        guardians=[(str(g.pk), g.full_name) for g in guardians],
    )


@dataclasses.dataclass(frozen=True)
class FamilyItem:
    """One document on the worker's page: its family version, or the suggested wording."""

    document: CaseDocument
    version: FamilyVersion | None
    text: str  # what the text box holds


def _family_items(
    case: Case,
    documents: list[CaseDocument],
    versions: dict[str, FamilyVersion],
    bound: forms.Form | None,
) -> list[FamilyItem]:
    typed = bound["document"].value() if bound is not None else None
    items = []
    for d in documents:
        if not d.needs_family_version:
            continue
        version = versions.get(d.key)
        if d.key == typed and bound is not None:
            text = bound["text"].value() or ""
        else:
            text = version.text if version else suggestion_in_childs_language(case, d)
        items.append(FamilyItem(d, version, text))
    return items


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
    documents = document_selectors.case_documents(case)
    guardians = document_selectors.case_guardians(case)
    family = bound.get("family")
    decision = bound.get("decision")
    items = _family_items(case, documents, document_selectors.family_versions(case), family)
    return render(
        request,
        "portal/staff_case_portal.html",
        {
            "case": case,
            "family_items": items,
            "family_missing": sum(1 for i in items if i.version is None),
            "family_form": family,
            "family_error_for": family["document"].value() if family is not None else None,
            "requests": selectors.pending_requests(case, documents),
            "decision_form": decision,
            "decision_error_for": decision["document"].value() if decision else None,
            "hide_form": bound.get("hide") or _hide_form(documents, guardians),
            "alert_form": bound.get("alert") or HandleAlertForm(),
            "alert_error_for": alert_error_for,
            "restrictions": selectors.guardian_restrictions(case, documents),
            "alerts": safety_selectors.case_safety_alerts(case),
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
def case_portal_family_version(request: HttpRequest, case_id: int) -> HttpResponse:
    """Approve one document's family version: from now on the family reads it."""
    user, case = _open(request, case_id, Action.RECORD)
    form = FamilyVersionForm(request.POST, prefix="fv")
    if form.is_valid():
        try:
            family_services.family_version_approve(
                user=user,
                case=case,
                document_key=form.cleaned_data["document"],
                text=form.cleaned_data["text"],
                lock_version=form.cleaned_data["lock_version"],
            )
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            easy, score = reads_at_a_childs_level(form.cleaned_data["text"], case.child.language)
            if not easy:
                messages.warning(
                    request,
                    _(
                        "It may be hard for a child to read (LIX %(score)s). Shorter "
                        "sentences and shorter words help."
                    )
                    % {"score": round(score)},
                )
            return _done(request, case, _("The family version was approved."))
    return _page(request, user, case, bound={"family": form})


@login_required
@require_POST
def case_portal_family_version_withdraw(request: HttpRequest, case_id: int) -> HttpResponse:
    user, case = _open(request, case_id, Action.RECORD)
    try:
        family_services.family_version_withdraw(
            user=user, case=case, document_key=request.POST.get("fv-document", "")
        )
    except ValidationError as exc:
        return _refused(request, case, exc)
    return _done(request, case, _("The family sees only the title and the date again."))


@login_required
@require_POST
def case_portal_request_decide(request: HttpRequest, case_id: int) -> HttpResponse:
    """Decide a young person's request that the guardians do not see something."""
    user, case = _open(request, case_id, Action.DECIDE)
    form = RequestDecisionForm(request.POST, prefix="req")
    if form.is_valid():
        try:
            services.restriction_decide(
                user=user,
                case=case,
                document_key=form.cleaned_data["document"],
                agree=form.cleaned_data["decision"] == "agree",
                judged_able=form.cleaned_data["judged_able"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            return _done(request, case, _("Your decision was recorded."))
    return _page(request, user, case, bound={"decision": form})


@login_required
@require_POST
def case_portal_document_hide(request: HttpRequest, case_id: int) -> HttpResponse:
    """Hide a document from one guardian where showing it would endanger the child."""
    user, case = _open(request, case_id, Action.DECIDE)
    guardians = document_selectors.case_guardians(case)
    form = _hide_form(document_selectors.case_documents(case), guardians, request.POST)
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
    except GuardianRestriction.DoesNotExist:
        raise Http404 from None  # another case's row answers as a missing one
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
    if not safety_selectors.alert_on_case(case, alert_id):
        raise Http404  # another case's alert answers as a missing one
    form = HandleAlertForm(request.POST)
    if form.is_valid():
        try:
            services.safety_alert_handle(
                user=user, case=case, alert_id=alert_id, note=form.cleaned_data["note"]
            )
        except SafetyAlert.DoesNotExist:
            raise Http404 from None
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            return _done(request, case, _("The alert was marked handled."))
    return _page(request, user, case, bound={"alert": form}, alert_error_for=alert_id)
