"""The participation portal's pages for clients. Thin: the policy opens each matter
(``portal_access.portal_case_get``, logged), selectors read, services write."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from monia.access import contact, policy
from monia.access.purposes import Purpose
from monia.accounts import unsent
from monia.accounts.language import account_language_unless_chosen, remember_account_language
from monia.casework.forms import SentOnceForm
from monia.decisions import portal_access as decision_access
from monia.portal import access as portal_access
from monia.portal import (
    document_selectors,
    log_selectors,
    outside_selectors,
    safety_selectors,
    selectors,
    services,
)
from monia.portal.access import PortalCase
from monia.portal.demo import demo_clients, demo_identity_code_allowed, mark_demo_session
from monia.portal.forms import DemoLoginForm


def portal_case_of(request: HttpRequest, case_id: int, *, purpose: str) -> PortalCase:
    """The client's matter for this request, through the policy (logged; 404 otherwise).
    Every portal page of one matter, in every app, opens it here."""
    return portal_access.portal_case_get(policy.user_of(request), case_id, purpose=purpose)


def safety_key_form() -> SentOnceForm:
    """A fresh key for one "I don't feel safe" button; no id, as a page may have two."""
    return SentOnceForm(auto_id=False)


def render_portal_page(
    request: HttpRequest, template: str, pc: PortalCase, **context: Any
) -> HttpResponse:
    """Every page of a client's matter: the matter, the child, the worker and who else reads
    the matter in the portal (the footer says it) in context, and the key of the "I don't
    feel safe" button at the top (a reload of its answer raises no second alert)."""
    context.setdefault("audience", document_selectors.portal_audience(pc))
    context.setdefault("safety_key", safety_key_form())
    context.update(
        {
            "pc": pc,
            "case": pc.case,
            "child": pc.case.child,
            "worker": pc.case.designated_worker,
        }
    )
    return render(request, template, context)


@require_GET
def portal_login(request: HttpRequest) -> HttpResponse:
    if portal_access.is_client(policy.user_of(request)):
        return redirect("portal_home")
    return render(
        request,
        "portal/login.html",
        {
            "saml_enabled": settings.MONIA_SAML_ENABLED,
            "demo_enabled": settings.MONIA_DEMO_IDENTIFICATION,
            "unsent_waiting": unsent.waiting(request),
        },
    )


@require_http_methods(["GET", "POST"])
def portal_demo_login(request: HttpRequest) -> HttpResponse:
    if not settings.MONIA_DEMO_IDENTIFICATION:
        raise Http404
    form = DemoLoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["identity_code"]
        if not demo_identity_code_allowed(code):
            form.add_error(
                "identity_code",
                _("Only a synthetic identity code of a demo client logs in here."),
            )
            return render(
                request, "portal/demo_login.html", {"form": form, "clients": demo_clients()}
            )
        user = services.client_user_for_identity_code(code, method="demo")
        if user is not None:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            mark_demo_session(request)
            return redirect("portal_home")
        form.add_error(
            "identity_code",
            _("We did not find matters for this person that can be followed in the portal."),
        )
    return render(request, "portal/demo_login.html", {"form": form, "clients": demo_clients()})


@require_POST
def portal_logout(request: HttpRequest) -> HttpResponse:
    """Log out here, and at the identity provider too after a strong identification
    (SAML single logout, which Suomi.fi requires)."""
    saml_session = getattr(request, "saml_session", None)
    if settings.MONIA_SAML_ENABLED and saml_session and saml_session.get("_saml2_subject_id"):
        return redirect("saml2_logout")  # djangosaml2 logs out locally and asks the IdP
    logout(request)
    return redirect("portal_login")


@login_required(login_url="portal_login")
@require_GET
def portal_home(request: HttpRequest) -> HttpResponse:
    user = policy.user_of(request)
    # The account's language is the register's until the client chooses one
    # (portal.services.client_user_for_identity_code).
    account_language = account_language_unless_chosen(request, user)
    # Every portal login lands here: a form she sent after her session ended is offered first.
    if portal_access.is_client(user) and unsent.take(request, user.pk):
        response = redirect("portal_unsent")
    else:
        pcs = portal_access.portal_cases_list(user, purpose=Purpose.PORTAL_HOME)
        if len(pcs) == 1:
            response = redirect("portal_case", case_id=pcs[0].case.pk)
        else:
            if account_language:
                translation.activate(account_language)
            response = render(request, "portal/home.html", {"pcs": pcs})
    return remember_account_language(response, user) if account_language else response


@login_required(login_url="portal_login")
@require_GET
def portal_case(request: HttpRequest, case_id: int) -> HttpResponse:
    pc = portal_case_of(request, case_id, purpose=Purpose.PORTAL_CASE)
    view = document_selectors.portal_view(pc)
    return render_portal_page(
        request,
        "portal/case.html",
        pc,
        audience=view.audience,
        meetings=selectors.visible_upcoming_meetings(pc)[:1],
        plan=_plan_document(pc, view),
        documents=[d for d in view.documents if d.kind in document_selectors.RECORD_KINDS][:3],
        decisions=decision_access.portal_decisions_of(case=pc.case, client=pc.client)[:3],
        actions=document_selectors.open_actions(pc, timezone.localdate())[:5],
        contacts=_contacts(pc),
    )


def _contacts(pc: PortalCase) -> list[contact.ContactCard]:
    """The client's own contact details as the workers have them, and a guardian's child's:
    through the contact rule, so a protected address reaches only its own person."""
    persons = [pc.case.child, pc.client] if pc.is_guardian else [pc.client]
    return contact.contact_cards(persons, contact.Reader.client(pc.client))


