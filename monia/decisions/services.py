"""Writes for decisions: the draft, its edits, the correction of a signed decision.
Signing is in ``signing.py``, service to the parties in ``serving.py`` (re-exported here).

A decision is written and reasoned (HL 44–45 §), prepared and decided by named people,
its parties heard first (HL 34 §, LsL 20 §). A signed decision is never edited: the
database refuses it (migration 0003); a correction is a new draft that names the old one.
"""

from __future__ import annotations

import datetime
import re
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from monia.accounts.models import User
from monia.casework.case_services import event_write, sent_before, today
from monia.casework.models import (
    CareForm,
    Case,
    CaseStage,
    ChildHearing,
    EventKind,
    HearingMethod,
    Measure,
)
from monia.decisions import kinds, selectors, signing
from monia.decisions.kinds import DecisionKind
from monia.decisions.models import Decision, DecisionParty, HearingWay, PartyRole
from monia.decisions.serving import decision_serve
from monia.decisions.signing import decision_sign

__all__ = [
    "decision_correct",
    "decision_draft",
    "decision_serve",
    "decision_sign",
    "decision_update",
]

# What the form may change in a draft.
EDITABLE = (
    "language",
    "matter",
    "decision_text",
    "facts",
    "reasons",
    "provisions",
    "decided_on",
    "enforced_at_once",
    "enforcement_reason",
    "decider",
    "info_person",
    "info_street",
    "info_postal_code",
    "info_town",
    "info_phone",
    "carer_view",
)
POSTAL_CODE = re.compile(r"\d{5}")
PARTY_FIELDS = ("heard", "heard_on", "method", "view", "not_heard_reason")
HEARING_WAY = {
    HearingMethod.MEETING: HearingWay.IN_PERSON,
    HearingMethod.HOME_VISIT: HearingWay.IN_PERSON,
    HearingMethod.THROUGH_PERSON: HearingWay.IN_PERSON,
    HearingMethod.REMOTE: HearingWay.REMOTE,
    HearingMethod.IN_WRITING: HearingWay.IN_WRITING,
}


def info_contact_of(user: User) -> dict[str, str]:
    """How the person who gives more information is reached (HL 44 §), for a new draft:
    the postal address of the user's team office (county configuration) and the user's
    own phone — the ``Decision.info_*`` fields, to be checked by the preparer."""
    team = user.team
    return {
        "info_street": team.office_street if team else "",
        "info_postal_code": team.office_postal_code if team else "",
        "info_town": team.office_town if team else "",
        "info_phone": user.phone,
    }


def _measure_text(measure: Measure) -> str:
    parts = [str(measure.get_kind_display())]
    if measure.place:
        parts.append(measure.place)
    if measure.care_form:
        parts.append(str(measure.get_care_form_display()))
    if measure.support_placement_type:
        parts.append(str(measure.get_support_placement_type_display()))
    if measure.support_type:
        parts.append(str(measure.get_support_type_display()))
    dates = _("from %(date)s") % {"date": date_format(measure.started_on, "j.n.Y")}
    until = measure.extended_to or measure.expires_on
    if until:
        dates += " " + _("until %(date)s") % {"date": date_format(until, "j.n.Y")}
    if measure.ended_on:
        dates += " · " + _("ended %(date)s") % {"date": date_format(measure.ended_on, "j.n.Y")}
    return ", ".join(parts) + " " + dates + "."


def _child_hearing(measure: Measure | None) -> ChildHearing | None:
    return measure.hearings.order_by("-pk").first() if measure is not None else None


def _party_rows(case: Case, on: datetime.date, measure: Measure | None) -> list[DecisionParty]:
    hearing = _child_hearing(measure)
    rows = []
    for c in selectors.party_candidates(case, on=on):
        row = DecisionParty(person=c.person, role=c.role)
        if c.role == PartyRole.CHILD and hearing is not None:
            row.heard = hearing.heard
            row.heard_on = hearing.heard_on
            row.method = (
                HEARING_WAY.get(HearingMethod(hearing.method), "") if hearing.method else ""
            )
            row.view = hearing.child_view
            row.not_heard_reason = hearing.not_heard_reason
        rows.append(row)
    return rows


