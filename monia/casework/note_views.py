"""Client notes (asiakaskertomus): the case's notes with search, writing a draft, signing
it, amending a signed note, and the note as a printable document.

Thin: the case through ``policy.case_get_for_user`` (which logs the read), the note
through ``casework.access``; reads in ``note_selectors``, writes in ``note_services``.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from monia.access import policy
from monia.access.policy import Action
from monia.access.purposes import Purpose
from monia.attachments import selectors as attachment_selectors
from monia.casework import access, note_forms, note_selectors, note_services
from monia.casework.models import Case, CaseStage, ClientNote, NoteType
from monia.ui.errors import apply_errors

GET_POST = require_http_methods(["GET", "POST"])


@login_required
@require_GET
def case_notes(request: HttpRequest, case_id: int) -> HttpResponse:
    """The case's notes, newest first, by type and by full-text search."""
    user = policy.user_of(request)
    case = policy.case_get_for_user(user, case_id, purpose=Purpose.CLIENT_NOTES)
    form = note_forms.NoteSearchForm(request.GET or None)
    query = note_type = ""
    if form.is_bound and form.is_valid():
        query, note_type = form.cleaned_data["q"].strip(), form.cleaned_data["type"]
    rows = note_selectors.notes_list(case, user=user, note_type=note_type, query=query)
    return render(
        request,
        "casework/notes.html",
        {
            "case": case,
            "form": form,
            "rows": rows,
            "query": query,
            "filtered": bool(query or note_type),
            "presets": note_forms.PRESETS,
            "may_write": _may_write(request, case),
        },
    )


def _may_write(request: HttpRequest, case: Case) -> bool:
    user = policy.user_of(request)
    return case.stage != CaseStage.CLOSED and policy.may(user, Action.RECORD, case)


