"""The letters of a case: write one (choose the letter and the recipient), preview it in
the recipient's language, print it or download the PDF, mark it sent; the letters sent,
each shown again as sent. Thin: the rule in ``access``, the words in ``build``."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from monia.access import policy
from monia.access.purposes import Purpose
from monia.accounts.models import User
from monia.casework.models import Case
from monia.letters import access, selectors, services
from monia.letters.compose import Composed, letter_compose
from monia.letters.forms import LetterForm, SendForm
from monia.letters.recipients import recipients_for
from monia.letters.snapshot import document_from_json
from monia.ui.document import Document
from monia.ui.errors import apply_errors
from monia.ui.pdf import document_pdf
from monia.ui.rows import day_month_year


def _choices(case: Case) -> dict[str, list[tuple[Any, str]]]:
    today = timezone.localdate()
    return {
        "recipient": [(r.person.pk, r.label) for r in recipients_for(case, on=today)],
        "intake": [
            (i.pk, f"{i.get_kind_display()} {day_month_year(timezone.localtime(i.received_at))}")
            for i in selectors.intakes_of_case(case)
        ],
        "assessment": [
            (a.pk, f"{day_month_year(a.started_on)}–{day_month_year(a.completed_on)}")
            for a in selectors.assessments_done(case)
        ],
        "meeting": [
            (m.pk, f"{day_month_year(timezone.localtime(m.held_at), with_time=True)} {m.place}")
            for m in selectors.meetings_planned(case)
        ],
    }


def _letter_form(case: Case, data: Any = None) -> LetterForm:
    choices = _choices(case)
    initial = {k: choices[k][0][0] for k in ("intake", "assessment", "meeting") if choices[k]}
    return LetterForm(data, choices=choices, initial=initial)


def _list_page(request: HttpRequest, case: Case, form: LetterForm | None) -> HttpResponse:
    context = {"case": case, "form": form, "letters": selectors.letters_for_case(case)}
    return render(request, "letters/case_letters.html", context)


@login_required
@require_GET
def case_letters(request: HttpRequest, case_id: int) -> HttpResponse:
    """The letters sent, and the form to write one (to those who record)."""
    user = policy.user_of(request)
    case = access.letters_case_read(user, case_id)
    return _list_page(request, case, _letter_form(case) if access.may_write(user, case) else None)


def _composed(request: HttpRequest, user: User, case: Case) -> tuple[LetterForm, Composed | None]:
    form = _letter_form(case, request.POST)
    if not form.is_valid():
        return form, None
    try:
        composed = letter_compose(
            case=case, data=form.cleaned_data, sender=user, today=timezone.localdate()
        )
    except ValidationError as exc:
        apply_errors(exc, form)
        return form, None
    return form, composed


def _preview(
    request: HttpRequest, case: Case, form: LetterForm, composed: Composed, send: SendForm
) -> HttpResponse:
    context = {"case": case, "form": form, "composed": composed, "document": composed.document}
    context["send_form"] = send
    return render(request, "letters/letter_preview.html", context)


@login_required
@require_POST
def letter_preview(request: HttpRequest, case_id: int) -> HttpResponse:
    """The letter as it will print, in its language; nothing is saved."""
    user = policy.user_of(request)
    case = access.letters_case_write(user, case_id, purpose=Purpose.LETTER_PREVIEW)
    form, composed = _composed(request, user, case)
    if composed is None:
        return _list_page(request, case, form)
    send = SendForm(initial={"channel": "post"})
    return _preview(request, case, form, composed, send)


def pdf_response(document: Document, name: str) -> HttpResponse:
    with translation.override(document.language):
        content = document_pdf(document)
    response = HttpResponse(content, content_type="application/pdf")
    # No child's name in the file name: it shows in download lists and browser history.
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_POST
@never_cache
def letter_pdf(request: HttpRequest, case_id: int) -> HttpResponse:
    user = policy.user_of(request)
    case = access.letters_case_write(user, case_id, purpose=Purpose.LETTER_PDF)
    form, composed = _composed(request, user, case)
    if composed is None:
        return _list_page(request, case, form)
    name = f"letter-{case.pk}-{composed.kind}-{composed.document.language}.pdf"
    return pdf_response(composed.document, name)


@login_required
@require_POST
def letter_send(request: HttpRequest, case_id: int) -> HttpResponse:
    """Mark the previewed letter as sent: the case keeps it as it was."""
    user = policy.user_of(request)
    case = access.letters_case_write(user, case_id, purpose=Purpose.LETTER_SEND)
    form, composed = _composed(request, user, case)
    if composed is None:
        return _list_page(request, case, form)
    send = SendForm(request.POST)
    if send.is_valid():
        try:
            services.letter_send(
                user=user,
                case=case,
                kind=composed.kind,
                recipient=composed.recipient.person,
                document=composed.document,
                **send.cleaned_data,
            )
        except ValidationError as exc:
            apply_errors(exc, send)
        else:
            messages.success(request, _("The letter was marked as sent."))
            return redirect("case_letters", case_id=case.pk)
    return _preview(request, case, form, composed, send)


@login_required
@require_GET
def letter_detail(request: HttpRequest, case_id: int, letter_id: int) -> HttpResponse:
    """A sent letter, in the words it was sent in."""
    user = policy.user_of(request)
    case = access.letters_case_read(user, case_id, purpose=Purpose.LETTER_READ)
    letter = selectors.letter_of_case(case, letter_id)
    if letter is None:
        raise policy.NotFound
    context = {"case": case, "letter": letter, "document": document_from_json(letter.content)}
    return render(request, "letters/letter_detail.html", context)


@login_required
@require_GET
@never_cache
def letter_detail_pdf(request: HttpRequest, case_id: int, letter_id: int) -> HttpResponse:
    user = policy.user_of(request)
    case = access.letters_case_read(user, case_id, purpose=Purpose.LETTER_PDF)
    letter = selectors.letter_of_case(case, letter_id)
    if letter is None:
        raise policy.NotFound
    return pdf_response(document_from_json(letter.content), f"letter-{case.pk}-{letter.pk}.pdf")
