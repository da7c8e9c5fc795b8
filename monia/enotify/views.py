"""Pages of the electronic child welfare notification.

Public (no login): the choice of the child's municipality (or county), the form, the
confirmation and the privacy notice; they extend ``enotify/public_base.html``, which says
nothing meant for staff. Staff (Rule.INTAKE):
the county's queue and the page that converts a notification into an intake.
No page here sends e-mail: client content never leaves Monia by e-mail.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_GET, require_http_methods

from monia import deadlines
from monia.access import policy
from monia.access.policy import Action
from monia.access.purposes import Purpose
from monia.attachments import selectors as attachment_selectors
from monia.attachments.responses import attachment_response
from monia.casework.child_choice import ChildSection, child_section, typed
from monia.casework.forms import NewChildForm, unchecked
from monia.casework.models import NotifierType
from monia.enotify import selectors, services
from monia.enotify.forms import ENotificationForm
from monia.enotify.models import ENotification, ENotificationKind, ENotificationStatus
from monia.people.services import SimilarPersons
from monia.portal.safety_selectors import office_status
from monia.teams import selectors as teams_selectors
from monia.teams.models import County
from monia.ui.errors import apply_errors

GET_POST = require_http_methods(["GET", "POST"])
SESSION_KEY = "enotify_received"


# --- Public -----------------------------------------------------------------


def _public(request: HttpRequest, county: County | None = None) -> dict[str, Any]:
    """What every public page shows: the county in the reader's language, its social
    emergency number beside 112, and its privacy notice."""
    if county is None:
        return {"county": None}
    return {"county": county, "county_name": county.localized_name(get_language())}


@require_GET
def county_list(request: HttpRequest) -> HttpResponse:
    """Choose where the child lives: a municipality leads to its county's form."""
    error = ""
    if "municipality" in request.GET:
        chosen = teams_selectors.municipality_get(request.GET["municipality"])
        if chosen is not None:
            url = reverse("enotify_form", kwargs={"county_code": chosen.county.code})
            return redirect(f"{url}?{urlencode({'municipality': chosen.pk})}")
        error = _("Choose the child's municipality from the list.")
    context = {
        "counties": teams_selectors.counties(),
        "municipalities": teams_selectors.municipalities(language=get_language()),
        "error": error,
    }
    return render(request, "enotify/counties.html", {**_public(request), **context})


@require_GET
def privacy_notice(request: HttpRequest, county_code: str) -> HttpResponse:
    county = get_object_or_404(County, code=county_code)
    return render(request, "enotify/privacy.html", _public(request, county))


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


def _initial(request: HttpRequest, county: County) -> dict[str, Any]:
    """The municipality chosen on the first page, in the reader's language."""
    chosen = teams_selectors.municipality_get(request.GET.get("municipality", ""))
    if chosen is None or chosen.county_id != county.pk:
        return {}
    return {"child_municipality": chosen.localized_name(get_language())}


def _submit(request: HttpRequest, county: County, form: ENotificationForm) -> HttpResponse | None:
    """Send a valid form to the service: the received page, or None to show the form again
    (with the service's errors, or the human question, on it)."""
    try:
        en = services.enotification_submit(
            county=county,
            ip_hash=services.ip_hash_of(_client_ip(request)),
            form_session=form.form_session,
            answer=form.answer(),
            upload=form.cleaned_data.get("attachment"),
            **form.service_data(),
        )
    except ValidationError as exc:
        apply_errors(exc, form)
        if form.has_error("challenge_answer"):
            form.ask_question()
        return None
    police = en.crime_suspected and en.notifier_type == NotifierType.OBLIGATED
    return _received(request, county, en.reference, police)


@csrf_protect
@GET_POST
def notification_form(request: HttpRequest, county_code: str) -> HttpResponse:
    county = get_object_or_404(County, code=county_code)
    posted = request.POST if request.method == "POST" else None
    files = request.FILES if posted is not None else None
    form = ENotificationForm(posted, files, initial=_initial(request, county))
    refused = False
    if posted is not None:
        if form.is_robot():
            # Look received, store nothing: the robot learns nothing from the answer.
            return _received(request, county, services.reference_decoy(), False)
        if form.is_valid():
            try:
                done = _submit(request, county, form)
            except services.RateLimited:
                # Refused, never lost: the filled form comes back with the numbers to call.
                done, refused = None, True
            if done is not None:
                return done
    context = {"form": form, "pre_birth": ENotificationKind.PRE_BIRTH, "refused": refused}
    return render(
        request,
        "enotify/form.html",
        {**_public(request, county), **context},
        status=429 if refused else 200,
    )


