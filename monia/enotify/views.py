"""Pages of the electronic child welfare notification.

Public (no login): the county list, the form and the confirmation. Staff (Rule.INTAKE):
the county's queue and the page that converts a notification into an intake.
No page here sends e-mail: client content never leaves Monia by e-mail.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_GET, require_http_methods

from monia import deadlines
from monia.access import policy
from monia.access.policy import Action
from monia.access.purposes import Purpose
from monia.casework.forms import NewChildForm
from monia.casework.models import NotifierType
from monia.enotify import selectors, services
from monia.enotify.forms import ENotificationForm
from monia.enotify.models import ENotification, ENotificationKind, ENotificationStatus
from monia.people import selectors as people_selectors
from monia.people.models import Person
from monia.teams import selectors as teams_selectors
from monia.teams.models import County
from monia.ui.errors import apply_errors

GET_POST = require_http_methods(["GET", "POST"])
SESSION_KEY = "enotify_received"


# --- Public -----------------------------------------------------------------


@require_GET
def county_list(request: HttpRequest) -> HttpResponse:
    counties = teams_selectors.counties()
    return render(request, "enotify/counties.html", {"counties": counties})


def _client_ip(request: HttpRequest) -> str:
    """REMOTE_ADDR only: a forwarded-for header is the client's to forge. Behind a proxy,
    the proxy must set REMOTE_ADDR (e.g. gunicorn --forwarded-allow-ips)."""
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _received(request: HttpRequest, county: County, reference: str, police: bool) -> HttpResponse:
    request.session[SESSION_KEY] = {
        "county": county.code,
        "reference": reference,
        "police_reminder": police,
    }
    return redirect("enotify_received", county_code=county.code)


@csrf_protect
@GET_POST
def notification_form(request: HttpRequest, county_code: str) -> HttpResponse:
    county = get_object_or_404(County, code=county_code)
    form = ENotificationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form.is_robot():
            # Look received, store nothing: the robot learns nothing from the answer.
            return _received(request, county, services.reference_decoy(), False)
        if form.is_valid():
            data: dict[str, Any] = form.service_data()
            try:
                en = services.enotification_submit(
                    county=county, ip_hash=services.ip_hash_of(_client_ip(request)), **data
                )
            except services.RateLimited:
                return render(request, "enotify/rate_limited.html", {"county": county}, status=429)
            except ValidationError as exc:
                apply_errors(exc, form)
            else:
                police = en.crime_suspected and en.notifier_type == NotifierType.OBLIGATED
                return _received(request, county, en.reference, police)
    return render(
        request,
        "enotify/form.html",
        {"county": county, "form": form, "pre_birth": ENotificationKind.PRE_BIRTH},
    )


@require_GET
def notification_received(request: HttpRequest, county_code: str) -> HttpResponse:
    county = get_object_or_404(County, code=county_code)
    received = request.session.get(SESSION_KEY)
    if not received or received.get("county") != county.code:
        return redirect("enotify_form", county_code=county.code)
    return render(request, "enotify/received.html", {"county": county, "received": received})


# --- Staff ------------------------------------------------------------------


@login_required
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    user = policy.user_of(request)
    rows = selectors.enotification_queue_for_user(user, today=timezone.localdate())
    return render(request, "enotify/queue.html", {"rows": rows})


def _child_initial(en: ENotification) -> dict[str, Any]:
    return {
        "identity_code": en.child_identity_code,
        "first_names": en.child_first_names,
        "last_name": en.child_last_name,
        "birth_date": en.child_birth_date,
        "expected_birth_date": en.child_expected_birth_date,
        "municipality": en.child_municipality,
    }


def _convert(request: HttpRequest, en: ENotification, child: Person | None) -> Any:
    """Run the worker's chosen action; returns a redirect, or the bound child form."""
    user = policy.user_of(request)
    child_form = NewChildForm(request.POST, prefix="child")
    try:
        if request.POST.get("action") == "reject":
            services.enotification_reject_spam(user=user, enotification=en)
            messages.success(request, _("The notification was set aside as spam."))
            return redirect("enotify_queue")
        if child is None and not child_form.is_valid():
            return child_form
        intake = services.enotification_convert(
            user=user,
            enotification=en,
            child=child,
            new_child=None if child is not None else child_form.cleaned_data,
        )
    except ValidationError as exc:
        apply_errors(exc, child_form)
        return child_form
    messages.success(request, _("The notification was recorded as an intake."))
    if policy.may(user, Action.VIEW, intake.case):
        return redirect("case_detail", case_id=intake.case_id)
    return redirect("enotify_queue")


@login_required
@GET_POST
def detail(request: HttpRequest, enotification_id: int) -> HttpResponse:
    user = policy.user_of(request)
    en = selectors.enotification_get_for_user(
        user, enotification_id, purpose=Purpose.ENOTIFY_DETAIL
    )
    query = request.GET.get("q", "").strip()
    found: list[Person] = []
    if query and en.status == ENotificationStatus.NEW:
        found = people_selectors.persons_search(county_id=user.county_id or 0, query=query)
        policy.persons_found_for_intake(user, found, purpose=Purpose.ENOTIFY_CHILD_SEARCH)
    child: Person | None = None
    child_id = request.POST.get("person") or request.GET.get("person")
    if child_id:
        child = policy.person_get_for_intake(user, child_id, purpose=Purpose.ENOTIFY_CONVERT)
    child_form = NewChildForm(initial=_child_initial(en), prefix="child")
    if request.method == "POST":
        result = _convert(request, en, child)
        if isinstance(result, HttpResponse):
            return result
        child_form = result
    return render(
        request,
        "enotify/detail.html",
        {
            "en": en,
            "decision_due": deadlines.assessment_decision_due(en.received_at),
            "query": query,
            "found": found,
            "child": child,
            "child_form": child_form,
            "is_new": en.status == ENotificationStatus.NEW,
        },
    )
