"""Casework pages. Thin: each view asks the access policy, calls one service, renders."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import CharField
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from monia.access import contact, policy
from monia.access.policy import Action
from monia.access.purposes import Purpose
from monia.attachments import selectors as attachment_selectors
from monia.casework import (
    child_choice,
    forms,
    intake_html,
    measure_forms,
    measure_selectors,
    measure_services,
    plan_selectors,
    selectors,
    services,
    stages,
)
from monia.casework.models import IntakeKind
from monia.people import selectors as people_selectors
from monia.people.services import SimilarPersons
from monia.ui.errors import apply_errors

GET_POST = require_http_methods(["GET", "POST"])


@login_required
@GET_POST
def intake_new(request: HttpRequest) -> HttpResponse:
    """Record an intake. The child is searched for, chosen or created inside the one form:
    "Search" re-renders the page with everything typed kept and the persons found."""
    user = policy.user_of(request)
    if not policy.may_record_intake(user):
        raise policy.NotFound
    posted = request.method == "POST"
    searching = posted and "search" in request.POST
    section = child_choice.child_section(
        user,
        request.POST if posted else request.GET,
        bound=posted,
        search_purpose=Purpose.INTAKE_CHILD_SEARCH,
        chosen_purpose=Purpose.INTAKE_NEW,
    )
    data = child_choice.typed(request, section)
    form = forms.IntakeForm(data if posted else None, user=user)
    child_form = forms.NewChildForm(data if posted else None, prefix="child")
    if searching:
        forms.unchecked(form, child_form, section.choice)
    elif posted:
        recorded = _intake_record(request, form, child_form, section)
        if recorded is not None:
            return recorded
    return render(
        request,
        "casework/intake_new.html",
        {
            "form": form,
            "child_form": child_form,
            "section": section,
            "pre_birth": IntakeKind.PRE_BIRTH,
        },
    )


def _intake_record(
    request: HttpRequest,
    form: forms.IntakeForm,
    child_form: forms.NewChildForm,
    section: child_choice.ChildSection,
) -> HttpResponse | None:
    """Record the intake for the child chosen or the new one; None when the form is
    re-rendered with the messages (and the likely duplicates to choose from)."""
    user = policy.user_of(request)
    child = section.chosen
    if child is not None:
        forms.unchecked(child_form)  # the new-child part is not in use
    valid = all([form.is_valid(), section.choice.is_valid()])
    if not valid or (child is None and not child_form.is_valid()):
        _every_message(form, child_form, section)
        return None
    data: dict[str, Any] = dict(form.cleaned_data)
    try:
        if child is not None:
            intake = services.intake_record(user=user, child=child, **data)
        else:
            intake = services.intake_record_for_new_child(
                user=user,
                child=child_form.cleaned_data,
                check_similar=not section.choice.cleaned_data["create_anyway"],
                **data,
            )
    except SimilarPersons as exc:
        section.add(user, exc.persons, purpose=Purpose.INTAKE_CHILD_SEARCH)
        apply_errors(exc, form, child_form, section.choice)
        return None
    except ValidationError as exc:
        apply_errors(exc, form, child_form, section.choice)
        return None
    if policy.may(user, Action.VIEW, intake.case):
        messages.success(request, _("The intake was recorded."))
        return redirect("case_detail", case_id=intake.case_id)
    messages.success(
        request, _("The intake was recorded and passed to the team responsible for the child.")
    )
    return redirect("dashboard")


def _every_message(
    form: forms.IntakeForm, child_form: forms.NewChildForm, section: child_choice.ChildSection
) -> None:
    """Beside the fields' own messages, what the services would refuse in what was typed
    (the notifier's contact details, the new child's names …): every message of the form
    in one round, none found only after the others are fixed."""
    new_child = _as_typed(child_form) if section.chosen is None else None
    errors = services.intake_errors(_as_typed(form), child=section.chosen, new_child=new_child)
    _beside_fields(errors, form, child_form, section.choice)


def _beside_fields(errors: dict[str, str], *forms_: Any) -> None:
    """The services' checks of what was typed, each beside the fields' own messages: a
    field with a message of its own keeps that one alone (told once, the first to fix)."""
    shown = {field for form in forms_ for field in form.errors}
    unshown = {field: message for field, message in errors.items() if field not in shown}
    apply_errors(ValidationError(unshown), *forms_)


def _as_typed(form: Any) -> dict[str, Any]:
    """A checked form's values: as read, or as typed where a text could not be read (an
    e-mail address or an identity code mistyped was still given)."""
    form.is_valid()  # checked once, if not yet: cleaned_data holds what could be read
    texts = (name for name, field in form.fields.items() if isinstance(field, CharField))
    return {**{name: form[name].value() or "" for name in texts}, **form.cleaned_data}


@login_required
@require_GET
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    user = policy.user_of(request)
    case = policy.case_get_for_user(user, case_id, purpose=Purpose.CASE_DETAIL)
    overview = selectors.case_overview(case, today=timezone.localdate())
    every = request.GET.get("intakes") == "all"
    intakes = overview.intakes_shown(every=every)
    guardians = list(people_selectors.relationships_of(case.child))
    # The warning names everyone protected; their addresses only through the contact rule.
    protected = [p for p in [case.child, *(r.from_person for r in guardians)] if p.non_disclosure]
    reader = contact.Reader.staff(user, case)
    child_card = contact.contact_cards([case.child], reader, details=False)[0]
    actions = policy.allowed_actions(user, case)
    now = stages.actions_now(
        case,
        allowed=actions,
        intakes=overview.intakes,
        assessments=overview.assessments,
        measures=overview.measures,
    )
    return render(
        request,
        "casework/case_detail.html",
        {
            "case": case,
            "o": overview,
            "guardians": guardians,
            "protected": protected,
            "child_card": child_card,
            "actions": actions,
            "now": now,
            "links": stages.case_links(case, allowed=actions),
            "worker_title": stages.worker_words(case).title,
            "intakes": intakes,
            # Each intake's article, written in Python (casework/intake_html.py).
            "intake_articles": intake_html.intake_articles(
                intakes,
                case=case,
                actions=actions,
                now=now,
                files=attachment_selectors.files_of("intake", [i.pk for i in intakes]),
            ),
            "intakes_hidden": len(overview.intakes) - len(intakes),
            "intakes_every": every and len(overview.intakes) > selectors.INTAKES_SHOWN,
            "open_to_appeal": selectors.decisions_open_to_appeal(case, today=timezone.localdate()),
        },
    )


@login_required
@require_GET
def case_chronology(request: HttpRequest, case_id: int) -> HttpResponse:
    user = policy.user_of(request)
    case = policy.case_get_for_user(user, case_id, purpose=Purpose.CASE_CHRONOLOGY)
    return render(
        request,
        "casework/chronology.html",
        {
            "case": case,
            "events": selectors.case_chronology(case),
        },
    )


def _form_page(
    request: HttpRequest,
    case_id: int,
    *,
    purpose: str,
    action: Action,
    form: Any,
    template: str,
    on_valid: Any,
    extra: dict[str, Any] | None = None,
    success: str,
    other_forms: tuple[Any, ...] = (),
    done: Any = None,
    checks: Any = None,
) -> HttpResponse:
    """The shared shape of a casework form page: check access, validate, call, redirect.
    ``done(case)``: what to tell the user when what the form does is done already (the
    page reopened with Back, another worker was first); they go to the case page.
    ``checks(case, typed)``: what the service would refuse in what was typed, shown with
    the fields' own messages, every message in one round (the rest, which needs the saved
    state, comes from the service once the fields are right)."""
    user = policy.user_of(request)
    case = policy.case_get_for_user(user, case_id, purpose=purpose, action=action)
    said = done(case) if done is not None else None
    if said:
        messages.info(request, said)
        return redirect("case_detail", case_id=case.pk)
    context = {"case": case, **(extra(case) if callable(extra) else extra or {})}
    bound = form(case, request.POST if request.method == "POST" else None)
    if request.method == "POST" and bound.is_valid():
        try:
            on_valid(user, case, bound.cleaned_data)
        except ValidationError as exc:
            apply_errors(exc, bound, *other_forms)
        else:
            messages.success(request, success)
            return redirect("case_detail", case_id=case.pk)
    elif request.method == "POST" and checks is not None:
        _beside_fields(checks(case, _as_typed(bound)), bound, *other_forms)
    return render(request, template, {**context, "form": bound})


@login_required
@GET_POST
def intake_urgency(request: HttpRequest, case_id: int, intake_id: int) -> HttpResponse:
    def call(user: Any, case: Any, data: dict[str, Any]) -> None:
        intake = get_object_or_404(case.intakes, pk=intake_id)
        services.intake_assess_urgency(user=user, intake=intake, **data)

    return _form_page(
        request,
        case_id,
        purpose=Purpose.INTAKE_URGENCY,
        action=Action.RECORD,
        form=lambda case, data: forms.UrgencyForm(data),
        template="casework/urgency.html",
        on_valid=call,
        success=_("The urgency assessment was recorded."),
        extra=lambda case: {"intake": get_object_or_404(case.intakes, pk=intake_id)},
    )


@login_required
@GET_POST
def intake_decision(request: HttpRequest, case_id: int, intake_id: int) -> HttpResponse:
    def call(user: Any, case: Any, data: dict[str, Any]) -> None:
        intake = get_object_or_404(case.intakes, pk=intake_id)
        services.intake_decide(user=user, intake=intake, **data)

    def within_client(case: Any) -> bool:
        allowed = policy.allowed_actions(policy.user_of(request), case)
        return stages.actions_now(case, allowed=allowed).decide_within_client

    return _form_page(
        request,
        case_id,
        purpose=Purpose.INTAKE_DECISION,
        action=Action.DECIDE,
        form=lambda case, data: forms.IntakeDecisionForm(
            data,
            within_client=within_client(case),
            initial={"decided_on": timezone.localdate()},
        ),
        template="casework/decision.html",
        on_valid=call,
        checks=lambda case, typed: services.intake_decision_errors(
            typed, intake=get_object_or_404(case.intakes, pk=intake_id)
        ),
        success=_("The decision was recorded."),
        done=lambda case: (
            _("The decision on this intake had already been recorded: nothing was changed.")
            if selectors.intake_decided(case, intake_id)
            else None
        ),
        extra=lambda case: {
            "intake": get_object_or_404(case.intakes, pk=intake_id, decision=""),
            "within_client": within_client(case),
            "plan": plan_selectors.plan_in_force(case),
        },
    )


@login_required
@GET_POST
def assessment_complete(request: HttpRequest, case_id: int, assessment_id: int) -> HttpResponse:
    def call(user: Any, case: Any, data: dict[str, Any]) -> None:
        assessment = get_object_or_404(case.assessments, pk=assessment_id)
        hearing = {k: data.pop(k) for k in forms.AssessmentCompleteForm.HEARING_FIELDS}
        services.assessment_complete(user=user, assessment=assessment, hearing=hearing, **data)

    def checks(case: Any, typed: dict[str, Any]) -> dict[str, str]:
        fields = forms.AssessmentCompleteForm.HEARING_FIELDS
        hearing = {k: typed.pop(k) for k in fields if k in typed} if "heard" in typed else None
        return services.assessment_completion_errors(
            typed,
            assessment=get_object_or_404(case.assessments, pk=assessment_id),
            case=case,
            hearing=hearing,
        )

    return _form_page(
        request,
        case_id,
        purpose=Purpose.ASSESSMENT_COMPLETE,
        action=Action.DECIDE,
        form=lambda case, data: forms.AssessmentCompleteForm(
            data,
            county_id=case.county_id,
            initial={
                "completed_on": timezone.localdate(),
                "designated_worker": case.designated_worker_id,
            },
        ),
        template="casework/assessment_complete.html",
        on_valid=call,
        checks=checks,
        success=_("The service-needs assessment was completed."),
        extra=lambda case: {
            "assessment": get_object_or_404(
                case.assessments, pk=assessment_id, completed_on__isnull=True
            )
        },
    )


@login_required
@GET_POST
def measure_new(request: HttpRequest, case_id: int) -> HttpResponse:
    """Record a measure with the child's hearing and the consents it needs."""
    today = timezone.localdate()

    def make(case: Any, data: Any) -> measure_forms.MeasureForm:
        return measure_forms.MeasureForm(
            data,
            consenters=measure_selectors.consenters(case, on=today),
            initial={"decided_on": today, "started_on": today},
        )

    def call(user: Any, case: Any, data: dict[str, Any]) -> None:
        values = measure_forms.measure_values(data)
        measure_services.measure_record(user=user, case=case, **values)

    def checks(case: Any, typed: dict[str, Any]) -> dict[str, str]:
        values = measure_forms.measure_values(typed)
        hearing, consents = values.pop("hearing"), values.pop("consents")
        return measure_services.measure_errors(
            values, case=case, hearing=hearing, consents=consents
        )

    return _form_page(
        request,
        case_id,
        purpose=Purpose.MEASURE_NEW,
        action=Action.DECIDE,
        form=make,
        template="casework/measure_new.html",
        on_valid=call,
        checks=checks,
        success=_("The measure was recorded."),
        extra=lambda case: {
            "hearing_required": measure_selectors.hearing_required(case.child, today)
        },
    )


