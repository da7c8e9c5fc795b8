"""THL's half-year processing times from the record: the selector that builds
``thl.Notification`` records from the intakes (docs/statistics.md, "From the record to
THL's form"), and the report on them.

Which intakes count (THL: "lastensuojeluasiat ja erityisen tuen tarpeessa olevan lapsen
asiat"): a child welfare notification (LsL 25 §), a request made with the family (LsL
25 a §) and a contact about a child's need for social welfare (SHL 35 §). A pre-birth
notification (LsL 25 c §) does not: it concerns an unborn child, and no assessment clock
runs until the child is born.

One query with ``values_list``, whatever the number of intakes: the intakes with their case,
child, team, municipality and own assessment in one join, and in the same row whether the
child was a client on the Helsinki date the notification arrived and, for an intake that
joined an open assessment, that assessment's completion.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.contrib.postgres.aggregates import BoolOr
from django.db import connections, transaction
from django.db.models import (
    BigIntegerField,
    BooleanField,
    Case,
    DateField,
    Exists,
    ExpressionWrapper,
    F,
    Func,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import TruncDate

from monia.accounts.models import User
from monia.casework.models import (
    ClientRelationship,
    Intake,
    IntakeDecision,
    IntakeKind,
    ServiceNeedsAssessment,
)
from monia.dbrouter import read_alias
from monia.deadlines import HELSINKI
from monia.reporting import thl
from monia.reporting.models import RunState, ThlCompareRun
from monia.reporting.thl_places import places_of

COUNTED_KINDS = (IntakeKind.NOTIFICATION, IntakeKind.REQUEST_WITH_FAMILY, IntakeKind.CONTACT_SHL35)
STARTED = (IntakeDecision.START_ASSESSMENT, IntakeDecision.JOIN_ASSESSMENT)


@dataclass(frozen=True, slots=True)
class ChildKey:
    """The child of a notification: equal by the person (one matter per child, over all
    the child's cases), carrying the case the notification was recorded in, so that a
    figure opens the cases behind it (``access.children_behind``)."""

    person_id: int
    case_id: int = field(compare=False)

    def __repr__(self) -> str:  # the dataclass's own, without its recursion guard: quicker
        return f"ChildKey(person_id={self.person_id!r}, case_id={self.case_id!r})"


@dataclass(frozen=True, slots=True, order=True)
class TeamKey:
    """The team that holds a notification's case: equal and ordered by the team's id (two
    teams may have the same name), carrying its Finnish name as recorded, for ordering the
    rows and for a label where the team's own (``Team.display_name``) is not at hand. A
    row's link names the team by its id: ``TeamKey(id)`` is equal to the row's key."""

    id: int
    name: str = field(default="", compare=False)


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
    before the period cannot change its figures and are left out.

    One query gives each record's every field (docs/performance.md, THL): the arrival as
    microseconds since the epoch (made a Helsinki datetime here, quicker than parsing the
    timestamp), whether the child was a client on the Helsinki arrival date, and the
    completion of the assessment a joining intake joined."""
    rows = _rows(start=start, end=end, county_id=county_id, team_id=team_id)
    out: dict[int, list[thl.Notification]] = defaultdict(list)
    teams: dict[int | None, TeamKey | None] = {None: None}  # a key per team, made once
    with thl.gc_paused():  # some 200,000 records: no collector passes while they are made
        for (
            case_id,
            child,
            county,
            team,
            team_name,
            place,
            micros,
            decision,
            decided,
            done,
            client,
        ) in rows:
            if team not in teams:
                teams[team] = TeamKey(team, team_name)
            out[county].append(
                thl.Notification(
                    child=ChildKey(child, case_id),
                    municipality=place or "",
                    received_at=_helsinki(micros),  # the record's date is Helsinki's
                    existing_client=client,
                    decided_on=decided,
                    assessment_started=decision != IntakeDecision.NO_ACTION,
                    completed_on=done,
                    team=teams[team],
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


def figure_children(
    times: thl.ProcessingTimes,
    records: Iterable[thl.Notification],
    *,
    figure: str,
    municipality: str = "",
    team_id: int | None = None,
) -> list[Any]:
    """The child keys behind one figure (a ``thl_tables.FIGURES`` name), narrowed to one
    row of a table when asked: the municipality's or the team's (by its id, as
    ``TeamKey`` is equal), where the figures count the child (``thl_places.places_of``)."""
    team = TeamKey(team_id) if team_id is not None else None
    places = places_of(times, records)
    return [
        k
        for k in _children_of(times, figure)
        if (not municipality or places.get(k, ("", None))[0] == municipality)
        and (team is None or places.get(k, ("", None))[1] == team)
    ]


def _children_of(times: thl.ProcessingTimes, figure: str) -> tuple[Any, ...]:
    if figure == "open_overdue":
        return times.open_overdue.children
    if figure == "no_need":
        f = times.no_need
        return (*f.on_time_children, *f.late_children, *f.pending_children)
    name = "seven_day" if figure.startswith("seven_day") else "three_month"
    status = figure.removeprefix(name + "_")
    children: tuple[Any, ...] = getattr(getattr(times, name), f"{status}_children")
    return children


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
    live = ExpressionWrapper(
        Q(received_at__gte=first - timedelta(days=1))
        | Q(decision="")
        | Q(decision=IntakeDecision.NO_ACTION, decided_on__gte=start)
        | Exists(open_assessment),
        output_field=BooleanField(),
    )
    # A child is read when any of the child's intakes is live: one pass over the intakes
    # with a window, not a second join of them against the cases.
    return counted.annotate(
        child_live=Window(BoolOr(live), partition_by=F("case__child_id"))
    ).filter(child_live=True)


class _EpochMicroseconds(Func):
    """A timestamp as whole microseconds since 1970-01-01 UTC (exact: EXTRACT gives numeric)."""

    template = "(EXTRACT(EPOCH FROM %(expressions)s) * 1000000)::bigint"
    output_field = BigIntegerField()


def _rows(
    *, start: date, end: date, county_id: int | None, team_id: int | None
) -> list[tuple[Any, ...]]:
    """The records' fields, one row per intake (``thl_notifications``)."""
    intakes = _intakes(start=start, end=end, county_id=county_id, team_id=team_id)
    arrived_on = TruncDate("received_at", tzinfo=HELSINKI)
    # Who was a client on the arrival date: a relationship of any of the child's cases
    # opened on or before it and not closed by its end.
    client_then = ClientRelationship.objects.filter(
        case__child_id=OuterRef("case__child_id"), opened_on__lte=OuterRef("arrived_on")
    ).filter(Q(closed_on__isnull=True) | Q(closed_on__gt=OuterRef("arrived_on")))
    ever_clients = ClientRelationship.objects.values("case__child_id")
    # The assessment a joining intake joined: the case's one open on its decision day.
    joined = (
        ServiceNeedsAssessment.objects.filter(
            case_id=OuterRef("case_id"), started_on__lte=OuterRef("decided_on")
        )
        .filter(Q(completed_on__isnull=True) | Q(completed_on__gte=OuterRef("decided_on")))
        .order_by("pk")
        .values("completed_on")[:1]
    )
    rows = intakes.annotate(
        arrived_on=arrived_on,
        micros=_EpochMicroseconds("received_at"),
        existing=Case(
            When(decision=IntakeDecision.CLIENT_RELATIONSHIP, then=Value(True)),
            # Most children have never been clients: a hashed look-up spares them the dates.
            When(case__child_id__in=ever_clients, then=Exists(client_then)),
            default=Value(False),
            output_field=BooleanField(),
        ),
        done=Case(
            When(decision=IntakeDecision.START_ASSESSMENT, then=F("assessment__completed_on")),
            When(decision=IntakeDecision.JOIN_ASSESSMENT, then=Subquery(joined)),
            default=None,
            output_field=DateField(),
        ),
    ).values_list(
        "case_id",
        "case__child_id",
        "case__county_id",
        "case__team_id",
        "case__team__name",
        "case__child__municipality",
        "micros",
        "decision",
        "decided_on",
        "done",
        "existing",
    )
    # The planner's just-in-time compilation took longer than the query it compiles, and
    # its hash joins spilled to disk with the default work_mem: both set for this
    # transaction only (no savepoint, so the same two statements inside a transaction),
    # on the database the read goes to (the replica for the figures: monia/dbrouter.py).
    db = read_alias()
    with transaction.atomic(using=db, savepoint=False):
        with connections[db].cursor() as cursor:
            cursor.execute(
                "SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true)"
            )
        return list(rows.using(db).order_by())


def _helsinki(micros: int) -> datetime:
    """The aware Helsinki datetime of an instant given in microseconds since the epoch."""
    seconds, fraction = divmod(micros, 1_000_000)
    moment = datetime.fromtimestamp(seconds, HELSINKI)
    return moment.replace(microsecond=fraction) if fraction else moment
