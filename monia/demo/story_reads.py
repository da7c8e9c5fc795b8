"""The reads the demo's story implies, in the logs at the story's own moments.

Monia logs a read when a page shows client data, never when a service writes it; the demo
tells its histories through the services alone, so a freshly loaded demo has no reads, and
"Who has seen my data" (``portal_who_viewed``) told the portal's showcase young person that
nobody else had looked, though the story has her worker writing every step of her matter
and the school nurse at her network meeting (703/2023 § 11: the page the demo shows off).

For the portal's showcase cases only (``portal_build``; not the hundreds of other children),
each step the story took is read as the pages of a live Monia log it:

- the worker who took the step opens the case page (``case_detail``), then the step's page:
  the intake's urgency and decision, the assessment, a measure, the plan, a client note,
  the network meeting's record, a decision drafted and signed; the one who recorded the
  intake lands on the case page. As ``policy.case_get_for_user`` logs it: the child, on
  the basis the worker had that day (designated worker from her assignment on);
- the partner invited by name to a network meeting held reads it that day before it
  starts, a disclosure as ``netmeet.access`` writes it.

Each read at its step's moment (never after now), through the logs' writers
(``reads_log``, ``disclosure_log_write``) with ``at``: the insert triggers chain the rows in
the order they are written, so the chain stays whole (``verify_log_chain``); a month
without its own partition keeps them in the DEFAULT one.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime
from collections.abc import Iterator

from django.utils import timezone

from monia.access.log_writes import Read, reads_log
from monia.access.models import Basis
from monia.access.policy import case_basis
from monia.access.purposes import Purpose
from monia.accounts.models import User
from monia.casework.models import (
    Case,
    ClientNote,
    ClientPlan,
    Intake,
    Measure,
    ServiceNeedsAssessment,
)
from monia.decisions.models import Decision
from monia.netmeet.models import InviteeRole, MeetingStatus, NetworkMeeting
from monia.network.access import is_partner
from monia.network.models import DisclosureBasis, DisclosureSource
from monia.network.services import Disclosure, disclosure_log_write

# The case page is opened a moment before the step's own page; the one who recorded an
# intake lands on it once the intake is written down.
BEFORE_STEP = datetime.timedelta(minutes=2)
RECORDING = datetime.timedelta(minutes=10)


@dataclasses.dataclass(frozen=True)
class Step:
    """One step of the story: who took it, when, and the page it was taken on (None: the
    case page only)."""

    user_id: int | None
    at: datetime.datetime
    purpose: Purpose | None


def story_reads_build(*, case: Case | None) -> int:
    """Log the reads of ``case``'s story (the portal's showcase case of a county, if there
    is one): how many read events were written."""
    if case is None:
        return 0
    now = timezone.now()
    steps = sorted((s for s in _steps(case) if s.user_id), key=lambda s: s.at)
    users = User.objects.in_bulk({s.user_id for s in steps})
    written = 0
    for step in steps:
        at = min(step.at, now)
        basis = _basis_on(users[step.user_id], case, timezone.localdate(at))
        if basis is None:
            continue
        pages = [(at - BEFORE_STEP, Purpose.CASE_DETAIL)]
        if step.purpose is not None:
            pages.append((at, step.purpose))
        for moment, purpose in pages:
            reads_log(
                user_id=users[step.user_id].pk,
                county_id=case.county_id,
                purpose=purpose,
                reads=[Read(case.child_id, case.pk, basis)],
                at=moment,
            )
            written += 1
    return written + _partner_reads(case, now)


def _basis_on(user: User, case: Case, day: datetime.date) -> Basis | None:
    """The basis the policy gave ``user`` on ``day``: the case as it stood then, its
    designated worker the one assigned that day (none before the first assignment)."""
    assigned = case.worker_assignments.filter(started_on__lte=day).exclude(ended_on__lt=day)
    then = copy.copy(case)
    then.designated_worker_id = assigned.values_list("worker_id", flat=True).first()
    return case_basis(user, then)


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    """A working moment of ``day`` in the installation's time zone."""
    return datetime.datetime.combine(
        day, datetime.time(hour, minute), tzinfo=timezone.get_current_timezone()
    )


def _steps(case: Case) -> Iterator[Step]:
    """The steps of the case's story, from what the services recorded."""
    for intake in Intake.objects.filter(case=case):
        yield Step(intake.recorded_by_id, intake.received_at + RECORDING, None)
        if intake.urgency_assessed_at is not None:
            yield Step(intake.urgency_by_id, intake.urgency_assessed_at, Purpose.INTAKE_URGENCY)
        if intake.decided_on is not None:
            yield Step(intake.decided_by_id, _at(intake.decided_on, 10), Purpose.INTAKE_DECISION)
    for assessment in ServiceNeedsAssessment.objects.filter(case=case, completed_on__isnull=False):
        assert assessment.completed_on is not None
        yield Step(
            assessment.completed_by_id,
            _at(assessment.completed_on, 13),
            Purpose.ASSESSMENT_COMPLETE,
        )
    for measure in Measure.objects.filter(case=case):
        yield Step(measure.recorded_by_id, _at(measure.decided_on, 11), Purpose.MEASURE_NEW)
    for plan in ClientPlan.objects.filter(case=case, approved_on__isnull=False):
        assert plan.approved_on is not None
        yield Step(plan.approved_by_id, _at(plan.approved_on, 14), Purpose.CLIENT_PLAN)
    yield from _note_steps(case)
    for meeting in NetworkMeeting.objects.filter(case=case, status=MeetingStatus.HELD):
        # The minutes are written after the meeting.
        after = meeting.held_at + datetime.timedelta(minutes=90)
        yield Step(meeting.organised_by_id, after, Purpose.NETWORK_MEETING)
    for decision in Decision.objects.filter(case=case):
        yield Step(decision.created_by_id, decision.created_at, Purpose.DECISION_NEW)
        if decision.signed_at is not None:
            yield Step(decision.decider_id, decision.signed_at, Purpose.DECISION_SIGN)


def _note_steps(case: Case) -> Iterator[Step]:
    """A client note's form is opened a quarter of an hour before the note was saved (the
    loader writes each note at its own story moment, ``demo.clock``)."""
    for note in ClientNote.objects.filter(case=case):
        opened = note.created_at - datetime.timedelta(minutes=15)
        yield Step(note.author_id, opened, Purpose.CLIENT_NOTE_NEW)


def _partner_reads(case: Case, now: datetime.datetime) -> int:
    """Each partner invited by name to a network meeting held reads it that day before it
    starts: one disclosure for her organisation (``netmeet.access``)."""
    meetings = NetworkMeeting.objects.filter(case=case, status=MeetingStatus.HELD, held_at__lte=now)
    written = 0
    for meeting in meetings.order_by("held_at"):
        invitees = meeting.invitees.filter(role=InviteeRole.PARTNER, partner__isnull=False)
        for invitee in invitees.select_related("partner"):
            partner = invitee.partner
            if partner is None or not is_partner(partner):
                continue
            disclosure_log_write(
                recipient=partner,
                disclosures=[
                    Disclosure(
                        source=DisclosureSource.NETWORK_MEETING,
                        source_id=meeting.pk,
                        organisation_id=partner.organisation_id,
                        person_id=case.child_id,
                        case_id=case.pk,
                        basis=DisclosureBasis.MEETING_INVITATION,
                    )
                ],
                purpose=Purpose.NETWORK_MEETING_READ,
                at=meeting.held_at - datetime.timedelta(hours=1),
            )
            written += 1
    return written
