"""The decision as a document and its service letters, for staff: the decision's PDF in
Finnish or Swedish, and each party's letter as a printable page and as PDF. Thin: the case
is opened through the policy (``document_access``, logged), the documents are built in
``document.py`` and ``letters.py``."""

from __future__ import annotations

import datetime

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from monia.access import contact, policy
from monia.access.purposes import Purpose
from monia.decisions import document_access, instructions, letters
from monia.decisions.document import decision_document
from monia.decisions.models import Decision, DecisionParty
from monia.ui.document import Document
from monia.ui.languages import DOCUMENT_LANGUAGE_CODES
from monia.ui.pdf import document_pdf

CHANNELS = ("letter", "electronic", "in_person")


def document_language(requested: str | None, decision: Decision) -> str:
    """``?lang=fi|sv`` (a party's letter asks for the party's), else the language the
    decision is written in."""
    return requested if requested in DOCUMENT_LANGUAGE_CODES else decision.language


def pdf_response(document: Document, name: str) -> HttpResponse:
    response = HttpResponse(document_pdf(document), content_type="application/pdf")
    # No child's name in the file name: it shows in download lists and browser history.
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


@login_required
@require_GET
def decision_pdf(request: HttpRequest, case_id: int, decision_id: int) -> HttpResponse:
    """The decision (a draft says so on it) as PDF, in ``?lang=fi|sv``."""
    user = policy.user_of(request)
    decision = document_access.decision_get_for_user(
        user, case_id, decision_id, purpose=Purpose.DECISION_PDF
    )
    language = document_language(request.GET.get("lang"), decision)
    document = decision_document(decision, language=language)
    return pdf_response(document, f"decision-{case_id}-{decision.pk}-{language}.pdf")


def _sending(request: HttpRequest, party: DecisionParty) -> tuple[datetime.date, str]:
    """The recorded service to this party, else ``?sent_on=&channel=``, else a letter today."""
    service = document_access.party_service(party)
    if service is not None:
        return service.sent_on, service.channel
    try:
        sent_on = datetime.date.fromisoformat(request.GET.get("sent_on", ""))
    except ValueError:
        sent_on = timezone.localdate()
    channel = request.GET.get("channel", "letter")
    return sent_on, channel if channel in CHANNELS else "letter"


def _letter(
    request: HttpRequest, case_id: int, decision_id: int, party_id: int
) -> tuple[Decision, DecisionParty, Document]:
    user = policy.user_of(request)
    decision = document_access.decision_get_for_user(
        user, case_id, decision_id, purpose=Purpose.DECISION_LETTER, signed=True
    )
    party = document_access.party_get(decision, party_id)
    sent_on, channel = _sending(request, party)
    reader = contact.Reader.staff(user, decision.case)
    document = letters.service_letter(
        decision, party, sent_on=sent_on, channel=channel, reader=reader
    )
    return decision, party, document


@login_required
@require_GET
def decision_letter(
    request: HttpRequest, case_id: int, decision_id: int, party_id: int
) -> HttpResponse:
    """One party's service letter, to read and print (in the party's language)."""
    decision, party, document = _letter(request, case_id, decision_id, party_id)
    return render(
        request,
        "decisions/letter.html",
        {
            "case": decision.case,
            "decision": decision,
            "party": party,
            "document": document,
            "missing": instructions.authorities_missing(decision.case.county),
        },
    )


@login_required
@require_GET
def decision_letter_pdf(
    request: HttpRequest, case_id: int, decision_id: int, party_id: int
) -> HttpResponse:
    decision, party, document = _letter(request, case_id, decision_id, party_id)
    return pdf_response(document, f"letter-{case_id}-{decision.pk}-{party.pk}.pdf")
