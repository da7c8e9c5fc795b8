"""Setting one's own password with the one-time link Monia e-mailed (thin: Django's reset
view, Monia's layout, the write in the service)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth_views
from django.contrib.auth.views import INTERNAL_RESET_SESSION_TOKEN
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse_lazy

from monia.accounts.models import User
from monia.rights import selectors, services
from monia.rights.forms import PasswordSetForm


class PasswordSetView(auth_views.PasswordResetConfirmView):
    """Django's view: the token moves from the address into the session at once (no
    Referer leaks it); an unknown, used or expired link shows a page that says so."""

    form_class = PasswordSetForm
    template_name = "rights/password_set.html"
    success_url = reverse_lazy("password_reset_complete")

    def get_user(self, uidb64: str) -> User | None:
        return selectors.user_for_password_link(uidb64)

    def form_valid(self, form: Any) -> HttpResponse:
        services.password_set_with_link(user=form.user, password=form.cleaned_data["new_password1"])
        del self.request.session[INTERNAL_RESET_SESSION_TOKEN]
        return HttpResponseRedirect(self.get_success_url())


class PasswordSetDoneView(auth_views.PasswordResetCompleteView):
    template_name = "rights/password_set_done.html"
