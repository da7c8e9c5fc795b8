"""A small county recorded through the services, for the database-backed THL report: the
period 1.4–30.9.2025, with every case the counting has to get right (the figures are
counted by hand in ``EXPECTED``)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from monia.casework import services
from monia.casework.models import Case, Intake
from monia.conftest import HEARD, World, child_create, notification
from monia.deadlines import HELSINKI
from monia.people.models import Person

START, END = datetime.date(2025, 4, 1), datetime.date(2025, 9, 30)


def at(y: int, m: int, d: int, hh: int = 10, mm: int = 0) -> datetime.datetime:
    return datetime.datetime(y, m, d, hh, mm, tzinfo=HELSINKI)


@dataclass
class ThlWorld:
    cases: dict[str, Case]
    intakes: dict[str, Intake]


def _child(world: World, first: str, number: int, municipality: str) -> Person:
    child = child_create(world.county_a, first=first, number=number)
    Person.objects.filter(pk=child.pk).update(municipality=municipality)
    return child


def _decide(user: Any, intake: Intake, decision: str, on: datetime.date, **extra: Any) -> None:
    services.intake_decide(
        user=user, intake=intake, decision=decision, decided_on=on, family_told_on=None, **extra
    )


def _complete(
    user: Any, intake: Intake, on: datetime.date, conclusion: str, delay_reason: str = ""
) -> None:
    services.assessment_complete(
        user=user,
        assessment=intake.case.assessments.get(completed_on__isnull=True),
        completed_on=on,
        conclusion=conclusion,
        summary="Arvioitu.",
        hearing={**HEARD, "heard_on": on},
        designated_worker=user,
        delay_reason=delay_reason,
    )


def thl_world(world: World, worker: Any) -> ThlWorld:
    """Record the county's intakes as workers would have."""
    d = datetime.date
    team = world.team_a1
    aino = _child(world, "Aino", 901, "Kuopio")
    eino = _child(world, "Eino", 902, "Kuopio")
    oona = _child(world, "Oona", 903, "Iisalmi")
    pekka = _child(world, "Pekka", 904, "Iisalmi")
    ville = _child(world, "Ville", 905, "Kuopio")
    satu = _child(world, "Satu", 906, "Iisalmi")
    intakes: dict[str, Intake] = {}
    # Siblings in one notification, 1.4.2025 00:30 Helsinki (31.3. 21:30 UTC): two matters.
    intakes["aino"] = notification(worker, aino, team, at=at(2025, 4, 1, 0, 30))
    intakes["eino"] = notification(worker, eino, team, at=at(2025, 4, 1, 0, 30))
    _decide(worker, intakes["aino"], "start_assessment", d(2025, 4, 10))  # the 7th working day
    _decide(worker, intakes["eino"], "no_action", d(2025, 4, 3), reason="Ei huolta.")
    # A second notification about Aino while her assessment is under way joins it.
    intakes["aino_again"] = notification(worker, aino, team, at=at(2025, 4, 15))
    _decide(worker, intakes["aino_again"], "start_assessment", d(2025, 4, 16))
    _complete(worker, intakes["aino"], d(2025, 6, 20), "other_social_services")
    # Late start (due 11.6.), never completed: open at the end with 3 months past (2.9.).
    intakes["oona"] = notification(worker, oona, team, at=at(2025, 6, 2))
    _decide(worker, intakes["oona"], "start_assessment", d(2025, 6, 20))
    # Came pending before the period, completed in it: three months from 3.2. end 3.5. (a
    # Saturday, so the next working day 5.5.); completed 20.5.: late.
    intakes["pekka"] = notification(worker, pekka, team, at=at(2025, 2, 3))
    _decide(worker, intakes["pekka"], "start_assessment", d(2025, 2, 5))
    _complete(worker, intakes["pekka"], d(2025, 5, 20), "no_need", "Sairauslomia.")
    # A client since 2024: a notification about him in the period opens no matter.
    intakes["ville_first"] = notification(worker, ville, team, at=at(2024, 9, 2))
    _decide(worker, intakes["ville_first"], "start_assessment", d(2024, 9, 4))
    _complete(worker, intakes["ville_first"], d(2024, 10, 15), "child_welfare_client")
    intakes["ville"] = notification(worker, ville, team, at=at(2025, 5, 5))
    # An SHL 35 § contact at 23:30 on the last day, never decided: in the period, and late.
    intakes["satu"] = notification(
        worker, satu, world.team_a2, at=at(2025, 9, 30, 23, 30), kind="contact_shl35"
    )
    cases = {name: Case.objects.get(pk=i.case_id) for name, i in intakes.items()}
    return ThlWorld(cases=cases, intakes=intakes)


# The figures for 1.4–30.9.2025, counted by hand.
EXPECTED = {
    "seven_day": (3, 1, 2),  # Aino on time; Oona and Satu late (Eino apart, Ville a client)
    "three_month": (2, 1, 1),  # Aino on time (due 1.7.); Pekka late
    "open_overdue": 1,  # Oona
    "no_need": 1,  # Eino
    "joined": 1,  # Aino's second notification
    "client_notifications": 1,  # Ville
}
