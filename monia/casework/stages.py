"""What the pages may offer on a case now: the stage machine's answer, asked in one place.

A child welfare matter moves ``intake → assessment → client → closed`` (``Case.stage``,
changed only by the services), as the Child Welfare Act (lastensuojelulaki, LsL) 26–30 §
sets it out:

- intake (vireilletulo, LsL 26 §): the urgency is assessed at once, and within seven
  working days it is decided whether a service-needs assessment starts;
- assessment (palvelutarpeen arviointi, LsL 26 §, SHL 36 §): completed within three months;
  it ends the matter or opens the client relationship;
- client (lastensuojelun asiakkuus, LsL 27 §, opened also by urgent measures such as an
  emergency placement): a designated social worker who meets the child (LsL 29 §), the
  client plan (LsL 30 §) and measures; a new notification about a client is handled within
  the client relationship (the plan is reviewed) and opens no new assessment;
- closed: nothing more is decided; a new intake opens a new case.

Somebody owns an open case from the intake on: the responsible social worker may be named
at any open stage, and becomes the designated social worker (LsL 13 b §) of a client.

The services remain the authority and validate every write; this module only tells a page
which actions to offer, from the stage, the open records and what the user may do — the
strings "view", "record" and "decide" of ``monia.access.policy.allowed_actions``, taken as
they are so that the stage rules need not know the access policy. Pure Python over the
records it is given: it reads nothing from the database.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from monia.casework.models import (
    Case,
    CaseStage,
    Intake,
    Measure,
    MeasureKind,
    ServiceNeedsAssessment,
)

RECORD = "record"
DECIDE = "decide"


@dataclass(frozen=True)
class StageActions:
    """The actions a page may offer now; a set of record ids where an action is per record."""

    #: Intakes whose urgency may be assessed (LsL 26 § 5 mom).
    assess_urgency: frozenset[int] = frozenset()
    #: Intakes awaiting the seven-day decision (LsL 26 § 3 mom).
    decide_intake: frozenset[int] = frozenset()
    #: Open service-needs assessments that may be completed.
    complete_assessment: frozenset[int] = frozenset()
    #: Name or change the responsible social worker: from the intake on, the designated
    #: social worker of a client (LsL 13 b §).
    assign_worker: bool = False
    #: A new intake about a client may be handled within the client relationship.
    decide_within_client: bool = False
    #: The case has a client plan to show (LsL 30 §), and the user may draft or review it.
    shows_plan: bool = False
    edit_plan: bool = False
    #: The case has measures to show, and the user may record a new one.
    shows_measures: bool = False
    record_measure: bool = False
    #: Emergency placements that may be extended once (LsL 38 a §), measures that may end.
    extend_measure: frozenset[int] = frozenset()
    end_measure: frozenset[int] = frozenset()
    add_family_member: bool = False


def actions_now(
    case: Case,
    *,
    allowed: Collection[str],
    intakes: Iterable[Intake] = (),
    assessments: Iterable[ServiceNeedsAssessment] = (),
    measures: Iterable[Measure] = (),
) -> StageActions:
    """What the UI may offer on ``case`` now for a user allowed ``allowed``.

    Per-record actions cover only the records given (those the page shows); without
    them, only the case-wide actions are answered.
    """
    may_record = RECORD in allowed
    may_decide = DECIDE in allowed
    is_client = case.stage == CaseStage.CLIENT
    is_open = case.stage != CaseStage.CLOSED
    intakes = list(intakes)
    running = [m for m in measures if m.ended_on is None] if is_open and may_decide else []
    return StageActions(
        assess_urgency=_ids(i for i in intakes if not i.urgency and may_record),
        decide_intake=_ids(i for i in intakes if not i.decision and may_decide),
        complete_assessment=_ids(a for a in assessments if a.completed_on is None and may_decide),
        assign_worker=is_open and may_decide,
        decide_within_client=is_client and may_decide,
        shows_plan=is_client,
        edit_plan=is_client and may_record,
        shows_measures=is_open,
        record_measure=is_open and may_decide,
        extend_measure=_ids(
            m for m in running if m.kind == MeasureKind.EMERGENCY_PLACEMENT and not m.extended_to
        ),
        end_measure=_ids(running),
        add_family_member=may_record,
    )


@dataclass(frozen=True)
class WorkerWords:
    """What the worker who owns the case is called at its stage, and the naming page's title."""

    title: Promise
    heading: Promise


