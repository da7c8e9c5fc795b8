"""Timelines of synthetic children, following the state machine of casework/services.py.

A small discrete-event simulation per child: intakes arrive, are decided (mostly) within
seven working days, start or join a service-needs assessment or end in no action; an
assessment's conclusion may open a client relationship; client relationships close. Because
it applies the services' rules in time order, the rows it yields satisfy the database
constraints: one open case per child, one open assessment per case, a closed case reopens
as a new case, and so on. Pure Python; ``bench/generate.py`` writes the result.
"""

from __future__ import annotations

import heapq
import itertools
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Any

from bench.families import Ids, Person
from monia import deadlines

HELSINKI = deadlines.HELSINKI

P_START_ASSESSMENT = 0.55  # share of intakes on a non-client that start an assessment
P_CLIENT = 0.25  # share of assessments of a non-client that conclude in a client relationship
P_LONG_TERM_CLOSES = 0.2  # long-term clients whose relationship closes within the 12 months
DECISION_LAG_WEIGHTS = (5, 15, 15, 15, 12, 10, 9, 11, 4, 2, 2)  # working days 0..10; 8+ late
WINDOW_INTAKES_LONG_TERM = ((0, 40), (1, 35), (2, 15), (3, 10))


@cache
def add_working_days(d: date, n: int) -> date:
    return deadlines.add_working_days(d, n)


@cache
def completion_due(received: date) -> date:
    return deadlines.assessment_completion_due(datetime.combine(received, time(12), HELSINKI))


@cache
def review_due(approved: date) -> date:
    return deadlines.client_plan_review_due_latest(approved)


