"""Find a client: the header's search (issue 12). The rule is ``access/search_rule.py``."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from monia.access import policy, search_rule
from monia.casework import search_selectors
from monia.web.forms import ClientSearchForm


@login_required
@require_GET
def client_search(request: HttpRequest) -> HttpResponse:
    """The cases found that the user may open, a page at a time, and for an identifying
    term the matters elsewhere in the county; every row shown is logged with the search."""
    user = policy.user_of(request)
    if not search_rule.may_search_clients(user):
        raise policy.NotFound
    form = ClientSearchForm(request.GET if "q" in request.GET else None)
    found = None
    if form.is_valid() and form.terms is not None and user.county_id:
        with transaction.atomic():
            found = search_selectors.client_search(
                visible=policy.cases_visible_to(user),
                county_id=user.county_id,
                terms=form.terms,
                page=request.GET.get("page"),
                tell_matters=search_rule.may_tell_matters(user, form.terms),
            )
            search_rule.log_search_results(user, cases=found.shown, matters=found.matters)
    nobody = found is not None and not found.shown and not found.matters
    return render(
        request,
        "web/search.html",
        {
            "form": form,
            "found": found,
            "identifying": bool(form.terms and form.terms.identifies),
            # What a tired worker may have mistyped, when nothing was found.
            "named": nobody and bool(form.terms and form.terms.names),
            "code_of_2000s": form.code_of_2000s() if nobody else None,
        },
    )
