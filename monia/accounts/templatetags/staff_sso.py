"""The single sign-on button of the staff login page (accounts/_sso_login.html)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag(takes_context=True)
def staff_sso(context: template.Context) -> dict[str, str] | None:
    """The button's address (keeping the login page's ``next``) and text; None while single
    sign-on is off."""
    if not settings.MONIA_OIDC_ENABLED:
        return None
    url = reverse("oidc_authentication_init")
    wanted: Any = context.get("next")
    if wanted:
        url += "?" + urlencode({"next": wanted})
    name = settings.MONIA_OIDC_LABEL
    text = (
        _("Log in with %(provider)s") % {"provider": name}
        if name
        else _("Log in with your organisation's account")
    )
    return {"url": url, "text": text}
