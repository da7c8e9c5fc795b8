"""Case histories of the demo, told through the casework services only.

Each story first picks its dates — receipt, decision, completion, measures — all on or
before the demo's ``today``, then makes the family and walks every child's case through
the services, so chronology, deadlines and constraints are the real ones.

The services stamp some moments with the real clock rather than a given date (the
urgency assessment and the chronology rows after the receipt); a plan's approval and
review dates are set afterwards by ``plan_dates`` (approved half a year before its review).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from monia import deadlines
from monia.accounts.models import User
from monia.casework import measure_services, services
from monia.casework.models import (
    AssessmentConclusion,
    CareForm,
    DecisionBody,
    Measure,
    MeasureKind,
    SupportPlacementType,
    SupportType,
)
from monia.demo import texts, workdays
from monia.demo.families import DAY, Family, years_before
from monia.demo.steps import CaseSteps, Chooser, Scenario, TeamStaff
from monia.people.models import Person


class Stories(CaseSteps):
    """Tells one county's case histories; ``tell`` runs one scenario for one family."""

    def tell(self, scenario: Scenario, *, siblings: int, choose: Chooser) -> list[Person]:
        """Make a family and its cases; returns the children made."""
        self._choose = choose
        name, *variant = scenario
        story: Callable[..., list[Person]] = getattr(self, f"_story_{name}")
        return story(siblings, *variant)

    def _story_pending(self, siblings: int, when: str) -> list[Person]:
        """Intakes awaiting the 7-working-day decision."""
        day = self._pending_day(when)
        concern = self._concern()
        family, staff, worker = self._household(concern, day, siblings)
        for child in family.children:
            fitting = self._fitting(concern, child, day)
            intake = self._receive(family, child, staff, day, fitting)
            if when != "new" or self.rng.random() < 0.5:
                self._triage(intake, worker, fitting)
        return family.children

    def _story_no_action(self, siblings: int) -> list[Person]:
        """The intake clearly needed no action: the case closes at once."""
        day = self._ago(10, 540)
        concern = self._concern(urgent=False)
        family, staff, worker = self._household(concern, day, siblings)
        decided = self._decision_day(day)
        for child in family.children:
            fitting = self._fitting(concern, child, day)
            intake = self._receive(family, child, staff, day, fitting)
            self._triage(intake, worker, fitting)
            self._no_action(intake, worker, decided)
        return family.children

    def _story_assessment(self, siblings: int, when: str) -> list[Person]:
        """Assessments under way: overdue past 3 months, due within days, or in time."""
        if when == "overdue":
            day = self._ago(95, 135)
        elif when == "due_soon":
            day = self._completion_due_soon_day()
        else:
            day = self._ago(3, 80)
        concern = self._concern()
        family, staff, worker = self._household(concern, day, siblings)
        started = self._decision_day(day)
        for child in family.children:
            fitting = self._fitting(concern, child, day)
            intake = self._receive(family, child, staff, day, fitting)
            self._triage(intake, worker, fitting)
            self._start(intake, worker, started, assign=True)
        return family.children

    def _story_assessed(self, siblings: int, conclusion: str) -> list[Person]:
        """Assessments completed with no child welfare need: the case closes."""
        day = self._ago(40, 540)
        concern = self._concern()
        family, staff, worker = self._household(concern, day, siblings)
        started = self._decision_day(day)
        completed = self._completion_day(day, started)
        for child in family.children:
            fitting = self._fitting(concern, child, day)
            intake = self._receive(family, child, staff, day, fitting)
            self._triage(intake, worker, fitting)
            assessment = self._start(intake, worker, started, assign=False)
            self._complete(assessment, child, worker, conclusion, completed, opened=day)
        return family.children

    def _become_client(
        self,
        family: Family,
        staff: TeamStaff,
        worker: User,
        concern: texts.Concern,
        day: datetime.date,
    ) -> tuple[datetime.date, list[int]]:
        """Receipt, decision and an assessment that finds a child welfare need."""
        started = self._decision_day(day)
        completed = self._completion_day(day, started)
        case_ids = []
        for child in family.children:
            fitting = self._fitting(concern, child, day)
            intake = self._receive(family, child, staff, day, fitting)
            self._triage(intake, worker, fitting)
            assessment = self._start(intake, worker, started, assign=True)
            self._complete(
                assessment,
                child,
                worker,
                AssessmentConclusion.CHILD_WELFARE_CLIENT,
                completed,
                opened=day,
            )
            case_ids.append(intake.case_id)
        return completed, case_ids

    def _story_client(self, siblings: int, variant: str = "normal") -> list[Person]:
        """Child welfare clients with community-based support and a client plan."""
        day = self._ago(45, 540)
        concern = self._concern()
        family, staff, worker = self._household(concern, day, siblings)
        completed, case_ids = self._become_client(family, staff, worker, concern, day)
        kinds = self.rng.sample(list(texts.SUPPORT), k=self.rng.choice((1, 1, 2)))
        text = " ".join(texts.written_by(worker, texts.SUPPORT[kind]) for kind in kinds)
        for case_id in case_ids:
            self._supports(case_id, worker, completed, kinds)
            placed = variant == "support_placement"
            if placed:
                day = self._office_day(
                    min(completed + DAY * self.rng.randint(7, 30), self.today), completed
                )
                # The first place takes a parent with the child, the second the child alone.
                where = self.rng.randrange(len(texts.SUPPORT_PLACEMENT_PLACES))
                self._measure(
                    case_id,
                    worker,
                    MeasureKind.PLACEMENT_AS_SUPPORT,
                    day,
                    place=texts.SUPPORT_PLACEMENT_PLACES[where],
                    support_placement_type=(
                        SupportPlacementType.WITH_PARENT
                        if where == 0
                        else SupportPlacementType.ALONE
                    ),
                    details="Avohuollon sijoitus (LsL 37 §) huoltajan suostumuksella.",
                )
            self._client_plan(
                case_id,
                worker,
                completed,
                text,
                placed=placed,
                review_soon=variant == "review_soon",
            )
        return family.children

    def _story_client_closed(self, siblings: int) -> list[Person]:
        """A client relationship that ended when the support had done its work."""
        day = self._ago(300, 540)
        concern = self._concern()
        family, staff, worker = self._household(concern, day, siblings)
        completed, case_ids = self._become_client(family, staff, worker, concern, day)
        start = self._office_day(completed + DAY * self.rng.randint(0, 14), completed)
        end = min(start + DAY * self.rng.randint(90, 200), self.today - DAY * 5)
        closed = self._office_day(min(end + DAY * self.rng.randint(0, 20), self.today), end)
        kind = self.rng.choice(list(texts.SUPPORT))
        for case_id in case_ids:
            measure = self._measure(
                case_id,
                worker,
                MeasureKind.COMMUNITY_SUPPORT,
                start,
                support_type=kind,
                details=texts.SUPPORT[kind],
            )
            self._end(measure, worker, end)
            services.client_relationship_close(
                user=worker, case=self._case(case_id), closed_on=closed
            )
        return family.children

    def _story_emergency(self, siblings: int, extended: str = "") -> list[Person]:
        """An emergency placement (LsL 38 §) under way, once extended (LsL 38 a §)."""
        day = self._ago(33, 45) if extended else self._ago(3, 20)
        concern = self._concern(danger=True)
        family, staff, worker = self._household(concern, day, 1, lives_home=False)
        child = family.children[0]
        intake = self._receive(family, child, staff, day, concern)
        self._triage(intake, worker, concern)
        placement = self._emergency(intake.case_id, worker, day)
        if extended:
            measure_services.emergency_placement_extend(
                user=worker,
                measure=placement,
                decided_on=self._office_day(
                    min(day + DAY * self.rng.randint(25, 29), self.today), day
                ),
            )
        self._start(intake, worker, self._decision_day(day), assign=True)
        self._plan(
            intake.case_id,
            worker,
            placed=True,
            review_in=(20, 90),
            services_text="Kiireellinen sijoitus, lapsen ja vanhempien tapaamiset "
            "sijaishuoltopaikassa, vanhemmille perheterapia.",
        )
        return family.children

    def _story_care_order(self, siblings: int, body: str = "court") -> list[Person]:
        """A care order (LsL 40 §) with substitute care in a family or an institution."""
        if body == "court":
            return self._care_order_by_court()
        day = self._ago(330, 450)
        concern = self._concern(min_age=12)
        family, staff, worker = self._household(concern, day, 1, lives_home=False, min_age=12)
        completed, (case_id,) = self._become_client(family, staff, worker, concern, day)
        start = self._office_day(completed + DAY * self.rng.randint(5, 15), completed)
        order_day = self._office_day(
            min(completed + DAY * self.rng.randint(100, 160), self.today - DAY * 20), start
        )
        support = self._measure(
            case_id,
            worker,
            MeasureKind.COMMUNITY_SUPPORT,
            start,
            support_type=SupportType.INTENSIFIED_FAMILY_WORK,
            details=texts.SUPPORT["intensified_family_work"],
        )
        self._end(support, worker, order_day)
        self._measure(
            case_id,
            worker,
            MeasureKind.CARE_ORDER,
            order_day,
            decision_body=DecisionBody.SENIOR_OFFICIAL,
            care_form=CareForm.INSTITUTIONAL_CARE,
            details="Huoltajat ja 12 vuotta täyttänyt nuori suostuivat "
            "huostaanottoon; päätöksen teki johtava viranhaltija (LsL 43 §).",
        )
        self._measure(
            case_id,
            worker,
            MeasureKind.SUBSTITUTE_CARE,
            order_day,
            care_form=CareForm.INSTITUTIONAL_CARE,
            place=self.rng.choice(texts.INSTITUTION_PLACES),
        )
        self._plan(
            case_id,
            worker,
            placed=True,
            services_text="Sijaishuolto laitoshoidossa, nuorelle terapia ja "
            "tukiopetus, vanhemmille vanhemmuuden tuki.",
        )
        return family.children

    def _placed_by_court(
        self,
        family: Family,
        staff: TeamStaff,
        worker: User,
        concern: texts.Concern,
        day: datetime.date,
        care_form: str,
        place: str,
    ) -> tuple[int, Measure, Measure]:
        """Emergency placement, extension, assessment and a care order by the court."""
        child = family.children[0]
        intake = self._receive(family, child, staff, day, concern)
        self._triage(intake, worker, concern)
        placement = self._emergency(intake.case_id, worker, day)
        measure_services.emergency_placement_extend(
            user=worker, measure=placement, decided_on=workdays.on_or_before(day + DAY * 27)
        )
        assessment = self._start(intake, worker, self._decision_day(day), assign=True)
        completed = workdays.on_or_before(day + DAY * self.rng.randint(35, 45))
        self._complete(
            assessment,
            child,
            worker,
            AssessmentConclusion.CHILD_WELFARE_CLIENT,
            completed,
            opened=day,
        )
        order_day = workdays.on_or_after(day + DAY * self.rng.randint(50, 58))
        order = self._measure(
            intake.case_id,
            worker,
            MeasureKind.CARE_ORDER,
            order_day,
            decision_body=DecisionBody.ADMINISTRATIVE_COURT,
            care_form=care_form,
            details="Hallinto-oikeus päätti huostaanotosta, koska huoltaja "
            "vastusti sitä (LsL 43 §).",
        )
        self._end(placement, worker, order_day)
        care = self._measure(
            intake.case_id,
            worker,
            MeasureKind.SUBSTITUTE_CARE,
            order_day,
            care_form=care_form,
            place=place,
        )
        return intake.case_id, order, care

    def _care_order_by_court(self) -> list[Person]:
        day = self._ago(200, 300)
        concern = self._concern(danger=True)
        family, staff, worker = self._household(concern, day, 1, lives_home=False)
        case_id, _order, _care = self._placed_by_court(
            family,
            staff,
            worker,
            concern,
            day,
            CareForm.FAMILY_CARE,
            self.rng.choice(texts.FAMILY_CARE_PLACES),
        )
        self._plan(
            case_id,
            worker,
            placed=True,
            services_text="Sijaishuolto perhehoidossa, lapselle terapia, vanhemmille "
            "päihdekuntoutus ja valvotut tapaamiset.",
        )
        return family.children

    def _story_aftercare(self, siblings: int) -> list[Person]:
        """A young person whose care ended at 18, now in aftercare (LsL 75 §)."""
        adult_on = self._ago(120, 240)
        day = self._ago(525, 545)
        concern = self._concern(danger=True, min_age=16)
        family = self.register.family(births=[years_before(adult_on, 18)], lives_home=False)
        staff, worker = self._choose(family)
        case_id, order, care = self._placed_by_court(
            family,
            staff,
            worker,
            concern,
            day,
            CareForm.INSTITUTIONAL_CARE,
            self.rng.choice(texts.INSTITUTION_PLACES),
        )
        self._end(care, worker, adult_on)
        self._end(order, worker, adult_on)
        self._measure(
            case_id,
            worker,
            MeasureKind.AFTERCARE,
            adult_on,
            details="Jälkihuolto (LsL 75 §): tuettu asuminen omassa asunnossa, "
            "jälkihuollon ohjaajan tapaamiset ja taloudellinen tuki "
            "opintoihin.",
        )
        self._plan(
            case_id,
            worker,
            services_text="Jälkihuolto: tuettu asuminen, jälkihuollon ohjaaja ja "
            "taloudellinen tuki ammattiopintoihin.",
        )
        return family.children

    def _story_pre_birth(self, siblings: int) -> list[Person]:
        """A pre-birth notification (LsL 25 c §); the assessment may start before birth."""
        day = self._ago(2, 20)
        family = self.register.unborn_family(expected=self.today + DAY * self.rng.randint(25, 110))
        staff, worker = self._choose(family)
        concern = self.rng.choice(texts.PRE_BIRTH_CONCERNS)
        intake = self._receive(family, family.children[0], staff, day, concern)
        self._triage(intake, worker, concern)
        started = self._decision_day(day)
        if started > day and self.rng.random() < 0.6:
            self._start(intake, worker, started, assign=True)
        return family.children

    def _story_repeat(self, siblings: int) -> list[Person]:
        """An earlier notification needed no action; a new one awaits the decision."""
        first = self._ago(150, 420)
        concern = self._concern(urgent=False)
        family, staff, worker = self._household(concern, first, siblings)
        decided = self._decision_day(first)
        second = self._pending_day(self.rng.choice(("overdue", "due_soon", "new")))
        again = self._concern(exclude=concern)
        for child in family.children:
            fitting = self._fitting(concern, child, first)
            intake = self._receive(family, child, staff, first, fitting)
            self._triage(intake, worker, fitting)
            self._no_action(intake, worker, decided)
            fitting = self._fitting(again, child, second)
            intake = self._receive(family, child, staff, second, fitting)
            self._triage(intake, worker, fitting)
        return family.children

    def _story_join(self, siblings: int) -> list[Person]:
        """A second notification joins the assessment already under way."""
        first = self._ago(30, 75)
        concern = self._concern()
        family, staff, worker = self._household(concern, first, siblings)
        started = self._decision_day(first)
        second = self._between(started + DAY, self.today - DAY)
        decided = min(deadlines.add_working_days(second, self.rng.randint(1, 5)), self.today)
        decided = self._office_day(decided, second)
        again = self._concern(exclude=concern)
        for child in family.children:
            fitting = self._fitting(concern, child, first)
            intake = self._receive(family, child, staff, first, fitting)
            self._triage(intake, worker, fitting)
            self._start(intake, worker, started, assign=True)
            fitting = self._fitting(again, child, second)
            intake = self._receive(family, child, staff, second, fitting)
            self._triage(intake, worker, fitting)
            self._start(intake, worker, decided, assign=False)  # becomes "joined"
        return family.children
