from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from monia.casework.forms import SentOnceForm
from monia.casework.models import Case
from monia.consult import selectors
from monia.consult.models import ConsultationMode
from monia.network.forms import PartnerChoiceField
from monia.ui.fields import MoniaForm


class AskForm(SentOnceForm):
    organisation = forms.ModelChoiceField(queryset=None, label=_("Organisation"))
    partner = PartnerChoiceField(required=False, label=_("Expert"))
    mode = forms.ChoiceField(choices=ConsultationMode.choices, label=_("Mode"))
    pseudonym = forms.CharField(max_length=100, required=False, label=_("Pseudonym"))
    consent_given_by = forms.CharField(max_length=200, required=False, label=_("Consent given by"))
    question = forms.CharField(widget=forms.Textarea, label=_("Question"))

    def __init__(self, case: Case, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        organisations = selectors.organisations_for_case(case)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["partner"].limit_to(organisations)  # type: ignore[attr-defined]


class AnswerForm(MoniaForm):
    answer = forms.CharField(widget=forms.Textarea, label=_("Answer"))
