"""The client plan (LsL 30 §): drafting and approving it, and the approved plan to read,
print and export.

The plan in force, or an earlier approved version (``?version=<id>``), reads as a page
with a print layout, and as a PDF in Finnish or Swedish. Anyone who may see the case may
read its plan; every read is logged with its own purpose.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from monia.access import policy
from monia.access.policy import Action
from monia.access.purposes import Purpose
from monia.casework import forms, plan_pdf, plan_selectors, plan_services, stages
from monia.casework.models import Case, ClientPlan
from monia.ui.errors import apply_errors


@login_required
@require_http_methods(["GET", "POST"])
def plan_edit(request: HttpRequest, case_id: int) -> HttpResponse:
    """Draft and approve the client plan. Every submit keeps the text: the draft is saved —
    all of it when the form is valid (and approved when asked and complete), the valid items
    when not. Only a stale version saves nothing (the text stays in the form)."""
    user = policy.user_of(request)
    case = policy.case_get_for_user(
        user, case_id, purpose=Purpose.CLIENT_PLAN, action=Action.RECORD
    )
    if not stages.actions_now(case, allowed=policy.allowed_actions(user, case)).edit_plan:
        raise policy.NotFound
    approve = "approve" in request.POST
    if approve and not policy.may(user, Action.DECIDE, case):
        raise policy.NotFound
    draft, approved = plan_selectors.plan_draft(case), plan_selectors.plan_in_force(case)
    form = forms.PlanForm(request.POST or None, initial=_plan_initial(draft, approved))
    kept: ClientPlan | None = None
    if request.method == "POST":
        done, kept = _submit(request, form, case, approve=approve)
        if done is not None:
            return done
    return render(
        request,
        "casework/plan_edit.html",
        {
            "case": case,
            "form": form,
            "draft": kept or draft,
            "draft_kept": kept is not None,
            "approve": approve,
            "approved": approved,
            "placed": plan_services.child_is_placed(case, timezone.localdate()),
            "may_approve": policy.may(user, Action.DECIDE, case),
            "placed_fields": forms.PlanForm.PLACED_CHILD_FIELDS,
        },
    )


def _submit(
    request: HttpRequest, form: forms.PlanForm, case: Case, *, approve: bool
) -> tuple[HttpResponse | None, ClientPlan | None]:
    """Save what was typed: the redirect when all went through, else the draft kept (with
    the form's errors on it), or nothing on a stale or tampered version."""
    valid = form.is_valid()
    data = dict(form.cleaned_data)  # only the valid items, when some are not
    lock_version = data.pop("lock_version", None)
    if lock_version is None:  # a tampered form: no version to save over
        return None, None
    try:
        plan = plan_services.plan_save(
            user=policy.user_of(request),
            case=case,
            data=data,
            lock_version=lock_version,
            approve=approve and valid,
        )
    except plan_services.PlanConflict as exc:
        form.add_error(None, exc)
        return None, None
    except plan_services.PlanNotApproved as exc:
        apply_errors(exc, form)
        return None, _kept(form, exc.plan)
    except ValidationError as exc:
        apply_errors(exc, form)
        return None, None
    if not valid:
        return None, _kept(form, plan)
    messages.success(
        request, _("The client plan was approved.") if approve else _("The draft was saved.")
    )
    return redirect("case_detail" if approve else "plan_edit", case_id=case.pk), None


def _plan_initial(draft: ClientPlan | None, approved: ClientPlan | None) -> dict[str, Any]:
    """The form starts from the draft, else from the plan in force with a new review date."""
    initial: dict[str, Any] = {"lock_version": draft.lock_version if draft else 0}
    source = draft or approved
    if source is not None:
        initial.update({f: getattr(source, f) for f in plan_services.PLAN_FIELDS})
        if draft is None:
            initial["review_due"] = None
    return initial


def _kept(form: forms.PlanForm, plan: ClientPlan) -> ClientPlan:
    """The draft was saved: the next submit of the re-rendered form goes on from it."""
    form.data = form.data.copy()
    form.data["lock_version"] = str(plan.lock_version)
    return plan


@login_required
@require_GET
def plan_read(request: HttpRequest, case_id: int) -> HttpResponse:
    """The plan in force (or an earlier version) and the list of every approved version."""
    user = policy.user_of(request)
    case = policy.case_get_for_user(user, case_id, purpose=Purpose.CLIENT_PLAN_READ)
    doc = plan_selectors.plan_document(case, version=request.GET.get("version"))
    return render(
        request,
        "casework/plan_read.html",
        {
            "case": case,
            "doc": doc,
            "today": timezone.localdate(),
            "pdf_languages": plan_pdf.LANGUAGES,
        },
    )


@login_required
@require_GET
@never_cache
def plan_pdf_view(request: HttpRequest, case_id: int) -> HttpResponse:
    """The plan as a PDF in the user's language (or ``?lang=fi|sv``); 404 without a plan."""
    user = policy.user_of(request)
    case = policy.case_get_for_user(user, case_id, purpose=Purpose.CLIENT_PLAN_PDF)
    doc = plan_selectors.plan_document(case, version=request.GET.get("version"))
    if doc is None:
        raise policy.NotFound
    language = plan_pdf.plan_language(request.GET.get("lang"), get_language())
    content = plan_pdf.plan_pdf_render(doc, language=language, printed=timezone.localdate())
    response = HttpResponse(content, content_type="application/pdf")
    # No child's name in the file name: it shows in download lists and browser history.
    name = f"client-plan-{case.pk}-v{doc.version.number}-{language}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response
