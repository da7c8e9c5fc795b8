"""Writes for measures: community-based support, placements, care orders, aftercare.

Each measure keeps the law's own time limits: an emergency placement lapses
after 30 days with one extension of at most 30 more (LsL 38, 38 a §); aftercare
ends at the age limit in force or 5 years after the last placement (LsL 75 §).

Before the decision the record shows that a child of 12 or older was heard (HL 34 §,
LsL 20 §) or why not; a placement as a support measure needs the consent of the guardians
and of a child of 12 or older (LsL 37 §), and so does a care order the senior official
decides (LsL 43 §) — each consent recorded, or the reason it was not asked. A measure that
needs them is not recorded without them (``measure_selectors``). What a measure may not
be is judged in ``measure_checks``.
"""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from monia import deadlines
from monia.accounts.models import User
from monia.casework import measure_selectors
from monia.casework.assessment_services import hearing_write
from monia.casework.case_services import (
    _check_date,
    _open_client_relationship,
    event_write,
    moment,
    sent_before,
)
from monia.casework.measure_checks import measure_errors
from monia.casework.measure_selectors import Consenter
from monia.casework.models import (
    PLACEMENT_KINDS,
    Case,
    CaseStage,
    ConsentAnswer,
    ConsentParty,
    DecisionBody,
    EventKind,
    Measure,
    MeasureConsent,
    MeasureKind,
)

Hearing = dict[str, Any]
Consents = dict[int, dict[str, Any]]  # person id → answer, given_on, reason


@transaction.atomic
def measure_record(
    *,
    user: User,
    case: Case,
    kind: str,
    decided_on: datetime.date,
    started_on: datetime.date,
    support_type: str = "",
    care_form: str = "",
    support_placement_type: str = "",
    place: str = "",
    decision_body: str = DecisionBody.SOCIAL_WORKER,
    details: str = "",
    close_network_mapped: bool | None = None,
    submission_key: uuid.UUID | None = None,
    hearing: Hearing | None = None,
    consents: Consents | None = None,
) -> Measure:
    """Record the decision on a measure, with the child's hearing and the consents it needs
    (``hearing``: the ``ChildHearing`` fields, ``heard`` None when not recorded;
    ``consents``: by person id). Safe to repeat with the same submission key."""
    existing = sent_before(Measure.objects.all(), submission_key, owner="recorded_by_id", user=user)
    if existing is not None:
        return existing
    hearing = hearing or {}
    asked = measure_selectors.consent_asked(kind)
    parties = measure_selectors.consenters(case, on=decided_on) if asked else []
    typed = {
        "kind": kind,
        "support_type": support_type,
        "care_form": care_form,
        "support_placement_type": support_placement_type,
        "decision_body": decision_body,
        "decided_on": decided_on,
        "started_on": started_on,
    }
    errors = measure_errors(
        typed, case=case, hearing=hearing, consents=consents or {}, parties=parties
    )
    errors.update(_state_errors(case, kind, decision_body, parties))
    if errors:
        raise ValidationError(errors)

    expires_on = None
    if kind == MeasureKind.EMERGENCY_PLACEMENT:
        expires_on = deadlines.emergency_placement_expires(started_on)
        # An emergency placement makes the child a child welfare client (LsL 26 § 4 mom).
        _open_client_relationship(case=case, user=user, on=started_on)
    elif kind == MeasureKind.AFTERCARE:
        ended = measure_selectors.last_placement_ended(case)
        assert ended is not None and case.child.birth_date is not None
        expires_on = deadlines.aftercare_ends(case.child.birth_date, ended)
    measure = Measure.objects.create(
        case=case,
        kind=kind,
        support_type=support_type if kind == "community_support" else "",
        # The form of care of every placement (and of a care order's substitute care):
        # the national structure records it as the placement's sijoituspaikka.
        care_form=care_form if kind in PLACEMENT_KINDS or kind == MeasureKind.CARE_ORDER else "",
        support_placement_type=support_placement_type
        if kind == MeasureKind.PLACEMENT_AS_SUPPORT
        else "",
        place=place.strip(),
        decided_on=decided_on,
        decision_body=decision_body,
        started_on=started_on,
        expires_on=expires_on,
        details=details.strip(),
        close_network_mapped=close_network_mapped
        if kind in PLACEMENT_KINDS or kind == MeasureKind.CARE_ORDER
        else None,
        recorded_by=user,
        submission_key=submission_key,
    )
    event_write(
        case=case,
        kind=EventKind.MEASURE_DECIDED,
        actor=user,
        detail=measure.kind,
        occurred_at=moment(decided_on, not_before=case.opened_at),
    )
    if hearing.get("heard") is not None:
        hearing_write(case=case, hearing=hearing, measure=measure)
        event_write(
            case=case,
            kind=EventKind.CHILD_HEARD,
            actor=user,
            occurred_at=moment(hearing.get("heard_on") or decided_on, not_before=case.opened_at),
        )
    agreed = _consent_rows(kind, parties, consents or {})
    for consent in agreed:
        consent.measure = measure
    MeasureConsent.objects.bulk_create(agreed)
    return measure


