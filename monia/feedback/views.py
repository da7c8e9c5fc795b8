"""Feedback questionnaires: the coordinator defines them, respondents answer (clients in
the portal, staff and partners on the network's pages), the county's staff read the
anonymised results. Thin: access.py decides, selectors read, services write."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from monia.access import policy
from monia.feedback import access, charts, selectors, services
from monia.feedback.forms import AnswerForm
from monia.portal.access import is_client
from monia.ui.errors import apply_errors

GET_POST = require_http_methods(["GET", "POST"])


def _language() -> str:
    return (get_language() or "fi")[:2]


def _answer(request: HttpRequest, invitation_id: int, *, template: str) -> HttpResponse:
    user = policy.user_of(request)
    invitation = access.invitation_for_respondent(user, invitation_id)
    asked = selectors.asked_questions(invitation, language=_language())
    form = AnswerForm(request.POST if request.method == "POST" else None, asked=asked)
    if request.method == "POST" and invitation.answered_at is None and form.is_valid():
        try:
            saved = services.answers_submit(
                invitation_id=invitation.pk,
                questions=[a.question for a in asked],
                answers=form.cleaned_data,
            )
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            if saved:
                messages.success(request, _("Thank you for your answers!"))
            return redirect(request.path)
    return render(
        request,
        template,
        {
            "invitation": invitation,
            "form": form,
            "closed": invitation.closes_on < timezone.localdate(),
            "seen_by_worker": selectors.seen_by_worker(invitation),
        },
    )


@login_required(login_url="portal_login")
@GET_POST
def portal_answer(request: HttpRequest, invitation_id: int) -> HttpResponse:
    """A client answers in the portal: one page, one POST."""
    if not is_client(policy.user_of(request)):
        raise policy.NotFound
    return _answer(request, invitation_id, template="feedback/portal_answer.html")


@login_required
@GET_POST
def staff_answer(request: HttpRequest, invitation_id: int) -> HttpResponse:
    """A staff member or partner answers after an event, on the network's pages."""
    if is_client(policy.user_of(request)):
        raise policy.NotFound
    return _answer(request, invitation_id, template="feedback/staff_answer.html")


@login_required
@require_GET
def results_list(request: HttpRequest) -> HttpResponse:
    user = policy.user_of(request)
    if not access.may_see_results(user):
        raise policy.NotFound
    return render(
        request,
        "feedback/results_list.html",
        {"questionnaires": selectors.published_of_county(user.county_id)},
    )


@login_required
@require_GET
def results(request: HttpRequest, questionnaire_id: int) -> HttpResponse:
    """Anonymised groups of five or more, with a chart and its table per question."""
    questionnaire = access.questionnaire_results_get(policy.user_of(request), questionnaire_id)
    period = "quarter" if request.GET.get("period") == "quarter" else "month"
    found = selectors.results(questionnaire, language=_language(), period=period)
    return render(
        request,
        "feedback/results.html",
        {
            "questionnaire": questionnaire,
            "period": period,
            "results": [(r, charts.mean_chart(r)) for r in found],
            "min_group": selectors.aggregate.MIN_GROUP,
        },
    )