def worker_words(case: Case) -> WorkerWords:
    """The designated social worker of a client (LsL 13 b §); before that, the social
    worker responsible for the intake and the assessment."""
    if case.stage in (CaseStage.CLIENT, CaseStage.CLOSED):
        return WorkerWords(
            _("Designated social worker"),
            _("Name the designated social worker"),
        )
    return WorkerWords(
        _("Responsible social worker"),
        _("Name the responsible social worker"),
    )


@dataclass(frozen=True)
class CaseLink:
    url_name: str  # a URL pattern taking the case id
    label: Promise


@dataclass(frozen=True)
class LinkGroup:
    title: Promise
    links: tuple[CaseLink, ...]


def case_links(case: Case, *, allowed: Collection[str]) -> list[LinkGroup]:
    """The case page's links to the case's other pages, in labelled groups by area.

    Reading is open at every stage; consultations and sharing with the network to those
    who may decide; what starts new work on the case (a presentation to the expert group,
    a flag for the team's reflection) only while it is open. Empty groups are left out.
    """
    is_open = case.stage != CaseStage.CLOSED
    may_decide = DECIDE in allowed
    groups = [
        (
            _("The record"),
            [
                ("case_chronology", _("Read the whole chronology"), True),
                ("case_timeline", _("Timeline"), True),
                ("case_notes", _("Client notes"), True),
                ("decision_list", _("Decisions"), True),
                ("note_new", _("Write a client note"), RECORD in allowed and is_open),
            ],
        ),
        (
            _("Family and network"),
            [
                ("genogram", _("Genogram"), True),
                ("ecomap", _("Ecomap"), True),
            ],
        ),
        (
            _("With the child and the family"),
            [
                ("case_portal", _("Participation portal"), True),
                ("case_messages", _("Messages with the client"), True),
                ("case_journal", _("Shared journal: what helps"), True),
                ("case_letters", _("Letters to the family"), True),
            ],
        ),
        (
            _("With other professionals"),
            [
                ("case_network_meetings", _("Network meetings"), True),
                ("case_referrals", _("Services and referrals"), True),
                ("case_consultations", _("Consultations"), may_decide),
                ("case_sharing", _("Sharing with the network"), may_decide),
                ("expert_case_new", _("Present to the expert group"), may_decide and is_open),
            ],
        ),
        (
            _("The team"),
            [("case_flag", _("Flag for the team's reflection"), RECORD in allowed and is_open)],
        ),
    ]
    found = []
    for title, links in groups:
        shown = tuple(CaseLink(name, label) for name, label, offered in links if offered)
        if shown:
            found.append(LinkGroup(title, shown))
    return found


OPEN_STAGES = (CaseStage.INTAKE, CaseStage.ASSESSMENT, CaseStage.CLIENT)


def open_cases(cases: QuerySet[Case]) -> QuerySet[Case]:
    """The cases not closed: those still at intake, in assessment or a client's. Named
    stages rather than "not closed", so that the indexes of a team's and a worker's cases
    by stage (``case_team_stage_idx``, ``case_worker_stage_idx``) find them: at national
    scale a team's 283 open cases among its 3,025 in 1 ms instead of 5."""
    return cases.filter(stage__in=OPEN_STAGES)


def _ids(records: Iterable[Intake | ServiceNeedsAssessment | Measure]) -> frozenset[int]:
    return frozenset(r.pk for r in records)
