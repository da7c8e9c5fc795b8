"""The care in the FHIR export: statutory deadlines (Task), the approved client plan
(CarePlan) and its goals (Goal), and the meetings and contacts (Encounter)."""

from __future__ import annotations

from django.utils.text import capfirst
from fhir.resources.R4B.annotation import Annotation
from fhir.resources.R4B.careplan import CarePlan
from fhir.resources.R4B.encounter import Encounter, EncounterParticipant
from fhir.resources.R4B.goal import Goal
from fhir.resources.R4B.period import Period
from fhir.resources.R4B.task import Task, TaskRestriction

from monia.api.fhir_common import (
    SOSMETA_DOCUMENT_TYPES,
    V3_ACT,
    Bundling,
    coded,
    moment,
    profiled,
    text_only,
)
from monia.casework.models import (
    ClientNote,
    ClientPlan,
    ContactMethod,
    NoteType,
)
from monia.casework.plan_selectors import ITEMS, PLACED_ITEMS
from monia.casework.selectors import Deadline
from monia.casework.templatetags.casework import DEADLINE_LABELS, STATUS_LABELS
from monia.netmeet.models import MeetingStatus, NetworkMeeting

# Which object each kind of deadline is about (Deadline.object_id is its row).
DEADLINE_FOCUS = {"plan_review": "CarePlan"}

# The way of contact as the encounter's class (HL7 v3 ActEncounterCode).
ENCOUNTER_CLASS = {
    ContactMethod.PHONE: ("VR", "virtual"),
    ContactMethod.VIDEO: ("VR", "virtual"),
    ContactMethod.MESSAGE: ("VR", "virtual"),
    ContactMethod.HOME_VISIT: ("HH", "home health"),
    ContactMethod.OFFICE: ("AMB", "ambulatory"),
    ContactMethod.ELSEWHERE: ("FLD", "field"),
}
AMBULATORY = ("AMB", "ambulatory")

# Client-note types that record something that happened with the family: an Encounter
# each. A request for information and an "other" entry are documents only.
ENCOUNTER_TYPES = frozenset(
    {
        NoteType.MEETING_OR_CONTACT,
        NoteType.NEGOTIATION,
        NoteType.CANCELLED,
        NoteType.EVERYDAY_LIFE,
        NoteType.THERAPEUTIC_WORK,
    }
)


def _patient(b: Bundling) -> object:
    case = b.data.case
    return b.ref("Patient", case.child_id, case.child.recorded_name)


def task(b: Bundling, deadline: Deadline) -> None:
    """A statutory time limit still open: its kind, its state and the day it ends."""
    focus = DEADLINE_FOCUS.get(deadline.kind)
    b.add(
        Task(
            id=b.id_of("Task", f"{deadline.kind}-{deadline.object_id}"),
            status="in-progress",
            businessStatus=text_only(str(STATUS_LABELS.get(deadline.status, deadline.status))),
            intent="order",
            code=text_only(str(DEADLINE_LABELS.get(deadline.kind, deadline.kind))),
            focus=b.ref(focus, deadline.object_id) if focus else None,
            for_fhir=_patient(b),
            owner=b.practitioner(b.data.case.designated_worker)
            if b.data.case.designated_worker
            else b.ref("CareTeam", b.data.case.pk),
            restriction=TaskRestriction(period=Period(end=moment(deadline.due))),
        )
    )


def _plan_notes(plan: ClientPlan) -> list[Annotation]:
    notes = []
    for name in (*ITEMS, *PLACED_ITEMS, "child_meetings", "differing_views"):
        text = getattr(plan, name)
        if text:
            label = capfirst(str(ClientPlan._meta.get_field(name).verbose_name))
            notes.append(Annotation(text=f"{label}: {text}"))
    return notes


