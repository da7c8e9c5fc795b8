"""Forms for the team's shared space."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from monia.casework.forms import WorkerChoiceField
from monia.systemic.models import HypothesisStatus
from monia.ui.widgets import DateInput


class MeetingOpenForm(forms.Form):
    held_on = forms.DateField(label=_("Meeting date"), widget=DateInput())

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if not self.is_bound:
            self.initial["held_on"] = timezone.localdate() + datetime.timedelta(days=7)


class AgendaAddForm(forms.Form):
    case = forms.TypedChoiceField(label=_("Family"), coerce=int)

    def __init__(self, *args: object, choices: list[tuple[int, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["case"].choices = choices  # type: ignore[attr-defined]


class ReflectionForm(forms.Form):
    worries = forms.CharField(
        label=_("What worries us"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    working_well = forms.CharField(
        label=_("What is working"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    family_view = forms.CharField(
        label=_("The family's own view"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    therapist_action = forms.CharField(
        label=_("What the family therapist will do"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    lock_version = forms.IntegerField(widget=forms.HiddenInput)


class HypothesisForm(forms.Form):
    statement = forms.CharField(label=_("Hypothesis"), widget=forms.Textarea(attrs={"rows": 2}))
    supports = forms.CharField(
        label=_("What supports it"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    test = forms.CharField(
        label=_("What would test it"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=HypothesisStatus.choices, initial=HypothesisStatus.OPEN
    )


class NextStepForm(forms.Form):
    description = forms.CharField(label=_("Next step"), max_length=500)
    owner = WorkerChoiceField(label=_("Owner"), queryset=None)  # type: ignore[arg-type]
    due_on = forms.DateField(label=_("Due"), widget=DateInput())

    def __init__(self, *args: object, owners: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["owner"].queryset = owners  # type: ignore[attr-defined]


class FlagForm(forms.Form):
    reason = forms.CharField(
        label=_("Why should the team reflect on this family?"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
