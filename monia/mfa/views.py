"""The second step after the password, enrolment of a factor, and the Security page."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login

from monia.access import policy
from monia.accounts import second_factor
from monia.mfa import access, demo, selectors, services, session
from monia.mfa.forms import CodeForm, DeviceRemoveForm, TotpEnrolForm
from monia.mfa.qr import qr_svg
from monia.ui.errors import apply_errors


def _next(request: HttpRequest, default: str = "dashboard") -> str:
    """Where to go once the factor is passed: the page that was asked for, if it is Monia's."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse(default)


def _wrong_code(form: CodeForm, wait_seconds: int = 0) -> None:
    if wait_seconds:
        form.add_error(
            "code",
            _("Too many wrong codes in a row. Wait %(n)s seconds, then type the newest code.")
            % {"n": wait_seconds},
        )
    else:
        form.add_error(
            "code",
            _(
                "The code is not right. Type the code the app shows now (it changes every "
                "30 seconds; each code works once)."
            ),
        )


@login_required
@require_http_methods(["GET", "POST"])
def second_step(request: HttpRequest) -> HttpResponse:
    """The second step: "Enter the code from your app" / "Use your passkey"."""
    user = policy.user_of(request)
    if second_factor.is_done(request):
        return redirect(_next(request))
    if not selectors.has_device(user):
        return redirect(f"{reverse('mfa_totp_enrol')}?{request.GET.urlencode()}")
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        check = services.totp_check(user=user, code=form.cleaned_data["code"])
        if check.device is not None:
            session.passed(request, "otp")
            otp_login(request, check.device)
            return redirect(_next(request))
        _wrong_code(form, check.wait_seconds)
        status = 429 if check.wait_seconds else 200
    context = {
        "form": form,
        "next": _next(request),
        "has_totp": selectors.has_totp(user),
        "has_passkey": selectors.has_passkey(user),
        "demo": demo.hint_for(user),
        "second_factor_pending": True,
    }
    return render(request, "mfa/second_step.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def totp_enrol(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app (or a passkey): the secret as text and as a QR code,
    confirmed with its first code. Reached before the second factor only by a user who
    has none yet."""
    user = policy.user_of(request)
    has_device = selectors.has_device(user)
    done = second_factor.is_done(request)
    if not access.may_register_before_factor(has_device=has_device, done=done):
        return redirect(f"{reverse('mfa_second_step')}?{request.GET.urlencode()}")
    key = request.session.get(session.PENDING_TOTP_KEY)
    if not key:
        key = request.session[session.PENDING_TOTP_KEY] = services.totp_secret_new()
    form = TotpEnrolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = services.totp_enrol(
            user=user, key_hex=key, code=form.cleaned_data["code"], name=form.cleaned_data["name"]
        )
        if device is not None:
            request.session.pop(session.PENDING_TOTP_KEY, None)
            session.devices_changed(request, user)
            if not done:
                session.passed(request, "otp")
            otp_login(request, device)
            messages.success(request, _("The app was added. Monia asks its code at each login."))
            return redirect(_next(request, default="security"))
        _wrong_code(form)
    context: dict[str, Any] = {
        "form": form,
        "next": request.POST.get("next") or request.GET.get("next", ""),
        "first": not has_device,
        "required": access.factor_required(user),
        "secret": services.totp_secret_text(key),
        "qr": qr_svg(services.totp_uri(user, key), label=_("QR code for the authenticator app")),
        "issuer": settings.OTP_TOTP_ISSUER,
        "second_factor_pending": not done and access.factor_required(user),
    }
    return render(request, "mfa/enrol.html", context)


@login_required
@require_http_methods(["GET"])
def security(request: HttpRequest) -> HttpResponse:
    """The user's own Security page: second-factor devices and the password."""
    user = policy.user_of(request)
    return render(
        request,
        "mfa/security.html",
        {
            "devices": selectors.devices_of(user),
            "required": access.factor_required(user),
            "passed_with": request.session.get(second_factor.SESSION_KEY, ""),
        },
    )


@login_required
@require_POST
def device_remove(request: HttpRequest) -> HttpResponse:
    user = policy.user_of(request)
    form = DeviceRemoveForm(request.POST)
    if form.is_valid():
        try:
            services.device_remove(
                user=user,
                kind=form.cleaned_data["kind"],
                pk=form.cleaned_data["device"],
                required=access.factor_required(user),
            )
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            session.devices_changed(request, user)
            messages.success(request, _("The device was removed."))
            return redirect("security")
    for message in form.non_field_errors():
        messages.error(request, message)
    if not form.non_field_errors():
        messages.error(request, _("That device is no longer there."))
    return redirect("security")
