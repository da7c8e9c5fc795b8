"""Forms of the developer groups' pages: they parse and label; rules live in services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from monia.accounts.models import User
from monia.devgroups.models import GroupRole, IdeaStatus
from monia.ui.fields import MoniaForm
from monia.ui.widgets import DateTimeInput


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        role = obj.get_role_display()
        return f"{obj.display_name} ({obj.display_title or role})"


class GroupForm(MoniaForm):
    name = forms.CharField(label=_("Name"), max_length=200)
    theme = forms.CharField(label=_("Theme"), max_length=200, required=False)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class GroupEditForm(GroupForm):
    """The group's details with the version the form was opened at (optimistic lock)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class MemberForm(MoniaForm):
    user = UserChoiceField(label=_("Member"), queryset=User.objects.none())
    role = forms.ChoiceField(label=_("Role in the group"), choices=GroupRole.choices)

    def __init__(self, *args: Any, candidates: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = candidates  # type: ignore[attr-defined]


class MeetingForm(MoniaForm):
    held_at = forms.DateTimeField(label=_("Time"), widget=DateTimeInput())
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    remote_link = forms.CharField(
        label=_("Remote meeting link"),
        max_length=200,
        required=False,
        help_text=_("An address that begins with https://."),
    )
    agenda = forms.CharField(
        label=_("Agenda"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )


class MemoForm(MoniaForm):
    agenda = forms.CharField(
        label=_("Agenda"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    memo = forms.CharField(
        label=_("Memo"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Do not write clients' names here, nor anything else that identifies a client."
        ),
    )


class IdeaForm(MoniaForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    status = forms.ChoiceField(label=_("Status"), choices=IdeaStatus.choices)
    owner = UserChoiceField(label=_("Owner"), queryset=User.objects.none(), required=False)
    outcome = forms.CharField(
        label=_("Outcome"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("When the idea is adopted or dropped: what came of it and why."),
    )
    practice_description_title = forms.CharField(
        label=_("Practice description"),
        max_length=200,
        required=False,
        help_text=_("The description the idea produced, e.g. a practice description in Innokylä."),
    )
    practice_description_url = forms.CharField(
        label=_("Address of the practice description"),
        max_length=200,
        required=False,
        help_text=_("An address that begins with https://."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, owners: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners  # type: ignore[attr-defined]
