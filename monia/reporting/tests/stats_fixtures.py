"""Small builders for the statistics' fixture worlds: rows written straight to the tables,
with the dates a test needs (the services date everything from today)."""

from __future__ import annotations

import datetime
from typing import Any

from monia.casework.models import (
    Case,
    ClientRelationship,
    DesignatedWorkerAssignment,
    Intake,
    Measure,
)
from monia.deadlines import HELSINKI
from monia.people.models import Person

D = datetime.date


def child(county: Any, name: str, born: datetime.date | None) -> Person:
    return Person.objects.create(
        county=county, first_names=name, last_name="Tilastolapsi", birth_date=born
    )


def case(
    county: Any,
    team: Any,
    person: Person,
    *,
    client: tuple[datetime.date, datetime.date | None] | None = None,
    closed: bool = False,
    worker: Any = None,
) -> Case:
    opened = client[0] if client else D(2020, 1, 1)
    made = Case.objects.create(
        county=county,
        team=team,
        child=person,
        designated_worker=worker,
        stage="closed" if closed else ("client" if client else "intake"),
        opened_at=datetime.datetime.combine(opened, datetime.time(9), tzinfo=HELSINKI),
        closed_at=datetime.datetime(2024, 1, 1, tzinfo=HELSINKI) if closed else None,
    )
    if client:
        ClientRelationship.objects.create(case=made, opened_on=client[0], closed_on=client[1])
    return made


def assign(made: Case, worker: Any, start: datetime.date, end: datetime.date | None = None) -> None:
    DesignatedWorkerAssignment.objects.create(
        case=made, worker=worker, started_on=start, ended_on=end
    )


def measure(
    made: Case,
    kind: str,
    start: datetime.date,
    end: datetime.date | None = None,
    *,
    form: str = "",
    by: Any,
) -> Measure:
    return Measure.objects.create(
        case=made,
        kind=kind,
        care_form=form,
        decided_on=start,
        started_on=start,
        ended_on=end,
        expires_on=start + datetime.timedelta(days=30) if kind == "emergency_placement" else None,
        recorded_by=by,
        decision_body="senior_official" if kind == "care_order" else "social_worker",
    )


def notify(made: Case, at: datetime.datetime, channel: str, *, by: Any) -> Intake:
    return Intake.objects.create(
        case=made,
        kind="notification",
        channel=channel,
        received_at=at,
        notifier_type="anonymous",
        content="Huoli lapsesta.",
        decision_due=at.date() + datetime.timedelta(days=9),
        recorded_by=by,
    )
