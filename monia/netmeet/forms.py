from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from monia.casework.forms import SentOnceForm
from monia.netmeet.models import InviteeRole
from monia.network.forms import PartnerChoiceField
from monia.network.models import Organisation
from monia.ui.fields import MoniaForm


class PlanForm(SentOnceForm):
    held_at = forms.DateTimeField(
        label=_("Time"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    place = forms.CharField(label=_("Place"), max_length=200)
    remote_link = forms.URLField(
        label=_("Remote meeting link (optional)"), required=False, assume_scheme="https"
    )
    agenda = forms.CharField(
        label=_("Agenda"),
        widget=forms.Textarea,
        help_text=_(
            "The family reads the time, the place, the link and the agenda in the portal, "
            "and so do the professionals you invite: write them for all of them to read."
        ),
    )
    already_held = forms.BooleanField(
        label=_("The meeting has already been held: record it afterwards"),
        required=False,
        help_text=_("Then the time may be in the past, and the minutes are written next."),
    )


def _county_orgs(county_id: int) -> Any:
    return Organisation.objects.filter(county_id=county_id, active=True)


class InviteeForm(MoniaForm):
    role = forms.ChoiceField(label=_("Role"), choices=InviteeRole.choices)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), required=False
    )
    partner = PartnerChoiceField(label=_("Named professional (optional)"), required=False)
    family_member_name = forms.CharField(label=_("Family member's name"), required=False)

    def __init__(self, county_id: int, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        orgs = _county_orgs(county_id)
        self.fields["organisation"].queryset = orgs
        self.fields["partner"].limit_to(orgs)


class RecordForm(MoniaForm):
    minutes = forms.CharField(label=_("Minutes"), widget=forms.Textarea)
    family_view = forms.CharField(label=_("The family's view"), widget=forms.Textarea)
    child_view = forms.CharField(label=_("The child's view"), widget=forms.Textarea, required=False)
    child_absent_reason = forms.CharField(
        label=_("If the child was not present: why"), widget=forms.Textarea, required=False
    )


class ActionForm(MoniaForm):
    description = forms.CharField(label=_("Agreed action"), required=False)
    owner_name = forms.CharField(label=_("Who"), required=False)
    owner_organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), required=False
    )
    due_on = forms.DateField(
        label=_("Due"), widget=forms.DateInput(attrs={"type": "date"}), required=False
    )

    def __init__(self, *args: Any, county_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner_organisation"].queryset = _county_orgs(county_id)


ActionFormSet = forms.formset_factory(ActionForm, extra=3)


def filled_actions(formset: Any) -> list[dict[str, Any]]:
    """The rows the worker wrote something in; blank rows are ignored."""
    return [
        f.cleaned_data
        for f in formset.forms
        if f.cleaned_data and (f.cleaned_data.get("description") or "").strip()
    ]