@require_GET
def notification_received(request: HttpRequest, county_code: str) -> HttpResponse:
    county = get_object_or_404(County, code=county_code)
    received = request.session.get(SESSION_KEY)
    if not received or received.get("county") != county.code:
        return redirect("enotify_form", county_code=county.code)
    return render(
        request,
        "enotify/received.html",
        # Outside office hours nobody reads the queue before it opens: the page says when.
        {**_public(request, county), "received": received, "office": office_status(county)},
    )


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
        # A child the notifier could not name: what they told of the child, for a staff
        # form that records an unidentified child (fields it lacks are ignored).
        "approximate_age": en.child_approximate_age,
        "address": en.child_address,
        "description": en.child_description,
    }


def _convert(
    request: HttpRequest, en: ENotification, section: ChildSection, child_form: NewChildForm
) -> HttpResponse | None:
    """Run the worker's chosen action: a redirect, or None to re-render with the messages."""
    user = policy.user_of(request)
    child = section.chosen
    if child is not None:
        unchecked(child_form)  # the new-child part is not in use
    try:
        if request.POST.get("action") == "reject":
            services.enotification_reject_spam(user=user, enotification=en)
            messages.success(request, _("The notification was set aside as spam."))
            return redirect("enotify_queue")
        if child is None and not (child_form.is_valid() and section.choice.is_valid()):
            return None
        intake = services.enotification_convert(
            user=user,
            enotification=en,
            child=child,
            new_child=None if child is not None else child_form.cleaned_data,
            check_similar=child is None and not section.choice.cleaned_data["create_anyway"],
        )
    except SimilarPersons as exc:
        section.add(user, exc.persons, purpose=Purpose.ENOTIFY_CHILD_SEARCH)
        apply_errors(exc, child_form, section.choice)
        return None
    except ValidationError as exc:
        apply_errors(exc, child_form, section.choice)
        return None
    messages.success(request, _("The notification was recorded as an intake."))
    if policy.may(user, Action.VIEW, intake.case):
        return redirect("case_detail", case_id=intake.case_id)
    return redirect("enotify_queue")


@login_required
@GET_POST
def detail(request: HttpRequest, enotification_id: int) -> HttpResponse:
    """Read an e-notification and record it as an intake. The child is searched for and
    chosen inside the one form: "Search" keeps the new child's details typed so far."""
    user = policy.user_of(request)
    en = selectors.enotification_get_for_user(
        user, enotification_id, purpose=Purpose.ENOTIFY_DETAIL
    )
    is_new = en.status == ENotificationStatus.NEW
    posted = request.method == "POST"
    searching = posted and "search" in request.POST
    section = child_section(
        user,
        (request.POST if posted else request.GET) if is_new else QueryDict(),
        bound=posted,
        search_purpose=Purpose.ENOTIFY_CHILD_SEARCH,
        chosen_purpose=Purpose.ENOTIFY_CONVERT,
    )
    data = typed(request, section)
    child_form = NewChildForm(data if posted else None, initial=_child_initial(en), prefix="child")
    if searching:
        unchecked(child_form, section.choice)
    elif posted:
        response = _convert(request, en, section, child_form)
        if response is not None:
            return response
    return render(
        request,
        "enotify/detail.html",
        {
            "en": en,
            "decision_due": deadlines.assessment_decision_due(en.received_at),
            "section": section,
            "child_form": child_form,
            "is_new": is_new,
            "files": attachment_selectors.shown(
                attachment_selectors.files_of("enotification", [en.pk])[en.pk],
                lambda a: reverse("enotify_attachment", args=[en.pk, a.pk]),
            ),
        },
    )


@login_required
@require_GET
def attachment(request: HttpRequest, enotification_id: int, attachment_id: int) -> FileResponse:
    """A file the notifier sent: read under the queue's rule, logged like the notification
    (ENotificationAccess, or the child's access log once converted); always a download."""
    user = policy.user_of(request)
    en = selectors.enotification_get_for_user(
        user, enotification_id, purpose=Purpose.ENOTIFY_ATTACHMENT
    )
    found = attachment_selectors.attachment_of("enotification", en.pk, attachment_id)
    if found is None:
        raise policy.NotFound
    return attachment_response(found)
