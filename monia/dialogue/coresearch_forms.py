"""Forms of co-research. They parse input only; dialogue/coresearch.py decides."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from monia.dialogue.coresearch import EXCERPT_MAX, QUESTION_MAX
from monia.ui.fields import MoniaForm

_TEXT_ERRORS = {"required": _("Write the text first."), "max_length": _("The text is too long.")}


class PortalQuestionForm(MoniaForm):
    question = forms.CharField(
        label=_("A question we could find out together"),
        help_text=_("For example: what helps me sleep better?"),
        max_length=QUESTION_MAX,
        error_messages=_TEXT_ERRORS,
    )


class StaffQuestionForm(MoniaForm):
    client = forms.TypedChoiceField(
        label=_("Journal shared with"),
        coerce=int,
        error_messages={
            "required": _("Choose the child or a guardian of this case."),
            "invalid_choice": _("Choose the child or a guardian of this case."),
        },
    )
    question = forms.CharField(
        label=_("Research question to propose"),
        max_length=QUESTION_MAX,
        error_messages=_TEXT_ERRORS,
    )

    def __init__(self, *args: Any, clients: list[tuple[int, str]], **kwargs: Any) -> None:
        # Its own prefix: the journal's form on the same page has a "client" field too.
        super().__init__(*args, prefix="q", **kwargs)
        self.fields["client"].choices = [("", "—"), *clients]  # type: ignore[attr-defined]


class ExcerptForm(MoniaForm):
    excerpt = forms.CharField(
        label=_("The excerpt without names"),
        help_text=_(
            "Copy the part of the entry to use and remove every name, place and detail that "
            "could tell who it is about. The client sees exactly this text."
        ),
        max_length=EXCERPT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages=_TEXT_ERRORS,
    )