def goals(b: Bundling, plan: ClientPlan) -> list[object]:
    """The plan's goals (LsL 30 §): the circumstances to be influenced and, for a placed
    child, the purpose and goals of substitute care; the estimated time as a note."""
    found = []
    for name in ("circumstances", "placement_goals"):
        text = getattr(plan, name)
        if not text:
            continue
        label = capfirst(str(ClientPlan._meta.get_field(name).verbose_name))
        estimate = capfirst(str(ClientPlan._meta.get_field("goal_time_estimate").verbose_name))
        b.add(
            Goal(
                id=b.id_of("Goal", f"{plan.pk}-{name}"),
                lifecycleStatus="active",
                category=[text_only(label)],
                description=text_only(text),
                subject=_patient(b),
                startDate=plan.approved_on,
                note=[Annotation(text=f"{estimate}: {plan.goal_time_estimate}")]
                if plan.goal_time_estimate
                else None,
            )
        )
        found.append(b.ref("Goal", f"{plan.pk}-{name}", label))
    return found


def care_plan(b: Bundling, plan: ClientPlan) -> None:
    """The approved client plan (asiakassuunnitelma, LsL 30 §), its items as notes."""
    case = b.data.case
    b.add(
        CarePlan(
            id=b.id_of("CarePlan", plan.pk),
            status="active",
            intent="plan",
            title=capfirst(str(ClientPlan._meta.verbose_name)),
            description=plan.services or None,
            subject=_patient(b),
            period=Period(start=moment(plan.approved_on)) if plan.approved_on else None,
            created=moment(plan.approved_on) if plan.approved_on else None,
            author=b.practitioner(plan.approved_by) if plan.approved_by else None,
            careTeam=[b.ref("CareTeam", case.pk, case.team.name)],
            goal=goals(b, plan) or None,
            note=_plan_notes(plan) or None,
        )
    )


def _encounter_class(method: str) -> object:
    code, display = ENCOUNTER_CLASS.get(ContactMethod(method), AMBULATORY) if method else AMBULATORY
    return {"system": V3_ACT, "code": code, "display": display}


def note_encounter(b: Bundling, note: ClientNote) -> None:
    """A signed client note of a meeting or contact: when, how, who wrote it. Its text is
    in the note itself (DocumentReference), not repeated here."""
    case = b.data.case
    b.add(
        Encounter(
            id=b.id_of("Encounter", f"note-{note.pk}"),
            meta=profiled("Encounter"),
            status="cancelled" if note.note_type == NoteType.CANCELLED else "finished",
            class_fhir=_encounter_class(note.contact_method),
            type=[
                coded(
                    SOSMETA_DOCUMENT_TYPES,
                    note.note_type,
                    str(note.get_note_type_display()),
                    text=note.heading,
                )
            ],
            subject=_patient(b),
            episodeOfCare=[b.ref("EpisodeOfCare", case.pk)],
            participant=[EncounterParticipant(individual=b.practitioner(note.author))],
            period=Period(start=moment(note.occurred_on, note.occurred_time)),
            serviceProvider=b.county(),
        )
    )


def meeting_encounter(b: Bundling, meeting: NetworkMeeting) -> None:
    """A network meeting (verkostopalaveri), planned or held."""
    case = b.data.case
    b.add(
        Encounter(
            id=b.id_of("Encounter", f"meeting-{meeting.pk}"),
            meta=profiled("Encounter"),
            status="finished" if meeting.status == MeetingStatus.HELD else "planned",
            class_fhir={"system": V3_ACT, "code": "AMB", "display": "ambulatory"},
            type=[text_only(capfirst(str(NetworkMeeting._meta.verbose_name)))],
            subject=_patient(b),
            episodeOfCare=[b.ref("EpisodeOfCare", case.pk)],
            participant=[EncounterParticipant(individual=b.practitioner(meeting.organised_by))],
            period=Period(start=meeting.held_at),
            serviceProvider=b.county(),
        )
    )


def add_care(b: Bundling) -> None:
    for deadline in b.data.deadlines:
        task(b, deadline)
    if b.data.plan is not None:
        care_plan(b, b.data.plan)
    for note in b.data.notes:
        if note.note_type in ENCOUNTER_TYPES:
            note_encounter(b, note)
    for meeting in b.data.meetings:
        meeting_encounter(b, meeting)
