"""The second factor's forms."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from monia.mfa import selectors
from monia.ui.fields import MoniaForm


class CodeForm(MoniaForm):
    """Six digits from an authenticator app (spaces as the app shows them are fine)."""

    code = forms.CharField(
        label=_("Code from the app"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "size": 8}
        ),
    )

    def clean_code(self) -> str:
        digits = re.sub(r"[\s-]", "", self.cleaned_data["code"])
        if not re.fullmatch(r"[0-9]{6}", digits):
            raise ValidationError(_("Type the six digits that the app shows."))
        return digits


class TotpEnrolForm(CodeForm):
    name = forms.CharField(
        label=_("Name of the app or phone"),
        max_length=60,
        required=False,
        help_text=_("For you to tell your devices apart, e.g. “Work phone”."),
    )


class DeviceRemoveForm(MoniaForm):
    kind = forms.ChoiceField(choices=[(selectors.TOTP, "TOTP"), (selectors.PASSKEY, "passkey")])
    device = forms.IntegerField(min_value=1)
