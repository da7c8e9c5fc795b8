"""Who is asked, and when: the daily job (tasks.py) invites after held network meetings,
approved client plans and events. Idempotent: the invitation's unique constraint keeps a second
run (or a re-run of the same day) from asking anyone twice.

After a network meeting: the child from 12 (as the portal lets them in) when the meeting's
record does not say the child was absent, and each current guardian of a child under 18
unless the meeting's invitee list says that guardian (by name) did not attend.
At a plan review (a plan approved, the first or a new version): the child from 12 and the
current guardians of a child under 18. Only people with an identity code (who can log in
to the portal) are asked.
After an event (monia/events): everyone present at one of its sessions at least — staff,
partners and experts by experience as themselves (they answer from /develop/), a portal
client as their row in the event's county's register (they answer in the portal).
"""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.utils import timezone

from monia.accounts.models import Role, User
from monia.casework.models import Case, ClientPlan, PlanStatus
from monia.events import selectors as event_selectors
from monia.feedback.models import ContextKind, Questionnaire, Trigger
from monia.feedback.services import invitations_for
from monia.netmeet.models import InviteeRole, MeetingStatus, NetworkMeeting
from monia.people.models import Person
from monia.portal.access import ADULT_AGE, PORTAL_MIN_AGE, age_on, client_persons

# How far back the job looks: a meeting recorded late is still asked about.
LOOKBACK_DAYS = 14


def _guardians(child: Person, day: datetime.date) -> list[Person]:
    return list(
        Person.objects.filter(
            Q(ties_from__ended_on__isnull=True) | Q(ties_from__ended_on__gt=day),
            ties_from__to_person=child,
            ties_from__is_guardian=True,
        )
        .exclude(identity_code="")
        .distinct()
    )


def _family(case: Case, day: datetime.date, *, child_present: bool) -> list[Person]:
    child = case.child
    age = age_on(child.birth_date, day)
    if age is None:
        return []
    out = []
    young_enough = age >= PORTAL_MIN_AGE or hasattr(child, "portal_access")
    if child_present and young_enough and child.identity_code:
        out.append(child)
    if age < ADULT_AGE:
        out += _guardians(child, day)
    return out


def _absent_guardian_names(meeting: NetworkMeeting) -> set[str]:
    return {
        i.family_member_name.strip().casefold()
        for i in meeting.invitees.all()
        if i.role == InviteeRole.GUARDIAN and i.attends is False
    }


def _active(county_id: int, trigger: str) -> list[Questionnaire]:
    return list(
        Questionnaire.objects.filter(
            county_id=county_id, trigger=trigger, active=True, published_at__isnull=False
        )
    )


def invite_after_meetings(*, today: datetime.date | None = None) -> int:
    """Invitations for the network meetings held in the last LOOKBACK_DAYS."""
    today = today or timezone.localdate()
    since = timezone.now() - datetime.timedelta(days=LOOKBACK_DAYS)
    meetings = (
        NetworkMeeting.objects.filter(
            status=MeetingStatus.HELD, held_at__gte=since, held_at__lte=timezone.now()
        )
        .select_related("case__child__portal_access")
        .prefetch_related("invitees")
    )
    made = 0
    for meeting in meetings:
        for q in _active(meeting.case.county_id, Trigger.AFTER_NETWORK_MEETING):
            made += meeting_invite(meeting, q, today=today)
    return made


def meeting_invite(
    meeting: NetworkMeeting, questionnaire: Questionnaire, *, today: datetime.date
) -> int:
    """Ask one held meeting's family one questionnaire (see the module's docstring)."""
    absent = _absent_guardian_names(meeting)
    present = not meeting.child_absent_reason.strip()
    people = [
        p
        for p in _family(meeting.case, today, child_present=present)
        if p.full_name.strip().casefold() not in absent
    ]
    return invitations_for(
        questionnaire,
        people,
        context_kind=ContextKind.NETWORK_MEETING,
        context_id=meeting.pk,
        context_date=timezone.localtime(meeting.held_at).date(),
        case_id=meeting.case_id,
        today=today,
    )


def invite_at_plan_reviews(*, today: datetime.date | None = None) -> int:
    """Invitations for the client plans approved in the last LOOKBACK_DAYS."""
    today = today or timezone.localdate()
    plans = ClientPlan.objects.filter(
        status=PlanStatus.APPROVED,
        approved_on__gte=today - datetime.timedelta(days=LOOKBACK_DAYS),
        approved_on__lte=today,
    ).select_related("case__child__portal_access")
    made = 0
    for plan in plans:
        questionnaires = _active(plan.case.county_id, Trigger.AT_PLAN_REVIEW)
        people = _family(plan.case, today, child_present=True) if questionnaires else []
        for q in questionnaires:
            made += invitations_for(
                q,
                people,
                context_kind=ContextKind.PLAN,
                context_id=plan.pk,
                context_date=plan.approved_on or today,
                case_id=plan.case_id,
                today=today,
            )
    return made


def invite_after_events(*, today: datetime.date | None = None) -> int:
    """Invitations for the events that ended in the last LOOKBACK_DAYS (see the module's
    docstring): one per person present, however many sessions they attended."""
    today = today or timezone.localdate()
    now = timezone.now()
    made = 0
    for event in event_selectors.events_ended_between(
        now - datetime.timedelta(days=LOOKBACK_DAYS), now
    ):
        questionnaires = _active(event.county_id, Trigger.AFTER_EVENT)
        if not questionnaires:
            continue
        respondents: list[Person | User] = []
        for registration in event_selectors.attended_registrations(event).select_related("user"):
            user = registration.user
            if user.role == Role.CLIENT:
                respondents += list(client_persons(user).filter(county_id=event.county_id)[:1])
            else:
                respondents.append(user)
        for q in questionnaires:
            made += invitations_for(
                q,
                respondents,
                context_kind=ContextKind.EVENT,
                context_id=event.pk,
                context_date=timezone.localtime(event.last_end).date(),
                today=today,
            )
    return made
