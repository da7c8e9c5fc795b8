"""The public notification form. Forms only parse and label input; rules live in services."""

from __future__ import annotations

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from monia.casework.models import FamilyInformed, NotifierType, Sector
from monia.enotify.models import CONTENT_MAX_LENGTH, ENotificationKind
from monia.ui.widgets import DateInput

# The name of the honeypot field: people never see it, form-filling robots do.
HONEYPOT_FIELD = "website"

NOTIFIER_CHOICES = [
    (NotifierType.OBLIGATED.value, _("I am a professional obliged to notify (LsL 25 §)")),
    (NotifierType.PRIVATE.value, _("I am a private person and give my contact details")),
    (NotifierType.ANONYMOUS.value, _("I am a private person and want to stay anonymous")),
]


class ENotificationForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What do you want to send?"),
        choices=ENotificationKind.choices,
        widget=forms.RadioSelect,
        initial=ENotificationKind.NOTIFICATION,
    )
    notifier_type = forms.ChoiceField(
        label=_("Who are you?"),
        choices=NOTIFIER_CHOICES,
        widget=forms.RadioSelect,
        initial=NotifierType.OBLIGATED,
    )
    notifier_name = forms.CharField(label=_("Your name"), required=False, max_length=200)
    notifier_organisation = forms.CharField(
        label=_("Your organisation"), required=False, max_length=200
    )
    notifier_sector = forms.ChoiceField(
        label=_("Sector"), required=False, choices=[("", "—"), *Sector.choices]
    )
    notifier_phone = forms.CharField(label=_("Phone"), required=False, max_length=40)
    notifier_email = forms.EmailField(label=_("E-mail"), required=False)

    child_first_names = forms.CharField(
        label=_("Child's first names"), required=False, max_length=200
    )
    child_last_name = forms.CharField(label=_("Child's last name"), required=False, max_length=200)
    child_identity_code = forms.CharField(
        label=_("Child's personal identity code"),
        required=False,
        max_length=11,
        help_text=_("If you know it, for example 010115A901C."),
    )
    child_birth_date = forms.DateField(
        label=_("Child's date of birth"), required=False, widget=DateInput()
    )
    child_expected_birth_date = forms.DateField(
        label=_("Expected date of birth (pre-birth notification)"),
        required=False,
        widget=DateInput(),
    )
    child_municipality = forms.CharField(
        label=_("Child's municipality of residence"), required=False, max_length=100
    )
    guardians = forms.CharField(
        label=_("Guardians or parents, if you know them"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For a pre-birth notification: the expectant parent."),
    )
    family_informed = forms.ChoiceField(
        label=_("Does the family know about this notification?"),
        choices=FamilyInformed.choices,
        widget=forms.RadioSelect,
        initial=FamilyInformed.UNKNOWN,
    )
    content = forms.CharField(
        label=_("Your concern about the child"),
        max_length=CONTENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("What have you seen or heard, and when? At most 10,000 characters."),
    )
    crime_suspected = forms.BooleanField(
        label=_(
            "I suspect sexual abuse or a violent crime against the child "
            "(maximum sentence at least two years)"
        ),
        required=False,
    )
    submission_key = forms.UUIDField(widget=forms.HiddenInput)
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4())

    def is_robot(self) -> bool:
        """The honeypot was filled in: answer as if received, store nothing."""
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())

    def service_data(self) -> dict[str, object]:
        data = dict(self.cleaned_data)
        data.pop(HONEYPOT_FIELD, None)
        return data


class ConvertActionForm(forms.Form):
    """Which action the worker chose on the detail page."""

    action = forms.ChoiceField(choices=[("convert", "convert"), ("reject", "reject")])
