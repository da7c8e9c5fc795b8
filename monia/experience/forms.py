"""Forms of the register of experts by experience. They parse and label input; the rules
live in services.py."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from monia.accounts.models import User
from monia.experience.models import (
    Assignment,
    AssignmentKind,
    AssignmentStatus,
    ExpertByExperience,
)
from monia.ui.fields import MoniaForm
from monia.ui.widgets import DateInput


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return obj.display_name


class EuroField(forms.DecimalField):
    """A sum or hours as typed in Finland: a comma or a point, spaces between thousands."""

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str):
            value = value.replace("\xa0", "").replace(" ", "").replace(",", ".")
        return super().to_python(value)


class ExpertForm(MoniaForm):
    pseudonym = forms.CharField(
        label=_("Pseudonym"),
        max_length=80,
        help_text=_("What every page shows, for example “Eeva L.”. It need not be the real name."),
    )
    known_as = forms.CharField(
        label=_("Known as"),
        max_length=200,
        required=False,
        help_text=_("How the expert wishes to be introduced, for example “a mother of three”."),
    )
    themes = forms.CharField(
        label=_("Themes"),
        max_length=600,
        required=False,
        help_text=_("Separate with commas, for example: foster care, school, substance abuse."),
    )
    training = forms.CharField(
        label=_("Training as an expert"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example: training for experts by experience 2024."),
    )
    availability = forms.CharField(
        label=_("Availability"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    real_name = forms.CharField(
        label=_("Real name"),
        max_length=200,
        required=False,
        help_text=_("Shown only to the coordinator and in the payroll export."),
    )
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    user = UserChoiceField(
        label=_("Monia account"),
        queryset=None,
        required=False,
        help_text=_("With an account the expert sees their own assignments in Monia."),
    )
    active = forms.BooleanField(label=_("Active in the register"), required=False, initial=True)

    def __init__(self, *args: Any, users: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = users  # type: ignore[attr-defined]

    def clean_themes(self) -> list[str]:
        return [t for t in self.cleaned_data["themes"].split(",") if t.strip()]

    @staticmethod
    def initial_for(entry: ExpertByExperience) -> dict[str, Any]:
        return {
            "pseudonym": entry.pseudonym,
            "known_as": entry.known_as,
            "themes": ", ".join(entry.themes),
            "training": entry.training,
            "availability": entry.availability,
            "real_name": entry.real_name,
            "email": entry.email,
            "phone": entry.phone,
            "user": entry.user_id,
            "active": entry.active,
        }


class TaxCardForm(MoniaForm):
    year = forms.IntegerField(
        label=_("Tax card received for the year"), min_value=1900, max_value=2100
    )


class AssignmentForm(MoniaForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=AssignmentKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    date = forms.DateField(label=_("Date"), widget=DateInput())
    hours = EuroField(
        label=_("Hours"),
        max_digits=5,
        decimal_places=1,
        required=False,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    worker = UserChoiceField(
        label=_("Worker of the working pair"),
        queryset=None,
        required=False,
        help_text=_("Only for a working pair with a worker."),
    )
    fee_agreed = EuroField(
        label=_("Fee agreed (euros)"),
        max_digits=9,
        decimal_places=2,
        required=False,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        help_text=_("Taxable pay: the expert's tax card must be noted for the year. 0 for none."),
    )
    fee_declined = forms.BooleanField(label=_("The expert declined the fee"), required=False)
    costs = EuroField(
        label=_("Costs reimbursed (euros)"),
        max_digits=9,
        decimal_places=2,
        required=False,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        help_text=_("Travel and other costs: always reimbursed, no cost falls on the expert."),
    )
    costs_description = forms.CharField(
        label=_("What the costs are"), max_length=300, required=False
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=AssignmentStatus.choices, initial=AssignmentStatus.AGREED
    )

    def __init__(self, *args: Any, workers: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["worker"].queryset = workers  # type: ignore[attr-defined]

    @staticmethod
    def initial_for(assignment: Assignment | None) -> dict[str, Any]:
        if assignment is None:
            return {"date": timezone.localdate(), "status": AssignmentStatus.AGREED}
        return {
            name: getattr(assignment, name)
            for name in (
                "kind",
                "title",
                "date",
                "hours",
                "fee_agreed",
                "fee_declined",
                "costs",
                "costs_description",
                "status",
            )
        } | {"worker": assignment.worker_id}


class MonthForm(MoniaForm):
    month = forms.DateField(
        label=_("Month"),
        input_formats=["%Y-%m"],
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
        help_text=_("For example 2026-11."),
    )
    file_format = forms.ChoiceField(
        label=_("File"),
        choices=(("csv", "CSV"), ("xlsx", "XLSX (Excel)")),
        initial="csv",
        required=False,
        widget=forms.RadioSelect,
    )

    def clean_file_format(self) -> str:
        return str(self.cleaned_data.get("file_format") or "csv")

    @staticmethod
    def initial_for(today: datetime.date) -> dict[str, Any]:
        last = today.replace(day=1) - datetime.timedelta(days=1)
        return {"month": last.replace(day=1), "file_format": "csv"}
