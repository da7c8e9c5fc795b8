"""The page where a user sets their own password with a link."""

from __future__ import annotations

from django.contrib.auth.forms import SetPasswordForm

from monia.ui.fields import MoniaForm


class PasswordSetForm(MoniaForm, SetPasswordForm):
    """Django's set-password form under Monia's rules: the validators of
    ``AUTH_PASSWORD_VALIDATORS`` (the minimum length among them, told in the help text)
    and no control characters."""

    def save(self, commit: bool = True) -> object:  # the service saves and logs
        raise NotImplementedError("use rights.services.password_set_with_link")
