"""djangosaml2's views under /saml2/ (as djangosaml2.urls names them), answering 404 while
MONIA_SAML_ENABLED is off, so Monia runs without xmlsec1, keys or IdP metadata."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path
from djangosaml2 import views


def _when_enabled(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)  # keeps the ACS's csrf_exempt: the IdP posts the response cross-site
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not getattr(settings, "MONIA_SAML_ENABLED", False):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


urlpatterns = [
    path("login/", _when_enabled(views.LoginView.as_view()), name="saml2_login"),
    path("acs/", _when_enabled(views.AssertionConsumerServiceView.as_view()), name="saml2_acs"),
    path("logout/", _when_enabled(views.LogoutInitView.as_view()), name="saml2_logout"),
    path("ls/", _when_enabled(views.LogoutView.as_view()), name="saml2_ls"),
    path("ls/post/", _when_enabled(views.LogoutView.as_view()), name="saml2_ls_post"),
    path("metadata/", _when_enabled(views.MetadataView.as_view()), name="saml2_metadata"),
]
