"""Signing a decision: only the named decider signs, and only a complete decision — in
writing with its reasons and the provisions applied (HL 44–45 §), its parties heard
(HL 34 §, LsL 20 §) and the consents the law requires given (LsL 37 §, 43 §). Signing
numbers the decision (``<county>-<year>-<n>``) and locks it (migration 0003)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from monia.accounts.models import Role, User
from monia.casework import measure_selectors
from monia.casework.case_services import event_write, moment, today
from monia.casework.models import ConsentAnswer, DecisionBody, EventKind
from monia.decisions import selectors
from monia.decisions.kinds import (
    CARER_VIEW_REQUIRED,
    CLOSE_NETWORK_KINDS,
    PLACEMENT_FORM_KINDS,
    SENIOR_OFFICIAL_ONLY,
    DecisionKind,
)
from monia.decisions.models import Decision, DecisionParty, PartyRole


class DecisionAlreadySigned(ValidationError):
    """Signed already (a double click, the page of another window): a repeated "Sign"
    changes nothing."""


# Decision numbers are handed out under this advisory lock per county and year (the
# unique constraint is the backstop).
_NUMBER_LOCK = 0x4D4F_4E49_0000_0000


def _text_errors(decision: Decision, errors: dict[str, str]) -> None:
    if not decision.decision_text.strip():
        errors["decision_text"] = _("Write the decision (HL 44 §).")
    if not decision.reasons.strip():
        errors["reasons"] = _(
            "Write the reasons: the facts and evidence that decided the matter (HL 45 §)."
        )
    if not decision.provisions.strip():
        errors["provisions"] = _("Name the provisions applied (HL 45 §).")
    if decision.decided_on is None:
        errors["decided_on"] = _("Give the date of the decision.")
    elif decision.decided_on > today():
        errors["decided_on"] = _("The decision cannot be dated in the future.")


def decided_the_placement(decision: Decision, user_id: int) -> bool:
    """Whether this user signed the emergency placement this decision extends."""
    return (
        decision.kind == DecisionKind.EMERGENCY_PLACEMENT_EXTENSION
        and decision.measure is not None
        and selectors.placement_deciders(decision.measure).filter(decider_id=user_id).exists()
    )


PLACEMENT_DECIDER = _lazy(
    "Whoever decided the emergency placement does not decide its extension: choose another decider."
)


def decider_errors(decision: Decision, decider_id: int) -> dict[str, str]:
    """Why this user may not be named the decider of this decision ({} when they may)."""
    if decided_the_placement(decision, decider_id):
        return {"decider": str(PLACEMENT_DECIDER)}
    if not selectors.deciders(decision.case, decision.kind).filter(pk=decider_id).exists():
        return {"decider": _("Choose a decider who may decide this matter.")}
    return {}


def _decider_errors(user: User, decision: Decision, errors: dict[str, str]) -> None:
    if decision.decider_id is None:
        errors["decider"] = _("Name the decider before the decision is signed.")
    elif decision.decider_id != user.pk:
        errors["decider"] = _("Only the decider named in the decision signs it.")
    elif decision.kind in SENIOR_OFFICIAL_ONLY and user.role != Role.SENIOR_OFFICIAL:
        errors["decider"] = _(
            "Only the senior official decides a care order and its ending (LsL 43 §, 47 §)."
        )
    elif decided_the_placement(decision, user.pk):
        errors["decider"] = str(PLACEMENT_DECIDER)


def _must_be_heard(party: DecisionParty, decision: Decision) -> bool:
    """A guardian, and the child from 12 on the decision's date (HL 34 §, LsL 20 §)."""
    if party.role == PartyRole.GUARDIAN:
        return True
    if party.role == PartyRole.CHILD and decision.decided_on is not None:
        return measure_selectors.hearing_required(party.person, decision.decided_on)
    return False


def _hearing_errors(decision: Decision, errors: dict[str, str]) -> None:
    for party in decision.parties.select_related("person"):
        if party.heard is None and _must_be_heard(party, decision):
            errors[f"party_{party.pk}_heard"] = _(
                "%(name)s was not heard and no reason is given: record the hearing or why "
                "not (HL 34 §, LsL 20 §)."
            ) % {"name": party.person.full_name}


def _consent_needed(decision: Decision) -> bool:
    measure = decision.measure
    if decision.kind == DecisionKind.PLACEMENT_AS_SUPPORT:
        return True
    return decision.kind == DecisionKind.CARE_ORDER and (
        measure is None or measure.decision_body == DecisionBody.SENIOR_OFFICIAL
    )


