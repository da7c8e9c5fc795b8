"""Staff single sign-on under /oidc/ (the names mozilla-django-oidc uses), answering 404
while MONIA_OIDC_ENABLED is off, so Monia runs without a provider or its settings."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path

from monia.accounts import oidc_views


def _when_enabled(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not settings.MONIA_OIDC_ENABLED:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


urlpatterns = [
    path(
        "authenticate/",
        _when_enabled(oidc_views.AuthenticateView.as_view()),
        name="oidc_authentication_init",
    ),
    path(
        "callback/",
        _when_enabled(oidc_views.CallbackView.as_view()),
        name="oidc_authentication_callback",
    ),
]