def _state_errors(
    case: Case, kind: str, decision_body: str, parties: list[Consenter]
) -> dict[str, str]:
    """What the case's saved state refuses in a measure (the typed values are
    ``measure_errors``'s): a closed case, a child not yet a client (LsL 26 § 4 mom), aftercare
    without an ended placement (LsL 75 §), a consent needed but no guardian recorded."""
    if case.stage == CaseStage.CLOSED:
        return {"kind": _("The case is closed.")}
    if kind not in MeasureKind.values:
        return {}
    if kind != MeasureKind.EMERGENCY_PLACEMENT and case.stage != CaseStage.CLIENT:
        return {"kind": _("Only an emergency placement can be made before the child is a client.")}
    if kind == MeasureKind.AFTERCARE and measure_selectors.last_placement_ended(case) is None:
        if case.measures.filter(kind__in=PLACEMENT_KINDS, ended_on__isnull=False).exists():
            return {
                "kind": _(
                    "A placement as a support measure gives a right to aftercare only when the "
                    "child was placed alone and it lasted at least six months (LsL 75 §)."
                )
            }
        return {"kind": _("Aftercare follows a placement: record the ended placement first.")}
    required = measure_selectors.consent_required(kind, decision_body)
    if required and not any(p.party == ConsentParty.GUARDIAN for p in parties):
        return {
            "kind": _(
                "No guardian of the child is recorded: record the guardians in the family "
                "first. This measure needs their consent."
            )
        }
    return {}


def _consent_rows(kind: str, parties: list[Consenter], given: Consents) -> list[MeasureConsent]:
    """The answers to record (without their measure yet), once ``consent_errors`` found
    them whole: a date only with an answer given, a reason only when not asked."""
    rows = []
    for party in parties:
        entry = given.get(party.person.pk) or {}
        answer = entry.get("answer") or ""
        if not answer:
            continue
        asked = answer != ConsentAnswer.NOT_ASKED
        rows.append(
            MeasureConsent(
                person=party.person,
                party=party.party,
                answer=answer,
                given_on=entry.get("given_on") if asked else None,
                not_asked_reason="" if asked else (entry.get("reason") or "").strip(),
            )
        )
    return rows


@transaction.atomic
def emergency_placement_extend(
    *, user: User, measure: Measure, decided_on: datetime.date
) -> Measure:
    """Extend an emergency placement once, by at most 30 days (LsL 38 a §)."""
    measure = Measure.objects.select_for_update().get(pk=measure.pk)
    errors: dict[str, str] = {}
    if measure.kind != MeasureKind.EMERGENCY_PLACEMENT:
        errors["decided_on"] = _("Only an emergency placement can be extended.")
    elif measure.extended_to is not None:
        errors["decided_on"] = _("An emergency placement can be extended only once.")
    elif measure.ended_on is not None:
        errors["decided_on"] = _("The placement has ended.")
    else:
        assert measure.expires_on is not None
        _check_date(
            errors,
            "decided_on",
            decided_on,
            not_before=measure.decided_on,
            before_message=_("The extension cannot be decided before the placement."),
        )
        if decided_on > measure.expires_on:
            errors["decided_on"] = _("The placement lapsed on %(date)s: it cannot be extended.") % {
                "date": date_format(measure.expires_on, "j.n.Y")
            }
    if errors:
        raise ValidationError(errors)
    assert measure.expires_on is not None
    measure.extended_to = deadlines.emergency_placement_extended_expires(measure.expires_on)
    measure.save(update_fields=["extended_to"])
    event_write(
        case=measure.case,
        kind=EventKind.MEASURE_EXTENDED,
        actor=user,
        detail=date_format(measure.extended_to, "j.n.Y"),
        occurred_at=moment(decided_on),
    )
    return measure


@transaction.atomic
def measure_end(*, user: User, measure: Measure, ended_on: datetime.date) -> Measure:
    measure = Measure.objects.select_for_update().get(pk=measure.pk)
    errors: dict[str, str] = {}
    if measure.ended_on is not None:
        errors["ended_on"] = _("The measure has already ended.")
    _check_date(
        errors,
        "ended_on",
        ended_on,
        not_before=measure.started_on,
        before_message=_("A measure cannot end before it started."),
    )
    if errors:
        raise ValidationError(errors)
    measure.ended_on = ended_on
    measure.save(update_fields=["ended_on"])
    event_write(
        case=measure.case,
        kind=EventKind.MEASURE_ENDED,
        actor=user,
        detail=measure.kind,
        occurred_at=moment(ended_on),
    )
    return measure