def _measure_date_page(
    request: HttpRequest,
    case_id: int,
    measure_id: int,
    *,
    purpose: str,
    write: Any,
    title: str,
    success: str,
) -> HttpResponse:
    """A measure's one-date decision (extend, end): ``write(user, measure, date)``."""

    def call(user: Any, case: Any, data: dict[str, Any]) -> None:
        write(user, get_object_or_404(case.measures, pk=measure_id), data["date"])

    return _form_page(
        request,
        case_id,
        purpose=purpose,
        action=Action.DECIDE,
        form=lambda case, data: forms.DateOnlyForm(data, initial={"date": timezone.localdate()}),
        template="casework/measure_date.html",
        on_valid=call,
        success=success,
        extra=lambda case: {
            "measure": get_object_or_404(case.measures, pk=measure_id),
            "title": title,
        },
    )


@login_required
@GET_POST
def measure_extend(request: HttpRequest, case_id: int, measure_id: int) -> HttpResponse:
    return _measure_date_page(
        request,
        case_id,
        measure_id,
        purpose=Purpose.MEASURE_EXTEND,
        write=lambda user, measure, on: measure_services.emergency_placement_extend(
            user=user, measure=measure, decided_on=on
        ),
        title=_("Extend the emergency placement (LsL 38 a §)"),
        success=_("The emergency placement was extended."),
    )


@login_required
@GET_POST
def measure_end(request: HttpRequest, case_id: int, measure_id: int) -> HttpResponse:
    return _measure_date_page(
        request,
        case_id,
        measure_id,
        purpose=Purpose.MEASURE_END,
        write=lambda user, measure, on: measure_services.measure_end(
            user=user, measure=measure, ended_on=on
        ),
        title=_("End the measure"),
        success=_("The measure was ended."),
    )


@login_required
@GET_POST
def worker_assign(request: HttpRequest, case_id: int) -> HttpResponse:
    def call(user: Any, case: Any, data: dict[str, Any]) -> None:
        services.designated_worker_assign(
            user=user, case=case, worker=data["worker"], on=timezone.localdate()
        )

    return _form_page(
        request,
        case_id,
        purpose=Purpose.WORKER_ASSIGN,
        action=Action.DECIDE,
        form=lambda case, data: forms.WorkerAssignForm(
            data,
            county_id=case.county_id,
            label=stages.worker_words(case).title,
            initial={"worker": case.designated_worker_id},
        ),
        template="casework/worker_assign.html",
        on_valid=call,
        success=_("The social worker was named."),
        extra=lambda case: {"words": stages.worker_words(case)},
    )
