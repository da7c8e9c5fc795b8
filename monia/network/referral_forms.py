"""Forms of the referral pages: a new referral to a support service, the next step."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from monia.casework.models import Case
from monia.network import referral_selectors as selectors
from monia.network import referral_services as services
from monia.network.models import Organisation, Referral, ReferralStep
from monia.ui.fields import MoniaForm
from monia.ui.widgets import DateInput, DateTimeInput


class ReferralForm(MoniaForm):
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("Service provider"), queryset=Organisation.objects.none()
    )
    service = forms.CharField(label=gettext_lazy("Service"), max_length=200)
    need_identified_on = forms.DateField(
        label=gettext_lazy("Need identified on"), widget=DateInput()
    )
    referred_at = forms.DateTimeField(label=gettext_lazy("Referred"), widget=DateTimeInput())
    contact_person = forms.CharField(
        label=gettext_lazy("Contact person"), max_length=200, required=False
    )
    next_date = forms.DateField(
        label=gettext_lazy("Next appointment"), required=False, widget=DateInput()
    )

    def __init__(self, case: Case, data: Any = None) -> None:
        super().__init__(data)
        self.fields["organisation"].queryset = selectors.support_providers(case)  # type: ignore[attr-defined]


class AdvanceForm(MoniaForm):
    step = forms.ChoiceField(label=gettext_lazy("Step"), widget=forms.RadioSelect)
    at = forms.DateTimeField(label=gettext_lazy("When"), widget=DateTimeInput())
    end_reason = forms.CharField(
        label=gettext_lazy("Reason for ending"), required=False, widget=forms.Textarea
    )

    def __init__(self, referral: Referral, data: Any = None) -> None:
        super().__init__(data)
        self.fields["step"].choices = [  # type: ignore[attr-defined]
            (s, ReferralStep(s).label) for s in services.next_steps(referral)
        ]


class NextDateForm(MoniaForm):
    next_date = forms.DateField(
        label=gettext_lazy("Next appointment"), required=False, widget=DateInput()
    )
