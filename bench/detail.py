"""What happens inside a client relationship, and who works on it.

``flesh_out`` adds measures and client plans to each client relationship; ``staff_county``
makes a county's teams (about five qualified social workers and a family worker each),
gives every open client relationship a designated worker with a caseload of 30-45 children
(LsL 13 b §), and writes the assignment history the caseload report reads.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from bench.families import Ids
from bench.simulate import Assignment, Case, Client, Measure, Plan, Team, birthday, review_due
from monia import deadlines

CASELOAD = (30, 45)
TEAM_SIZE = 5
SUPPORT_TYPES = (
    "clarifying",
    "financial",
    "therapy",
    "intensified_family_work",
    "family_rehabilitation",
    "support_person",
    "peer_group",
)


def _ended(start: date, days: int, closed_on: date | None, today: date) -> date | None:
    """End of a measure lasting ``days``: cut at the relationship's end; open if still running."""
    natural = start + timedelta(days=days)
    if closed_on is not None:
        return min(natural, closed_on)
    return natural if natural <= today else None


class Fleshing:
    def __init__(self, *, rng: random.Random, ids: Ids, today: date) -> None:
        self.rng, self.ids, self.today = rng, ids, today
        self.window_start = today - timedelta(days=365)

    def flesh_out(self, case: Case) -> None:
        for client in case.clients:
            if case.child.profile == "aftercare":
                self._aftercare(case, client)
            else:
                self._support(client)
                if self.rng.random() < (0.22 if case.child.profile == "long_term" else 0.08):
                    self._care(client)
                if self.rng.random() < 0.12:
                    self._emergency(client)
            self._plans(client)
        for earlier in case.clients[:-1]:  # one approved plan per case: the latest
            for plan in earlier.plans:
                if plan.status == "approved":
                    plan.status = "superseded"

    def _measure(self, client: Client, kind: str, start: date, **fields: Any) -> None:
        client.measures.append(Measure(self.ids.take("measure"), kind, start, **fields))

    def _support(self, client: Client) -> None:
        rng, end = self.rng, client.closed_on or self.today
        start = client.opened_on + timedelta(days=rng.randint(0, 45))
        for _ in range(1 + (rng.random() < 0.5) + (rng.random() < 0.2)):
            if start > end:
                return
            ended = _ended(start, rng.randint(60, 540), client.closed_on, self.today)
            self._measure(
                client,
                "community_support",
                start,
                ended_on=ended,
                variant=rng.choice(SUPPORT_TYPES),
            )
            start += timedelta(days=rng.randint(20, 200))

    def _care(self, client: Client, ends: date | None = None) -> None:
        """A care order (LsL 40 §) and the substitute care that carries it out."""
        latest = 400 if ends is None else min(400, (ends - client.opened_on).days - 1)
        start = client.opened_on + timedelta(days=self.rng.randint(min(20, latest), latest))
        if start > (client.closed_on or self.today):
            return
        ended = ends if ends is not None else client.closed_on
        form = self.rng.choices(("family_care", "institutional_care", "other"), (55, 40, 5))[0]
        self._measure(client, "care_order", start, ended_on=ended)
        self._measure(client, "substitute_care", start, ended_on=ended, variant=form)
        client.placed = ended is None

    def _emergency(self, client: Client) -> None:
        """An emergency placement (LsL 38 §): 30 days, extendable once by 30 (38 a §)."""
        rng, end = self.rng, client.closed_on or self.today
        first = max(client.opened_on, self.window_start)
        if first > end:
            return
        start = first + timedelta(days=rng.randint(0, (end - first).days))
        expires = deadlines.emergency_placement_expires(start)
        extended = None
        if rng.random() < 0.35:
            extended = deadlines.emergency_placement_extended_expires(expires)
        limit = ((extended or expires) - start).days
        ended = _ended(start, rng.randint(3, limit), client.closed_on, self.today)
        self._measure(
            client,
            "emergency_placement",
            start,
            ended_on=ended,
            expires_on=expires,
            extended_to=extended,
            variant="institutional_care",
        )
        client.placed = client.placed or ended is None

    def _aftercare(self, case: Case, client: Client) -> None:
        """Placed until 18, then aftercare (LsL 75 §) until the age or five-year limit."""
        assert case.child.birth is not None
        adult = birthday(case.child.birth, 18)
        self._support(client)
        self._care(client, ends=adult)
        expires = deadlines.aftercare_ends(case.child.birth, adult)
        ended = expires if expires <= self.today else None
        self._measure(client, "aftercare", adult, ended_on=ended, expires_on=expires)

    def _plans(self, client: Client) -> None:
        """Approved yearly (LsL 30 §), now and then a review is missed; some drafts open."""
        rng, end = self.rng, client.closed_on or self.today
        day = client.opened_on + timedelta(days=rng.randint(14, 60))
        while day <= end:
            created = max(client.opened_on, day - timedelta(days=rng.randint(0, 14)))
            plan = Plan(self.ids.take("plan"), "superseded", created)
            plan.approved_on, plan.review_due = day, review_due(day)
            client.plans.append(plan)
            if plan.review_due > end or rng.random() < 0.12:
                break
            day = plan.review_due - timedelta(days=rng.randint(0, 30))
        if client.plans:
            client.plans[-1].status = "approved"
        if client.closed_on is None and (not client.plans or rng.random() < 0.1):
            created = max(client.opened_on, self.today - timedelta(days=rng.randint(0, 30)))
            client.plans.append(Plan(self.ids.take("plan"), "draft", created))


