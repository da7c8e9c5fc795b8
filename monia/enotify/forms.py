"""The public notification form. Forms only parse and label input; rules live in services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from monia.attachments.forms import attachment_field
from monia.casework.forms import SentOnceForm
from monia.casework.models import FamilyInformed, NotifierType, Sector
from monia.enotify import gate
from monia.enotify.models import (
    APPROXIMATE_AGE_MAX,
    CONTENT_MAX_LENGTH,
    DESCRIPTION_MAX_LENGTH,
    ENotificationKind,
)
from monia.ui.fields import MoniaForm
from monia.ui.widgets import DateInput

# The name of the honeypot field: people never see it, form-filling robots do.
HONEYPOT_FIELD = "website"
# Fields of the form itself, never passed to the service as notification data.
# The attachment goes to the service as ``upload``, checked there with the rest.
FORM_ONLY_FIELDS = (HONEYPOT_FIELD, "form_token", "challenge", "challenge_answer", "attachment")

NOTIFIER_CHOICES = [
    (NotifierType.OBLIGATED.value, _("I am a professional obliged to notify (LsL 25 §)")),
    (NotifierType.PRIVATE.value, _("I am a private person and give my contact details")),
    (NotifierType.ANONYMOUS.value, _("I am a private person and want to stay anonymous")),
]


class ENotificationForm(SentOnceForm):
    key_required = True
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
        label=_("Child's first names"),
        required=False,
        max_length=200,
        help_text=_("If you do not know the name, leave it empty and describe the child below."),
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
    child_approximate_age = forms.IntegerField(
        label=_("Approximate age in years"),
        required=False,
        min_value=0,
        max_value=APPROXIMATE_AGE_MAX,
        help_text=_("If you do not know the date of birth."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    child_municipality = forms.CharField(
        label=_("Child's municipality of residence"), required=False, max_length=100
    )
    child_address = forms.CharField(
        label=_("Address, or where the child was seen"),
        required=False,
        max_length=300,
        help_text=_("For example: Koulukatu 5 B 12, or the playground of the Keskus school."),
    )
    child_description = forms.CharField(
        label=_("Description of the child"),
        required=False,
        max_length=DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "If you do not know the child's name: what does the child look like, and who "
            "is the child usually with?"
        ),
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
    # One file the notifier may add (a school's form, a photo); checked by the service.
    attachment = attachment_field(required=False, label=_("Attachment (optional)"))
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    # The form session (enotify.gate) and the human question, when one is asked.
    form_token = forms.CharField(required=False, widget=forms.HiddenInput)
    challenge = forms.CharField(required=False, widget=forms.HiddenInput)
    challenge_answer = forms.CharField(
        label=_("Answer"),
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if not self.is_bound:
            self.initial["form_token"] = gate.form_token_issue()
            self.form_session = ""
            return
        self.form_session = gate.form_session_of(str(self.data.get("form_token", "")))
        if not self.form_session:
            # A forged, missing or old token: this submission has no session (the question
            # is asked); the page it gets back carries a new one.
            self._set_data(form_token=gate.form_token_issue())
        self._label_question()

    def _set_data(self, **values: str) -> None:
        data = QueryDict(mutable=True)
        data.update(self.data)
        for name, value in values.items():
            data[name] = value
        self.data = data

    def _label_question(self) -> None:
        question = self.question
        if question is not None:
            self.fields["challenge_answer"].label = _("What is %(a)d plus %(b)d?") % {
                "a": question.a,
                "b": question.b,
            }
            # A bound field made before (by is_valid) would keep the old label.
            getattr(self, "_bound_fields_cache", {}).pop("challenge_answer", None)

    @property
    def question(self) -> gate.Question | None:
        """The human question on this page, if one was asked."""
        return gate.question_of(str(self.data.get("challenge", ""))) if self.is_bound else None

    def ask_question(self) -> None:
        """Put a new question on the page (the old answer cleared), for the next submit."""
        session = self.form_session or gate.form_session_of(str(self.data["form_token"]))
        self._set_data(challenge=gate.question_issue(session).signed, challenge_answer="")
        self._label_question()

    def answer(self) -> gate.Answer:
        return gate.answer_check(
            str(self.data.get("challenge", "")),
            str(self.data.get("challenge_answer", "")),
            form_session=self.form_session,
        )

    def is_robot(self) -> bool:
        """The honeypot was filled in: answer as if received, store nothing."""
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())

    def service_data(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        for name in FORM_ONLY_FIELDS:
            data.pop(name, None)
        return data


class ConvertActionForm(MoniaForm):
    """Which action the worker chose on the detail page."""

    action = forms.ChoiceField(choices=[("convert", "convert"), ("reject", "reject")])
