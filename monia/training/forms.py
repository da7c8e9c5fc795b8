"""The form to record a completed module. It parses input only; the service decides."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from monia.accounts.models import User
from monia.training.models import Track, TrainingModule
from monia.ui.fields import MoniaForm


class TrainingRecordForm(MoniaForm):
    member = forms.TypedChoiceField(
        label=_("Staff member"),
        coerce=int,
        error_messages={
            "required": _("Choose a member of the county's staff."),
            "invalid_choice": _("Choose a member of the county's staff."),
        },
    )
    module = forms.TypedChoiceField(
        label=_("Module"),
        coerce=int,
        error_messages={
            "required": _("Choose a module of the list."),
            "invalid_choice": _("Choose a module of the list."),
        },
    )
    completed_on = forms.DateField(
        label=_("Completed on"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Give the day of completion."),
            "invalid": _("Give the day of completion."),
        },
    )
    hours = forms.DecimalField(
        label=_("Hours"),
        min_value=Decimal("0.5"),
        max_value=Decimal(999),
        max_digits=5,
        decimal_places=1,
        localize=True,
        error_messages={
            "required": _("Give the hours as a number from 0.5 to 999."),
            "invalid": _("Give the hours as a number from 0.5 to 999."),
            "min_value": _("Give the hours as a number from 0.5 to 999."),
            "max_value": _("Give the hours as a number from 0.5 to 999."),
            "max_digits": _("Give the hours as a number from 0.5 to 999."),
            "max_decimal_places": _("Give the hours as a number from 0.5 to 999."),
        },
    )
    provider = forms.CharField(label=_("Provider"), max_length=200, required=False)

    def __init__(
        self, *args: Any, members: list[User], modules: list[TrainingModule], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["member"].choices = [  # type: ignore[attr-defined]
            ("", "—"),
            *((u.pk, f"{u.display_name} ({u.get_role_display()})") for u in members),
        ]
        self.fields["module"].choices = [  # type: ignore[attr-defined]
            ("", "—"),
            *((m.pk, f"{m.label} ({m.nominal_hours} h)") for m in modules),
        ]


class ModuleForm(MoniaForm):
    name = forms.CharField(
        label=_("Name of the module"),
        max_length=200,
        error_messages={"required": _("Give the module a name.")},
    )
    track = forms.ChoiceField(
        label=_("What it trains for"),
        choices=[("", "—"), *Track.choices],
        error_messages={
            "required": _("Choose what the module trains for."),
            "invalid_choice": _("Choose what the module trains for."),
        },
    )
    nominal_hours = forms.IntegerField(
        label=_("Hours"),
        min_value=1,
        max_value=999,
        error_messages={
            k: _("Give the hours as a number from 1 to 999.")
            for k in ("required", "invalid", "min_value", "max_value")
        },
    )
