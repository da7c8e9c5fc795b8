"""My voice and "Were you heard?" as forms: picture scales as radio buttons (a face and
words for each), usable without JavaScript; which questions depends on who answers."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from monia.casework.forms import SentOnceForm
from monia.ui.fields import MoniaForm
from monia.voice import scales
from monia.voice.services import TEXT_MAX

SKIP = ("", _("I skip this"))


def _scale_field(question: scales.Question) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=question.question,
        choices=[*((str(v), label) for v, label in scales.FACES.items()), SKIP],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose one of the five faces.")},
    )


def _text_field(question: scales.Question) -> forms.CharField:
    return forms.CharField(
        label=question.question,
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class VoiceForm(SentOnceForm):
    """The questions for one kind of client (portal.access.PortalKind)."""

    def __init__(self, *args: Any, kind: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.scale_names = [q.field for q in scales.scales_for(kind)]
        self.text_names = [q.field for q in scales.texts_for(kind)]
        for q in scales.scales_for(kind):
            self.fields[q.field] = _scale_field(q)
        for q in scales.texts_for(kind):
            self.fields[q.field] = _text_field(q)

    def scale_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.scale_names]

    def text_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.text_names]


class HeardForm(MoniaForm):
    score = forms.TypedChoiceField(
        label=_("Did the adults listen to you in the meeting?"),
        choices=[(str(v), label) for v, label in scales.HEARD.items()],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose how well you were heard."),
            "invalid_choice": _("Choose one of the five faces."),
        },
    )
    comment = forms.CharField(
        label=_("Do you want to say something more?"),
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
