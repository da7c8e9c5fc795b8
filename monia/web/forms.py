"""Small forms shared by the shell pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from monia.ui.widgets import DateInput


class OnDateForm(forms.Form):
    on = forms.DateField(label=_("On date"), required=False, widget=DateInput())
