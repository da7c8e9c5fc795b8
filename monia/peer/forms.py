"""Forms of the peer groups' pages: they parse and label; rules live in services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from monia.accounts.models import User
from monia.casework.forms import SentOnceForm
from monia.peer.models import Audience
from monia.ui.fields import MoniaForm
from monia.ui.widgets import written_in

SWEDISH_HELP = _("For those who read in Swedish. Empty: they read the Finnish text.")
ENGLISH_HELP = _("For those who read in English. Empty: they read the Finnish text.")


class FacilitatorField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return f"{obj.display_name} ({obj.display_title or obj.get_role_display()})"


class PeerGroupForm(MoniaForm):
    audience = forms.ChoiceField(label=_("For whom"), choices=Audience.choices)
    # Each text in Finnish, then its Swedish and English variants (empty: readers of that
    # language get the Finnish text, as a questionnaire's purpose).
    name = forms.CharField(
        label=_("Name"), max_length=200, help_text=_("In Finnish."), widget=written_in("fi")
    )
    name_sv = forms.CharField(
        label=_("Name in Swedish"),
        max_length=200,
        required=False,
        help_text=SWEDISH_HELP,
        widget=written_in("sv"),
    )
    name_en = forms.CharField(
        label=_("Name in English"),
        max_length=200,
        required=False,
        help_text=ENGLISH_HELP,
        widget=written_in("en"),
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=written_in("fi", forms.Textarea, rows=4),
        help_text=_("In Finnish."),
    )
    description_sv = forms.CharField(
        label=_("Description in Swedish"),
        required=False,
        widget=written_in("sv", forms.Textarea, rows=3),
        help_text=SWEDISH_HELP,
    )
    description_en = forms.CharField(
        label=_("Description in English"),
        required=False,
        widget=written_in("en", forms.Textarea, rows=3),
        help_text=ENGLISH_HELP,
    )
    meets = forms.CharField(
        label=_("When and where the group meets"),
        max_length=300,
        required=False,
        help_text=_(
            "In Finnish. For example: every other Tuesday at 17–18.30, Family centre, room 2."
        ),
        widget=written_in("fi"),
    )
    meets_sv = forms.CharField(
        label=_("When and where, in Swedish"),
        max_length=300,
        required=False,
        help_text=SWEDISH_HELP,
        widget=written_in("sv"),
    )
    meets_en = forms.CharField(
        label=_("When and where, in English"),
        max_length=300,
        required=False,
        help_text=ENGLISH_HELP,
        widget=written_in("en"),
    )
    capacity = forms.IntegerField(
        label=_("Places"),
        required=False,
        min_value=1,
        max_value=200,
        help_text=_("Leave empty if there is no limit."),
    )
    open_for_sign_up = forms.BooleanField(label=_("Open for sign-up"), required=False, initial=True)
    facilitators = FacilitatorField(
        label=_("Facilitators"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, candidates: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["facilitators"].queryset = candidates  # type: ignore[attr-defined]


class PeerGroupEditForm(PeerGroupForm):
    """The creation form's fields with the version the group was read at. Who the group is
    for is shown but not sent once anyone has joined (``audience_locked``); the
    facilitators are a field only for those who may choose them."""

    # Missing or tampered with: refused as a stale edit (services.peer_group_update).
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(
        self,
        *args: Any,
        candidates: QuerySet[User],
        audience_locked: bool,
        facilitators_editable: bool,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, candidates=candidates, **kwargs)
        if audience_locked:
            audience = self.fields["audience"]
            audience.disabled = True
            audience.help_text = _(
                "People have already joined this group or written in its journal, so who it is "
                "for can no longer be changed."
            )
        if not facilitators_editable:
            del self.fields["facilitators"]


class JournalForm(SentOnceForm):
    key_required = True
    text = forms.CharField(
        label=_("Write in the journal"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write something first.")},
    )
