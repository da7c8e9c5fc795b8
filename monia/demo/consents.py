"""The hearing and the consents the demo records with each measure (HL 34 §, LsL 37 §,
43 §): a child of 12 or older heard before the decision (or the reason recorded, as in an
emergency), a younger child's view often; the guardians' and the young person's consent to
a placement as a support measure and to a care order the senior official decides; the
guardian's objection that took a care order to the administrative court.

Drawn from a random stream of their own, so the families and histories the same seed made
before stay the same.
"""

from __future__ import annotations

import datetime
import random
from typing import Any

from monia import deadlines
from monia.accounts.models import User
from monia.casework import measure_selectors
from monia.casework.models import Case, ConsentAnswer, DecisionBody, HearingMethod, MeasureKind
from monia.demo import kin, texts, workdays
from monia.demo.families import DAY, age_on
from monia.people.models import Person

URGENT = (
    "Lasta ei kuultu ennen päätöstä, koska asian viivyttäminen olisi vaarantanut lapsen "
    "turvallisuuden (HL 34 § 2 mom.); lapsen mielipide selvitetään sijoituksen aikana."
)


def measure_extras(
    rng: random.Random,
    *,
    case: Case,
    worker: User,
    kind: str,
    day: datetime.date,
    decision_body: str = DecisionBody.SOCIAL_WORKER,
) -> dict[str, Any]:
    """``hearing`` and ``consents`` for ``measure_services.measure_record``."""
    return {
        "hearing": _hearing(rng, case, worker, kind, day),
        "consents": _consents(rng, case, kind, decision_body, day),
    }


def assessment_hearing(
    rng: random.Random, child: Person, worker: User, lo: datetime.date, hi: datetime.date
) -> dict[str, object]:
    """The child's view at the assessment (LsL 20 §), or why it was not found out: heard
    between ``lo`` and ``hi`` on a working day (a meeting, a home visit). Drawn from the
    histories' own stream (``rng``), as it always was."""
    assert child.birth_date is not None
    age = age_on(child.birth_date, hi)
    if age < 2 or rng.random() < 0.1:
        group = "baby" if age < 2 else "teen" if age >= 12 else "any"
        reason = rng.choice(texts.NOT_HEARD_REASONS[group])
        return {
            "heard": False,
            "not_heard_reason": texts.written_by(worker, reason, child=child),
        }
    band = "small" if age < 7 else "school" if age < 13 else "teen"
    methods = {
        "small": (HearingMethod.HOME_VISIT, HearingMethod.MEETING, HearingMethod.THROUGH_PERSON),
        "school": (HearingMethod.MEETING, HearingMethod.HOME_VISIT),
        "teen": (HearingMethod.MEETING, HearingMethod.REMOTE, HearingMethod.IN_WRITING),
    }[band]
    heard_on = lo + DAY * rng.randint(0, max(0, (hi - lo).days))
    return {
        "heard": True,
        "heard_by": _heard_by(worker),
        "heard_on": workdays.within(heard_on, not_before=lo, not_after=hi),
        "method": rng.choice(methods),
        "child_view": _view(rng, band, child, worker),
    }


def _hearing(
    rng: random.Random, case: Case, worker: User, kind: str, day: datetime.date
) -> dict[str, Any]:
    child = case.child
    required = measure_selectors.hearing_required(child, day)
    if child.birth_date is None or (not required and rng.random() < 0.5):
        return {"heard": None}
    if kind == MeasureKind.EMERGENCY_PLACEMENT and rng.random() < 0.5:
        return {
            "heard": False,
            "not_heard_reason": texts.written_by(worker, URGENT, child=child),
        }
    age = age_on(child.birth_date, day)
    band = "small" if age < 7 else "school" if age < 13 else "teen"
    opened = deadlines.helsinki_date(case.opened_at)
    methods = (HearingMethod.MEETING, HearingMethod.HOME_VISIT, HearingMethod.REMOTE)
    return {
        "heard": True,
        "heard_by": _heard_by(worker),
        "heard_on": workdays.within(
            max(day - DAY * rng.randint(0, 6), opened), not_before=opened, not_after=day
        ),
        "method": rng.choice(methods),
        "child_view": _view(rng, band, child, worker),
    }


def _consents(
    rng: random.Random, case: Case, kind: str, body: str, day: datetime.date
) -> dict[int, dict[str, Any]]:
    if not measure_selectors.consent_asked(kind):
        return {}
    parties = measure_selectors.consenters(case, on=day)
    if kind == MeasureKind.CARE_ORDER and body == DecisionBody.ADMINISTRATIVE_COURT:
        objected = parties[:1]  # the guardian whose objection took it to the court
        return {
            p.person.pk: {"answer": ConsentAnswer.OBJECTED, "given_on": _before(day, 14)}
            for p in objected
        }
    return {
        p.person.pk: {
            "answer": ConsentAnswer.CONSENTED,
            "given_on": _before(day, rng.randint(1, 10)),
        }
        for p in parties
    }


def _before(day: datetime.date, days: int) -> datetime.date:
    """A consent or an objection ``days`` before the decision, given at a meeting on a
    working day."""
    return workdays.on_or_before(day - DAY * days)


def _view(rng: random.Random, band: str, child: Person, worker: User) -> str:
    """The child's view as heard, in the worker's writing language: one that speaks only
    of the family the child has ("isi" only with a father, a stepfather only with one) —
    the one drawn, else the next that fits (one draw, as before: the stream stays)."""
    views = texts.CHILD_VIEWS[band]
    at = views.index(rng.choice(views))
    facts = kin.family_facts(child)
    fitting = (v for v in views[at:] + views[:at] if kin.fits(texts.CHILD_VIEW_FAMILY[v], facts))
    view = texts.written_by(worker, next(fitting), child=child)
    return view.format(lapsi=child.first_names)


def _heard_by(worker: User) -> str:
    """Who heard the child, as the worker writes it: her name and title in her language."""
    return f"{worker.get_full_name()}, {worker.localized_title(worker.working_language).lower()}"
