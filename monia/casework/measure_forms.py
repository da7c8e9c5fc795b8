"""The form of a decision on a measure: the measure, the child's hearing before it (HL 34 §,
LsL 20 §) and the consents it needs (LsL 37 §, 43 §). The form only parses and labels
input; which of them a measure needs is the service's rule (``measure_services``)."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from monia.casework.forms import HearingFields, SentOnceForm, _blank_first
from monia.casework.measure_selectors import Consenter
from monia.casework.models import (
    CareForm,
    ConsentAnswer,
    ConsentParty,
    DecisionBody,
    MeasureKind,
    SupportPlacementType,
    SupportType,
)
from monia.ui.widgets import DateInput


class MeasureForm(HearingFields, SentOnceForm):
    key_required = True
    kind = forms.ChoiceField(
        label=_("Measure"), choices=MeasureKind.choices, widget=forms.RadioSelect
    )
    support_type = forms.ChoiceField(
        label=_("Type of community-based support"),
        required=False,
        choices=_blank_first(SupportType.choices),
    )
    care_form = forms.ChoiceField(
        label=_("Form of substitute care"), required=False, choices=_blank_first(CareForm.choices)
    )
    support_placement_type = forms.ChoiceField(
        label=_("Placement as a support measure: with whom is the child placed?"),
        help_text=_(
            "Only a child placed alone for at least six months gains a right to aftercare "
            "(LsL 75 §)."
        ),
        required=False,
        choices=_blank_first(SupportPlacementType.choices),
    )
    decision_body = forms.ChoiceField(label=_("Decided by"), choices=DecisionBody.choices)
    decided_on = forms.DateField(label=_("Decided on"), widget=DateInput())
    started_on = forms.DateField(label=_("Starts on"), widget=DateInput())
    place = forms.CharField(
        label=_("Place (foster family, unit …)"), required=False, max_length=200
    )
    details = forms.CharField(
        label=_("Details"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    close_network_mapped = forms.TypedChoiceField(
        label=_("For a placement: was the child's close network mapped? (LsL 32 §)"),
        required=False,
        widget=forms.RadioSelect,
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda v: v == "yes",
        empty_value=None,
    )
    # Unanswered is allowed here: the service asks for it when the child is 12 or older.
    heard = forms.TypedChoiceField(
        label=_("Was the child heard before the decision?"),
        required=False,
        widget=forms.RadioSelect,
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda v: v == "yes",
        empty_value=None,
    )

    MEASURE_FIELDS = (
        "kind",
        "support_type",
        "care_form",
        "support_placement_type",
        "decision_body",
        "decided_on",
        "started_on",
        "place",
        "details",
        "close_network_mapped",
        "submission_key",
    )
    HEARING_FIELDS = ("heard", "heard_by", "heard_on", "method", "child_view", "not_heard_reason")

    def __init__(self, *args: Any, consenters: list[Consenter], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.consenters = consenters
        for c in consenters:
            who = ConsentParty(c.party).label
            self.fields[c.key] = forms.ChoiceField(
                label=_("Answer of %(name)s (%(who)s)") % {"name": c.person.full_name, "who": who},
                required=False,
                choices=ConsentAnswer.choices,
                widget=forms.RadioSelect,
            )
            self.fields[f"{c.key}_on"] = forms.DateField(
                label=_("Date of the answer"), required=False, widget=DateInput()
            )
            self.fields[f"{c.key}_reason"] = forms.CharField(
                label=_("Why it was not asked"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def consent_rows(self) -> list[tuple[Consenter, Any, Any, Any]]:
        """(who, answer, date, reason) as bound fields, for the page."""
        return [
            (c, self[c.key], self[f"{c.key}_on"], self[f"{c.key}_reason"]) for c in self.consenters
        ]


CONSENT_FIELD = re.compile(r"^consent_(\d+)$")


def measure_values(data: dict[str, Any]) -> dict[str, Any]:
    """The service's keyword arguments from a valid form's data: the measure, its hearing
    and the consents by person id. From a form with messages, what could be read of them
    (``measure_checks`` judges it): the hearing None when whether the child was heard
    could not be."""
    values: dict[str, Any] = {f: data[f] for f in MeasureForm.MEASURE_FIELDS if f in data}
    heard = "heard" in data
    values["hearing"] = (
        {f: data[f] for f in MeasureForm.HEARING_FIELDS if f in data} if heard else None
    )
    values["consents"] = {
        int(match[1]): {
            "answer": data[key] or "",
            "given_on": data.get(f"{key}_on"),
            "reason": data.get(f"{key}_reason") or "",
        }
        for key in data
        if (match := CONSENT_FIELD.match(key))
    }
    return values
