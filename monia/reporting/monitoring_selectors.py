"""Self-monitoring (omavalvonta), live: what a supervisor must see now, counted over the
county's or one team's open cases, each figure with its rule in words and the cases behind
it. Nothing is computed twice: the exceptions come from
``casework.exception_selectors``, the time limits from ``casework.selectors`` (which use
``monia.deadlines``), caseloads from ``casework.selectors.caseloads`` and the waits for
support from ``network.referral_selectors``. A fixed number of queries whatever the data."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from monia import deadlines
from monia.casework import exception_selectors as exc
from monia.casework import selectors as case_selectors
from monia.casework.models import Case, CaseStage
from monia.network import referral_selectors
from monia.reporting.access import Scope

WARN_WORKING_DAYS = 10  # "expiring soon": within ten working days, as on the dashboard

NO_WORKER = "no_worker"
NO_PLAN = "no_plan"
PLAN_REVIEW_OVERDUE = "plan_review_overdue"
URGENCY_NOT_ASSESSED = "urgency_not_assessed"
DECISION_OVERDUE = "decision_overdue"
ASSESSMENT_OVERDUE = "assessment_overdue"
PLACEMENT_EXPIRING = "placement_expiring"
WAIT_OVER_TARGET = "wait_over_target"
OVER_CAP = "over_cap"


@dataclass(frozen=True)
class Figure:
    """One live count, the rule that made it, and the cases behind it."""

    key: str
    label: Promise
    rule: Promise
    case_ids: frozenset[int] = frozenset()

    @property
    def count(self) -> int:
        return len(self.case_ids)


@dataclass(frozen=True)
class Monitoring:
    figures: list[Figure]
    caseloads: list[case_selectors.Caseload] = field(default_factory=list)
    cap: int = 0
    target_days: int = 0

    @property
    def over_cap(self) -> list[case_selectors.Caseload]:
        return [c for c in self.caseloads if c.over_cap]

    def figure(self, key: str) -> Figure | None:
        return next((f for f in self.figures if f.key == key), None)


RULES: dict[str, tuple[Promise, Promise]] = {
    NO_WORKER: (
        _("Children without a designated worker"),
        _(
            "A child welfare client (client relationship open) for whom no designated social "
            "worker is named (LsL 13 b §)."
        ),
    ),
    NO_PLAN: (
        _("Clients without an approved plan"),
        _("A child welfare client who has no approved client plan (LsL 30 §)."),
    ),
    PLAN_REVIEW_OVERDUE: (
        _("Plans overdue for review"),
        _(
            "An approved client plan whose review date has passed, or the earlier date a new "
            "notification set (LsL 30 §: at least once a year)."
        ),
    ),
    URGENCY_NOT_ASSESSED: (
        _("Intakes without an urgency assessment"),
        _(
            "An undecided intake whose urgency is not recorded by the end of the next working day "
            "after it arrived (LsL 26 §: at once)."
        ),
    ),
    DECISION_OVERDUE: (
        _("Decisions on intakes overdue"),
        _(
            "No decision whether to start an assessment within 7 working days of arrival; the "
            "arrival day is not counted (LsL 26 §)."
        ),
    ),
    ASSESSMENT_OVERDUE: (
        _("Assessments overdue"),
        _(
            "A service-needs assessment not completed within three months of the notification's "
            "arrival, not of the start decision (SHL 36 §)."
        ),
    ),
    PLACEMENT_EXPIRING: (
        _("Emergency placements expiring soon"),
        _(
            "An emergency placement in force (30 days, an extension 30 more, LsL 38 §) that ends "
            "within 10 working days or has already ended without a new decision."
        ),
    ),
    WAIT_OVER_TARGET: (
        _("Waits for support over the target"),
        _(
            "An open referral with no support received yet, whose days from the need identified "
            "exceed the target."
        ),
    ),
}


def scope_cases(scope: Scope) -> QuerySet[Case]:
    cases = Case.objects.filter(county=scope.county).exclude(stage=CaseStage.CLOSED)
    return cases if scope.team is None else cases.filter(team=scope.team)


def monitoring(scope: Scope, *, today: datetime.date) -> Monitoring:
    """Every self-monitoring figure of the scope on ``today`` (about a dozen queries)."""
    cases = scope_cases(scope)
    clients = set(cases.filter(stage=CaseStage.CLIENT).values_list("pk", flat=True))
    found: dict[str, set[int]] = {key: set() for key in RULES}
    for e in exc.case_exceptions(cases, today=today):
        if e.kind == exc.NO_WORKER and e.case_id in clients:
            found[NO_WORKER].add(e.case_id)
        elif e.kind == exc.NO_PLAN:
            found[NO_PLAN].add(e.case_id)
        elif e.kind == exc.URGENCY_NOT_ASSESSED:
            found[URGENCY_NOT_ASSESSED].add(e.case_id)
    kinds = {
        "plan_review": PLAN_REVIEW_OVERDUE,
        "decision": DECISION_OVERDUE,
        "assessment": ASSESSMENT_OVERDUE,
    }
    due = case_selectors.deadlines_for_cases(
        cases, today=today, warn_working_days=WARN_WORKING_DAYS
    )
    for d in due:
        if d.kind in kinds and d.status == "overdue":
            found[kinds[d.kind]].add(d.case_id)
        elif d.kind == "emergency_placement" and d.status in ("overdue", "due_soon"):
            found[PLACEMENT_EXPIRING].add(d.case_id)
    for wait in referral_selectors.referral_waits(cases, today):
        if wait.late:
            found[WAIT_OVER_TARGET].add(wait.referral.case_id)
    team_id = scope.team.pk if scope.team else None
    loads = case_selectors.caseloads(county_id=scope.county.pk, on=today, team_id=team_id)
    figures = [
        Figure(key, label, rule, frozenset(found[key])) for key, (label, rule) in RULES.items()
    ]
    return Monitoring(
        figures=figures,
        caseloads=loads,
        cap=deadlines.CASELOAD_CAP.on(today),
        target_days=referral_selectors.target_days(),
    )