def _page_number(request: HttpRequest) -> int:
    value = request.GET.get("page", "1")
    return int(value) if value.isdigit() and 0 < int(value) < 10_000 else 1


def _plan_document(pc: PortalCase, view: selectors.PortalView) -> selectors.PortalDocument | None:
    """The approved plan as this client sees it (None: none, or hidden from this guardian)."""
    plan = document_selectors.approved_plan(pc.case)
    return view.document(f"plan:{plan.pk}") if plan is not None else None


@login_required(login_url="portal_login")
@require_GET
def portal_plan(request: HttpRequest, case_id: int) -> HttpResponse:
    from monia.network.referral_selectors import coordinated_services

    pc = portal_case_of(request, case_id, purpose=Purpose.PORTAL_PLAN)
    today = timezone.localdate()
    view = document_selectors.portal_view(pc)
    plan = _plan_document(pc, view)
    return render_portal_page(
        request,
        "portal/plan.html",
        pc,
        audience=view.audience,
        plan=plan,
        # The services come with the plan's family version: the worker sees them there.
        services=coordinated_services(pc.case, today) if plan and plan.text else [],
        actions=document_selectors.open_actions(pc, today),
    )


@login_required(login_url="portal_login")
@require_GET
def portal_decisions(request: HttpRequest, case_id: int) -> HttpResponse:
    pc = portal_case_of(request, case_id, purpose=Purpose.PORTAL_DECISIONS)
    view = document_selectors.portal_view(pc)
    docs = [d for d in view.documents if d.kind in document_selectors.RECORD_KINDS]
    return render_portal_page(
        request,
        "portal/decisions.html",
        pc,
        audience=view.audience,
        documents=docs,
        decisions=decision_access.portal_decisions_of(case=pc.case, client=pc.client),
    )


@login_required(login_url="portal_login")
@require_http_methods(["GET", "POST"])
def portal_privacy(request: HttpRequest, case_id: int) -> HttpResponse:
    """Who can see what in the portal; a young person asks here that the guardians do not
    see a document (the worker decides)."""
    user = policy.user_of(request)
    pc = portal_case_of(request, case_id, purpose=Purpose.PORTAL_PRIVACY)
    if request.method == "POST":
        try:
            services.document_restriction_request(
                user=user, portal_case=pc, document_key=request.POST.get("document", "")
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("You asked. Your worker will decide and tell you."))
        return redirect("portal_privacy", case_id=pc.case.pk)
    view = document_selectors.portal_view(pc)
    return render_portal_page(
        request,
        "portal/privacy.html",
        pc,
        audience=view.audience,
        documents=[d for d in view.documents if d.kind != "invitation"],
        # Professionals outside child welfare who see parts of the matter (the page said
        # only the workers and the guardians did).
        outside=outside_selectors.outside_child_welfare(pc, on=timezone.localdate()),
    )


@login_required(login_url="portal_login")
@require_GET
def portal_meetings(request: HttpRequest, case_id: int) -> HttpResponse:
    pc = portal_case_of(request, case_id, purpose=Purpose.PORTAL_MEETINGS)
    return render_portal_page(
        request,
        "portal/meetings.html",
        pc,
        meetings=selectors.visible_upcoming_meetings(pc),
        held=selectors.visible_recently_held_meetings(pc),
    )


@login_required(login_url="portal_login")
@require_GET
def portal_safety_general(request: HttpRequest) -> HttpResponse:
    user = policy.user_of(request)
    pcs = portal_access.portal_cases_list(user, purpose=Purpose.PORTAL_SAFETY)
    numbers = safety_selectors.emergency_numbers(pcs[0].case) if pcs else []
    return render(
        request,
        "portal/safety_general.html",
        {
            "pcs": pcs,
            "numbers": numbers,
            # Each matter's button its own key: one alert per press, whatever is reloaded.
            "statuses": [
                (pc, safety_selectors.office_status(pc.case.county), safety_key_form())
                for pc in pcs
            ],
        },
    )


@login_required(login_url="portal_login")
@require_http_methods(["GET", "POST"])
def portal_safety(request: HttpRequest, case_id: int) -> HttpResponse:
    user = policy.user_of(request)
    pc = portal_case_of(request, case_id, purpose=Purpose.PORTAL_SAFETY)
    sent = False
    form = SentOnceForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        # An urgent alert is raised even if its key is missing or spoiled.
        key = form.cleaned_data["submission_key"] if form.is_valid() else None
        services.safety_alert_raise(user=user, portal_case=pc, submission_key=key)
        sent = True
    return render_portal_page(
        request,
        "portal/safety.html",
        pc,
        numbers=safety_selectors.emergency_numbers(pc.case),
        office=safety_selectors.office_status(pc.case.county),
        sent=sent,
        form=form,
    )


@login_required(login_url="portal_login")
@require_GET
def portal_who_viewed(request: HttpRequest, case_id: int) -> HttpResponse:
    pc = portal_case_of(request, case_id, purpose=Purpose.PORTAL_WHO_VIEWED)
    return render_portal_page(
        request,
        "portal/who_viewed.html",
        pc,
        log=log_selectors.who_viewed(pc, page=_page_number(request)),
    )


@login_required(login_url="portal_login")
@require_http_methods(["GET", "POST"])
def portal_unsent(request: HttpRequest) -> HttpResponse:
    """What the client sent after her session ended (accounts/unsent.py): to send, or to
    throw away. Her own form only; nothing of the record is read."""
    user = policy.user_of(request)
    if not portal_access.is_client(user):
        raise Http404
    kept = unsent.take(request, user.pk)
    if request.method == "POST" or kept is None:
        unsent.forget(request)
        return redirect("portal_home")
    return render(request, "portal/unsent_resume.html", {"kept": kept})
