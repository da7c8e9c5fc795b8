"""A family's contact details on its case: addresses, phone numbers and e-mail of the child
and each family member with the municipality of residence; non-disclosure for personal
safety (turvakielto); corrections of family relations.

Every address shown goes through ``monia.access.contact.contact_cards``: a protected one only
to the staff with the need to know (logged), to nobody else — and the pages that would show or
change a protected person's details answer 404 to the others, like a missing page.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from monia.access import contact, policy
from monia.access.policy import Action
from monia.access.purposes import Purpose
from monia.accounts.models import User
from monia.casework import contact_forms, contact_services
from monia.casework.models import Case
from monia.people import contact_selectors
from monia.people import selectors as people_selectors
from monia.people.models import Person
from monia.ui.errors import apply_errors

GET_POST = require_http_methods(["GET", "POST"])


def _family_member(case: Case, person_id: int) -> Person:
    person = people_selectors.person_in_family(case.child, person_id)
    if person is None:
        raise policy.NotFound
    return person


def _card_shown(user: User, case: Case, person: Person) -> contact.ContactCard:
    """The person's details for a page that shows or changes them: 404 when they are
    protected from this user (logged when shown)."""
    card = contact.contact_cards([person], contact.Reader.staff(user, case))[0]
    if card.hidden:
        raise policy.NotFound
    return card


@login_required
@require_GET
def case_contacts(request: HttpRequest, case_id: int) -> HttpResponse:
    """The contact details of the child and of everyone tied to the child."""
    user = policy.user_of(request)
    case = policy.case_get_for_user(user, case_id, purpose=Purpose.CASE_CONTACTS)
    reader = contact.Reader.staff(user, case)
    cards = contact.contact_cards(contact_selectors.family_of(case.child), reader)
    return render(
        request,
        "casework/contacts.html",
        {
            "case": case,
            "cards": cards,
            "protected": [c.person for c in cards if c.protected],
            "may_record": policy.may(user, Action.RECORD, case),
            "needs": reader.needs,
        },
    )


@login_required
@GET_POST
def contact_detail_new(request: HttpRequest, case_id: int, person_id: int) -> HttpResponse:
    user = policy.user_of(request)
    case = policy.case_get_for_user(
        user, case_id, purpose=Purpose.CONTACT_DETAIL_NEW, action=Action.RECORD
    )
    person = _family_member(case, person_id)
    card = _card_shown(user, case, person)
    form = contact_forms.ContactDetailForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            contact_services.case_contact_detail_add(
                user=user, case=case, person=person, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            messages.success(request, _("The contact detail was recorded."))
            return redirect("case_contacts", case_id=case.pk)
    return render(
        request,
        "casework/contact_detail_new.html",
        {"case": case, "person": person, "card": card, "form": form},
    )


@login_required
@GET_POST
def contact_detail_correct(
    request: HttpRequest, case_id: int, person_id: int, detail_id: int
) -> HttpResponse:
    user = policy.user_of(request)
    case = policy.case_get_for_user(
        user, case_id, purpose=Purpose.CONTACT_DETAIL_CORRECT, action=Action.RECORD
    )
    person = _family_member(case, person_id)
    card = _card_shown(user, case, person)
    detail = contact_selectors.contact_detail_of(person, detail_id)
    if detail is None:
        raise policy.NotFound
    form = contact_forms.ContactDetailCorrectionForm(
        request.POST if request.method == "POST" else None, detail=detail
    )
    if request.method == "POST" and form.is_valid():
        values = dict(form.cleaned_data)
        reason = values.pop("reason")
        try:
            contact_services.case_contact_detail_correct(
                user=user, case=case, detail=detail, reason=reason, values=values
            )
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            messages.success(request, _("The correction was recorded."))
            return redirect("contact_detail_correct", case.pk, person.pk, detail.pk)
    return render(
        request,
        "casework/contact_detail_correct.html",
        {
            "case": case,
            "person": person,
            "card": card,
            "detail": detail,
            "form": form,
            "corrections": detail.corrections.select_related("corrected_by"),
        },
    )


@login_required
@GET_POST
def non_disclosure_set(request: HttpRequest, case_id: int, person_id: int) -> HttpResponse:
    """Record non-disclosure for personal safety from the population register, or its
    removal: only those with the need to know (monia.access.contact.need_to_know)."""
    user = policy.user_of(request)
    case = policy.case_get_for_user(
        user, case_id, purpose=Purpose.NON_DISCLOSURE, action=Action.RECORD
    )
    if not contact.need_to_know(user, case):
        raise policy.NotFound
    person = _family_member(case, person_id)
    marking = not person.non_disclosure
    form = contact_forms.NonDisclosureForm(
        request.POST if request.method == "POST" else None, marking=marking
    )
    if request.method == "POST" and form.is_valid():
        try:
            contact_services.case_non_disclosure_set(
                user=user,
                case=case,
                person=person,
                marked=form.cleaned_data["marked"],
                since=form.cleaned_data.get("since"),
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            messages.success(
                request,
                _("Non-disclosure was marked.") if marking else _("Non-disclosure was removed."),
            )
            return redirect("case_contacts", case_id=case.pk)
    history = people_selectors.corrections_of(person).filter(field="non_disclosure")
    return render(
        request,
        "casework/non_disclosure.html",
        {
            "case": case,
            "person": person,
            "marking": marking,
            "form": form,
            "corrections": history,
        },
    )


@login_required
@GET_POST
def relationship_correct(request: HttpRequest, case_id: int, relationship_id: int) -> HttpResponse:
    """Correct a family relation of the child: kind, custody, household, dates."""
    user = policy.user_of(request)
    case = policy.case_get_for_user(
        user, case_id, purpose=Purpose.RELATIONSHIP_CORRECT, action=Action.RECORD
    )
    tie = contact_selectors.relationship_of_child(case.child, relationship_id)
    if tie is None:
        raise policy.NotFound
    form = contact_forms.RelationshipCorrectionForm(
        request.POST if request.method == "POST" else None, relationship=tie
    )
    if request.method == "POST" and form.is_valid():
        values = dict(form.cleaned_data)
        reason = values.pop("reason")
        try:
            contact_services.case_relationship_correct(
                user=user, case=case, relationship=tie, reason=reason, values=values
            )
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            messages.success(request, _("The correction was recorded."))
            return redirect("relationship_correct", case.pk, tie.pk)
    return render(
        request,
        "casework/relationship_correct.html",
        {
            "case": case,
            "tie": tie,
            "form": form,
            "corrections": tie.corrections.select_related("corrected_by"),
        },
    )
