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

Each job reads its questionnaires, people and guardians once for all its meetings, plans
or events, and saves its invitations in one statement: its queries do not grow with them.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Mapping

from django.db.models import Q
from django.utils import timezone

from monia.accounts.models import Role, User
from monia.casework.models import Case, ClientPlan, PlanStatus
from monia.events import selectors as event_selectors
from monia.feedback.models import ContextKind, Invitation, Questionnaire, Trigger
from monia.feedback.services import invitation_build, invitations_create, invitations_for
from monia.netmeet.models import InviteeRole, MeetingStatus, NetworkMeeting
from monia.people.models import Person, Relationship
from monia.portal.access import ADULT_AGE, PORTAL_MIN_AGE, age_on, client_persons_by_user

# How far back the job looks: a meeting recorded late is still asked about.
LOOKBACK_DAYS = 14

Guardians = Mapping[int, list[Person]]  # a child's id → their current guardians


def _guardians(children: Iterable[Person], day: datetime.date) -> Guardians:
    """The current guardians with an identity code of each child, in one query."""
    ties = (
        Relationship.objects.filter(
            Q(ended_on__isnull=True) | Q(ended_on__gt=day),
            to_person__in=[c.pk for c in children],
            is_guardian=True,
        )
        .exclude(from_person__identity_code="")
        .select_related("from_person")
        .order_by("from_person_id")
    )
    found: dict[int, dict[int, Person]] = defaultdict(dict)
    for tie in ties:
        found[tie.to_person_id].setdefault(tie.from_person_id, tie.from_person)
    return {child_id: list(people.values()) for child_id, people in found.items()}


def _family(
    case: Case, day: datetime.date, *, child_present: bool, guardians: Guardians
) -> list[Person]:
    child = case.child
    age = age_on(child.birth_date, day)
    if age is None:
        return []
    out = []
    young_enough = age >= PORTAL_MIN_AGE or hasattr(child, "portal_access")
    if child_present and young_enough and child.identity_code:
        out.append(child)
    if age < ADULT_AGE:
        out += guardians.get(child.pk, [])
    return out


def _absent_guardian_names(meeting: NetworkMeeting) -> set[str]:
    return {
        i.family_member_name.strip().casefold()
        for i in meeting.invitees.all()
        if i.role == InviteeRole.GUARDIAN and i.attends is False
    }


def _active(county_ids: Iterable[int], trigger: str) -> dict[int, list[Questionnaire]]:
    """The questionnaires asked now on this trigger, by county: one query for all."""
    found: dict[int, list[Questionnaire]] = defaultdict(list)
    for q in Questionnaire.objects.filter(
        county_id__in=set(county_ids), trigger=trigger, active=True, published_at__isnull=False
    ).order_by("pk"):
        found[q.county_id].append(q)
    return found


def _meeting_people(
    meeting: NetworkMeeting, *, today: datetime.date, guardians: Guardians
) -> list[Person]:
    absent = _absent_guardian_names(meeting)
    present = not meeting.child_absent_reason.strip()
    return [
        p
        for p in _family(meeting.case, today, child_present=present, guardians=guardians)
        if p.full_name.strip().casefold() not in absent
    ]


def invite_after_meetings(*, today: datetime.date | None = None) -> int:
    """Invitations for the network meetings held in the last LOOKBACK_DAYS."""
    today = today or timezone.localdate()
    since = timezone.now() - datetime.timedelta(days=LOOKBACK_DAYS)
    meetings = list(
        NetworkMeeting.objects.filter(
            status=MeetingStatus.HELD, held_at__gte=since, held_at__lte=timezone.now()
        )
        .select_related("case__child__portal_access")
        .prefetch_related("invitees")
    )
    asked = _active((m.case.county_id for m in meetings), Trigger.AFTER_NETWORK_MEETING)
    meetings = [m for m in meetings if asked.get(m.case.county_id)]
    guardians = _guardians((m.case.child for m in meetings), today)
    return invitations_create(
        invitation_build(
            q,
            person,
            context_kind=ContextKind.NETWORK_MEETING,
            context_id=meeting.pk,
            context_date=timezone.localtime(meeting.held_at).date(),
            case_id=meeting.case_id,
            today=today,
        )
        for meeting in meetings
        for person in _meeting_people(meeting, today=today, guardians=guardians)
        for q in asked[meeting.case.county_id]
    )


def meeting_invite(
    meeting: NetworkMeeting, questionnaire: Questionnaire, *, today: datetime.date
) -> int:
    """Ask one held meeting's family one questionnaire (see the module's docstring)."""
    guardians = _guardians([meeting.case.child], today)
    return invitations_for(
        questionnaire,
        _meeting_people(meeting, today=today, guardians=guardians),
        context_kind=ContextKind.NETWORK_MEETING,
        context_id=meeting.pk,
        context_date=timezone.localtime(meeting.held_at).date(),
        case_id=meeting.case_id,
        today=today,
    )


def invite_at_plan_reviews(*, today: datetime.date | None = None) -> int:
    """Invitations for the client plans approved in the last LOOKBACK_DAYS."""
    today = today or timezone.localdate()
    plans = list(
        ClientPlan.objects.filter(
            status=PlanStatus.APPROVED,
            approved_on__gte=today - datetime.timedelta(days=LOOKBACK_DAYS),
            approved_on__lte=today,
        ).select_related("case__child__portal_access")
    )
    asked = _active((p.case.county_id for p in plans), Trigger.AT_PLAN_REVIEW)
    plans = [p for p in plans if asked.get(p.case.county_id)]
    guardians = _guardians((p.case.child for p in plans), today)
    return invitations_create(
        invitation_build(
            q,
            person,
            context_kind=ContextKind.PLAN,
            context_id=plan.pk,
            context_date=plan.approved_on or today,
            case_id=plan.case_id,
            today=today,
        )
        for plan in plans
        for person in _family(plan.case, today, child_present=True, guardians=guardians)
        for q in asked[plan.case.county_id]
    )


def _event_respondent(
    user: User, county_id: int, persons: Mapping[int, list[Person]]
) -> Person | User | None:
    """Staff and partners answer as themselves; a client as their row in the event's
    county's register (``persons``: the clients' rows), or not at all without one."""
    if user.role != Role.CLIENT:
        return user
    return next((p for p in persons.get(user.pk, []) if p.county_id == county_id), None)


def invite_after_events(*, today: datetime.date | None = None) -> int:
    """Invitations for the events that ended in the last LOOKBACK_DAYS (see the module's
    docstring): one per person present, however many sessions they attended."""
    today = today or timezone.localdate()
    now = timezone.now()
    events = event_selectors.events_ended_between(now - datetime.timedelta(days=LOOKBACK_DAYS), now)
    asked = _active((e.county_id for e in events), Trigger.AFTER_EVENT)
    by_id = {e.pk: e for e in events if asked.get(e.county_id)}
    present = list(
        event_selectors.attended_registrations(by_id.values()).select_related(
            "user__client_account"
        )
    )
    persons = client_persons_by_user(r.user for r in present if r.user.role == Role.CLIENT)
    invitations: list[Invitation] = []
    for registration in present:
        event = by_id[registration.event_id]
        respondent = _event_respondent(registration.user, event.county_id, persons)
        if respondent is None:
            continue
        invitations += [
            invitation_build(
                q,
                respondent,
                context_kind=ContextKind.EVENT,
                context_id=event.pk,
                context_date=timezone.localtime(event.last_end).date(),
                case_id=None,
                today=today,
            )
            for q in asked[event.county_id]
        ]
    return invitations_create(invitations)
