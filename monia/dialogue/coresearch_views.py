"""Co-research on the journal pages (the actions their forms post, by ``intent``) and the
development report. The journal pages keep their rules: the portal page opens the client's
own matter through ``portal_case_of`` (logged), the staff page through
``policy.case_get_for_user`` (RECORD to write, logged). The report is for the county's
development coordinator and senior official (training.access.may_oversee): it shows only
consented excerpts without names, so it reads no client's identity and logs nothing."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from monia.access import policy
from monia.casework.models import Case
from monia.dialogue import coresearch, selectors
from monia.dialogue.coresearch_forms import ExcerptForm, PortalQuestionForm, StaffQuestionForm
from monia.portal.access import PortalCase
from monia.training.access import may_oversee
from monia.ui.errors import apply_errors

STAFF_INTENTS = frozenset({"question", "agree", "excerpt"})
PORTAL_INTENTS = frozenset({"question", "agree", "consent", "withdraw"})


def _id(request: HttpRequest, name: str) -> int:
    value = request.POST.get(name, "")
    return int(value) if value.isascii() and value.isdigit() and len(value) < 10 else 0


def staff_post(request: HttpRequest, case: Case, forms: dict[str, Any]) -> bool:
    """A worker's co-research action on the case's journal page; True when saved (else the
    bound form in ``forms`` shows what was typed with the error)."""
    user, intent = policy.user_of(request), request.POST.get("intent")
    try:
        if intent == "agree":
            coresearch.question_agree(
                user=user,
                case=case,
                client=None,
                question_id=_id(request, "question_id"),
                by_client=False,
            )
        elif intent == "question":
            form = forms["question"] = StaffQuestionForm(
                request.POST, clients=[(p.pk, p.full_name) for p in selectors.case_clients(case)]
            )
            if not form.is_valid():
                return False
            client = next(
                p for p in selectors.case_clients(case) if p.pk == form.cleaned_data["client"]
            )
            coresearch.question_propose(
                user=user,
                case=case,
                client=client,
                text=form.cleaned_data["question"],
                by_client=False,
            )
        else:
            form = forms["excerpt"] = ExcerptForm(request.POST)
            forms["excerpt_entry"] = _id(request, "entry")
            if not form.is_valid():
                return False
            coresearch.excerpt_ask(
                user=user,
                case=case,
                entry_id=_id(request, "entry"),
                excerpt=form.cleaned_data["excerpt"],
            )
    except ValidationError as exc:
        if intent == "agree":
            raise policy.NotFound from exc
        apply_errors(exc, forms["question" if intent == "question" else "excerpt"])
        return False
    messages.success(request, _("Saved."))
    return True


def staff_context(case: Case, forms: dict[str, Any]) -> dict[str, Any]:
    clients = [(p.pk, p.full_name) for p in selectors.case_clients(case)]
    return {
        "questions": coresearch.questions(case=case),
        "consents": coresearch.consents(case=case),
        "question_form": forms.get("question") or StaffQuestionForm(clients=clients),
        "excerpt_form": forms.get("excerpt"),
        "excerpt_entry": forms.get("excerpt_entry"),
    }


def portal_post(request: HttpRequest, pc: PortalCase, forms: dict[str, Any]) -> bool:
    """The client's co-research action in their own journal; True when saved."""
    user, intent = policy.user_of(request), request.POST.get("intent")
    try:
        if intent == "question":
            form = forms["question"] = PortalQuestionForm(request.POST)
            if not form.is_valid():
                return False
            coresearch.question_propose(
                user=user,
                case=pc.case,
                client=pc.client,
                text=form.cleaned_data["question"],
                by_client=True,
            )
        elif intent == "agree":
            coresearch.question_agree(
                user=user,
                case=pc.case,
                client=pc.client,
                question_id=_id(request, "question_id"),
                by_client=True,
            )
        elif intent == "consent":
            coresearch.excerpt_consent_give(
                user=user, case=pc.case, client=pc.client, consent_id=_id(request, "consent_id")
            )
        else:
            coresearch.excerpt_consent_withdraw(
                case=pc.case, client=pc.client, consent_id=_id(request, "consent_id")
            )
    except ValidationError as exc:
        if intent == "question":
            apply_errors(exc, forms["question"])
            return False
        raise policy.NotFound from exc
    messages.success(request, _("Saved."))
    return True


def portal_context(pc: PortalCase, forms: dict[str, Any]) -> dict[str, Any]:
    return {
        "questions": coresearch.questions(case=pc.case, client=pc.client),
        "consents": list(coresearch.consents(case=pc.case, client=pc.client).values()),
        "question_form": forms.get("question") or PortalQuestionForm(),
    }


@login_required
@require_GET
def coresearch_report(request: HttpRequest) -> HttpResponse:
    user = policy.user_of(request)
    if not may_oversee(user):
        raise policy.NotFound
    return render(
        request,
        "dialogue/coresearch_report.html",
        {"excerpts": coresearch.report_excerpts(county_id=user.county_id)},
    )
