"""The coordinator's event form and its session rows (a series: several rows in one form,
no JavaScript), and the attendance checkboxes of one session."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from monia.casework.forms import SentOnceForm
from monia.events.models import Audience, EventKind, EventLanguage
from monia.ui.fields import MoniaForm
from monia.ui.widgets import DateTimeInput

DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"]


class EventForm(SentOnceForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=EventKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea, required=False)
    audiences = forms.MultipleChoiceField(
        label=_("For whom"), choices=Audience.choices, widget=forms.CheckboxSelectMultiple
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages of the event"),
        choices=EventLanguage.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    quota = forms.IntegerField(
        label=_("Places"),
        min_value=1,
        max_value=10000,
        required=False,
        help_text=_("Empty: no limit."),
    )
    waiting_list = forms.BooleanField(
        label=_("Put people on a waiting list when the event is full"), required=False
    )
    place = forms.CharField(label=_("Place"), max_length=300, required=False)
    remote_link = forms.URLField(
        label=_("Remote link"), max_length=500, required=False, assume_scheme="https"
    )
    materials = forms.CharField(
        label=_("Materials"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Links or short notes, one a line."),
    )
    recordings = forms.CharField(
        label=_("Recordings"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Links, one a line."),
    )
    certificate_sessions = forms.IntegerField(
        label=_("Sessions needed for a certificate"),
        min_value=1,
        max_value=100,
        required=False,
        help_text=_("Empty: every session."),
    )
    hours_per_session = forms.DecimalField(
        label=_("Hours per session"), min_value=0, max_value=99, decimal_places=1
    )


class SessionForm(MoniaForm):
    session_id = forms.IntegerField(widget=forms.HiddenInput, required=False)
    starts_at = forms.DateTimeField(
        label=_("Starts"), widget=DateTimeInput(), input_formats=DATETIME_FORMATS, required=False
    )
    ends_at = forms.DateTimeField(
        label=_("Ends"), widget=DateTimeInput(), input_formats=DATETIME_FORMATS, required=False
    )
    place = forms.CharField(label=_("Place, if not the event's"), max_length=300, required=False)
    remove = forms.BooleanField(label=_("Remove this session"), required=False)


SessionFormSet = forms.formset_factory(SessionForm, extra=0, max_num=50)


def session_rows(formset: Any) -> list[dict[str, Any]]:
    """The rows the coordinator filled in (a blank new row is ignored)."""
    rows = []
    for form in formset.forms:
        data = form.cleaned_data
        if data and (data.get("session_id") or data.get("starts_at") or data.get("ends_at")):
            rows.append(data)
    return rows


class AttendanceForm(MoniaForm):
    """One checkbox per registered participant: present or not."""

    def __init__(self, *args: Any, registrations: list[Any], present: set[int], **kwargs: Any):
        super().__init__(*args, **kwargs)
        for r in registrations:
            self.fields[f"r{r.pk}"] = forms.BooleanField(
                label=r.user.display_name, required=False, initial=r.pk in present
            )

    def present_ids(self) -> set[int]:
        return {int(name[1:]) for name, value in self.cleaned_data.items() if value}
