from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class DemoLoginForm(forms.Form):
    identity_code = forms.CharField(
        label=_("Identity code of a demo client"), max_length=11, strip=True
    )


class PlainPlanForm(forms.Form):
    text = forms.CharField(
        label=_("The plan in plain words"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=5000,
        help_text=_("Short sentences a nine-year-old understands: what we want, who helps, when."),
    )


class HideDocumentForm(forms.Form):
    document = forms.ChoiceField(label=_("Document"))
    guardian = forms.ChoiceField(label=_("Hide from guardian"))
    reason = forms.CharField(
        label=_("Why would showing it endanger the child?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )

    def __init__(
        self,
        *args: object,
        documents: list[tuple[str, str]],
        guardians: list[tuple[str, str]],
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["document"].choices = [("", "—"), *documents]  # type: ignore[attr-defined]
        self.fields["guardian"].choices = [("", "—"), *guardians]  # type: ignore[attr-defined]


class HandleAlertForm(forms.Form):
    note = forms.CharField(
        label=_("What was done"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )
