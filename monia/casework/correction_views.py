"""Correcting what was recorded (the client's right to rectification, GDPR art. 16): a
child's or family member's details, an intake's text and notifier; and linking a child
recorded as not identified to the identified person. Signed decisions are not corrected
here: a new decision corrects them.

Each page shows the history of corrections, with the old values and the reasons.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from monia.access import contact, policy
from monia.access.policy import Action
from monia.access.purposes import Purpose
from monia.casework import child_choice, correction_forms, intake_services, person_services
from monia.casework.forms import unchecked
from monia.people import selectors as people_selectors
from monia.ui.errors import apply_errors, saved_by

GET_POST = require_http_methods(["GET", "POST"])


def _corrected(
    request: HttpRequest, form: Form, correct: Callable[[str, dict[str, Any]], object]
) -> bool:
    """Run a posted correction (the reason apart from the corrected values): True when it
    was recorded; False leaves the form with what was typed and the messages."""

    def call(data: dict[str, Any]) -> None:
        values = dict(data)
        correct(values.pop("reason"), values)

    if not saved_by(request, form, call):
        return False
    messages.success(request, _("The correction was recorded."))
    return True


@login_required
@GET_POST
def person_correct(request: HttpRequest, case_id: int, person_id: int) -> HttpResponse:
    """Correct the details of the case's child or of a family member."""
    user = policy.user_of(request)
    case = policy.case_get_for_user(
        user, case_id, purpose=Purpose.PERSON_CORRECT, action=Action.RECORD
    )
    person = people_selectors.person_in_family(case.child, person_id)
    if person is None:
        raise policy.NotFound
    # The address and municipality go through the contact rule (non-disclosure).
    reader = contact.Reader.staff(user, case)
    card = contact.contact_cards([person], reader, details=False)[0]
    form = correction_forms.PersonCorrectionForm(
        request.POST if request.method == "POST" else None, person=person, protected=card.hidden
    )
    saved = _corrected(
        request,
        form,
        lambda reason, values: person_services.case_person_correct(
            user=user, case=case, person=person, reason=reason, values=values
        ),
    )
    if saved:
        return redirect("person_correct", case_id=case.pk, person_id=person.pk)
    return render(
        request,
        "casework/person_correct.html",
        {
            "case": case,
            "person": person,
            "form": form,
            "card": card,
            "corrections": contact.corrections_shown(
                people_selectors.corrections_of(person), person, reader
            ),
        },
    )


@login_required
@GET_POST
def intake_correct(request: HttpRequest, case_id: int, intake_id: int) -> HttpResponse:
    """Correct an intake's text and notifier; its decision is not corrected here."""
    user = policy.user_of(request)
    case = policy.case_get_for_user(
        user, case_id, purpose=Purpose.INTAKE_CORRECT, action=Action.RECORD
    )
    intake = get_object_or_404(case.intakes, pk=intake_id)
    form = correction_forms.IntakeCorrectionForm(
        request.POST if request.method == "POST" else None, intake=intake
    )
    saved = _corrected(
        request,
        form,
        lambda reason, values: intake_services.intake_correct(
            user=user, intake=intake, reason=reason, values=values
        ),
    )
    if saved:
        return redirect("intake_correct", case_id=case.pk, intake_id=intake.pk)
    return render(
        request,
        "casework/intake_correct.html",
        {
            "case": case,
            "intake": intake,
            "form": form,
            "corrections": intake.corrections.select_related("corrected_by"),
        },
    )


@login_required
@GET_POST
def child_identify(request: HttpRequest, case_id: int) -> HttpResponse:
    """Link a child recorded as not identified to the identified person in the register:
    search and choose inside the one form, give the reason."""
    user = policy.user_of(request)
    case = policy.case_get_for_user(
        user, case_id, purpose=Purpose.CHILD_IDENTIFY, action=Action.RECORD
    )
    posted = request.method == "POST"
    searching = posted and "search" in request.POST
    section = child_choice.child_section(
        user,
        request.POST if posted else request.GET,
        bound=posted,
        search_purpose=Purpose.CHILD_IDENTIFY_SEARCH,
        chosen_purpose=Purpose.CHILD_IDENTIFY,
        offer_new=False,
    )
    form = correction_forms.IdentifyForm(request.POST if posted else None)
    if searching:
        unchecked(form, section.choice)
    elif posted and all([form.is_valid(), section.choice.is_valid()]):
        if section.chosen is None:
            section.choice.add_error("person", _("Choose the child."))
        else:
            try:
                target = person_services.child_identify(
                    user=user, case=case, person=section.chosen, reason=form.cleaned_data["reason"]
                )
            except ValidationError as exc:
                apply_errors(exc, section.choice, form)
            else:
                messages.success(request, _("The child was linked to the identified person."))
                if policy.may(user, Action.VIEW, target):
                    return redirect("case_detail", case_id=target.pk)
                return redirect("dashboard")
    child_card = contact.contact_cards([case.child], contact.Reader.staff(user, case))[0]
    return render(
        request,
        "casework/child_identify.html",
        {"case": case, "form": form, "section": section, "child_card": child_card},
    )
