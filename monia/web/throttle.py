"""Staff login throttling: django-axes, told what Monia counts and how it answers.

A password login is refused for a cool-off (``MONIA_LOGIN_COOLOFF_MINUTES``) after
``MONIA_LOGIN_FAILURES_PER_ACCOUNT`` failures for one username from any address, or after
``MONIA_LOGIN_FAILURES_PER_ADDRESS`` failures from one address whatever the usernames — an
office behind one NAT address makes typos together, so the address gets the larger number.
The answer is the login page with the username kept, a message in the user's language and
HTTP 429. The axes rows keep only what the count needs, and only for the cool-off
(docs/security.md, "Login throttling").
"""

from __future__ import annotations

from typing import Any

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.db.models import QuerySet, Sum
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone


def client_address(request: HttpRequest) -> str | None:
    """REMOTE_ADDR only, as everywhere in Monia: a forwarded-for header is the client's to
    forge. Behind a proxy, the proxy sets REMOTE_ADDR (e.g. gunicorn --forwarded-allow-ips)."""
    return request.META.get("REMOTE_ADDR") or None


def not_a_password_login(request: HttpRequest, credentials: dict[str, Any] | None) -> bool:
    """Only username-and-password logins are counted: a portal client's SAML assertion and a
    single sign-on answer are checked by their identity provider, which throttles its own."""
    return "password" not in (credentials or {})


def _failures(attempts: QuerySet[AccessAttempt]) -> int:
    return int(attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0)


class LoginThrottleHandler(AxesDatabaseHandler):
    """Axes' database handler with two limits instead of one: per account and per address.

    Axes compares one number against ``AXES_FAILURE_LIMIT`` (the per-account limit); the
    address's failures are scaled so that they reach it exactly at the per-address limit.
    """

    def get_failures(self, request: Any, credentials: dict[str, Any] | None = None) -> int:
        cool_off = get_cool_off(request)
        recent = AccessAttempt.objects.all()
        if cool_off is not None:
            recent = recent.filter(attempt_time__gte=timezone.now() - cool_off)
        username = get_client_username(request, credentials)
        per_account = _failures(recent.filter(username=username)) if username else 0
        address = getattr(request, "axes_ip_address", None)
        per_address = _failures(recent.filter(ip_address=address)) if address else 0
        account_limit = settings.MONIA_LOGIN_FAILURES_PER_ACCOUNT
        address_limit = settings.MONIA_LOGIN_FAILURES_PER_ADDRESS
        return max(per_account, per_address * account_limit // address_limit)


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """The login page again, with the username as typed and the reason, answered 429."""
    username = str(request.POST.get("username", ""))[:150]
    form = AuthenticationForm(request, initial={"username": username})
    response = TemplateResponse(
        request,
        "web/login.html",
        {
            "form": form,
            "next": request.POST.get("next", ""),
            "throttled": True,
            "cool_off_minutes": settings.MONIA_LOGIN_COOLOFF_MINUTES,
        },
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    return response.render()
