"""Rows for COPY: one generator per table, from the simulated timelines.

Each ``*_rows`` method yields tuples in the order of its ``FIELDS`` entry; fields not listed
there take the model field's default (see ``generate.copy_rows``).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta

from bench import data
from bench.families import Person, Tie
from bench.simulate import Case, Client, Team, at_hour
from monia.casework import models as cw

FIELDS = {
    "county": ["id", "code", "name_fi", "name_sv", "controller", "bilingual"],
    "team": ["id", "county", "name"],
    "user": ["id", "password", "username", "first_name", "last_name", "email", "date_joined"]
    + ["role", "county", "team", "title"],
    "person": ["id", "county", "identity_code", "identity_code_canonical", "first_names"]
    + ["last_name", "birth_date", "expected_birth_date", "gender", "language"]
    + ["other_language", "interpreter_needed", "municipality", "created_at"],
    "relationship": ["id", "county", "from_person", "to_person", "kind", "is_guardian"]
    + ["lives_with", "partnership_status"],
    "case": ["id", "county", "child", "team", "designated_worker", "stage", "opened_at"]
    + ["closed_at"],
    "intake": ["id", "case", "kind", "channel", "received_at", "notifier_type"]
    + ["notifier_sector", "notifier_name", "notifier_organisation", "notifier_phone"]
    + ["notifier_email", "family_informed", "family_participated", "content"]
    + ["police_report_suspected", "decision_due", "recorded_by", "recorded_at", "urgency"]
    + ["urgency_assessed_at", "urgency_by", "decision", "decided_on", "decision_reason"]
    + ["family_told_on", "decided_by"],
    "assessment": ["id", "case", "started_from", "started_on", "completion_due"]
    + ["completed_on", "conclusion", "summary", "delay_reason", "completed_by"],
    "hearing": ["id", "case", "assessment", "heard", "heard_by", "heard_on", "method"]
    + ["child_view", "not_heard_reason"],
    "client": ["id", "case", "opened_on", "closed_on"],
    "plan": ["id", "case", "status", "no_differing_views", "child_meeting_interval_weeks"]
    + list(data.PLAN_TEXT)
    + list(data.PLACEMENT_PLAN_TEXT)
    + ["review_due", "approved_on", "approved_by", "updated_by", "created_at", "updated_at"],
    "measure": ["id", "case", "kind", "support_type", "care_form", "place", "decided_on"]
    + ["decision_body", "started_on", "ended_on", "expires_on", "extended_to", "details"]
    + ["recorded_by", "recorded_at"],
    "assignment": ["id", "case", "worker", "started_on", "ended_on"],
    "event": ["id", "case", "occurred_at", "kind", "detail", "actor"],
}

SECTORS = (("school", 26), ("police", 28), ("health_care", 18), ("early_education", 7))
SECTORS += (("social_services", 9), ("youth_services", 4), ("child_psychiatry", 3))
SECTORS += (("emergency_services", 2), ("ngo", 2), ("other", 1))
ORGANISATIONS = {
    "school": "{m}n koulu",
    "police": "Poliisi, {m}",
    "health_care": "{m}n terveysasema",
    "early_education": "{m}n päiväkoti",
}


class Rows:
    def __init__(self, *, rng: random.Random, now: datetime, names: dict[int, str]) -> None:
        self.rng, self.now, self.names = rng, now, names
        self._event_id = 0

    def _actor(self, case: Case) -> int:
        assert case.team is not None
        return self.rng.choice(case.team.workers)

    def _clamp(self, moment: datetime) -> datetime:
        return min(moment, self.now)

    # --- people -------------------------------------------------------------------------------

    def person_rows(self, persons: Iterable[Person]) -> Iterator[tuple[object, ...]]:
        for p in persons:
            anchor = p.anchor or p
            yield (
                p.id,
                p.county_id,
                p.code,
                p.code,  # make_synthetic gives the canonical century sign
                p.first_names,
                p.last_name,
                p.birth,
                p.expected,
                p.gender,
                p.language,
                p.other_language,
                p.language == "other" and self.rng.random() < 0.6,
                p.municipality,
                anchor.first_case_at or self.now,
            )

    def relationship_rows(self, ties: Iterable[tuple[int, Tie]]) -> Iterator[tuple[object, ...]]:
        for n, (county_id, t) in enumerate(ties, start=1):
            yield (
                n,
                county_id,
                t.from_id,
                t.to_id,
                t.kind,
                t.is_guardian,
                t.lives_with,
                t.partnership_status,
            )

    # --- cases --------------------------------------------------------------------------------

    def case_rows(self, cases: Iterable[Case]) -> Iterator[tuple[object, ...]]:
        for c in cases:
            assert c.team is not None
            yield (
                c.id,
                c.team.county_id,
                c.child.id,
                c.team.id,
                c.worker,
                c.stage,
                c.opened_at,
                c.closed_at,
            )

    def intake_rows(self, cases: Iterable[Case]) -> Iterator[tuple[object, ...]]:
        rng = self.rng
        for c in cases:
            for i in c.intakes:
                decider = self._actor(c) if i.decision else None
                decided_on = i.decided_at.date() if i.decided_at else None
                told = None
                if decided_on and rng.random() < 0.9:
                    told = min(decided_on + timedelta(days=rng.randint(0, 3)), self.now.date())
                yield (
                    i.id,
                    c.id,
                    i.kind,
                    rng.choices(("phone", "electronic", "form", "in_person"), (35, 45, 10, 10))[0],
                    i.received_at,
                    *self._notifier(c, i.kind),
                    i.decision_due,
                    self._actor(c),
                    self._clamp(i.received_at + timedelta(minutes=rng.randint(1, 90))),
                    i.urgency,
                    i.urgency_at,
                    self._actor(c) if i.urgency else None,
                    i.decision,
                    decided_on,
                    rng.choice(data.NO_ACTION_REASONS) if i.decision == "no_action" else "",
                    told,
                    decider,
                )

    def _notifier(self, case: Case, kind: str) -> tuple[object, ...]:
        """notifier_type .. police_report_suspected: an anonymous notifier leaves no identity."""
        rng = self.rng
        who = rng.choices(("obligated", "private", "anonymous"), (72, 18, 10))[0]
        if kind == "request_with_family":
            who = "private"
        sector = rng.choices(*zip(*SECTORS, strict=True))[0] if who == "obligated" else ""
        name = phone = email = organisation = ""
        if who != "anonymous":
            first = rng.choice(data.FEMALE_NAMES + data.MALE_NAMES)
            name = f"{first} {rng.choice(data.LAST_NAMES)}"
            phone = f"040 {rng.randint(1000000, 9999999)}"
        if who == "obligated":
            municipality = case.child.municipality
            organisation = ORGANISATIONS.get(sector, "{m}").format(m=municipality)
            email = f"ilmoittaja{rng.randint(1, 99999)}@example.invalid"
        text = rng.choice(data.INTAKE_TEXTS.get(sector) or data.INTAKE_TEXTS["other"])
        return (
            who,
            sector,
            name,
            organisation,
            phone,
            email,
            rng.choice(("yes", "no", "unknown")),
            kind == "request_with_family",
            text,
            sector == "police" and rng.random() < 0.1,
        )

    def assessment_rows(self, cases: Iterable[Case]) -> Iterator[tuple[object, ...]]:
        for c in cases:
            for a in c.assessments:
                done = a.completed_on is not None
                late = done and a.completed_on > a.due  # type: ignore[operator]
                yield (
                    a.id,
                    c.id,
                    a.intake.id,
                    a.started_on,
                    a.due,
                    a.completed_on,
                    a.conclusion,
                    self.rng.choice(data.ASSESSMENT_SUMMARIES) if done else "",
                    "Perheen tavoittaminen viivästyi." if late else "",
                    self._actor(c) if done else None,
                )

    def hearing_rows(self, cases: Iterable[Case]) -> Iterator[tuple[object, ...]]:
        """The child's view with every completed assessment (LsL 20 §), or why not."""
        rng, n = self.rng, 0
        for c in cases:
            for a in c.assessments:
                if a.completed_on is None:
                    continue
                n += 1
                if c.child.birth is None or rng.random() < 0.12:
                    reason = "Lapsen ikä ja kehitystaso; näkemys selvitetty havainnoimalla."
                    yield (n, c.id, a.id, False, "", None, "", "", reason)
                    continue
                span = (a.completed_on - a.started_on).days
                heard_on = a.started_on + timedelta(days=rng.randint(0, span))
                method = rng.choice(("meeting", "home_visit", "remote", "through_person"))
                name = self.names[self._actor(c)]
                yield (
                    n,
                    c.id,
                    a.id,
                    True,
                    name,
                    heard_on,
                    method,
                    rng.choice(data.CHILD_VIEWS),
                    "",
                )

    def client_rows(self, cases: Iterable[Case]) -> Iterator[tuple[object, ...]]:
        for c in cases:
            for cl in c.clients:
                yield (cl.id, c.id, cl.opened_on, cl.closed_on)

    def plan_rows(self, cases: Iterable[Case]) -> Iterator[tuple[object, ...]]:
        rng = self.rng
        for c in cases:
            for cl in c.clients:
                for p in cl.plans:
                    draft = p.status == "draft"
                    texts = [
                        v if not draft or k in ("service_needs", "circumstances") else ""
                        for k, v in data.PLAN_TEXT.items()
                    ]
                    placed = cl.placed and not draft
                    placement = [v if placed else "" for v in data.PLACEMENT_PLAN_TEXT.values()]
                    approver = None if draft else self._actor(c)
                    created = at_hour(p.created_on, 10)
                    updated = at_hour(p.approved_on, 14) if p.approved_on else created
                    yield (
                        p.id,
                        c.id,
                        p.status,
                        not draft,
                        None if draft else rng.choice((2, 4, 6, 8)),
                        *texts,
                        *placement,
                        p.review_due,
                        p.approved_on,
                        approver,
                        approver or self._actor(c),
                        self._clamp(created),
                        self._clamp(updated),
                    )

    def measure_rows(self, cases: Iterable[Case]) -> Iterator[tuple[object, ...]]:
        rng = self.rng
        for c in cases:
            for cl in c.clients:
                for m in cl.measures:
                    placement = m.kind in cw.PLACEMENT_KINDS
                    body = "social_worker"
                    if m.kind == "care_order":
                        body = rng.choices(("senior_official", "administrative_court"), (7, 3))[0]
                    yield (
                        m.id,
                        c.id,
                        m.kind,
                        m.variant if m.kind == "community_support" else "",
                        m.variant if placement else "",
                        rng.choice(data.PLACES) if placement else "",
                        m.started_on,
                        body,
                        m.started_on,
                        m.ended_on,
                        m.expires_on,
                        m.extended_to,
                        "",
                        self._actor(c),
                        self._clamp(at_hour(m.started_on, 11)),
                    )

    def assignment_rows(self, cases: Iterable[Case]) -> Iterator[tuple[object, ...]]:
        for c in cases:
            for cl in c.clients:
                for a in cl.assignments:
                    yield (a.id, c.id, a.worker, a.started_on, a.ended_on)

    # --- the chronology -----------------------------------------------------------------------

    def event_rows(self, cases: Iterable[Case]) -> Iterator[tuple[object, ...]]:
        """The chronology lines the services would have written with each change."""
        for c in cases:
            for moment, kind, detail, actor in self._events(c):
                self._event_id += 1
                yield (self._event_id, c.id, self._clamp(moment), kind, detail, actor)

    def _events(self, c: Case) -> Iterator[tuple[datetime, str, str, int | None]]:
        # The details are codes, as the services write them: each reader sees the words
        # of their own language (ChronologyEvent.detail_display).
        actor = self._actor
        for i in c.intakes:
            yield i.received_at, "intake_received", i.kind, actor(c)
            if i.urgency_at:
                yield i.urgency_at, "urgency_assessed", i.urgency, actor(c)
            if i.decided_at:
                yield i.decided_at, "intake_decided", i.decision, actor(c)
        for a in c.assessments:
            yield at_hour(a.started_on, 15), "assessment_started", "", actor(c)
            if a.completed_on:
                done = at_hour(a.completed_on, 15)
                yield done, "child_heard", "", actor(c)
                yield done, "assessment_completed", a.conclusion, actor(c)
        for cl in c.clients:
            yield from self._client_events(c, cl)
        if c.closed_at:
            yield c.closed_at, "case_closed", "", actor(c)

    def _client_events(self, c: Case, cl: Client) -> Iterator[tuple[datetime, str, str, int]]:
        actor = self._actor(c)
        yield at_hour(cl.opened_on, 15, 1), "client_opened", "", actor
        for a in cl.assignments:
            yield at_hour(a.started_on, 15, 2), "worker_assigned", self.names[a.worker], actor
        for p in cl.plans:
            yield at_hour(p.created_on, 10), "plan_saved", "", actor
            if p.approved_on:
                yield at_hour(p.approved_on, 14), "plan_approved", "", actor
        for m in cl.measures:
            yield (
                at_hour(m.started_on, 11),
                "measure_decided",
                m.kind,
                actor,
            )
            if m.extended_to and m.expires_on:
                yield at_hour(m.expires_on - timedelta(days=3), 11), "measure_extended", "", actor
            if m.ended_on:
                yield (
                    at_hour(m.ended_on, 16),
                    "measure_ended",
                    m.kind,
                    actor,
                )
        if cl.closed_on:
            yield at_hour(cl.closed_on, 12), "client_closed", "", actor

    # --- organisation -------------------------------------------------------------------------

    @staticmethod
    def county_rows(
        counties: Iterable[tuple[int, data.CountySpec]],
    ) -> Iterator[tuple[object, ...]]:
        for county_id, spec in counties:
            controller = f"{spec.name_fi}n hyvinvointialue"
            yield (county_id, spec.code, spec.name_fi, spec.name_sv, controller, spec.bilingual)

    @staticmethod
    def team_rows(teams: Iterable[Team]) -> Iterator[tuple[object, ...]]:
        numbers: dict[int, int] = {}
        for t in teams:
            numbers[t.county_id] = numbers.get(t.county_id, 0) + 1
            yield (t.id, t.county_id, f"Lastensuojelun tiimi {numbers[t.county_id]}")

    def user_rows(
        self, staff: Iterable[tuple[int, str, int, Team | None]]
    ) -> Iterator[tuple[object, ...]]:
        """Staff with unusable passwords: benchmarks log in with ``force_login``."""
        titles = {
            "designated_social_worker": "Sosiaalityöntekijä",
            "family_worker": "Sosiaaliohjaaja",
            "senior_official": "Johtava sosiaalityöntekijä",
        }
        for user_id, role, county_id, team in staff:
            first, last = self.names[user_id].split(" ", 1)
            yield (
                user_id,
                "!bench-unusable",
                f"bench{user_id}",
                first,
                last,
                f"bench{user_id}@example.invalid",
                self.now - timedelta(days=800),
                role,
                county_id,
                team.id if team else None,
                titles[role],
            )
