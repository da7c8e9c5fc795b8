"""What the decision on a measure may not be, judged from what was typed before anything
is written: the measure and what its kind needs, its dates, the child's hearing before it
(HL 34 §, LsL 20 §) and the answers of those whose consent it needs (LsL 37 §, 43 §).
``measure_services`` refuses with these; a form shows them beside its own messages, every
message in one round. What the case's saved state refuses (a closed case, a child not yet
a client, aftercare without an ended placement, no guardian recorded) is the service's.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from monia import deadlines
from monia.casework import measure_selectors
from monia.casework.assessment_checks import hearing_errors
from monia.casework.case_services import _check_date
from monia.casework.measure_selectors import Consenter
from monia.casework.models import (
    Case,
    ConsentAnswer,
    DecisionBody,
    MeasureKind,
    SupportPlacementType,
)

Hearing = Mapping[str, Any]
Consents = Mapping[int, Mapping[str, Any]]  # person id → answer, given_on, reason


def measure_errors(
    values: Mapping[str, Any],
    *,
    case: Case,
    hearing: Hearing | None,
    consents: Consents,
    parties: list[Consenter] | None = None,
) -> dict[str, str]:
    """What ``measure_record`` refuses in what was typed, as {field: message}: the kind
    and its own fields, the dates (not before the case was opened), the hearing (``None``:
    whether the child was heard could not be read, nothing of it is judged) and the
    consents (``parties``: whose, on the day of the decision, when the caller has them).
    A value missing from ``values`` is not judged where its message would fall on another
    field; the hearing's need and the consents wait for the day of the decision."""
    errors = kind_errors(values)
    opened = deadlines.helsinki_date(case.opened_at)
    decided_on = values.get("decided_on")
    _check_date(
        errors,
        "decided_on",
        decided_on,
        not_before=opened,
        before_message=_("The decision cannot be dated before the case was opened."),
    )
    started_on = values.get("started_on")
    if started_on is not None and started_on < opened:
        errors["started_on"] = _("The measure cannot start before the case was opened.")
    if hearing is not None:
        errors.update(_hearing_errors(case, hearing, decided_on))
    kind, body = values.get("kind"), values.get("decision_body")
    if decided_on is None or body is None or not measure_selectors.consent_asked(kind or ""):
        return errors
    assert kind is not None
    if parties is None:
        parties = measure_selectors.consenters(case, on=decided_on)
    errors.update(consent_errors(kind, body, parties=parties, given=consents, on=decided_on))
    return errors


def kind_errors(values: Mapping[str, Any]) -> dict[str, str]:
    """The measure chosen, and what its kind needs: the type of support, the form of
    substitute care, with whom a child is placed as a support measure (LsL 37 §, which
    decides the right to aftercare, 75 §) and who decides a care order (LsL 43 §)."""
    if "kind" not in values:
        return {}
    kind = values["kind"]
    if kind not in MeasureKind.values:
        return {"kind": _("Choose the measure.")}
    errors: dict[str, str] = {}
    if kind == MeasureKind.COMMUNITY_SUPPORT and not values.get("support_type"):
        errors["support_type"] = _("Choose the type of support.")
    if kind == MeasureKind.SUBSTITUTE_CARE and not values.get("care_form"):
        errors["care_form"] = _("Choose the form of substitute care.")
    placed = values.get("support_placement_type")
    if kind == MeasureKind.PLACEMENT_AS_SUPPORT and placed not in SupportPlacementType.values:
        errors["support_placement_type"] = _(
            "Choose whether the child is placed alone or together with a parent."
        )
    body = values.get("decision_body")
    if (
        kind == MeasureKind.CARE_ORDER
        and "decision_body" in values
        and body
        not in (
            DecisionBody.SENIOR_OFFICIAL,
            DecisionBody.ADMINISTRATIVE_COURT,
        )
    ):
        errors["decision_body"] = _(
            "A care order is decided by the senior official (with consent) or by the "
            "administrative court (on objection) (LsL 43 §)."
        )
    return errors


def _hearing_errors(
    case: Case, hearing: Hearing, decided_on: datetime.date | None
) -> dict[str, str]:
    """The child's hearing before the decision: required from 12 (HL 34 §), checked
    whenever recorded (who, when, how and the view — or the reason it was not heard)."""
    if hearing.get("heard") is None:
        if any(hearing.get(f) for f in ("heard_by", "heard_on", "child_view", "not_heard_reason")):
            return {"heard": _("Say whether the child was heard: the details are kept.")}
        if decided_on is not None and measure_selectors.hearing_required(case.child, decided_on):
            return {
                "heard": _(
                    "The child is 12 or older: record how the child was heard before the "
                    "decision (HL 34 §), or why not."
                )
            }
        return {}
    errors = hearing_errors(hearing, not_before=deadlines.helsinki_date(case.opened_at))
    heard_on = hearing.get("heard_on")
    if (
        hearing.get("heard")
        and heard_on
        and decided_on is not None
        and heard_on > decided_on
        and "heard_on" not in errors
    ):
        errors["heard_on"] = _("The child is heard before the decision: this date is after it.")
    return errors


def consent_errors(
    kind: str,
    decision_body: str,
    *,
    parties: list[Consenter],
    given: Consents,
    on: datetime.date,
) -> dict[str, str]:
    """Where the law needs them, each guardian's and the child's (12+) answer: consented
    or objected with its date (not after the decision ``on``), or not asked with the
    reason; an objection stops the measure. An answer given is checked whenever."""
    required = measure_selectors.consent_required(kind, decision_body)
    errors: dict[str, str] = {}
    for party in parties:
        entry = given.get(party.person.pk) or {}
        if entry.get("answer"):
            errors.update(_answer_errors(party, entry, kind, required=required, on=on))
        elif required:
            errors[party.key] = _(
                "Record the answer of %(name)s, or that it was not asked and why."
            ) % {"name": party.person.full_name}
    return errors


def _answer_errors(
    party: Consenter, entry: Mapping[str, Any], kind: str, *, required: bool, on: datetime.date
) -> dict[str, str]:
    answer, given_on = entry["answer"], entry.get("given_on")
    errors: dict[str, str] = {}
    if answer not in ConsentAnswer.values:
        errors[party.key] = _("Choose the answer.")
    elif answer == ConsentAnswer.NOT_ASKED:
        if not (entry.get("reason") or "").strip():
            errors[f"{party.key}_reason"] = _("Give the reason it was not asked.")
    elif given_on is None:
        errors[f"{party.key}_on"] = _("Give the date of the answer.")
    elif given_on > on:
        errors[f"{party.key}_on"] = _(
            "The answer is given before the decision: this date is after it."
        )
    if answer == ConsentAnswer.OBJECTED and required:
        name = {"name": party.person.full_name}
        errors[party.key] = (
            _(
                "%(name)s objects: a placement as a support measure needs the consent of the "
                "guardians and of a child of 12 or older (LsL 37 §)."
            )
            % name
            if kind == MeasureKind.PLACEMENT_AS_SUPPORT
            else _(
                "%(name)s objects: a care order against an objection is decided by the "
                "administrative court (LsL 43 §)."
            )
            % name
        )
    return errors
