"""Decision pages. Thin: each view asks ``decisions.access``, calls one service, renders."""

from __future__ import annotations

from typing import Any

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
from monia.decisions import access, forms, instructions, kinds, selectors, services
from monia.decisions.document import decision_document
from monia.decisions.models import DecisionState
from monia.decisions.signing import DecisionAlreadySigned
from monia.ui.errors import apply_errors

GET_POST = require_http_methods(["GET", "POST"])


@login_required
@require_GET
def decision_list(request: HttpRequest, case_id: int) -> HttpResponse:
    user = policy.user_of(request)
    case = access.case_for(user, case_id, purpose=Purpose.DECISION_LIST)
    today = timezone.localdate()
    decisions = selectors.decisions_of_case(case, with_drafts=access.sees_drafts(user, case))
    rows = [(d, selectors.appeal_status(d, today=today)) for d in decisions]
    return render(
        request,
        "decisions/list.html",
        {"case": case, "rows": rows, "may_new": policy.may(user, Action.DECIDE, case)},
    )


@login_required
@GET_POST
def decision_new(request: HttpRequest, case_id: int) -> HttpResponse:
    """Start a draft, from a measure of the case (``?measure=``) or by its kind."""
    user = policy.user_of(request)
    case = access.case_for(user, case_id, purpose=Purpose.DECISION_NEW, action=Action.DECIDE)
    measures = selectors.measures_of(case)
    measure = selectors.measure_chosen(measures, request.GET.get("measure"))
    kinds = selectors.kinds_for_measure(measure) if measure is not None else None
    initial = {"measure": measure.pk if measure else None, "kind": kinds[0] if kinds else None}
    data = request.POST if request.method == "POST" else None
    form = forms.NewDecisionForm(data, measures=measures, kinds=kinds, initial=initial)
    if data is not None and form.is_valid():
        try:
            decision = services.decision_draft(user=user, case=case, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            messages.success(request, _("The draft decision was started."))
            return redirect("decision_edit", case_id=case.pk, decision_id=decision.pk)
    return render(request, "decisions/new.html", {"case": case, "form": form, "measure": measure})


def _decision_form(case: Any, decision: Any, data: Any) -> forms.DecisionForm:
    return forms.DecisionForm(
        data,
        parties=list(decision.parties.all()),
        deciders=selectors.deciders(case, decision.kind, decision.measure),
        staff=selectors.staff_of(case),
        asks_close_network=decision.kind in kinds.CLOSE_NETWORK_KINDS,
        asks_care_form=selectors.asks_care_form(decision),
        asks_carer_view=decision.kind in kinds.CARER_VIEW_KINDS,
        extends_a_placement=decision.kind == kinds.DecisionKind.EMERGENCY_PLACEMENT_EXTENSION,
        initial=forms.decision_initial(decision),
    )


@login_required
@GET_POST
def decision_edit(request: HttpRequest, case_id: int, decision_id: int) -> HttpResponse:
    user = policy.user_of(request)
    case, decision = access.decision_get_for_user(
        user, case_id, decision_id, purpose=Purpose.DECISION_EDIT, action=Action.DECIDE
    )
    if decision.state != "draft":
        raise policy.NotFound
    form = _decision_form(case, decision, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        text, parties = form.values()
        try:
            services.decision_update(
                user=user,
                decision=decision,
                lock_version=form.cleaned_data["lock_version"],
                data=text,
                parties=parties,
            )
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            messages.success(request, _("The draft decision was saved."))
            return redirect("decision_detail", case_id=case.pk, decision_id=decision.pk)
    return render(
        request,
        "decisions/edit.html",
        {
            "case": case,
            "decision": decision,
            "form": form,
            "consents": selectors.consents_of(decision),
        },
    )


@login_required
@require_GET
def decision_detail(request: HttpRequest, case_id: int, decision_id: int) -> HttpResponse:
    user = policy.user_of(request)
    case, decision = access.decision_get_for_user(
        user, case_id, decision_id, purpose=Purpose.DECISION_READ
    )
    return render(
        request,
        "decisions/detail.html",
        {
            "case": case,
            "decision": decision,
            "document": decision_document(decision, language=decision.language),
            "actions": access.actions_on(user, case, decision),
            "served": selectors.party_services(decision),
            "appeal": selectors.appeal_status(decision, today=timezone.localdate()),
            "consents": selectors.consents_of(decision),
            "authorities_missing": instructions.authorities_missing(case.county),
        },
    )


@login_required
@GET_POST
def decision_sign(request: HttpRequest, case_id: int, decision_id: int) -> HttpResponse:
    """The named decider confirms and signs."""
    user = policy.user_of(request)
    case, decision = access.draft_for_signing(
        user, case_id, decision_id, purpose=Purpose.DECISION_SIGN
    )

    def signed_already() -> HttpResponse:
        messages.info(request, _("The decision is already signed: nothing was changed."))
        return redirect("decision_detail", case_id=case.pk, decision_id=decision.pk)

    if decision.state == DecisionState.SIGNED:
        # "Back" to this page after signing, and sign again: the decision, not an error.
        return signed_already()
    data = request.POST if request.method == "POST" else None
    form = forms.SignForm(data, initial={"lock_version": decision.lock_version})
    if data is not None and form.is_valid():
        try:
            services.decision_sign(
                user=user, decision=decision, lock_version=form.cleaned_data["lock_version"]
            )
        except DecisionAlreadySigned:  # the first of a double click signed it meanwhile
            return signed_already()
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            messages.success(request, _("The decision was signed."))
            return redirect("decision_detail", case_id=case.pk, decision_id=decision.pk)
    return render(
        request, "decisions/sign.html", {"case": case, "decision": decision, "form": form}
    )


@login_required
@GET_POST
def decision_correct(request: HttpRequest, case_id: int, decision_id: int) -> HttpResponse:
    user = policy.user_of(request)
    case, decision = access.decision_get_for_user(
        user, case_id, decision_id, purpose=Purpose.DECISION_CORRECT, action=Action.DECIDE
    )
    form = forms.CorrectForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            new = services.decision_correct(user=user, decision=decision, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            messages.success(request, _("A correcting draft was started."))
            # Sent again after the draft was signed: the signed correction, to read.
            page = "decision_edit" if new.state == DecisionState.DRAFT else "decision_detail"
            return redirect(page, case_id=case.pk, decision_id=new.pk)
    return render(
        request, "decisions/correct.html", {"case": case, "decision": decision, "form": form}
    )


def _served_message(service: Any) -> str:
    """The party's appeal period runs from their first service: a service to a party
    already served says so, with the end it does not move."""
    first = selectors.party_first_service(service.party)
    if first is None or first.pk == service.pk:
        said = _("The service was recorded. The appeal period ends on %(date)s.")
    else:
        said = _(
            "The service was recorded. It does not extend the appeal period, which runs "
            "from the first service and ends on %(date)s."
        )
    ends = (first or service).appeal_ends
    return said % {"date": ends.strftime("%-d.%-m.%Y")}


@login_required
@GET_POST
def decision_serve(request: HttpRequest, case_id: int, decision_id: int) -> HttpResponse:
    user = policy.user_of(request)
    case, decision = access.decision_get_for_user(
        user, case_id, decision_id, purpose=Purpose.DECISION_SERVE, action=Action.RECORD
    )
    form = forms.ServeForm(
        request.POST if request.method == "POST" else None,
        parties=selectors.parties_of(decision),
        initial={"sent_on": timezone.localdate(), "channel": "letter"},
    )
    if request.method == "POST" and form.is_valid():
        try:
            service = services.decision_serve(user=user, decision=decision, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            messages.success(request, _served_message(service))
            return redirect("decision_detail", case_id=case.pk, decision_id=decision.pk)
    return render(
        request, "decisions/serve.html", {"case": case, "decision": decision, "form": form}
    )
