"""The letter form (what letter, to whom, in which language, and what the chosen letter
needs) and the "mark as sent" form. The choices come from the case (``views``)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from monia.casework.forms import SentOnceForm
from monia.letters.build_meetings import MeetingPurpose
from monia.letters.models import LetterChannel, LetterKind
from monia.ui.fields import MoniaForm
from monia.ui.widgets import DateInput, DateTimeInput

LANGUAGE_CHOICES = [
    ("", _("The recipient's own language")),
    ("fi", _("Finnish")),
    ("sv", _("Swedish")),
]
MEETING_PURPOSES = [
    (MeetingPurpose.PLAN, _("Client plan meeting")),
    (MeetingPurpose.WORKER, _("Meeting with the worker")),
]


class LetterForm(MoniaForm):
    kind = forms.ChoiceField(label=_("Letter"), choices=LetterKind.choices)
    recipient = forms.TypedChoiceField(label=_("To whom"), coerce=int)
    language = forms.ChoiceField(
        label=_("Language"),
        choices=LANGUAGE_CHOICES,
        required=False,
        help_text=_("Change only for a bilingual family who asked for the other language."),
    )
    intake = forms.TypedChoiceField(
        label=_("The notification (for the notice of receipt)"), coerce=int, required=False
    )
    assessment = forms.TypedChoiceField(
        label=_("The assessment (for its summary)"), coerce=int, required=False
    )
    family_view = forms.CharField(
        label=_("The family's own view of the assessment"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=4000,
    )
    meeting = forms.TypedChoiceField(
        label=_("The network meeting (for its invitation)"), coerce=int, required=False
    )
    meeting_purpose = forms.ChoiceField(
        label=_("Other meeting: what kind"), choices=MEETING_PURPOSES, required=False
    )
    starts_at = forms.DateTimeField(label=_("Time"), widget=DateTimeInput(), required=False)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    invited = forms.CharField(
        label=_("Who is invited"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    topics = forms.CharField(
        label=_("What will be discussed"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=4000,
    )

    def __init__(self, *args: Any, choices: dict[str, list[tuple[Any, str]]], **kw: Any) -> None:
        super().__init__(*args, **kw)
        for name in ("recipient", "intake", "assessment", "meeting"):
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            empty = [] if name == "recipient" else [("", "—")]
            field.choices = [*empty, *choices[name]]


class SendForm(SentOnceForm):
    key_required = True
    channel = forms.ChoiceField(label=_("How was it sent"), choices=LetterChannel.choices)
    sent_on = forms.DateField(label=_("Sent on"), widget=DateInput(), initial=timezone.localdate)
