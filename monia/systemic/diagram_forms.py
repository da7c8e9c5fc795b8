"""Forms for the genogram and ecomap pages. They parse and label; the services decide."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from monia.casework.forms import SentOnceForm
from monia.systemic.models import NetworkKind, NetworkQuality, TieQuality, TieStrength
from monia.ui.fields import MoniaForm
from monia.ui.widgets import DateInput


class EmotionalTieForm(MoniaForm):
    person_a = forms.TypedChoiceField(label=_("Between"), coerce=int)
    person_b = forms.TypedChoiceField(label=pgettext_lazy("between two people", "and"), coerce=int)
    quality = forms.ChoiceField(
        label=_("What the relationship is like"), choices=TieQuality.choices
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: object, persons: list[tuple[int, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        choices = [("", "—"), *persons]
        self.fields["person_a"].choices = choices  # type: ignore[attr-defined]
        self.fields["person_b"].choices = choices  # type: ignore[attr-defined]


class NetworkTieForm(MoniaForm):
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        help_text=_("A person, group or service, for example the school or a grandparent."),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=NetworkKind.choices)
    strength = forms.ChoiceField(
        label=_("How strong the tie is"),
        choices=TieStrength.choices,
        initial=TieStrength.MODERATE,
        widget=forms.RadioSelect,
    )
    quality = forms.ChoiceField(
        label=_("What the tie is like for the child"),
        choices=NetworkQuality.choices,
        initial=NetworkQuality.SUPPORTIVE,
        widget=forms.RadioSelect,
    )
    contact_person = forms.CharField(label=_("Contact person"), max_length=200, required=False)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class NetworkTieEndForm(MoniaForm):
    tie = forms.TypedChoiceField(label=_("Tie"), coerce=int)
    ended_on = forms.DateField(label=_("Ended on"), widget=DateInput())

    def __init__(self, *args: object, ties: list[tuple[int, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["tie"].choices = ties  # type: ignore[attr-defined]
        if not self.is_bound:
            self.initial["ended_on"] = timezone.localdate()


class VersionSaveForm(SentOnceForm):
    """The "Save a version" page: nothing to fill but the form's key (sent again: one version)."""
