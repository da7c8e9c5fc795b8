"""Forms for the expert group's pages. They parse and label input; rules live in services."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from monia.experts.models import ExpertSession, PresentationMode
from monia.ui.fields import MoniaForm
from monia.ui.widgets import DateInput


class SessionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: ExpertSession) -> str:
        day = obj.held_on
        return f"{day.day}.{day.month}.{day.year} – {obj.group.name}"


class ExpertCaseForm(MoniaForm):
    session = SessionChoiceField(label=_("Session of the expert group"), queryset=None)
    mode = forms.ChoiceField(
        label=_("How the case is presented"),
        choices=PresentationMode.choices,
        widget=forms.RadioSelect,
        initial=PresentationMode.PSEUDONYMISED,
    )
    consent_given_by = forms.CharField(
        label=_("Consent given by"),
        required=False,
        max_length=200,
        help_text=_("When presented by name: who consented, for example the guardian, and when."),
    )
    pseudonym = forms.CharField(
        label=_("Pseudonym"),
        required=False,
        max_length=100,
        help_text=_(
            "When pseudonymised: what the group calls the case, for example “Girl, 9”. "
            "The group's pages never show the child's name."
        ),
    )
    question = forms.CharField(
        label=_("Question to the group"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("For a pseudonymised case, leave out names and identifying details."),
    )

    def __init__(self, *args: Any, sessions: QuerySet[ExpertSession], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = sessions  # type: ignore[attr-defined]


class StatementForm(MoniaForm):
    statement = forms.CharField(
        label=_("Statement of the group"), widget=forms.Textarea(attrs={"rows": 8})
    )
    given_on = forms.DateField(label=_("Statement given on"), widget=DateInput())

    @classmethod
    def initial_for(cls, statement: str, given_on: datetime.date | None) -> dict[str, Any]:
        return {"statement": statement, "given_on": given_on or timezone.localdate()}
