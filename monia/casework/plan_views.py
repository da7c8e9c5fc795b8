"""The approved client plan to read, print and export (LsL 30 §).

The plan in force, or an earlier approved version (``?version=<id>``), as a page with a
print layout, and as a PDF in Finnish or Swedish. Anyone who may see the case may read
its plan; every read is logged with its own purpose.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from monia.access import policy
from monia.access.purposes import Purpose
from monia.casework import plan_pdf, plan_selectors


@login_required
@require_GET
def plan_read(request: HttpRequest, case_id: int) -> HttpResponse:
    """The plan in force (or an earlier version) and the list of every approved version."""
    user = policy.user_of(request)
    case = policy.case_get_for_user(user, case_id, purpose=Purpose.CLIENT_PLAN_READ)
    doc = plan_selectors.plan_document(case, version=request.GET.get("version"))
    return render(
        request,
        "casework/plan_read.html",
        {
            "case": case,
            "doc": doc,
            "today": timezone.localdate(),
            "pdf_languages": plan_pdf.LANGUAGES,
        },
    )


@login_required
@require_GET
@never_cache
def plan_pdf_view(request: HttpRequest, case_id: int) -> HttpResponse:
    """The plan as a PDF in the user's language (or ``?lang=fi|sv``); 404 without a plan."""
    user = policy.user_of(request)
    case = policy.case_get_for_user(user, case_id, purpose=Purpose.CLIENT_PLAN_PDF)
    doc = plan_selectors.plan_document(case, version=request.GET.get("version"))
    if doc is None:
        raise policy.NotFound
    language = plan_pdf.plan_language(request.GET.get("lang"), get_language())
    content = plan_pdf.plan_pdf_render(doc, language=language, printed=timezone.localdate())
    response = HttpResponse(content, content_type="application/pdf")
    # No child's name in the file name: it shows in download lists and browser history.
    name = f"client-plan-{case.pk}-v{doc.version.number}-{language}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response
