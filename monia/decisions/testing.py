"""Decisions for tests: a complete draft and a signed decision on a case (the services,
not rows made by hand)."""

from __future__ import annotations

import datetime
from typing import Any

from monia.accounts.models import User
from monia.casework.models import Case, Measure
from monia.decisions import kinds, selectors, services
from monia.decisions.models import Decision

TEXT = {
    "decision_text": "Lapsi sijoitetaan kiireellisesti perhekotiin.",
    "facts": "Ilmoitus ja kotikäynti.",
    "reasons": "Lapsen terveys ja kehitys ovat välittömässä vaarassa.",
    "provisions": "LsL 38 §",
}
CARER_VIEW = "Sijaishuoltopaikka pitää ratkaisua lapsen edun mukaisena."


def heard_all(decision: Decision, on: datetime.date) -> dict[int, dict[str, Any]]:
    return {
        p.pk: {"heard": True, "heard_on": on, "method": "in_person", "view": "Kuultu."}
        for p in decision.parties.all()
    }


def draft_for(
    case: Case,
    worker: User,
    *,
    decider: User | None = None,
    measure: Measure | None = None,
    kind: str = "emergency_placement",
    **text: Any,
) -> Decision:
    """A draft complete enough to sign: text, reasons, provisions, every party heard, and
    what a placement decision asks (the close network, the form of placement if the
    measure has none, the substitute-care place's view), as the edit page sends them. The
    contact of the person who gives more information is the prefilled one (the
    preparer's team office and phone)."""
    measure = measure if measure is not None else case.measures.filter(kind=kind).first()
    decision = services.decision_draft(user=worker, case=case, kind=kind, measure=measure)
    assert decision.decided_on is not None
    data = {
        "matter": decision.matter,
        "decided_on": decision.decided_on,
        **TEXT,
        "decider": decider or worker,
        "close_network_mapped": True,
        "care_form": "family_care" if selectors.asks_care_form(decision) else "",
        "carer_view": CARER_VIEW if decision.kind in kinds.CARER_VIEW_KINDS else "",
        **text,
    }
    return services.decision_update(
        user=worker,
        decision=decision,
        lock_version=decision.lock_version,
        data=data,
        parties=heard_all(decision, decision.decided_on),
    )


def signed_for(case: Case, worker: User, **kwargs: Any) -> Decision:
    decision = draft_for(case, worker, **kwargs)
    signer = kwargs.get("decider") or worker
    return services.decision_sign(
        user=signer, decision=decision, lock_version=decision.lock_version
    )


def emergency_placement(case: Case, worker: User) -> Measure:
    """An emergency placement beginning today, recorded through the service."""
    from django.utils import timezone

    from monia.casework import measure_services

    today = timezone.localdate()
    return measure_services.measure_record(
        user=worker,
        case=case,
        kind="emergency_placement",
        decided_on=today,
        started_on=today,
        care_form="family_care",
        place="Perhekoti Esimerkki",
    )