@transaction.atomic
def decision_draft(
    *,
    user: User,
    case: Case,
    kind: str,
    measure: Measure | None = None,
    submission_key: uuid.UUID | None = None,
) -> Decision:
    """Start a draft, prefilled from the measure when there is one: the matter, the
    decision's text, the parties with the child's hearing, the appeal route the law gives
    (LsL 90 §), immediate enforcement where the law allows it (LsL 92 §)."""
    existing = sent_before(Decision.objects.all(), submission_key, owner="created_by_id", user=user)
    if existing is not None:
        return existing
    if kind not in DecisionKind.values:
        raise ValidationError({"kind": _("Choose the decision.")})
    if case.stage == CaseStage.CLOSED:
        raise ValidationError({"kind": _("The case is closed.")})
    if measure is not None and measure.case_id != case.pk:
        raise ValidationError({"measure": _("Choose a measure of this child.")})
    # Written in the child's language, as the child's other documents are; its prefilled
    # texts too, whatever the worker's own language.
    language = case.child.document_language
    with translation.override(language):
        label = str(DecisionKind(kind).label)
        text = _measure_text(measure) if measure is not None else ""
    on = measure.decided_on if measure is not None else today()
    decision = Decision.objects.create(
        case=case,
        measure=measure,
        kind=kind,
        language=language,
        matter=label,
        decision_text=text,
        decided_on=on,
        appeal_route=kinds.appeal_route(kind),
        enforced_at_once=kind in kinds.ENFORCED_AT_ONCE_BY_LAW,
        preparer=user,
        info_person=user,
        **info_contact_of(user),
        created_by=user,
        submission_key=submission_key,
    )
    parties = _party_rows(case, on, measure)
    for row in parties:
        row.decision = decision
    DecisionParty.objects.bulk_create(parties)
    return decision


def _check_fields(decision: Decision, data: dict[str, Any], errors: dict[str, str]) -> None:
    if not (data.get("matter") or "").strip():
        errors["matter"] = _("Write what the matter is.")
    decider = data.get("decider")
    if decider is not None:
        errors.update(signing.decider_errors(decision, decider.pk))
    if data.get("enforced_at_once") and decision.kind not in kinds.ENFORCED_AT_ONCE_BY_LAW:
        if not (data.get("enforcement_reason") or "").strip():
            errors["enforcement_reason"] = _(
                "Give the reason the decision is enforced before it is final (LsL 92 §)."
            )
    postal_code = (data.get("info_postal_code") or "").strip()
    if postal_code and not POSTAL_CODE.fullmatch(postal_code):
        errors["info_postal_code"] = _("A postal code is five digits.")
    care_form = data.get("care_form") or ""
    if care_form and care_form not in CareForm.values:
        errors["care_form"] = _("Choose the form of the placement.")


def _party_errors(party: DecisionParty, given: dict[str, Any], errors: dict[str, str]) -> None:
    key = f"party_{party.pk}"
    heard = given.get("heard")
    if heard is True and given.get("heard_on") is None:
        errors[f"{key}_heard_on"] = _("Give the date of the hearing.")
    elif heard is True and given["heard_on"] > today():
        errors[f"{key}_heard_on"] = _("The date cannot be in the future.")
    if heard is False and not (given.get("not_heard_reason") or "").strip():
        errors[f"{key}_not_heard_reason"] = _("Give the reason the party was not heard.")


