"""Forms for the team's shared space."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from monia.accounts.models import User
from monia.casework.forms import WorkerChoiceField
from monia.systemic.models import AgendaItem, AttendanceStatus, HypothesisStatus
from monia.systemic.services import AGENDA_SIZE_MAX
from monia.ui.fields import MoniaForm
from monia.ui.widgets import DateInput


class MeetingOpenForm(MoniaForm):
    """The day (the view proposes the team's usual weekday) and how many families the
    proposed agenda holds."""

    held_on = forms.DateField(label=_("Meeting date"), widget=DateInput())
    agenda_size = forms.IntegerField(
        label=_("Families on the proposed agenda"),
        min_value=1,
        max_value=AGENDA_SIZE_MAX,
        help_text=_("The most pressing first; the others are listed below the agenda."),
        widget=forms.NumberInput(attrs={"class": "narrow-number"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agenda_size"].initial = settings.MONIA_MEETING_AGENDA_SIZE


class AgendaAddForm(MoniaForm):
    case = forms.TypedChoiceField(label=_("Another family of the team"), coerce=int)

    def __init__(self, *args: object, choices: list[tuple[int, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["case"].choices = choices  # type: ignore[attr-defined]


class AgendaOrderForm(MoniaForm):
    """A place number for every family on the agenda, saved in one step."""

    def __init__(self, *args: Any, items: list[AgendaItem], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for item in items:
            self.fields[f"place_{item.pk}"] = forms.IntegerField(
                label=_("Place of %(name)s") % {"name": item.case.child.full_name},
                min_value=1,
                initial=item.position,
                widget=forms.NumberInput(attrs={"class": "place", "inputmode": "numeric"}),
            )
        self.items = items

    def rows(self) -> list[tuple[AgendaItem, forms.BoundField]]:
        return [(item, self[f"place_{item.pk}"]) for item in self.items]

    def positions(self) -> dict[int, int]:
        return {item.pk: self.cleaned_data[f"place_{item.pk}"] for item in self.items}


class AttendanceForm(MoniaForm):
    """Each member present, sent apologies or absent (nothing preselected: the team says
    it), and guests by name."""

    guests = forms.CharField(
        label=_("Guests"),
        required=False,
        help_text=_("Others present, one name a line."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(
        self, *args: Any, members: list[User], statuses: dict[int, str], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        guests = self.fields.pop("guests")
        for member in members:
            self.fields[f"member_{member.pk}"] = forms.ChoiceField(
                label=member.display_name,
                choices=AttendanceStatus.choices,
                widget=forms.RadioSelect(attrs={"class": "attendance-choice"}),
                initial=statuses.get(member.pk),
                error_messages={"required": _("Choose one.")},
            )
        self.fields["guests"] = guests
        self.members = members

    def statuses(self) -> dict[int, str]:
        return {m.pk: self.cleaned_data[f"member_{m.pk}"] for m in self.members}


class ReflectionForm(MoniaForm):
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


class HypothesisForm(MoniaForm):
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


class NextStepForm(MoniaForm):
    description = forms.CharField(label=_("Next step"), max_length=500)
    owner = WorkerChoiceField(label=_("Owner"), queryset=None)  # type: ignore[arg-type]
    due_on = forms.DateField(label=_("Due"), widget=DateInput())

    def __init__(self, *args: object, owners: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["owner"].queryset = owners  # type: ignore[attr-defined]


class FlagForm(MoniaForm):
    reason = forms.CharField(
        label=_("Why should the team reflect on this family?"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
