"""Forms for correcting what was recorded (the client's right to rectification) and for
linking a child not identified to the identified person. Forms only parse and label
input; rules live in the services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from monia.casework.forms import _blank_first
from monia.casework.intake_services import INTAKE_CONTENT_MAX_LENGTH
from monia.casework.models import Intake, NotifierType, Sector
from monia.people.models import Gender, Language, Person
from monia.ui.fields import MoniaForm
from monia.ui.widgets import DateInput


class CorrectionReasonField(forms.CharField):
    def __init__(self) -> None:
        super().__init__(
            label=_("Reason for the correction"),
            help_text=_("For example: the name was misspelt at intake; the client asked."),
            widget=forms.Textarea(attrs={"rows": 2}),
        )


class PersonCorrectionForm(MoniaForm):
    """Correct a child's or family member's details; the old values are kept."""

    first_names = forms.CharField(label=_("First names"), required=False, max_length=200)
    last_name = forms.CharField(label=_("Last name"), required=False, max_length=200)
    identity_code = forms.CharField(
        label=_("Personal identity code"),
        required=False,
        max_length=11,
        help_text=_("For example 010115A901C. The date of birth follows from it."),
    )
    birth_date = forms.DateField(label=_("Date of birth"), required=False, widget=DateInput())
    gender = forms.ChoiceField(label=_("Gender"), choices=Gender.choices)
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)
    other_language = forms.CharField(label=_("Other language"), required=False, max_length=100)
    interpreter_needed = forms.BooleanField(label=_("Needs an interpreter"), required=False)
    municipality = forms.CharField(
        label=_("Municipality of residence"), required=False, max_length=100
    )
    address = forms.CharField(label=_("Address"), required=False, max_length=300)
    approximate_age = forms.IntegerField(
        label=_("Approximate age (years)"), required=False, min_value=0, max_value=120
    )
    description = forms.CharField(
        label=_("Description of the child"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    reason = CorrectionReasonField()

    UNIDENTIFIED_ONLY = ("approximate_age", "description")
    # Not shown, nor changed, by a user from whom non-disclosure protects them.
    PROTECTED = ("municipality", "address")

    def __init__(
        self, *args: object, person: Person, protected: bool = False, **kwargs: object
    ) -> None:
        hidden = self.PROTECTED if protected else ()
        initial = {
            f: getattr(person, f) for f in self.base_fields if f != "reason" and f not in hidden
        }
        super().__init__(*args, initial=initial, **kwargs)  # type: ignore[arg-type]
        for name in (*hidden, *(() if person.unidentified else self.UNIDENTIFIED_ONLY)):
            del self.fields[name]


class IntakeCorrectionForm(MoniaForm):
    """Correct what an intake recorded: the text and the notifier."""

    content = forms.CharField(
        label=_("Content of the notification"),
        max_length=INTAKE_CONTENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    notifier_type = forms.ChoiceField(
        label=_("Notifier"), choices=NotifierType.choices, widget=forms.RadioSelect
    )
    notifier_sector = forms.ChoiceField(
        label=_("Notifier's sector"), required=False, choices=_blank_first(Sector.choices)
    )
    notifier_name = forms.CharField(label=_("Notifier's name"), required=False, max_length=200)
    notifier_organisation = forms.CharField(label=_("Organisation"), required=False, max_length=200)
    notifier_phone = forms.CharField(label=_("Phone"), required=False, max_length=40)
    notifier_email = forms.EmailField(label=_("E-mail"), required=False)
    reason = CorrectionReasonField()

    def __init__(self, *args: object, intake: Intake, **kwargs: object) -> None:
        initial = {f: getattr(intake, f) for f in self.base_fields if f != "reason"}
        super().__init__(*args, initial=initial, **kwargs)  # type: ignore[arg-type]


class IdentifyForm(MoniaForm):
    reason = forms.CharField(
        label=_("How the child was identified"),
        help_text=_("For example: the school confirmed the child's name and identity code."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