def caseload_sizes(n: int, rng: random.Random) -> list[int]:
    """Split ``n`` children into caseloads of 30-45; a remainder tops up existing caseloads."""
    sizes: list[int] = []
    while n - sum(sizes) >= CASELOAD[1]:
        sizes.append(rng.randint(*CASELOAD))
    rest = n - sum(sizes)
    room = sum(CASELOAD[1] - size for size in sizes)
    if rest >= CASELOAD[0] or rest > room:
        return sizes + ([rest] if rest else [])
    while rest:
        i = rng.randrange(len(sizes))
        if sizes[i] < CASELOAD[1]:
            sizes[i] += 1
            rest -= 1
    return sizes


def team_groups(workers: list[int]) -> list[list[int]]:
    """Teams of five; a remainder of one or two joins earlier teams, three or four form one."""
    groups = [workers[i : i + TEAM_SIZE] for i in range(0, len(workers), TEAM_SIZE)]
    if len(groups) > 1 and len(groups[-1]) < 3:
        for i, worker in enumerate(groups.pop()):
            groups[i].append(worker)
    return groups


def staff_county(
    cases: list[Case], *, county_id: int, rng: random.Random, ids: Ids, today: date
) -> list[Team]:
    open_clients = [c for c in cases if c.stage != "closed" and c.open_client() is not None]
    rng.shuffle(open_clients)
    sizes = caseload_sizes(len(open_clients), rng) or [0] * TEAM_SIZE
    workers = [ids.take("user") for _ in sizes]
    teams = [Team(ids.take("team"), county_id, g, ids.take("user")) for g in team_groups(workers)]
    team_of = {w: t for t in teams for w in t.workers}
    position = 0
    for worker, size in zip(workers, sizes, strict=True):
        for case in open_clients[position : position + size]:
            case.team = team_of[worker]
            _assign(case, worker, rng, ids, today)
        position += size
    for case in cases:
        if case.team is None:
            case.team = rng.choice(teams)
            _assign(case, None, rng, ids, today)
    return teams


def _assign(case: Case, current: int | None, rng: random.Random, ids: Ids, today: date) -> None:
    """Designated workers over time; a third of long relationships changed worker once."""
    assert case.team is not None
    team = case.team.workers
    for client in case.clients:
        worker = current if client.closed_on is None and current else rng.choice(team)
        start, last = client.opened_on, client.closed_on or today
        if (last - start).days > 180 and len(team) > 1 and rng.random() < 0.3:
            change = start + timedelta(days=rng.randint(90, (last - start).days - 1))
            before = rng.choice([w for w in team if w != worker])
            client.assignments.append(Assignment(ids.take("assignment"), before, start, change))
            start = change
        client.assignments.append(
            Assignment(ids.take("assignment"), worker, start, client.closed_on)
        )
        case.worker = worker
