"""The coordinator's pages: the county's questionnaires, a questionnaire with its
questions (publish, new version, "Ask now"), a question's kind and nine wordings."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from monia.access import policy
from monia.feedback import access, selectors, services
from monia.feedback.forms import AskForm, QuestionForm, QuestionnaireForm, text_field_name
from monia.feedback.models import Question, Questionnaire
from monia.feedback.wording import text_for
from monia.ui.errors import apply_errors

GET_POST = require_http_methods(["GET", "POST"])


@login_required
@require_GET
def questionnaire_list(request: HttpRequest) -> HttpResponse:
    user = policy.user_of(request)
    if not access.may_manage(user):
        raise policy.NotFound
    return render(
        request,
        "feedback/questionnaire_list.html",
        {"questionnaires": selectors.questionnaires_of_county(user.county_id)},
    )


@login_required
@GET_POST
def questionnaire_new(request: HttpRequest) -> HttpResponse:
    user = policy.user_of(request)
    if not access.may_manage(user):
        raise policy.NotFound
    form = QuestionnaireForm(request.POST or None, initial={"active": True})
    if request.method == "POST" and form.is_valid():
        try:
            q = services.questionnaire_create(user=user, data=form.cleaned_data)
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            return redirect("feedback_questionnaire", q.pk)
    return render(request, "feedback/questionnaire_form.html", {"form": form})


@login_required
@GET_POST
def questionnaire_edit(request: HttpRequest, questionnaire_id: int) -> HttpResponse:
    q = access.questionnaire_to_manage(policy.user_of(request), questionnaire_id)
    initial = {f: getattr(q, f) for f in services.QUESTIONNAIRE_FIELDS}
    form = QuestionnaireForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.questionnaire_update(questionnaire=q, data=form.cleaned_data)
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            return redirect("feedback_questionnaire", q.pk)
    return render(request, "feedback/questionnaire_form.html", {"form": form, "questionnaire": q})


@login_required
@GET_POST
def questionnaire_detail(request: HttpRequest, questionnaire_id: int) -> HttpResponse:
    """The questions in Finnish (or the page's language); publish, or make a new version."""
    user = policy.user_of(request)
    q = access.questionnaire_to_manage(user, questionnaire_id)
    if request.method == "POST":
        return _act(request, q)
    return _detail(request, q, ask_form=None)


def _detail(request: HttpRequest, q: Questionnaire, *, ask_form: AskForm | None) -> HttpResponse:
    """The page; a published, active version offers "Ask now" (``ask_form``: as posted)."""
    language = (get_language() or "fi")[:2]
    questions = [
        (question, text_for(question.texts.all(), language=language, band="adult"))
        for question in selectors.questions_of(q)
    ]
    if ask_form is None and q.is_published and q.active:
        ask_form = AskForm(audiences=selectors.ask_audiences(q.county_id))
    return render(
        request,
        "feedback/questionnaire_detail.html",
        {"questionnaire": q, "questions": questions, "ask_form": ask_form},
    )


@login_required
@require_POST
def questionnaire_ask(request: HttpRequest, questionnaire_id: int) -> HttpResponse:
    """The "Ask now" form: the group chosen is asked; a refusal shows the page again with
    the choice kept."""
    q = access.questionnaire_to_manage(policy.user_of(request), questionnaire_id)
    form = AskForm(request.POST, audiences=selectors.ask_audiences(q.county_id))
    if form.is_valid():
        try:
            asked = services.questionnaire_ask(
                questionnaire=q, audience=form.cleaned_data["audience"]
            )
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            messages.success(request, _asked_message(asked))
            return redirect("feedback_questionnaire", q.pk)
    return _detail(request, q, ask_form=form)


def _asked_message(asked: services.AskResult) -> str:
    new = ngettext("Asked %(count)d person.", "Asked %(count)d people.", asked.new) % {
        "count": asked.new
    }
    if not asked.already:
        return new
    already = ngettext(
        "%(count)d already had an invitation and was not asked again.",
        "%(count)d already had an invitation and were not asked again.",
        asked.already,
    ) % {"count": asked.already}
    return f"{new} {already}"


def _act(request: HttpRequest, q: Questionnaire) -> HttpResponse:
    try:
        if "publish" in request.POST:
            services.questionnaire_publish(questionnaire=q)
            messages.success(request, _("Published. Its questions can no longer change."))
        elif "new_version" in request.POST:
            q = services.questionnaire_new_version(user=policy.user_of(request), questionnaire=q)
            messages.success(request, _("A new version to edit. Publish it when it is ready."))
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    return redirect("feedback_questionnaire", q.pk)


def _question_initial(question: Question | None) -> dict[str, object]:
    if question is None:
        return {"kind": "face"}
    initial: dict[str, object] = {"kind": question.kind, "required": question.required}
    for t in question.texts.all():
        initial[text_field_name(t.language, t.age_band)] = t.text
    return initial


@login_required
@GET_POST
def question_edit(
    request: HttpRequest, questionnaire_id: int, question_id: int | None = None
) -> HttpResponse:
    """A new question (no ``question_id``) or a draft's question; POST "delete" removes it."""
    q = access.questionnaire_to_manage(policy.user_of(request), questionnaire_id)
    question = None
    if question_id is not None:
        question = next((x for x in selectors.questions_of(q) if x.pk == question_id), None)
        if question is None:
            raise policy.NotFound
    form = QuestionForm(request.POST or None, initial=_question_initial(question))
    try:
        if request.method == "POST" and question is not None and "delete" in request.POST:
            services.question_delete(question=question)
            return redirect("feedback_questionnaire", q.pk)
        if request.method == "POST" and form.is_valid():
            services.question_save(
                questionnaire=q,
                question=question,
                kind=form.cleaned_data["kind"],
                required=form.cleaned_data["required"],
                texts=form.texts(),
            )
            return redirect("feedback_questionnaire", q.pk)
    except ValidationError as exc:
        apply_errors(exc, form)
    return render(
        request,
        "feedback/question_form.html",
        {"form": form, "questionnaire": q, "question": question},
    )
