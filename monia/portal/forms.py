from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from monia.ui.fields import MoniaForm


class DemoLoginForm(MoniaForm):
    identity_code = forms.CharField(
        label=_("Identity code of a demo client"), max_length=11, strip=True
    )


class FamilyVersionForm(MoniaForm):
    """One document's family version; the page draws the fields itself, one per document."""

    document = forms.CharField(widget=forms.HiddenInput)
    text = forms.CharField(
        label=_("Family version"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        required=False,  # the service says what is missing, in the same words everywhere
    )
    # The version the page showed (0: none yet): a save from an older page is refused.
    lock_version = forms.IntegerField(
        widget=forms.HiddenInput, min_value=0, max_value=2**31 - 1, required=False
    )

    def clean_lock_version(self) -> int:
        return self.cleaned_data.get("lock_version") or 0


class RequestDecisionForm(MoniaForm):
    """The worker's decision on a young person's request (one per request on the page)."""

    document = forms.CharField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("agree", _("Agree: the guardians do not see it")),
            ("decline", _("Do not agree: the guardians still see it")),
        ],
        widget=forms.RadioSelect,
    )
    judged_able = forms.BooleanField(
        label=_(
            "I judge that the young person is able to decide this "
            "(age, maturity, understanding of the matter)."
        ),
        required=False,
    )
    reason = forms.CharField(
        label=_("Reasons"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class HideDocumentForm(MoniaForm):
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


class HandleAlertForm(MoniaForm):
    note = forms.CharField(
        label=_("What was done"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )
