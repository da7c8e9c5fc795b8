"""Forms of the client notes. They parse and label; the rules are in ``note_services``.

A note's form has the fields of its entry type only (``note_models.TYPE_FIELDS``). The
new-note page starts from what the worker is recording — a phone call, a home visit, a
meeting with the child … (``PRESETS``) — each an entry type of the national structure
with the way of contact filled in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from monia.attachments.forms import attachment_field
from monia.attachments.models import Attachment
from monia.casework.forms import SentOnceForm
from monia.casework.models import CancellationReason, ClientNote, ContactMethod, NoteType
from monia.casework.note_models import TYPE_FIELDS
from monia.casework.note_services import NOTE_TEXT_MAX_LENGTH
from monia.people.models import Person
from monia.ui.fields import MoniaForm
from monia.ui.widgets import DateInput, TimeInput


@dataclass(frozen=True)
class Preset:
    """What the worker starts to record, and the entry it makes."""

    slug: str
    label: Promise
    note_type: str
    contact_method: str = ""
    child_took_part: bool = False


PRESETS: tuple[Preset, ...] = (
    Preset("phone", _("Phone call"), NoteType.MEETING_OR_CONTACT, ContactMethod.PHONE),
    Preset("home_visit", _("Home visit"), NoteType.MEETING_OR_CONTACT, ContactMethod.HOME_VISIT),
    Preset(
        "child_meeting",
        _("Meeting with the child"),
        NoteType.MEETING_OR_CONTACT,
        ContactMethod.OFFICE,
        child_took_part=True,
    ),
    Preset("meeting", _("Other meeting or contact"), NoteType.MEETING_OR_CONTACT),
    Preset("negotiation", _("Negotiation"), NoteType.NEGOTIATION, ContactMethod.OFFICE),
    Preset("cancelled", _("Cancelled meeting"), NoteType.CANCELLED),
    Preset("information", _("Information requested or received"), NoteType.INFORMATION),
    Preset("therapeutic", _("Therapeutic work"), NoteType.THERAPEUTIC_WORK),
    Preset("everyday", _("The client's everyday life"), NoteType.EVERYDAY_LIFE),
    Preset("other", _("Other entry"), NoteType.OTHER),
)


def preset(slug: str | None) -> Preset | None:
    return next((p for p in PRESETS if p.slug == slug), None)


def _text(label: Promise, *, rows: int = 4, required: bool = False) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=NOTE_TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


# Labels that read better for one type of entry than the general one.
TYPE_LABELS: dict[str, dict[str, Promise]] = {
    NoteType.CANCELLED: {
        "occurred_on": _("Date of the cancelled meeting or contact"),
        "discussed": _("More about the cancellation"),
    },
    NoteType.NEGOTIATION: {"agreed": _("What was agreed, and who does what")},
    NoteType.INFORMATION: {"occurred_on": _("Date the information was requested")},
}
COMMON_FIELDS = ("occurred_on", "occurred_time")


class NoteForm(SentOnceForm):
    """A draft note: new (with its submission key) or edited (with its version)."""

    key_required = True  # a new note's; an edited draft's field is lock_version instead

    occurred_on = forms.DateField(label=_("Date"), widget=DateInput())
    occurred_time = forms.TimeField(label=_("Time"), required=False, widget=TimeInput())
    contact_method = forms.ChoiceField(
        label=_("Way of contact"),
        required=False,
        choices=[("", "—"), *ContactMethod.choices],
    )
    place = forms.CharField(label=_("Place"), required=False, max_length=200)
    participants = _text(_("Who took part (names and roles)"), rows=2)
    persons = forms.ModelMultipleChoiceField(
        label=_("Family members present"),
        required=False,
        queryset=Person.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    child_took_part = forms.BooleanField(label=_("The child took part"), required=False)
    discussed = _text(_("What was discussed or done"), rows=8)
    agreed = _text(_("What was agreed"))
    child_view = _text(_("The child's own view"))
    child_view_reason = _text(_("Why the child's view is not recorded"), rows=2)
    cancellation_reason = forms.ChoiceField(
        label=_("Reason for the cancellation"),
        required=False,
        choices=CancellationReason.choices,
        widget=forms.RadioSelect,
    )
    info_source = forms.CharField(label=_("Asked from or given by"), required=False, max_length=200)
    info_purpose = _text(_("Why the information is needed"), rows=2)
    info_requested = _text(_("Information requested"))
    info_received = _text(_("Information received"))
    info_received_on = forms.DateField(
        label=_("Information received on"), required=False, widget=DateInput()
    )
    attachment = attachment_field(required=False, label=_("Attachment (optional)"))
    remove_files = forms.TypedMultipleChoiceField(
        label=_("Remove files from the draft"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )
    lock_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(
        self,
        data: Any = None,
        files: Any = None,
        *,
        note_type: str,
        family: list[Person],
        editing: bool,
        initial: dict[str, Any] | None = None,
        attached: list[Attachment] | None = None,
    ) -> None:
        super().__init__(data, files, initial=initial)
        kept = set(COMMON_FIELDS) | set(TYPE_FIELDS[note_type]) | {"attachment"}
        kept.add("lock_version" if editing else "submission_key")
        live = [a for a in attached or [] if not a.removed]
        if live:
            kept.add("remove_files")
            self.fields["remove_files"].choices = [(a.pk, a.original_name) for a in live]  # type: ignore[attr-defined]
        if not family:
            kept.discard("persons")
        for name in list(self.fields):
            if name not in kept:
                del self.fields[name]
        for name, label in TYPE_LABELS.get(note_type, {}).items():
            if name in self.fields:
                self.fields[name].label = label
        if "persons" in self.fields:
            field = self.fields["persons"]
            field.queryset = Person.objects.filter(pk__in=[p.pk for p in family])  # type: ignore[attr-defined]
            field.label_from_instance = lambda p: p.full_name  # type: ignore[attr-defined]
        if "child_view" in self.fields:
            self.fields["child_view"].help_text = _(
                "In the child's own words where you can (LsL 20 §). If the child took part "
                "but their view is not recorded, say why below."
            )

    @classmethod
    def initial_for(cls, chosen: Preset) -> dict[str, Any]:
        return {
            "occurred_on": timezone.localdate(),
            "contact_method": chosen.contact_method,
            "child_took_part": chosen.child_took_part,
        }

    @classmethod
    def initial_from(cls, note: ClientNote) -> dict[str, Any]:
        """The form's values from a saved draft."""
        values: dict[str, Any] = {f: getattr(note, f) for f in COMMON_FIELDS}
        for name in TYPE_FIELDS[note.note_type]:
            values[name] = (
                [p.pk for p in note.persons.all()] if name == "persons" else getattr(note, name)
            )
        values["lock_version"] = note.lock_version
        return values

    @classmethod
    def data_from(cls, note: ClientNote) -> dict[str, Any]:
        """The saved draft as submitted data: the form shows it with a service's messages
        (a "Sign" that found the note incomplete)."""
        data: dict[str, Any] = {}
        for name, value in cls.initial_from(note).items():
            if name == "persons":
                data[name] = [str(v) for v in value]
            elif name == "occurred_time" and value is not None:
                data[name] = value.strftime("%H:%M")
            elif isinstance(value, bool):
                if value:
                    data[name] = "on"
            elif value is not None:
                data[name] = str(value)
        return data


class SignForm(MoniaForm):
    lock_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class AmendmentForm(SentOnceForm):
    key_required = True
    text = _text(_("Amendment"), rows=6, required=True)
    reason = _text(_("Reason for the amendment"), rows=2, required=True)

    def __init__(self, data: Any = None) -> None:
        super().__init__(data)
        self.fields["reason"].help_text = _(
            "For example: a correction of a date, or something learnt afterwards."
        )


class NoteSearchForm(MoniaForm):
    """The notes list's filters, from the query string."""

    q = forms.CharField(label=_("Search the notes"), required=False, max_length=200)
    type = forms.ChoiceField(
        label=_("Type of entry"),
        required=False,
        choices=[("", _("All types")), *NoteType.choices],
    )
