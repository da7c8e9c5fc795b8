"""Forms for a family's contact details, non-disclosure for personal safety and corrections
of family relations. Forms only parse and label input; rules live in the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from monia.casework.correction_forms import CorrectionReasonField
from monia.casework.forms import _blank_first
from monia.people.models import (
    ContactDetail,
    ContactKind,
    PartnershipStatus,
    Relationship,
    RelationshipKind,
)
from monia.ui.fields import MoniaForm
from monia.ui.widgets import DateInput


class ContactDetailForm(MoniaForm):
    """A new phone number, e-mail address or further address."""

    kind = forms.ChoiceField(label=_("Kind"), choices=ContactKind.choices, widget=forms.RadioSelect)
    value = forms.CharField(
        label=_("Phone number, e-mail or address"),
        max_length=300,
        help_text=_("For example 040 123 4567; name@example.fi; Postitie 1 B 2, 40100 Jyväskylä."),
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=200,
        help_text=_("For example: work phone; postal address; reachable after 4 pm."),
    )
    valid_from = forms.DateField(label=_("Valid from"), required=False, widget=DateInput())
    valid_until = forms.DateField(
        label=_("Valid until"),
        required=False,
        widget=DateInput(),
        help_text=_("Leave empty while it is in use."),
    )


class ContactDetailCorrectionForm(ContactDetailForm):
    """Correct a recorded contact detail, or end it with a date; the old values are kept."""

    reason = CorrectionReasonField()

    def __init__(self, *args: Any, detail: ContactDetail, **kwargs: Any) -> None:
        initial = {f: getattr(detail, f) for f in self.base_fields if f != "reason"}
        super().__init__(*args, initial=initial, **kwargs)


class NonDisclosureForm(MoniaForm):
    """Record non-disclosure for personal safety as the population register shows it, or its
    removal. ``marked`` says which, so a page sent twice does not undo itself."""

    marked = forms.TypedChoiceField(
        choices=[("yes", "yes"), ("no", "no")],
        coerce=lambda v: v == "yes",
        widget=forms.HiddenInput,
    )
    since = forms.DateField(
        label=_("In force since"),
        required=False,
        widget=DateInput(),
        help_text=_("The date the population register shows."),
    )
    reason = forms.CharField(
        label=_("Reason"),
        help_text=_("For example: the population register shows non-disclosure since this date."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, marking: bool, **kwargs: Any) -> None:
        super().__init__(*args, initial={"marked": "yes" if marking else "no"}, **kwargs)
        if not marking:
            del self.fields["since"]


class RelationshipCorrectionForm(MoniaForm):
    """Correct a family relation; the old values are kept."""

    kind = forms.ChoiceField(label=_("Relationship"), choices=RelationshipKind.choices)
    is_guardian = forms.BooleanField(label=_("Guardian (huoltaja)"), required=False)
    lives_with = forms.BooleanField(label=_("Lives in the same household"), required=False)
    partnership_status = forms.ChoiceField(
        label=_("Partnership status (partners only)"),
        required=False,
        choices=_blank_first(PartnershipStatus.choices),
    )
    started_on = forms.DateField(label=_("From"), required=False, widget=DateInput())
    ended_on = forms.DateField(label=_("Until"), required=False, widget=DateInput())
    reason = CorrectionReasonField()

    def __init__(self, *args: Any, relationship: Relationship, **kwargs: Any) -> None:
        initial = {f: getattr(relationship, f) for f in self.base_fields if f != "reason"}
        super().__init__(*args, initial=initial, **kwargs)
