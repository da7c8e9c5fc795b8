"""The workers' side of the dialogue for one case: the clients' threads, one thread, and
the co-research journals. Reading is CASE_VIEW, writing CASE_RECORD, both through
``policy.case_get_for_user`` (logged; 404 for anyone else). Each request runs in one
transaction with its access-log row."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from monia.access import policy
from monia.access.policy import Action
from monia.access.purposes import Purpose
from monia.casework.models import Case
from monia.dialogue import coresearch_views, selectors, services
from monia.dialogue.forms import StaffJournalForm, StaffNewMessageForm, StaffReplyForm
from monia.ui.errors import apply_errors

GET_POST = require_http_methods(["GET", "POST"])


def _case(request: HttpRequest, case_id: int, purpose: str) -> Case:
    action = Action.RECORD if request.method == "POST" else Action.VIEW
    return policy.case_get_for_user(
        policy.user_of(request), case_id, purpose=purpose, action=action
    )


def _client_choices(case: Case) -> list[tuple[int, str]]:
    return [(p.pk, p.full_name) for p in selectors.case_clients(case)]


@login_required
@GET_POST
@transaction.atomic
def case_messages(request: HttpRequest, case_id: int) -> HttpResponse:
    """The case's threads with unread counts; RECORD may write to a client."""
    user = policy.user_of(request)
    case = _case(request, case_id, Purpose.CASE_MESSAGES)
    data = request.POST if request.method == "POST" else None
    form = StaffNewMessageForm(data, clients=_client_choices(case))
    if request.method == "POST" and form.is_valid():
        try:
            message = services.message_send_to_client(
                user=user,
                case=case,
                client_id=form.cleaned_data["client"],
                body=form.cleaned_data["body"],
                submission_key=form.cleaned_data["submission_key"],
            )
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            messages.success(request, _("The message was sent."))
            return redirect("case_message_thread", case_id=case.pk, thread_id=message.thread_id)
    context = {
        "case": case,
        "rows": selectors.case_threads(case),
        "form": form,
        "may_record": policy.may(user, Action.RECORD, case),
    }
    return render(request, "dialogue/case_messages.html", context)


@login_required
@GET_POST
@transaction.atomic
def case_message_thread(request: HttpRequest, case_id: int, thread_id: int) -> HttpResponse:
    """One client's conversation; reading marks the client's messages read."""
    user = policy.user_of(request)
    case = _case(request, case_id, Purpose.CASE_MESSAGE_THREAD)
    thread = selectors.thread_get_for_case(case=case, thread_id=thread_id)
    if thread is None:
        raise policy.NotFound
    form = StaffReplyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.message_reply(
                user=user,
                thread=thread,
                body=form.cleaned_data["body"],
                submission_key=form.cleaned_data["submission_key"],
            )
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            messages.success(request, _("The message was sent."))
            return redirect("case_message_thread", case_id=case.pk, thread_id=thread.pk)
    items = selectors.thread_messages(thread)
    services.thread_mark_read_by_staff(thread=thread)
    context = {
        "case": case,
        "thread": thread,
        "items": items,
        "form": form,
        "may_record": policy.may(user, Action.RECORD, case),
    }
    return render(request, "dialogue/case_message_thread.html", context)


def _bring(request: HttpRequest, case: Case) -> None:
    entry_id = request.POST.get("entry", "")
    try:
        services.journal_entry_bring_to_plan_review(
            user=policy.user_of(request),
            case=case,
            entry_id=int(entry_id) if entry_id.isdigit() else 0,
        )
    except ValidationError as exc:  # another case's entry answers like a missing one
        raise policy.NotFound from exc
    messages.success(request, _("The entry was brought to the plan review."))


def _journal_post(request: HttpRequest, case: Case, form: StaffJournalForm) -> bool:
    """Run the submitted action; True when it was saved."""
    if request.POST.get("intent") == "bring":
        _bring(request, case)
        return True
    if not form.is_valid():
        return False
    data = form.cleaned_data
    try:
        services.journal_entry_add_by_worker(
            user=policy.user_of(request),
            case=case,
            client_id=data["client"],
            text=data["text"],
            helps=data["helps"],
            submission_key=data["submission_key"],
        )
    except ValidationError as exc:
        apply_errors(exc, form)
        return False
    messages.success(request, _("The entry was saved."))
    return True


@login_required
@GET_POST
@transaction.atomic
def case_journal(request: HttpRequest, case_id: int) -> HttpResponse:
    """Every co-research journal of the case; RECORD writes and brings entries to the
    plan review."""
    user = policy.user_of(request)
    case = _case(request, case_id, Purpose.CASE_JOURNAL)
    adding = request.method == "POST" and request.POST.get("intent") == "add"
    form = StaffJournalForm(request.POST if adding else None, clients=_client_choices(case))
    research: dict[str, object] = {}  # co-research's bound forms (dialogue/coresearch_views.py)
    if request.method == "POST" and request.POST.get("intent") in coresearch_views.STAFF_INTENTS:
        if coresearch_views.staff_post(request, case, research):
            return redirect("case_journal", case_id=case.pk)
    elif request.method == "POST" and _journal_post(request, case, form):
        return redirect("case_journal", case_id=case.pk)
    context = {
        "case": case,
        "journals": selectors.case_journals(case),
        "form": form,
        "may_record": policy.may(user, Action.RECORD, case),
        **coresearch_views.staff_context(case, research),
    }
    return render(request, "dialogue/case_journal.html", context)
