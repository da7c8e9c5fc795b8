"""The steps a demo case history is made of: dates, families, notifications, and
calls to the casework services.

Dates are picked on or before the demo's ``today`` and handed to the services, which
check them like any other; see ``stories`` for the histories built from these steps.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from monia import deadlines
from monia.accounts.models import User
from monia.casework import measure_services, plan_services, services
from monia.casework.models import (
    Case,
    DecisionBody,
    Intake,
    IntakeDecision,
    Measure,
    MeasureKind,
    ServiceNeedsAssessment,
    Urgency,
)
from monia.demo import kin, plan_dates, texts, workdays
from monia.demo.consents import assessment_hearing, measure_extras
from monia.demo.families import DAY, Family, Register
from monia.demo.intake_steps import IntakeSteps
from monia.demo.names import NameBook
from monia.people.models import Person
from monia.teams.models import Team

Scenario = tuple[str, ...]
PLACED_ITEMS = (
    "placement_goals",
    "special_support",
    "health_and_education",
    "contact_arrangements",
    "information_sharing",
)


@dataclass(frozen=True)
class TeamStaff:
    """A systemic team (systeeminen tiimi) and its members."""

    team: Team
    consultant: User
    workers: tuple[User, User]
    therapist: User
    family_worker: User


Chooser = Callable[[Family], tuple[TeamStaff, User]]


def _no_team(family: Family) -> tuple[TeamStaff, User]:
    raise RuntimeError("Stories.tell sets the team chooser")


class CaseSteps(IntakeSteps):
    """One county's tools for telling case histories."""

    def __init__(
        self,
        *,
        rng: random.Random,
        today: datetime.date,
        register: Register,
        county_code: str,
        notifier_books: tuple[NameBook, ...],
    ) -> None:
        self.rng = rng
        self.today = today
        self.real_today = timezone.localdate()
        self.register = register
        self.county_code = county_code
        self.notifier_books = notifier_books
        self._choose: Chooser = _no_team
        self._staff_names: set[tuple[str, str]] | None = None
        self._facts: dict[int, frozenset[str]] = {}
        # Hearings and consents draw from their own stream (demo/consents.py), seeded from
        # this one's state without drawing from it: the histories stay as they were.
        self.side_rng = random.Random(f"{county_code}:{rng.getstate()[1][:8]}")
        # So do the notifications that replace one the family does not fit (``kin``).
        self.kin_rng = random.Random(f"kin:{county_code}:{rng.getstate()[1][:8]}")

    # --- dates -----------------------------------------------------------------------------

    def _ago(self, lo: int, hi: int) -> datetime.date:
        return self.today - DAY * self.rng.randint(lo, hi)

    def _between(self, lo: datetime.date, hi: datetime.date) -> datetime.date:
        return lo + DAY * self.rng.randint(0, max(0, (hi - lo).days))

    def _at(
        self, day: datetime.date, *, night: bool = False, rng: random.Random | None = None
    ) -> datetime.datetime:
        rng = rng or self.rng
        hour = rng.choice((0, 1, 2, 19, 20, 21, 22, 23)) if night else rng.randint(8, 15)
        return datetime.datetime(
            day.year, day.month, day.day, hour, rng.randint(0, 59), tzinfo=deadlines.HELSINKI
        )

    def _office_day(self, day: datetime.date, since: datetime.date) -> datetime.date:
        """An office act (a decision, a visit, a completion) on a working day: ``day`` or
        the nearest working day since ``since`` (``workdays.within``), never after today."""
        return workdays.within(day, not_before=since, not_after=self.today)

    def _decision_day(self, received: datetime.date) -> datetime.date:
        """Mostly within the 7 working days (LsL 26 §), now and then a little late."""
        days = self.rng.randint(8, 10) if self.rng.random() < 0.08 else self.rng.randint(1, 7)
        day = min(deadlines.add_working_days(received, days), self.today)
        return self._office_day(day, received)

    def _completion_day(self, received: datetime.date, started: datetime.date) -> datetime.date:
        """Mostly within the 3 months (SHL 36 §), now and then late."""
        due = deadlines.assessment_completion_due(self._at(received))
        if self.rng.random() < 0.1:
            day = due + DAY * self.rng.randint(3, 35)
        else:
            span = (due - started).days
            day = started + DAY * self.rng.randint(min(14, span), span)
        day = max(started, min(day, self.today - DAY * self.rng.randint(0, 3)))
        return self._office_day(day, started)

    def _pending_day(self, when: str) -> datetime.date:
        """A receipt day whose 7-day decision is overdue, due within days, or just came in."""
        if when == "new":
            return self._ago(1, 2)
        soon = deadlines.add_working_days(self.today, 3)
        days = []
        for back in range(1, 26):
            day = self.today - DAY * back
            due = deadlines.add_working_days(day, 7)
            if (when == "overdue" and due < self.today) or (
                when == "due_soon" and self.today <= due <= soon
            ):
                days.append(day)
        return self.rng.choice(days)

    def _completion_due_soon_day(self) -> datetime.date:
        """A receipt day whose 3-month completion falls due within the next 12 days."""
        latest = self.today + DAY * 12
        days = [
            day
            for day in (self.today - DAY * back for back in range(80, 100))
            if self.today <= deadlines.assessment_completion_due(self._at(day)) <= latest
        ]
        return self.rng.choice(days)

    def _review_due(self, lo: int, hi: int) -> datetime.date:
        """A review date within the year the plan service allows from the real today, on a
        working day (a review is a meeting)."""
        wanted = self.today + DAY * self.rng.randint(lo, hi)
        latest = deadlines.client_plan_review_due_latest(self.real_today)
        return plan_dates.working_review_day(min(max(wanted, self.real_today), latest))

    # --- casework steps --------------------------------------------------------------------

    @staticmethod
    def _case(case_id: int) -> Case:
        return Case.objects.get(pk=case_id)

    def _triage(self, intake: Intake, worker: User, concern: texts.Concern) -> None:
        urgency = Urgency.URGENT if concern.urgent else Urgency.NOT_URGENT
        services.intake_assess_urgency(
            user=worker,
            intake=intake,
            urgency=urgency,
            note=texts.written_by(
                worker, self.rng.choice(texts.URGENCY_NOTES[urgency]), child=intake.case.child
            ),
            # assessed at once: within the hour of receipt, never in the future
            assessed_at=min(
                intake.received_at + datetime.timedelta(minutes=self.rng.randint(5, 60)),
                timezone.now(),
            ),
        )

    def _told(self, day: datetime.date) -> datetime.date:
        return self._office_day(min(day + DAY * self.rng.randint(0, 3), self.today), day)

    def _no_action(self, intake: Intake, worker: User, day: datetime.date) -> None:
        services.intake_decide(
            user=worker,
            intake=intake,
            decision=IntakeDecision.NO_ACTION,
            decided_on=day,
            family_told_on=self._told(day),
            reason=texts.written_by(
                worker, self.rng.choice(texts.NO_ACTION_REASONS), child=intake.case.child
            ),
        )

    def _start(
        self, intake: Intake, worker: User, day: datetime.date, *, assign: bool
    ) -> ServiceNeedsAssessment:
        """Decide to start the assessment; ``assign`` names the worker responsible now."""
        services.intake_decide(
            user=worker,
            intake=intake,
            decision=IntakeDecision.START_ASSESSMENT,
            decided_on=day,
            family_told_on=self._told(day),
        )
        case = self._case(intake.case_id)
        if assign and case.designated_worker_id != worker.pk:
            services.designated_worker_assign(user=worker, case=case, worker=worker, on=day)
        return case.assessments.get(completed_on__isnull=True)

    def _complete(
        self,
        assessment: ServiceNeedsAssessment,
        child: Person,
        worker: User,
        conclusion: str,
        day: datetime.date,
        *,
        opened: datetime.date,
    ) -> None:
        late = day > assessment.completion_due
        summary = self.rng.choice(texts.ASSESSMENT_SUMMARIES[conclusion])
        hearing = assessment_hearing(self.rng, child, worker, opened, day)
        delay_reason = self.rng.choice(texts.DELAY_REASONS) if late else ""
        services.assessment_complete(
            user=worker,
            assessment=assessment,
            completed_on=day,
            conclusion=conclusion,
            summary=texts.written_by(worker, summary, child=child),
            hearing=hearing,
            delay_reason=texts.written_by(worker, delay_reason, child=child),
            designated_worker=worker if conclusion == "child_welfare_client" else None,
        )

    def _measure(
        self, case_id: int, worker: User, kind: str, day: datetime.date, **fields: Any
    ) -> Measure:
        """A measure with the child's hearing and the consents it needs (``consents``);
        its place and details as the worker writes them (her team's language)."""
        case = self._case(case_id)
        for field in ("place", "details"):
            if field in fields:
                fields[field] = texts.written_by(worker, fields[field], child=case.child)
        return measure_services.measure_record(
            user=worker,
            case=case,
            kind=kind,
            decided_on=day,
            started_on=day,
            **fields,
            **measure_extras(
                self.side_rng,
                case=case,
                worker=worker,
                kind=kind,
                day=day,
                decision_body=fields.get("decision_body", DecisionBody.SOCIAL_WORKER),
            ),
        )

    def _end(self, measure: Measure, worker: User, day: datetime.date) -> None:
        measure_services.measure_end(user=worker, measure=measure, ended_on=day)

    def _supports(self, case_id: int, worker: User, start: datetime.date, kinds: list[str]) -> None:
        """Community-based support (LsL 34–36 §); some of the older ones have ended."""
        for kind in kinds:
            day = self._office_day(min(start + DAY * self.rng.randint(0, 21), self.today), start)
            measure = self._measure(
                case_id,
                worker,
                MeasureKind.COMMUNITY_SUPPORT,
                day,
                support_type=kind,
                details=texts.SUPPORT[kind],
            )
            if (self.today - day).days > 120 and self.rng.random() < 0.4:
                self._end(measure, worker, self._between(day + DAY * 60, self.today))

    def _emergency(self, case_id: int, worker: User, day: datetime.date) -> Measure:
        return self._measure(
            case_id,
            worker,
            MeasureKind.EMERGENCY_PLACEMENT,
            day,
            place=self.rng.choice(texts.EMERGENCY_PLACES),
            details="Kiireellinen sijoitus (LsL 38 §): lapsi oli välittömässä vaarassa kotona.",
        )

    def _plan(
        self,
        case_id: int,
        worker: User,
        *,
        services_text: str,
        placed: bool = False,
        review_in: tuple[int, int] = (30, 340),
        approve: bool = True,
        since: datetime.date | None = None,
    ) -> None:
        """The client plan (LsL 30 §), complete with every item the law asks for, made
        ``since`` the client relationship began (the assessment's completion)."""
        rng = self.rng
        case = self._case(case_id)

        def item(field: str) -> str:  # drawn, then written in the worker's language
            return texts.written_by(worker, rng.choice(texts.PLAN[field]), child=case.child)

        data: dict[str, object] = {
            field: item(field)
            for field in ("service_needs", "circumstances", "goal_time_estimate", "child_meetings")
        }
        data["services"] = texts.written_by(worker, services_text, child=case.child)
        views = None
        if rng.random() < 0.25:
            drawn = rng.choice(texts.PLAN["differing_views"])
            views = texts.plan_item_for_family(
                "differing_views", drawn, kin.family_facts(case.child)
            )
        if views is not None:
            data["differing_views"] = texts.written_by(worker, views, child=case.child)
        else:
            data["no_differing_views"] = True
        data["child_meeting_interval_weeks"] = rng.choice((2, 4, 4, 6, 8))
        if placed:
            data.update({field: item(field) for field in PLACED_ITEMS})
        data["review_due"] = self._review_due(*review_in)
        plan = plan_services.plan_save(
            user=worker, case=case, data=data, lock_version=0, approve=approve
        )
        plan_dates.plan_dated(plan, approved=approve, since=since, today=self.real_today)

    def _client_plan(
        self,
        case_id: int,
        worker: User,
        completed: datetime.date,
        services_text: str,
        *,
        placed: bool,
        review_soon: bool,
    ) -> None:
        """Most clients have an approved plan; a new client may have a draft or none yet."""
        roll = self.rng.random()
        recent = (self.today - completed).days < 21
        if roll < (0.5 if recent else 0.04):
            return
        approve = roll >= (0.75 if recent else 0.12)
        self._plan(
            case_id,
            worker,
            services_text=services_text,
            placed=placed,
            review_in=(1, 8) if review_soon else (20, 340),
            approve=approve,
            since=completed,
        )