@login_required
@GET_POST
def note_new(request: HttpRequest, case_id: int) -> HttpResponse:
    """Write a note: first what is recorded (``?kind=phone`` …), then the note's form."""
    user = policy.user_of(request)
    case = policy.case_get_for_user(
        user, case_id, purpose=Purpose.CLIENT_NOTE_NEW, action=Action.RECORD
    )
    chosen = note_forms.preset(request.GET.get("kind"))
    if chosen is None:
        return render(
            request, "casework/note_choose.html", {"case": case, "presets": note_forms.PRESETS}
        )
    form = note_forms.NoteForm(
        request.POST or None,
        request.FILES or None,
        note_type=chosen.note_type,
        family=note_selectors.family_members(case.child),
        editing=False,
        initial=note_forms.NoteForm.initial_for(chosen),
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        key = data.pop("submission_key")
        upload = data.pop("attachment", None)
        try:
            note, created = note_services.note_create(
                user=user,
                case=case,
                note_type=chosen.note_type,
                data=data,
                submission_key=key,
                upload=upload,
            )
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            if created:
                messages.success(request, _("The draft was saved. Read it through and sign it."))
            else:
                messages.info(
                    request,
                    _(
                        "This note was saved already: the form was sent twice. "
                        "Nothing was saved twice."
                    ),
                )
            return redirect("note_detail", case_id=case.pk, note_id=note.pk)
    return _form_page(request, case, form, note_type=chosen.note_type, chosen=chosen)


def _form_page(
    request: HttpRequest,
    case: Case,
    form: note_forms.NoteForm,
    *,
    note_type: str,
    chosen: note_forms.Preset | None = None,
    note: ClientNote | None = None,
    not_signed: bool = False,
) -> HttpResponse:
    return render(
        request,
        "casework/note_form.html",
        {
            "case": case,
            "form": form,
            "note": note,
            "chosen": chosen,
            "type_label": NoteType(note_type).label,
            "not_signed": not_signed,
        },
    )


@login_required
@require_GET
def note_detail(request: HttpRequest, case_id: int, note_id: int) -> HttpResponse:
    """The note as a document to read and print, its amendments under it."""
    user = policy.user_of(request)
    case = policy.case_get_for_user(user, case_id, purpose=Purpose.CLIENT_NOTE)
    note = access.note_get_for_user(user, case, note_id)
    return render(
        request,
        "casework/note_detail.html",
        {
            "case": case,
            "note": note,
            "files": _files(case, note),
            "may_edit": access.may_edit(user, note) and policy.may(user, Action.RECORD, case),
            "may_amend": note.signed and policy.may(user, Action.RECORD, case),
            "sign_form": note_forms.SignForm(initial={"lock_version": note.lock_version}),
            "printed": timezone.localdate(),
        },
    )


def _files(case: Case, note: ClientNote) -> list[attachment_selectors.ShownFile]:
    """The note's files (removed ones as history), downloaded through the case's rule."""
    return attachment_selectors.shown(
        attachment_selectors.files_of("note", [note.pk])[note.pk],
        lambda a: reverse("case_attachment", args=[case.pk, a.pk]),
    )


def _draft_or_redirect(
    request: HttpRequest, case_id: int, note_id: int, purpose: str
) -> tuple[Case, ClientNote] | HttpResponse:
    """The user's draft to edit or sign; a note signed already sends them to read it."""
    user = policy.user_of(request)
    case = policy.case_get_for_user(user, case_id, purpose=purpose, action=Action.RECORD)
    note = access.note_get_for_user(user, case, note_id)
    if note.signed:
        messages.info(request, _("The note is signed already. Add an amendment instead."))
        return redirect("note_detail", case_id=case.pk, note_id=note.pk)
    return case, note


@login_required
@GET_POST
def note_edit(request: HttpRequest, case_id: int, note_id: int) -> HttpResponse:
    """The author's draft: save it, or save and sign it. A signing that finds the note
    incomplete keeps the draft saved and says what is missing."""
    found = _draft_or_redirect(request, case_id, note_id, Purpose.CLIENT_NOTE_EDIT)
    if isinstance(found, HttpResponse):
        return found
    case, note = found
    form = note_forms.NoteForm(
        request.POST or None,
        request.FILES or None,
        note_type=note.note_type,
        family=note_selectors.family_members(case.child),
        editing=True,
        initial=note_forms.NoteForm.initial_from(note),
        attached=attachment_selectors.files_of("note", [note.pk])[note.pk],
    )
    not_signed = False
    if request.method == "POST" and form.is_valid():
        response, not_signed = _save(request, case, note, form, sign="sign" in request.POST)
        if response is not None:
            return response
    return _form_page(
        request, case, form, note_type=note.note_type, note=note, not_signed=not_signed
    )


def _save(
    request: HttpRequest, case: Case, note: ClientNote, form: note_forms.NoteForm, *, sign: bool
) -> tuple[HttpResponse | None, bool]:
    """Save the draft (and sign it when asked): the redirect when all went through, else
    None and whether the draft was saved but not signed (the form carries the messages)."""
    user = policy.user_of(request)
    data: dict[str, Any] = dict(form.cleaned_data)
    lock_version = data.pop("lock_version")
    upload = data.pop("attachment", None)
    remove = data.pop("remove_files", None) or []
    try:
        note = note_services.note_update(
            user=user,
            note=note,
            data=data,
            lock_version=lock_version,
            upload=upload,
            remove=remove,
        )
    except note_services.NoteAlreadySigned as exc:
        messages.info(request, exc.messages[0])
        return redirect("note_detail", case_id=case.pk, note_id=note.pk), False
    except ValidationError as exc:
        apply_errors(exc, form)
        return None, False
    if sign:
        try:
            note_services.note_sign(user=user, note=note, lock_version=note.lock_version)
        except ValidationError as exc:
            form.data = form.data.copy()  # the next submit goes on from the saved draft
            form.data["lock_version"] = str(note.lock_version)
            apply_errors(exc, form)
            return None, True
        messages.success(request, _("The note was signed. It can no longer be changed."))
    else:
        messages.success(request, _("The draft was saved."))
    return redirect("note_detail", case_id=case.pk, note_id=note.pk), False


@login_required
@require_POST
def note_sign(request: HttpRequest, case_id: int, note_id: int) -> HttpResponse:
    """Sign the author's draft. Sent twice, the second changes nothing and says so; an
    incomplete note opens in its form with what is missing."""
    found = _draft_or_redirect(request, case_id, note_id, Purpose.CLIENT_NOTE_SIGN)
    if isinstance(found, HttpResponse):
        return found
    case, note = found
    form = note_forms.SignForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The note was not signed: reload the page and try again."))
        return redirect("note_detail", case_id=case.pk, note_id=note.pk)
    user = policy.user_of(request)
    try:
        note_services.note_sign(
            user=user, note=note, lock_version=form.cleaned_data["lock_version"]
        )
    except note_services.NoteAlreadySigned as exc:
        messages.info(request, exc.messages[0])
    except note_services.NoteConflict as exc:
        messages.error(request, exc.messages[0])
    except ValidationError as exc:
        edit = note_forms.NoteForm(
            note_forms.NoteForm.data_from(note),
            note_type=note.note_type,
            family=note_selectors.family_members(case.child),
            editing=True,
        )
        edit.is_valid()
        apply_errors(exc, edit)
        return _form_page(request, case, edit, note_type=note.note_type, note=note, not_signed=True)
    else:
        messages.success(request, _("The note was signed. It can no longer be changed."))
    return redirect("note_detail", case_id=case.pk, note_id=note.pk)


@login_required
@GET_POST
def note_amend(request: HttpRequest, case_id: int, note_id: int) -> HttpResponse:
    """Add an amendment under a signed note (its text never changes)."""
    user = policy.user_of(request)
    case = policy.case_get_for_user(
        user, case_id, purpose=Purpose.CLIENT_NOTE_AMEND, action=Action.RECORD
    )
    note = access.note_get_for_user(user, case, note_id)
    if not note.signed:
        messages.info(request, _("A draft is not amended: edit it instead."))
        return redirect("note_edit", case_id=case.pk, note_id=note.pk)
    form = note_forms.AmendmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            _amendment, created = note_services.note_amend(
                user=user, note=note, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            if created:
                messages.success(request, _("The amendment was added under the note."))
            else:
                messages.info(
                    request,
                    _(
                        "This amendment was saved already: the form was sent twice. "
                        "Nothing was saved twice."
                    ),
                )
            return redirect("note_detail", case_id=case.pk, note_id=note.pk)
    return render(request, "casework/note_amend.html", {"case": case, "note": note, "form": form})