def _consent_errors(decision: Decision, errors: dict[str, str]) -> None:
    """Each guardian and a child of 12+ consented (or was not asked, with the reason
    recorded with the measure); an objection, or no answer, stops the signing."""
    if not _consent_needed(decision) or decision.decided_on is None:
        return
    measure = decision.measure
    answers = {c.person_id: c.answer for c in measure.consents.all()} if measure is not None else {}
    for who in measure_selectors.consenters(decision.case, on=decision.decided_on):
        answer = answers.get(who.person.pk)
        if answer is None or answer == ConsentAnswer.OBJECTED:
            errors["consents"] = (
                _(
                    "The consent of %(name)s is missing: a placement as a support measure "
                    "needs the consent of the guardians and of a child of 12 or older "
                    "(LsL 37 §). Record it with the measure."
                )
                if decision.kind == DecisionKind.PLACEMENT_AS_SUPPORT
                else _(
                    "The consent of %(name)s is missing: the senior official decides a care "
                    "order only with consent; on an objection the administrative court "
                    "decides (LsL 43 §)."
                )
            ) % {"name": who.person.full_name}
            return


def _close_network_errors(decision: Decision, errors: dict[str, str]) -> None:
    if decision.kind not in CLOSE_NETWORK_KINDS:
        return
    measure = decision.measure
    if measure is None or measure.close_network_mapped is None:
        errors["close_network_mapped"] = _(
            "Record whether the child's close network was mapped before the placement (LsL 32 §)."
        )


def _care_form_errors(decision: Decision, errors: dict[str, str]) -> None:
    if decision.kind not in PLACEMENT_FORM_KINDS:
        return
    if decision.measure is None or not decision.measure.care_form:
        errors["care_form"] = _(
            "Record the form of the placement (family care, institutional care or other)."
        )


def _carer_view_errors(decision: Decision, errors: dict[str, str]) -> None:
    """The current substitute-care place's view: on the decision, or as a carer party's."""
    if decision.kind not in CARER_VIEW_REQUIRED or decision.carer_view.strip():
        return
    if not decision.parties.filter(role=PartyRole.CARER).exclude(view="").exists():
        errors["carer_view"] = _(
            "Record the view of the substitute-care place's representative or family carer."
        )


def _info_errors(decision: Decision, errors: dict[str, str]) -> None:
    """HL 44 §: the decision names who gives more information and how to reach them."""
    if decision.info_person_id is None:
        errors["info_person"] = _("Name the person who gives more information (HL 44 §).")
    missing = {
        "info_street": _("Give the street address or PO box where they are reached."),
        "info_postal_code": _("Give the postal code."),
        "info_town": _("Give the post office."),
        "info_phone": _("Give the phone number of the person who gives more information."),
    }
    for name, message in missing.items():
        if not getattr(decision, name).strip():
            errors[name] = message


def _next_number(decision: Decision) -> str:
    assert decision.decided_on is not None
    county = decision.case.county
    year = decision.decided_on.year
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_advisory_xact_lock(%s)", [_NUMBER_LOCK + county.pk * 10_000 + year]
        )
    prefix = f"{county.code}-{year}-"
    taken = Decision.objects.filter(number__startswith=prefix).values_list("number", flat=True)
    last = max((int(n.rsplit("-", 1)[1]) for n in taken), default=0)
    return f"{prefix}{last + 1}"


@transaction.atomic
def decision_sign(*, user: User, decision: Decision, lock_version: int) -> Decision:
    """The named decider signs the decision as it stands: numbered, dated, locked."""
    decision = (
        Decision.objects.select_for_update(of=("self",))
        .select_related("case__county", "case__child", "measure")
        .get(pk=decision.pk)
    )
    if decision.state != "draft":
        raise DecisionAlreadySigned({"__all__": _("The decision is already signed.")})
    if decision.lock_version != lock_version:
        raise ValidationError(
            {"__all__": _("The decision was changed meanwhile: read it again before signing.")}
        )
    errors: dict[str, str] = {}
    _decider_errors(user, decision, errors)
    _text_errors(decision, errors)
    _hearing_errors(decision, errors)
    _consent_errors(decision, errors)
    _close_network_errors(decision, errors)
    _care_form_errors(decision, errors)
    _info_errors(decision, errors)
    _carer_view_errors(decision, errors)
    if errors:
        raise ValidationError(errors)
    decision.number = _next_number(decision)
    decision.state = "signed"
    decision.signed_at = timezone.now()
    decision.lock_version += 1
    decision.save()
    event_write(
        case=decision.case,
        kind=EventKind.DECISION_SIGNED,
        actor=user,
        detail=decision.number,
        occurred_at=moment(decision.decided_on, not_before=decision.case.opened_at),
    )
    return decision