@transaction.atomic
def decision_update(
    *,
    user: User,
    decision: Decision,
    lock_version: int,
    data: dict[str, Any],
    parties: dict[int, dict[str, Any]] | None = None,
) -> Decision:
    """Save a draft's text and its parties' hearings (``parties`` by party id). A second
    window that saved meanwhile wins: this one is refused and keeps what was typed."""
    decision = Decision.objects.select_for_update().select_related("case").get(pk=decision.pk)
    if decision.state != "draft":
        raise ValidationError({"__all__": _("The decision is signed: it cannot be changed.")})
    if decision.lock_version != lock_version:
        raise ValidationError(
            {
                "__all__": _(
                    "Someone saved this decision in another window meanwhile. What you "
                    "typed is kept below: open the decision again in a new tab, compare, "
                    "and save again."
                )
            }
        )
    errors: dict[str, str] = {}
    _check_fields(decision, data, errors)
    rows = list(decision.parties.all())
    given = parties or {}
    for party in rows:
        _party_errors(party, given.get(party.pk, {}), errors)
    if errors:
        raise ValidationError(errors)
    for name in EDITABLE:
        if name in data:
            value = data[name]
            setattr(decision, name, value.strip() if isinstance(value, str) else value)
    decision.lock_version += 1
    decision.save()
    _close_network_apply(decision, data)
    _care_form_apply(decision, data)
    for party in rows:
        if party.pk in given:
            _party_apply(party, given[party.pk])
    return decision


def _close_network_apply(decision: Decision, data: dict[str, Any]) -> None:
    """The answer belongs to the placement (``Measure``): the decision on it records it."""
    if "close_network_mapped" not in data or decision.kind not in kinds.CLOSE_NETWORK_KINDS:
        return
    if decision.measure is not None:
        decision.measure.close_network_mapped = data["close_network_mapped"]
        decision.measure.save(update_fields=["close_network_mapped"])


def _care_form_apply(decision: Decision, data: dict[str, Any]) -> None:
    """The form of the placement (perhehoito, laitoshoito …) belongs to the measure too:
    asked on a placement decision whose measure has none, and recorded there."""
    care_form = data.get("care_form") or ""
    if not care_form or decision.kind not in kinds.PLACEMENT_FORM_KINDS:
        return
    if decision.measure is not None:
        decision.measure.care_form = care_form
        decision.measure.save(update_fields=["care_form"])


def _party_apply(party: DecisionParty, given: dict[str, Any]) -> None:
    heard = given.get("heard")
    party.heard = heard
    party.heard_on = given.get("heard_on") if heard else None
    party.method = (given.get("method") or "") if heard else ""
    party.view = (given.get("view") or "").strip() if heard else ""
    party.not_heard_reason = (given.get("not_heard_reason") or "").strip() if heard is False else ""
    party.save(update_fields=PARTY_FIELDS)


@transaction.atomic
def decision_correct(
    *, user: User, decision: Decision, reason: str, submission_key: uuid.UUID | None = None
) -> Decision:
    """Correct a signed decision with a new draft that names it (HL 50 §): its content
    and parties copied; the old one stays as it was. A decision is corrected once; a
    later correction corrects the correction. The form sent again with its key ("Back"
    and "Start the correction", a double click) answers with the draft it started."""
    started = sent_before(
        Decision.objects.filter(corrects_id=decision.pk),
        submission_key,
        owner="created_by_id",
        user=user,
    )
    if started is not None:
        return started
    old = Decision.objects.select_for_update().get(pk=decision.pk)
    errors: dict[str, str] = {}
    if old.state != "signed":
        errors["reason"] = _("Only a signed decision is corrected: edit the draft instead.")
    elif Decision.objects.filter(corrects=old).exists():
        errors["reason"] = _(
            "This decision already has a correction: correct that one, or edit its draft."
        )
    if not reason.strip():
        errors["reason"] = _("Say what is corrected and why.")
    if errors:
        raise ValidationError(errors)
    new = Decision.objects.create(
        case_id=old.case_id,
        measure_id=old.measure_id,
        kind=old.kind,
        decided_on=today(),
        appeal_route=old.appeal_route,
        preparer=user,
        created_by=user,
        corrects=old,
        correction_reason=reason.strip(),
        submission_key=submission_key,
        **{f: getattr(old, f) for f in EDITABLE if f not in ("decided_on",)},
    )
    DecisionParty.objects.bulk_create(
        DecisionParty(
            decision=new,
            person_id=p.person_id,
            role=p.role,
            may_appeal=p.may_appeal,
            **{f: getattr(p, f) for f in PARTY_FIELDS},
        )
        for p in old.parties.all()
    )
    event_write(
        case=old.case,
        kind=EventKind.DECISION_CORRECTED,
        actor=user,
        detail=old.number,
    )
    return new
