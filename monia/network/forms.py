"""Forms for sharing a case with partners."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from monia.accounts.models import User
from monia.network.models import LegalBasis, Organisation, SharePart
from monia.ui.widgets import DateInput


class PartnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:  # type: ignore[override]
        organisation = obj.organisation.name if obj.organisation else ""
        return f"{obj.display_name} ({organisation})"


class GrantForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none()
    )
    partner = PartnerChoiceField(
        label=_("Professional (empty: the whole organisation)"),
        queryset=User.objects.none(),
        required=False,
    )
    basis = forms.ChoiceField(
        label=_("Legal basis"), choices=LegalBasis.choices, widget=forms.RadioSelect
    )
    consent_given_by = forms.CharField(label=_("Consent given by"), required=False, max_length=200)
    basis_note = forms.CharField(
        label=_("Details of the basis"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    scope = forms.MultipleChoiceField(
        label=_("What the partner may see"),
        choices=SharePart.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    ends_on = forms.DateField(label=_("Until"), widget=DateInput())

    def __init__(self, *args: object, county_id: int, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["organisation"].queryset = Organisation.objects.filter(  # type: ignore[attr-defined]
            county_id=county_id, active=True
        )
        self.fields["partner"].queryset = User.objects.filter(  # type: ignore[attr-defined]
            role="partner",
            is_active=True,
            organisation__county_id=county_id,
        ).select_related("organisation")
