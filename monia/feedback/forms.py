"""The coordinator's forms (a questionnaire; one question with its nine wordings: three
languages × three age bands, as plain fields, no JavaScript) and the respondent's answer
form, whose face questions are My voice's picture scale (voice/_scale.html)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from monia.feedback.models import AgeBand, Language, QuestionKind, Trigger
from monia.feedback.selectors import Asked, Audience
from monia.feedback.services import TEXT_MAX
from monia.ui.fields import MoniaForm
from monia.ui.widgets import written_in
from monia.voice.forms import SKIP
from monia.voice.scales import FACES

TEXT_KEYS = [(lang, band) for lang in Language.values for band in AgeBand.values]


class QuestionnaireForm(MoniaForm):
    name = forms.CharField(label=_("Name"), max_length=200)
    purpose = forms.CharField(
        label=_("Purpose"),
        required=False,
        widget=written_in("fi", forms.Textarea, rows=3),
        help_text=_("Shown to the people asked: why the county asks this. In Finnish."),
    )
    purpose_sv = forms.CharField(
        label=_("Purpose in Swedish"),
        required=False,
        widget=written_in("sv", forms.Textarea, rows=3),
        help_text=_("For those who answer in Swedish. Empty: they read the Finnish one."),
    )
    purpose_en = forms.CharField(
        label=_("Purpose in English"),
        required=False,
        widget=written_in("en", forms.Textarea, rows=3),
        help_text=_("For those who answer in English. Empty: they read the Finnish one."),
    )
    trigger = forms.ChoiceField(label=_("When it is asked"), choices=Trigger.choices)
    active = forms.BooleanField(label=_("Active: asked when the time comes"), required=False)
    licensed = forms.BooleanField(
        label=_("A licensed instrument: the county has loaded wording it holds a licence for"),
        required=False,
    )
    licence_note = forms.CharField(
        label=_("Licence"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Who holds the licence and until when."),
    )


def text_field_name(lang: str, band: str) -> str:
    return f"text_{lang}_{band}"


class AskForm(MoniaForm):
    """The "Ask now" form: one of the county's staff-side groups, each with how many it holds."""

    audience = forms.ChoiceField(
        label=_("Whom to ask"),
        error_messages={
            "required": _("Choose whom to ask."),
            "invalid_choice": _("Choose one of your county's groups."),
        },
    )

    def __init__(
        self,
        *args: Any,
        audiences: tuple[Audience, list[Audience], list[Audience]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        everyone, teams, groups = audiences
        choices: list[Any] = [("", _("Choose…")), (everyone.key, everyone.label)]
        if teams:
            choices.append((_("Teams"), [(a.key, a.label) for a in teams]))
        if groups:
            choices.append((_("Developer groups"), [(a.key, a.label) for a in groups]))
        self.fields["audience"].choices = choices


class QuestionForm(MoniaForm):
    kind = forms.ChoiceField(label=_("Kind of answer"), choices=QuestionKind.choices)
    required = forms.BooleanField(label=_("An answer is required"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for lang, band in TEXT_KEYS:
            self.fields[text_field_name(lang, band)] = forms.CharField(
                label=f"{Language(lang).label}: {AgeBand(band).label}",
                required=False,
                max_length=500,
            )

    def by_language(self) -> list[tuple[str, list[forms.BoundField]]]:
        return [
            (str(Language(lang).label), [self[text_field_name(lang, b)] for b in AgeBand.values])
            for lang in Language.values
        ]

    def texts(self) -> dict[tuple[str, str], str]:
        return {
            (lang, band): self.cleaned_data[text_field_name(lang, band)] for lang, band in TEXT_KEYS
        }


YES_NO = [("1", pgettext_lazy("answer", "Yes")), ("0", pgettext_lazy("answer", "No"))]


def _field(asked: Asked) -> forms.Field:
    q = asked.question
    skip = [] if q.required else [SKIP]
    # A required question says so in its own label: the page tells the respondent that
    # the others are theirs to choose (AnswerForm.has_required).
    needs = gettext("needs an answer")
    label = f"{asked.wording} ({needs})" if q.required else asked.wording
    messages = {
        "required": _("This question needs an answer."),
        "invalid_choice": _("Choose one of the options."),
    }
    if q.kind == QuestionKind.TEXT:
        return forms.CharField(
            label=label,
            required=q.required,
            max_length=TEXT_MAX,
            widget=forms.Textarea(attrs={"rows": 3}),
            error_messages=messages,
        )
    if q.kind == QuestionKind.FACE:
        choices = [(str(v), label) for v, label in FACES.items()]
    elif q.kind == QuestionKind.SCALE_10:
        choices = [(str(v), str(v)) for v in range(11)]
    else:
        choices = YES_NO
    return forms.TypedChoiceField(
        label=label,
        choices=[*choices, *skip],
        coerce=int,
        empty_value=None,
        required=q.required,
        widget=forms.RadioSelect,
        error_messages=messages,
    )


class AnswerForm(MoniaForm):
    """One field ``q_<question id>`` per question, in the questionnaire's order."""

    def __init__(self, *args: Any, asked: list[Asked], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.asked = asked
        for a in asked:
            self.fields[f"q_{a.question.pk}"] = _field(a)

    @property
    def has_required(self) -> bool:
        """Whether some question must be answered (the page must not say that all are
        the respondent's to choose)."""
        return any(a.question.required for a in self.asked)

    def rows(self) -> list[tuple[str, forms.BoundField]]:
        return [(a.question.kind, self[f"q_{a.question.pk}"]) for a in self.asked]