def at_hour(d: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(d, time(hour, minute), HELSINKI)


@dataclass(slots=True, eq=False)
class Intake:
    id: int
    received_at: datetime
    kind: str
    decision_due: date
    decision: str = ""
    decided_at: datetime | None = None
    urgency: str = ""
    urgency_at: datetime | None = None


@dataclass(slots=True, eq=False)
class Assessment:
    id: int
    intake: Intake
    started_on: date
    due: date
    completed_on: date | None = None
    conclusion: str = ""


@dataclass(slots=True, eq=False)
class Plan:
    id: int
    status: str
    created_on: date
    approved_on: date | None = None
    review_due: date | None = None


@dataclass(slots=True, eq=False)
class Measure:
    id: int
    kind: str
    started_on: date
    ended_on: date | None = None
    expires_on: date | None = None
    extended_to: date | None = None
    variant: str = ""  # support type or form of care


@dataclass(slots=True, eq=False)
class Assignment:
    id: int
    worker: int
    started_on: date
    ended_on: date | None


@dataclass(slots=True, eq=False)
class Client:
    id: int
    opened_on: date
    closed_on: date | None = None
    placed: bool = False
    plans: list[Plan] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class Team:
    id: int
    county_id: int
    workers: list[int]  # qualified social workers: designated workers and deciders
    family_worker: int


@dataclass(slots=True, eq=False)
class Case:
    id: int
    child: Person
    opened_at: datetime
    closed_at: datetime | None = None
    stage: str = "intake"
    intakes: list[Intake] = field(default_factory=list)
    assessments: list[Assessment] = field(default_factory=list)
    clients: list[Client] = field(default_factory=list)
    team: Team | None = None
    worker: int | None = None

    def open_assessment(self) -> Assessment | None:
        return next((a for a in self.assessments if a.completed_on is None), None)

    def open_client(self) -> Client | None:
        return next((c for c in self.clients if c.closed_on is None), None)

    def pending(self) -> bool:
        """Work that keeps the case open (services._pending_work)."""
        return (
            any(not i.decision for i in self.intakes)
            or self.open_assessment() is not None
            or self.open_client() is not None
        )


class Simulator:
    """Runs one child's timeline at a time up to ``now``; the window is the last 365 days."""

    def __init__(self, *, rng: random.Random, ids: Ids, now: datetime) -> None:
        self.rng, self.ids, self.now = rng, ids, now
        self.today = now.date()
        self.window_start = self.today - timedelta(days=365)
        self._queue: list[tuple[datetime, int, Callable[..., None], tuple[Any, ...]]] = []
        self._cases: list[Case] = []
        self._open: Case | None = None
        self._seq = itertools.count()

    def run(self, child: Person) -> list[Case]:
        self._cases, self._open, self._queue = [], None, []
        for moment, forced in self._arrivals(child):
            self._push(moment, self._intake, child, forced)
        while self._queue:
            moment, _, action, args = heapq.heappop(self._queue)
            if moment > self.now:
                break
            action(moment, *args)
        return self._cases

    def _push(self, moment: datetime, action: Callable[..., None], *args: Any) -> None:
        heapq.heappush(self._queue, (moment, next(self._seq), action, args))

    # --- arrivals ---------------------------------------------------------------------------

    def _arrivals(self, child: Person) -> list[tuple[datetime, str]]:
        rng, profile = self.rng, child.profile
        if profile == "unborn":
            return [(self._moment(self.today - timedelta(days=150), self.today), "")]
        arrivals = []
        if profile in ("long_term", "aftercare"):
            assert child.birth is not None
            latest = self.window_start - timedelta(days=1)
            if profile == "aftercare":
                latest = min(latest, child.birth + timedelta(days=int(17 * 365.25)))
                earliest = child.birth + timedelta(days=12 * 365)
            else:
                earliest = max(
                    child.birth + timedelta(days=30), self.today - timedelta(days=6 * 365)
                )
            arrivals.append((self._moment(earliest, latest), profile))
        if profile == "aftercare":
            return arrivals
        if profile == "long_term":
            k = rng.choices(*zip(*WINDOW_INTAKES_LONG_TERM, strict=True))[0]
        elif profile == "heavy":
            k = rng.randint(15, 40)
        else:
            k = 1 + min(int(rng.expovariate(1 / 1.65)), 14)
        assert child.birth is not None
        first = max(self.window_start, child.birth + timedelta(days=1))
        arrivals += [(self._moment(first, self.today), "") for _ in range(k)]
        return arrivals

    def _moment(self, first: date, last: date) -> datetime:
        """A time of receipt: mostly working days, mostly office hours, never in the future."""
        rng = self.rng
        while True:
            day = first + timedelta(days=rng.randint(0, max((last - first).days, 0)))
            if day.weekday() >= 5 and rng.random() < 0.6:
                continue
            hour = rng.randint(8, 15) if rng.random() < 0.7 else rng.randint(0, 23)
            moment = at_hour(day, hour, rng.randint(0, 59))
            if moment <= self.now:
                return moment

    # --- the state machine --------------------------------------------------------------------

    def _intake(self, moment: datetime, child: Person, forced: str) -> None:
        case = self._open or self._new_case(child, moment)
        intake = Intake(
            id=self.ids.take("intake"),
            received_at=moment,
            kind=self._kind(child),
            decision_due=add_working_days(moment.date(), 7),
        )
        case.intakes.append(intake)
        assessed = moment + timedelta(minutes=self.rng.randint(20, 1200))
        if self.rng.random() < 0.92 and assessed <= self.now:
            intake.urgency = "urgent" if self.rng.random() < 0.07 else "not_urgent"
            intake.urgency_at = assessed
        lag = self.rng.choices(range(len(DECISION_LAG_WEIGHTS)), weights=DECISION_LAG_WEIGHTS)[0]
        day = add_working_days(moment.date(), lag)
        decided = max(at_hour(day, self.rng.randint(9, 15), self.rng.randint(0, 59)), moment)
        self._push(decided + timedelta(minutes=5), self._decide, case, intake, forced)

    def _kind(self, child: Person) -> str:
        if child.birth is None:
            return "pre_birth"
        return self.rng.choices(
            ("notification", "request_with_family", "contact_shl35"), weights=(80, 8, 12)
        )[0]

    def _new_case(self, child: Person, moment: datetime) -> Case:
        case = Case(id=self.ids.take("case"), child=child, opened_at=moment)
        self._cases.append(case)
        self._open = case
        child.first_case_at = child.first_case_at or moment
        return case

    def _decide(self, moment: datetime, case: Case, intake: Intake, forced: str) -> None:
        rng = self.rng
        if forced:
            start = True
        elif intake.kind == "pre_birth":
            start = rng.random() < 0.5
        elif case.open_client() is not None:
            start = rng.random() < 0.25
        else:
            start = rng.random() < P_START_ASSESSMENT
        intake.decided_at = moment
        if not start:
            intake.decision = "no_action"
            self._close_if_done(case, moment)
        elif case.open_assessment() is not None:
            intake.decision = "join_assessment"
        else:
            intake.decision = "start_assessment"
            self._start_assessment(moment, case, intake, forced)

    def _start_assessment(self, moment: datetime, case: Case, intake: Intake, forced: str) -> None:
        due = completion_due(intake.received_at.date())
        a = Assessment(self.ids.take("assessment"), intake, moment.date(), due)
        case.assessments.append(a)
        if case.stage == "intake":
            case.stage = "assessment"
        days = self.rng.randint(30, 80) if forced else int(self.rng.triangular(7, 110, 55))
        self._push(
            at_hour(a.started_on + timedelta(days=days), 15), self._complete, case, a, forced
        )

    def _conclusion(self, case: Case, forced: str) -> str:
        if forced:
            return "child_welfare_client"
        weights = (60, 20, 20) if case.open_client() else (P_CLIENT * 100, 34, 30)
        return self.rng.choices(
            ("child_welfare_client", "other_social_services", "no_need"), weights=weights
        )[0]

    def _complete(self, moment: datetime, case: Case, a: Assessment, forced: str) -> None:
        a.completed_on = moment.date()
        a.conclusion = self._conclusion(case, forced)
        if a.conclusion != "child_welfare_client":
            self._close_if_done(case, moment)
            return
        if case.open_client() is None:
            client = Client(self.ids.take("client"), a.completed_on)
            case.clients.append(client)
            case.stage = "client"
            closes = self._client_closes(case.child, client, forced)
            if closes is not None:
                self._push(at_hour(closes, 12), self._close_client, case, client)

    def _client_closes(self, child: Person, client: Client, forced: str) -> date | None:
        rng = self.rng
        if forced == "aftercare":
            assert child.birth is not None
            return deadlines.aftercare_ends(child.birth, birthday(child.birth, 18))
        if forced == "long_term":
            if rng.random() >= P_LONG_TERM_CLOSES:
                return None
            first = max(client.opened_on + timedelta(days=30), self.window_start)
            return first + timedelta(days=rng.randint(0, max((self.today - first).days, 0)))
        return client.opened_on + timedelta(days=rng.randint(60, 1000))

    def _close_client(self, moment: datetime, case: Case, client: Client) -> None:
        client.closed_on = moment.date()
        self._close_if_done(case, moment)

    def _close_if_done(self, case: Case, moment: datetime) -> None:
        if not case.pending():
            case.closed_at = moment
            case.stage = "closed"
            self._open = None


def birthday(birth: date, age: int) -> date:
    """The ``age``-th birthday; 29 February becomes 28 February."""
    try:
        return birth.replace(year=birth.year + age)
    except ValueError:
        return birth.replace(year=birth.year + age, day=28)
