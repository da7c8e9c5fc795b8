"""Small forms shared by the shell pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from monia.ui.fields import MoniaForm
from monia.ui.widgets import DateInput


class OnDateForm(MoniaForm):
    on = forms.DateField(label=_("On date"), required=False, widget=DateInput())
