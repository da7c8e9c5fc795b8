"""Small forms shared by the shell pages."""

from django import forms
from django.contrib.auth import forms as auth_forms
from django.utils.translation import gettext_lazy as _

from monia.ui.fields import MoniaForm
from monia.ui.widgets import DateInput


class OnDateForm(MoniaForm):
    on = forms.DateField(label=_("On date"), required=False, widget=DateInput())


class PasswordChangeForm(MoniaForm, auth_forms.PasswordChangeForm):
    """Django's password change (old password, the new one twice, the validators of
    AUTH_PASSWORD_VALIDATORS: at least 12 characters), with Monia's input rules."""
