"""The client's side of the dialogue in the portal: their own messages and journal.

Thin: ``portal.access.portal_case_get`` opens the matter (logged, 404 for anything else) and
gives the client's own person row; selectors and services take that person, so a client
reaches only their own thread and journal. Each request runs in one transaction, so the
access-log row and the read it records commit together.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from monia.access import policy
from monia.access.purposes import Purpose
from monia.dialogue import coresearch_views, selectors, services
from monia.dialogue.forms import PortalJournalForm, PortalMessageForm
from monia.portal.views import portal_case_of, render_portal_page
from monia.ui.errors import apply_errors

GET_POST = require_http_methods(["GET", "POST"])


@login_required(login_url="portal_login")
@GET_POST
@transaction.atomic
def portal_messages(request: HttpRequest, case_id: int) -> HttpResponse:
    user = policy.user_of(request)
    pc = portal_case_of(request, case_id, purpose=Purpose.PORTAL_MESSAGES)
    form = PortalMessageForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.message_send_from_client(
                user=user,
                portal_case=pc,
                body=form.cleaned_data["body"],
                submission_key=form.cleaned_data["submission_key"],
            )
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            messages.success(request, _("Your message was sent."))
            return redirect("portal_messages", case_id=pc.case.pk)
    thread = selectors.thread_for(case=pc.case, client=pc.client)
    items = selectors.thread_messages(thread)
    if thread is not None:
        services.thread_mark_read_by_client(thread=thread)
    return render_portal_page(request, "dialogue/portal_messages.html", pc, items=items, form=form)


@login_required(login_url="portal_login")
@GET_POST
@transaction.atomic
def portal_journal(request: HttpRequest, case_id: int) -> HttpResponse:
    user = policy.user_of(request)
    pc = portal_case_of(request, case_id, purpose=Purpose.PORTAL_JOURNAL)
    research: dict[str, object] = {}  # co-research's bound form (dialogue/coresearch_views.py)
    if request.method == "POST" and request.POST.get("intent") in coresearch_views.PORTAL_INTENTS:
        if coresearch_views.portal_post(request, pc, research):
            return redirect("portal_journal", case_id=pc.case.pk)
        form = PortalJournalForm()
    else:
        form = PortalJournalForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_bound and form.is_valid():
        try:
            services.journal_entry_add_by_client(user=user, portal_case=pc, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            messages.success(request, _("Your thought was saved."))
            return redirect("portal_journal", case_id=pc.case.pk)
    entries = selectors.journal_entries(case=pc.case, client=pc.client)
    return render_portal_page(
        request,
        "dialogue/portal_journal.html",
        pc,
        entries=entries,
        form=form,
        **coresearch_views.portal_context(pc, research),
    )
