"""The admin's forms for staff accounts and for deciding on a request. No form has a
password field: nobody sets another user's password."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import UsernameField
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from monia.accounts.models import Role, User
from monia.rights import grants, selectors
from monia.rights.services import rights_validate
from monia.ui.fields import MoniaForm, harden

DETAILS = (
    "username",
    "first_name",
    "last_name",
    "title",
    "title_sv",
    "title_en",
    "phone",
    "language",
)
RIGHTS = ("email", "oidc_subject", "role", "county", "team", "organisation")
FLAGS = ("is_active", "is_staff", "is_superuser")


def _reason_field(required: bool) -> forms.CharField:
    return forms.CharField(
        label=_("Reason for the change of rights"),
        required=required,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Another administrator reads it before approving. Needed whenever the e-mail "
            "address, role, county, team, organisation or a permission changes."
        ),
    )


class _Hardened(forms.ModelForm):
    """MoniaForm's rules (no control characters) on a model form."""

    def full_clean(self) -> None:
        harden(self)
        super().full_clean()

    def _state_errors(self, state: dict[str, Any]) -> None:
        try:
            rights_validate(state)
        except ValidationError as exc:
            for field, errors in exc.error_dict.items():
                self.add_error(field if field in self.fields else None, errors)

    def _ids(self, cleaned: dict[str, Any]) -> dict[str, Any]:
        state = {}
        for field in grants.SCALAR:
            if field in cleaned:
                value = cleaned[field]
                state[field] = value.pk if hasattr(value, "pk") else value
        return state


class StaffChangeForm(_Hardened):
    """A staff account in the admin. Its details are saved at once; a change of the
    fields that grant access becomes a request for another administrator."""

    reason = _reason_field(required=False)

    class Meta:
        model = User
        fields = (*DETAILS, *RIGHTS, *FLAGS)
        field_classes = {"username": UsernameField}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "role" in self.fields:  # an account waiting for its first approval has none
            self.fields["role"].required = False

    def rights_changed(self) -> list[str]:
        return [f for f in self.changed_data if f in grants.SCALAR]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        changed = self.rights_changed()
        if not changed:
            return cleaned
        if not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Give the reason for the change of rights."))
        if "role" in changed and not cleaned.get("role"):
            self.add_error("role", _("Choose a role."))
        current = grants.rights_of(self.instance)
        state = current | self._ids(cleaned)
        self._state_errors(state)
        only_removals = all(grants.is_removal(f, current[f], state[f]) for f in changed)
        waiting = selectors.pending_change_for(self.instance)
        if waiting is not None and not only_removals:
            raise ValidationError(
                _(
                    "A change of this account's rights is already waiting for approval: it "
                    "must be approved, rejected or withdrawn first."
                )
            )
        return cleaned


class StaffCreationForm(_Hardened):
    """A new account: saved inactive with no rights; the rights asked for here wait for
    another administrator, and on approval the person gets a link to set a password."""

    reason = _reason_field(required=True)

    class Meta:
        model = User
        fields = (*DETAILS, *RIGHTS)
        field_classes = {"username": UsernameField}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["email"].help_text = _(
            "The person's own work address: the link to set a password goes there."
        )
        self.fields["role"].choices = [
            c for c in self.fields["role"].choices if c[0] != Role.CLIENT
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        administrator = cleaned.get("role") == Role.ADMINISTRATOR
        # An administrator reaches the admin site; no other role does.
        self.instance.is_staff = self.instance.is_superuser = administrator
        state = self._ids(cleaned) | {
            "is_active": True,
            "is_staff": administrator,
            "is_superuser": administrator,
        }
        self._state_errors(state)
        return cleaned


class DecisionForm(MoniaForm):
    """Approve or reject a request (a requester's own rejection withdraws it)."""

    decision = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("reject", _("Reject"))],
        widget=forms.HiddenInput,
    )
    note = forms.CharField(
        label=_("Note on the decision (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
