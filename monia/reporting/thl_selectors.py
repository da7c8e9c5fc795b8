"""THL's half-year processing times from the record: the selector that builds
``thl.Notification`` records from the intakes (docs/statistics.md, "From the record to
THL's form"), and the report on them.

Which intakes count (THL: "lastensuojeluasiat ja erityisen tuen tarpeessa olevan lapsen
asiat"): a child welfare notification (LsL 25 §), a request made with the family (LsL
25 a §) and a contact about a child's need for social welfare (SHL 35 §). A pre-birth
notification (LsL 25 c §) does not: it concerns an unborn child, and no assessment clock
runs until the child is born.

A few queries with ``values_list``, whatever the number of intakes: the intakes (with their
case, child, team, municipality and own assessment in one join), the assessments of those
cases (for an intake that joined an open assessment), and the children's client
relationships (who was a client when a notification arrived).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Exists, OuterRef, Q, QuerySet

from monia.accounts.models import User
from monia.casework.models import (
    ClientRelationship,
    Intake,
    IntakeDecision,
    IntakeKind,
    ServiceNeedsAssessment,
)
from monia.deadlines import HELSINKI
from monia.reporting import thl
from monia.reporting.models import RunState, ThlCompareRun

COUNTED_KINDS = (IntakeKind.NOTIFICATION, IntakeKind.REQUEST_WITH_FAMILY, IntakeKind.CONTACT_SHL35)
STARTED = (IntakeDecision.START_ASSESSMENT, IntakeDecision.JOIN_ASSESSMENT)


@dataclass(frozen=True, slots=True)
class ChildKey:
    """The child of a notification: equal by the person (one matter per child, over all
    the child's cases), carrying the case the notification was recorded in, so that a
    figure opens the cases behind it (``access.children_behind``)."""

    person_id: int
    case_id: int = field(compare=False)


def previous_period(today: date) -> tuple[date, date]:
    """The latest half-year that has ended by ``today``: the one THL asks for next."""
    start, _ = thl.half_year_period(today)
    return thl.half_year_period(start - timedelta(days=1))


def period_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """The period's instants: from its first Helsinki midnight to the one after its end."""
    return (
        datetime.combine(start, time(0), tzinfo=HELSINKI),
        datetime.combine(end + timedelta(days=1), time(0), tzinfo=HELSINKI),
    )


def thl_notifications(
    *,
    start: date,
    end: date,
    county_id: int | None = None,
    team_id: int | None = None,
) -> dict[int, list[thl.Notification]]:
    """Each county's ``Notification`` records bearing on ``start``–``end`` (all counties
    when ``county_id`` is None; one team's cases when ``team_id`` is given), keyed by the
    county's id. History is included where it can matter: every intake of a child who has
    an intake in the period or before it and still open at its start (undecided, or an
    assessment not completed before the start); the children whose every matter closed
    before the period cannot change its figures and are left out."""
    intakes = _intakes(start=start, end=end, county_id=county_id, team_id=team_id)
    rows = list(
        intakes.values_list(
            "case_id",
            "case__child_id",
            "case__county_id",
            "case__team__name",
            "case__child__municipality",
            "received_at",
            "decision",
            "decided_on",
            "assessment__completed_on",
        ).order_by()
    )
    any_joined = any(row[6] == IntakeDecision.JOIN_ASSESSMENT for row in rows)
    joined = _assessments(intakes) if any_joined else {}
    clients = _client_periods(intakes)
    out: dict[int, list[thl.Notification]] = defaultdict(list)
    for case_id, child_id, county, team, municipality, received, decision, decided, done in rows:
        received = received.astimezone(HELSINKI)  # the record's date is Helsinki's
        arrived_on = received.date()
        if decision == IntakeDecision.JOIN_ASSESSMENT:
            done = _joined_completion(joined.get(case_id, ()), decided)
        out[county].append(
            thl.Notification(
                child=ChildKey(child_id, case_id),
                municipality=municipality or "",
                received_at=received,
                existing_client=decision == IntakeDecision.CLIENT_RELATIONSHIP
                or _was_client(clients.get(child_id, ()), arrived_on),
                decided_on=decided,
                assessment_started=decision != IntakeDecision.NO_ACTION,
                completed_on=done if decision in STARTED else None,
                team=team,
            )
        )
    return dict(out)


def thl_report(
    *,
    start: date,
    end: date,
    county_id: int,
    team_id: int | None = None,
    as_of: date | None = None,
) -> thl.ProcessingTimes:
    """THL's processing times of one county (or one of its teams) for ``start``–``end``."""
    records = thl_notifications(start=start, end=end, county_id=county_id, team_id=team_id)
    return thl.processing_times(records.get(county_id, []), start=start, end=end, as_of=as_of)


def case_ids(children: Iterable[object]) -> list[int]:
    """The cases behind a figure's child keys, for ``access.children_behind``."""
    return [c.case_id for c in children if isinstance(c, ChildKey)]


def compare_runs_of(user: User, limit: int = 10) -> list[ThlCompareRun]:
    """The user's latest comparisons of counties, newest first."""
    return list(ThlCompareRun.objects.filter(requested_by=user)[:limit])


def compare_run_done(user: User, run_id: int) -> ThlCompareRun | None:
    """The user's own finished comparison; None for anything else."""
    runs = ThlCompareRun.objects.filter(pk=run_id, requested_by=user, state=RunState.DONE)
    return runs.first()


# --- Queries ---------------------------------------------------------------------------------


def _intakes(
    *, start: date, end: date, county_id: int | None, team_id: int | None
) -> QuerySet[Intake]:
    first, after = period_bounds(start, end)
    counted = Intake.objects.filter(kind__in=COUNTED_KINDS, received_at__lt=after)
    if county_id is not None:
        counted = counted.filter(case__county_id=county_id)
    if team_id is not None:
        counted = counted.filter(case__team_id=team_id)
    open_assessment = ServiceNeedsAssessment.objects.filter(case_id=OuterRef("case_id")).filter(
        Q(completed_on__isnull=True) | Q(completed_on__gte=start)
    )
    live = counted.filter(
        Q(received_at__gte=first - timedelta(days=1))
        | Q(decision="")
        | Q(decision=IntakeDecision.NO_ACTION, decided_on__gte=start)
        | Exists(open_assessment)
    )
    return counted.filter(case__child_id__in=live.values("case__child_id"))


def _assessments(intakes: QuerySet[Intake]) -> dict[int, list[tuple[date, date | None]]]:
    found: dict[int, list[tuple[date, date | None]]] = defaultdict(list)
    rows = ServiceNeedsAssessment.objects.filter(case_id__in=intakes.values("case_id"))
    for case_id, started, completed in rows.values_list("case_id", "started_on", "completed_on"):
        found[case_id].append((started, completed))
    return found


def _client_periods(intakes: QuerySet[Intake]) -> dict[int, list[tuple[date, date | None]]]:
    found: dict[int, list[tuple[date, date | None]]] = defaultdict(list)
    rows = ClientRelationship.objects.filter(case__child_id__in=intakes.values("case__child_id"))
    for child_id, opened, closed in rows.values_list("case__child_id", "opened_on", "closed_on"):
        found[child_id].append((opened, closed))
    return found


def _joined_completion(
    assessments: Iterable[tuple[date, date | None]], decided_on: date | None
) -> date | None:
    """The completion of the assessment an intake joined: the one open on its decision day."""
    if decided_on is None:
        return None
    for started, completed in assessments:
        if started <= decided_on and (completed is None or completed >= decided_on):
            return completed
    return None


def _was_client(periods: Iterable[tuple[date, date | None]], day: date) -> bool:
    """A client relationship opened on or before ``day`` and not closed by its end."""
    return any(opened <= day and (closed is None or closed > day) for opened, closed in periods)
