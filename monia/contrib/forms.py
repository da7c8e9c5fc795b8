from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from monia.attachments.forms import attachment_field
from monia.contrib.models import RequestBasis
from monia.network.forms import PartnerChoiceField
from monia.network.models import Organisation
from monia.ui.fields import MoniaForm


class RequestForm(MoniaForm):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none()
    )
    partner = PartnerChoiceField(label=_("Named professional (optional)"), required=False)
    basis = forms.ChoiceField(label=_("Legal basis"), choices=RequestBasis.choices)
    consent_given_by = forms.CharField(label=_("Consent given by"), required=False)
    questions = forms.CharField(label=_("Questions to the partner"), widget=forms.Textarea)
    due_on = forms.DateField(
        label=_("Statement due"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, county_id: int, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        orgs = Organisation.objects.filter(county_id=county_id, active=True)
        self.fields["organisation"].queryset = orgs
        self.fields["partner"].limit_to(orgs)


class StatementForm(MoniaForm):
    statement = forms.CharField(label=_("Statement"), widget=forms.Textarea)
    child_view_noted = forms.CharField(
        label=_("How you brought in the child's view"), widget=forms.Textarea, required=False
    )
    attachment = attachment_field(required=False, label=_("Attachment (optional)"))
