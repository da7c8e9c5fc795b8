"""The logged-in user changes their own password."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from monia.accounts.models import User
from monia.rights.services import password_changed_tell
from monia.web.forms import PasswordChangeForm


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's view (login required, the session kept, the user's other sessions ended)
    in Monia's layout; back to the Security page with a message; the user is told by
    e-mail."""

    template_name = "web/password_change.html"
    form_class = PasswordChangeForm
    success_url = reverse_lazy("security")

    def form_valid(self, form: PasswordChangeForm) -> HttpResponse:
        response = super().form_valid(form)
        password_changed_tell(user=cast("User", form.user))
        messages.success(self.request, _("Your password was changed."))
        return response
