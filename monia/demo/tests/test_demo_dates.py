"""The demo tells no impossible dates: nothing happens before what it follows (a decision
is served only once signed, a meeting of a case only once the case is open), and what a
team does at the office — its meetings, decisions, completed assessments, visits — falls
on a Finnish working day (``monia.deadlines``), whatever weekday the demo is loaded on.

Each rule is checked over a seeded demo, loaded today and for the last Sunday (the parts
that must lie ahead of the real clock are made only for today's demo)."""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterable

import pytest
from django.core.management import call_command
from django.utils import timezone

from monia import deadlines
from monia.casework.models import (
    Case,
    ChildHearing,
    ChronologyEvent,
    ClientNote,
    Intake,
    Measure,
    MeasureKind,
    ServiceNeedsAssessment,
)
from monia.decisions.models import DecisionService
from monia.devgroups.models import GroupMeeting
from monia.events.models import EventSession
from monia.experts.models import ExpertSession
from monia.letters.models import Letter
from monia.netmeet.models import NetworkMeeting
from monia.network.referrals_models import Referral
from monia.systemic.models import TeamMeeting
from monia.training.models import TrainingRecord

# Measures that come when they come: an emergency placement at any hour (LsL 38 §, the
# social emergency service), aftercare from the day the care ended at 18 (LsL 75 §).
ANY_DAY_MEASURES = (MeasureKind.EMERGENCY_PLACEMENT, MeasureKind.AFTERCARE)


def _last_sunday() -> datetime.date:
    today = timezone.localdate()
    return today - datetime.timedelta(days=(today.weekday() + 1) % 7 or 7)


@pytest.fixture(params=["today", "last Sunday"])
def demo_today(request: pytest.FixtureRequest, db: None) -> datetime.date:
    today = timezone.localdate() if request.param == "today" else _last_sunday()
    call_command("seed_demo", stdout=io.StringIO(), children=20, seed=1, today=today.isoformat())
    return today


def _local(moment: datetime.datetime) -> datetime.date:
    return timezone.localdate(moment)


def _off_days(days: Iterable[tuple[object, datetime.date]]) -> list[tuple[object, str]]:
    return [(what, f"{day:%a %d.%m.%Y}") for what, day in days if not deadlines.is_working_day(day)]


def test_a_decision_is_served_only_after_it_was_signed(demo_today: datetime.date) -> None:
    services = DecisionService.objects.select_related("decision")
    assert services.exists()
    for service in services:
        decision = service.decision
        assert decision.signed_at is not None
        assert service.sent_on >= _local(decision.signed_at), service
        assert decision.decided_on is not None and service.sent_on >= decision.decided_on


def test_nothing_in_a_case_happens_before_the_case_opened(demo_today: datetime.date) -> None:
    now = timezone.now()
    early_or_ahead = [
        (e.case_id, e.kind, e.occurred_at)
        for e in ChronologyEvent.objects.select_related("case")
        if not e.case.opened_at <= e.occurred_at <= now
    ]
    assert early_or_ahead == []
    opened = {c.pk: _local(c.opened_at) for c in Case.objects.all()}
    held = NetworkMeeting.objects.filter(status="held")
    assert [m.pk for m in held if _local(m.held_at) < opened[m.case_id]] == []
    assert [n.pk for n in ClientNote.objects.all() if n.occurred_on <= opened[n.case_id]] == []
    assert [
        n.pk
        for n in ClientNote.objects.exclude(signed_at=None)
        if _local(n.signed_at) < n.occurred_on
    ] == []
    assert [x.pk for x in Letter.objects.all() if x.sent_on < opened[x.case_id]] == []
    for referral in Referral.objects.all():
        steps = [referral.need_identified_on, _local(referral.referred_at)]
        steps += [_local(at) for at in (referral.accepted_at, referral.first_contact_at) if at]
        assert steps == sorted(steps) and steps[0] >= opened[referral.case_id], referral


def test_each_step_of_a_case_follows_the_one_before(demo_today: datetime.date) -> None:
    decided = Intake.objects.exclude(decided_on=None)
    assert [i.pk for i in decided if i.decided_on < _local(i.received_at)] == []
    assert [i.pk for i in decided if i.family_told_on and i.family_told_on < i.decided_on] == []
    completed = ServiceNeedsAssessment.objects.exclude(completed_on=None)
    assert [a.pk for a in completed if a.completed_on < a.started_on] == []
    hearings = ChildHearing.objects.exclude(measure=None).exclude(heard_on=None)
    assert [
        h.pk for h in hearings.select_related("measure") if h.heard_on > h.measure.decided_on
    ] == []
    meetings = TeamMeeting.objects.exclude(closed_at=None)
    assert [m.pk for m in meetings if _local(m.closed_at) < m.held_on] == []


def test_meetings_are_held_on_working_days(demo_today: datetime.date) -> None:
    assert TeamMeeting.objects.exists()
    assert _off_days((m.pk, m.held_on) for m in TeamMeeting.objects.all()) == []
    assert _off_days((m.pk, m.held_on) for m in ExpertSession.objects.all()) == []
    assert _off_days((m.pk, _local(m.held_at)) for m in GroupMeeting.objects.all()) == []
    assert _off_days((s.pk, _local(s.starts_at)) for s in EventSession.objects.all()) == []
    assert _off_days((m.pk, _local(m.held_at)) for m in NetworkMeeting.objects.all()) == []


def test_casework_at_the_office_falls_on_working_days(demo_today: datetime.date) -> None:
    completed = ServiceNeedsAssessment.objects.exclude(completed_on=None)
    assert _off_days((a.pk, a.completed_on) for a in completed) == []
    measures = Measure.objects.exclude(kind__in=ANY_DAY_MEASURES)
    assert _off_days((m.kind, m.decided_on) for m in measures) == []
    hearings = ChildHearing.objects.exclude(heard_on=None).exclude(
        measure__kind=MeasureKind.EMERGENCY_PLACEMENT
    )
    assert _off_days((h.pk, h.heard_on) for h in hearings) == []
    assert _off_days((n.pk, n.occurred_on) for n in ClientNote.objects.all()) == []
    assert _off_days((r.pk, r.completed_on) for r in TrainingRecord.objects.all()) == []
    # An intake's decision too, unless it came in after the last working day before the
    # demo's today (then no working day has passed since).
    decided = [
        (i.pk, i.decided_on)
        for i in Intake.objects.exclude(decided_on=None)
        if deadlines.working_days_between(
            _local(i.received_at) - datetime.timedelta(days=1), demo_today
        )
    ]
    assert _off_days(decided) == []
