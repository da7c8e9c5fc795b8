"""The forms of the decision pages. They parse and label input; the rules are the
services' (``services``, ``signing``, ``serving``)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from monia.accounts.models import User
from monia.casework.forms import SentOnceForm
from monia.casework.models import CareForm, Measure
from monia.decisions.document import person_with_title
from monia.decisions.kinds import DecisionKind
from monia.decisions.models import Decision, DecisionParty, HearingWay, ServiceChannel
from monia.ui.fields import MoniaForm
from monia.ui.languages import DOCUMENT_LANGUAGES
from monia.ui.widgets import DateInput

YES_NO = [("", _("Not recorded")), ("yes", _("Yes")), ("no", _("No"))]


def _yes_no(value: str) -> bool:
    return value == "yes"


class NewDecisionForm(SentOnceForm):
    key_required = True
    kind = forms.ChoiceField(label=_("Decision"), choices=DecisionKind.choices)
    measure = forms.ModelChoiceField(
        label=_("Measure"), queryset=Measure.objects.none(), required=False
    )

    def __init__(self, *args: Any, measures: Any, kinds: list[str] | None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["measure"].queryset = measures  # type: ignore[attr-defined]
        if kinds:
            self.fields["kind"].choices = [  # type: ignore[attr-defined]
                (k, DecisionKind(k).label) for k in kinds
            ]


class StaffChoiceField(forms.ModelChoiceField):
    """A member of staff by name and title, as the decision prints them ("Johan Sjöberg,
    Socialarbetare"), not by username."""

    def label_from_instance(self, obj: User) -> str:  # type: ignore[override]
        return person_with_title(obj)


class DecisionForm(MoniaForm):
    language = forms.ChoiceField(
        label=_("Language of the decision"),
        choices=DOCUMENT_LANGUAGES,
        help_text=_(
            "The decision's headings and instructions for appeal are printed in this language; "
            "write its texts in it too. It starts as the child's language."
        ),
    )
    matter = forms.CharField(label=_("Matter"), max_length=300)
    decided_on = forms.DateField(label=_("Date of the decision"), widget=DateInput())
    decision_text = forms.CharField(
        label=_("Decision"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    facts = forms.CharField(
        label=_("Facts and the evidence relied on"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    reasons = forms.CharField(
        label=_("Reasons"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    provisions = forms.CharField(
        label=_("Provisions applied"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    enforced_at_once = forms.BooleanField(
        label=_("Enforced immediately, before it is final (LsL 92 §)"), required=False
    )
    enforcement_reason = forms.CharField(
        label=_("Why immediate enforcement"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    decider = StaffChoiceField(label=_("Decided by"), queryset=User.objects.none(), required=False)
    info_person = StaffChoiceField(
        label=_("More information from"), queryset=User.objects.none(), required=False
    )
    info_street = forms.CharField(
        label=_("Street address or PO box"),
        max_length=200,
        required=False,
        help_text=_("Of the office where they are reached, e.g. “Torikatu 1” or “PL 100”."),
    )
    info_postal_code = forms.CharField(label=_("Postal code"), max_length=5, required=False)
    info_town = forms.CharField(label=_("Post office"), max_length=100, required=False)
    info_phone = forms.CharField(label=_("Their phone"), max_length=40, required=False)
    close_network_mapped = forms.TypedChoiceField(
        label=_("Was the child's close network mapped before the placement? (LsL 32 §)"),
        choices=YES_NO,
        required=False,
        coerce=_yes_no,
        empty_value=None,
    )
    carer_view = forms.CharField(
        label=_("View of the substitute-care place's representative or family carer"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    care_form = forms.ChoiceField(
        label=_("Form of the placement"),
        choices=[("", "—"), *CareForm.choices],
        required=False,
    )
    lock_version = forms.IntegerField(widget=forms.HiddenInput)

    TEXT_FIELDS = (
        "language",
        "matter",
        "decided_on",
        "decision_text",
        "facts",
        "reasons",
        "provisions",
        "enforced_at_once",
        "enforcement_reason",
        "decider",
        "info_person",
        "info_street",
        "info_postal_code",
        "info_town",
        "info_phone",
        "close_network_mapped",
        "care_form",
        "carer_view",
    )

    def __init__(
        self,
        *args: Any,
        parties: list[DecisionParty],
        deciders: Any,
        staff: Any,
        asks_close_network: bool = False,
        asks_care_form: bool = False,
        asks_carer_view: bool = False,
        extends_a_placement: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["decider"].queryset = deciders  # type: ignore[attr-defined]
        if extends_a_placement:
            self.fields["decider"].help_text = _(
                "Whoever decided the emergency placement does not decide its extension and "
                "is not in this list."
            )
        self.fields["info_person"].queryset = staff  # type: ignore[attr-defined]
        if not asks_close_network:
            del self.fields["close_network_mapped"]
        if not asks_care_form:
            del self.fields["care_form"]
        if not asks_carer_view:
            del self.fields["carer_view"]
        self.parties = parties
        for party in parties:
            self._add_party(party)

    def _add_party(self, p: DecisionParty) -> None:
        key, name = f"party_{p.pk}", {"name": p.person.full_name}
        self.fields[f"{key}_heard"] = forms.TypedChoiceField(
            label=_("Was %(name)s heard?") % name,
            choices=YES_NO,
            required=False,
            coerce=_yes_no,
            empty_value=None,
        )
        self.fields[f"{key}_heard_on"] = forms.DateField(
            label=_("Heard on"), required=False, widget=DateInput()
        )
        self.fields[f"{key}_method"] = forms.ChoiceField(
            label=_("How"), required=False, choices=[("", "—"), *HearingWay.choices]
        )
        self.fields[f"{key}_view"] = forms.CharField(
            label=_("Their view"), required=False, widget=forms.Textarea(attrs={"rows": 2})
        )
        self.fields[f"{key}_not_heard_reason"] = forms.CharField(
            label=_("Why not heard"), required=False, widget=forms.Textarea(attrs={"rows": 2})
        )
        heard = {True: "yes", False: "no"}.get(p.heard, "")  # type: ignore[arg-type]
        self.initial.update(
            {
                f"{key}_heard": heard,
                f"{key}_heard_on": p.heard_on,
                f"{key}_method": p.method,
                f"{key}_view": p.view,
                f"{key}_not_heard_reason": p.not_heard_reason,
            }
        )

    def party_rows(self) -> list[tuple[DecisionParty, list[Any]]]:
        names = ("heard", "heard_on", "method", "view", "not_heard_reason")
        return [(p, [self[f"party_{p.pk}_{n}"] for n in names]) for p in self.parties]

    def values(self) -> tuple[dict[str, Any], dict[int, dict[str, Any]]]:
        data = self.cleaned_data
        text = {n: data.get(n) for n in self.TEXT_FIELDS if n in self.fields}  # asked ones only
        text["decider"] = data.get("decider")
        names = ("heard", "heard_on", "method", "view", "not_heard_reason")
        parties = {p.pk: {n: data.get(f"party_{p.pk}_{n}") for n in names} for p in self.parties}
        return text, parties


def decision_initial(decision: Decision) -> dict[str, Any]:
    return {
        **{n: getattr(decision, n) for n in DecisionForm.TEXT_FIELDS if hasattr(decision, n)},
        "close_network_mapped": {True: "yes", False: "no"}.get(
            decision.measure.close_network_mapped if decision.measure else None,
            "",  # type: ignore[arg-type]
        ),
        "care_form": decision.measure.care_form if decision.measure else "",
        "decider": decision.decider_id,
        "info_person": decision.info_person_id,
        "lock_version": decision.lock_version,
    }


class SignForm(MoniaForm):
    lock_version = forms.IntegerField(widget=forms.HiddenInput)


class CorrectForm(SentOnceForm):
    reason = forms.CharField(
        label=_("What is corrected and why"), widget=forms.Textarea(attrs={"rows": 3})
    )


class ServeForm(SentOnceForm):
    key_required = True
    party = forms.ModelChoiceField(label=_("Party"), queryset=DecisionParty.objects.none())
    channel = forms.ChoiceField(
        label=_("How it was served"), choices=ServiceChannel.choices, widget=forms.RadioSelect
    )
    sent_on = forms.DateField(label=_("Sent or handed over on"), widget=DateInput())

    def __init__(self, *args: Any, parties: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["party"].queryset = parties  # type: ignore[attr-defined]
        self.fields["party"].label_from_instance = lambda p: (  # type: ignore[attr-defined]
            f"{p.person.full_name} ({p.get_role_display()})"
        )
