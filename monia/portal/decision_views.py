"""A client's decisions in the portal: the whole decision, the same text as the worker's
PDF, in the client's language, and its PDF. The matter is opened without a log
(``portal.access.portal_cases``), then the decisions' own portal rule
(``decisions.portal_access``) finds a signed decision shown in the portal of which the
client is a party and logs the read; anything else answers 404."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from monia import deadlines
from monia.access import policy
from monia.access.purposes import Purpose
from monia.decisions import portal_access as decision_access
from monia.decisions.document import decision_document
from monia.decisions.models import Decision
from monia.portal import access as portal_access
from monia.portal.access import PortalCase
from monia.portal.views import render_portal_page
from monia.ui.document import Document
from monia.ui.pdf import document_pdf


def _open(request: HttpRequest, case_id: int, decision_id: int) -> tuple[PortalCase, Decision]:
    user = policy.user_of(request)
    pc = next((pc for pc in portal_access.portal_cases(user) if pc.case.pk == case_id), None)
    if pc is None:
        raise policy.NotFound
    decision = decision_access.portal_decision_get(
        user=user,
        case=pc.case,
        client=pc.client,
        basis=pc.basis,
        decision_id=decision_id,
        purpose=Purpose.PORTAL_DECISION,
    )
    return pc, decision


def _document(decision: Decision) -> Document:
    """The decision as it was written: its headings in its own language, whatever the
    portal's (the page around it speaks the client's)."""
    return decision_document(decision, language=decision.language)


@login_required(login_url="portal_login")
@require_GET
def portal_decision(request: HttpRequest, case_id: int, decision_id: int) -> HttpResponse:
    pc, decision = _open(request, case_id, decision_id)
    return render_portal_page(
        request,
        "portal/decision.html",
        pc,
        decision=decision,
        document=_document(decision),
        service=decision_access.client_service(decision, pc.client),
        appeal_days=deadlines.APPEAL_DAYS,
        # A letter counts as received on the 7th day (HL 59 §): until then it was sent.
        today=timezone.localdate(),
    )


@login_required(login_url="portal_login")
@require_GET
def portal_decision_pdf(request: HttpRequest, case_id: int, decision_id: int) -> HttpResponse:
    pc, decision = _open(request, case_id, decision_id)
    document = _document(decision)
    response = HttpResponse(document_pdf(document), content_type="application/pdf")
    name = f"decision-{decision.pk}-{document.language}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
