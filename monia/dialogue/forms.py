"""Forms of the dialogue. They parse input only; the services decide (and re-check)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from monia.casework.forms import SentOnceForm
from monia.dialogue.models import BODY_MAX, Helps

_TOO_LONG = _("The text is too long. Use at most 5000 characters.")
_CLIENT_ERRORS = {
    "required": _("Choose the child or a guardian of this case."),
    "invalid_choice": _("Choose the child or a guardian of this case."),
}


def _body_field(label: Any, help_text: Any, required: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": required, "max_length": _TOO_LONG},
    )


class PortalMessageForm(SentOnceForm):
    body = _body_field(
        _("Your message"), _("You can write up to 5000 characters."), _("Write a message first.")
    )


class StaffReplyForm(SentOnceForm):
    body = _body_field(_("Reply"), "", _("Write a message first."))


class StaffNewMessageForm(SentOnceForm):
    client = forms.TypedChoiceField(label=_("To"), coerce=int, error_messages=_CLIENT_ERRORS)
    body = _body_field(_("Message"), "", _("Write a message first."))

    def __init__(self, *args: Any, clients: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["client"].choices = [("", "—"), *clients]  # type: ignore[attr-defined]


_PORTAL_HELPS = [
    (Helps.HELPS, _("It helps")),
    (Helps.DOES_NOT_HELP, _("It does not help")),
    (Helps.NOT_SURE, _("I am not sure")),
]


class PortalJournalForm(SentOnceForm):
    text = _body_field(
        _("Write your thought"),
        _("For example: what happened, what helped, what did not help."),
        _("Write your thought first."),
    )
    helps = forms.ChoiceField(
        label=_("Does it help?"),
        choices=_PORTAL_HELPS,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether it helps.")},
    )


class StaffJournalForm(SentOnceForm):
    client = forms.TypedChoiceField(
        label=_("Journal shared with"), coerce=int, error_messages=_CLIENT_ERRORS
    )
    text = _body_field(_("Reflection"), "", _("Write your thought first."))
    helps = forms.ChoiceField(
        label=_("Does it help?"),
        choices=Helps.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether it helps.")},
    )

    def __init__(self, *args: Any, clients: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["client"].choices = [("", "—"), *clients]  # type: ignore[attr-defined]
